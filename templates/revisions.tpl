{{%AUTOESCAPE context="HTML"}}<h1>改訂履歴</h1>
<p class="lead">{{PLAN_TITLE:x-text}}の策定と改定の記録です。最終更新日は<time datetime="{{LAST_ISO}}">{{LAST:x-text}}</time>です。</p>
<div class="table-scroll" role="region" aria-labelledby="revisions-caption" tabindex="0">
<table class="revisions">
<caption id="revisions-caption">改訂履歴（古い順）</caption>
<thead><tr><th scope="col">改訂日</th><th scope="col">改訂箇所</th><th scope="col">改訂内容</th></tr></thead>
<tbody>
{{#REVISION}}<tr id="{{ID}}"><th scope="row"><time datetime="{{ISO}}">{{DATE:x-text}}</time></th><td>{{PART:x-text}}</td><td>{{DESCRIPTION:x-text}}</td></tr>
{{/REVISION}}</tbody>
</table>
</div>
<section class="feed-info" aria-labelledby="feed-heading">
<h2 id="feed-heading">更新のお知らせを受け取る</h2>
<p>この計画が改定されたことを、フィードリーダー（RSS リーダー）で受け取れます。次のリンクのアドレスを、フィードリーダーに登録してください。</p>
<p><a href="feed.xml" type="application/atom+xml">改訂履歴のフィード（Atom 形式）</a></p>
</section>
