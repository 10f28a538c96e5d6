{{%AUTOESCAPE context="HTML"}}<div class="plan-cover">
<p class="plan-town">{{MUNICIPALITY:x-text}}{{#PREFECTURE}}（{{TEXT:x-text}}）{{/PREFECTURE}}</p>
<h1>{{TITLE:x-text}}</h1>
{{#SUBTITLE}}<p class="subtitle">{{TEXT:x-text}}</p>
{{/SUBTITLE}}{{#SLOGAN}}<p class="slogan">{{TEXT:x-text}}</p>
{{/SLOGAN}}<dl class="plan-facts">
<dt>種類</dt><dd>{{KIND:x-text}}</dd>
{{#VERSION}}<dt>版</dt><dd>{{TEXT:x-text}}</dd>
{{/VERSION}}{{#ESTABLISHED}}<dt>策定</dt><dd><time datetime="{{ISO}}">{{TEXT:x-text}}</time></dd>
{{/ESTABLISHED}}{{#REVISED}}<dt>改定</dt><dd><time datetime="{{ISO}}">{{TEXT:x-text}}</time></dd>
{{/REVISED}}{{#PERIOD}}<dt>計画期間</dt><dd>{{TEXT:x-text}}{{#NOTE}}<div class="period-note">{{HTML:none}}</div>{{/NOTE}}</dd>
{{/PERIOD}}</dl>
</div>
{{#PREFACE}}{{>PREFACE_BODY}}{{/PREFACE}}<nav class="toc" aria-labelledby="toc">
<h2 id="toc">目次</h2>
<ol>
{{#CHAPTER}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a>
{{#HAS_SECTIONS}}<ol>
{{#SECTION}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a></li>
{{/SECTION}}</ol>
{{/HAS_SECTIONS}}</li>
{{/CHAPTER}}{{#MEASURES}}<li><a href="{{HREF}}">施策の一覧</a></li>
{{/MEASURES}}{{#GLOSSARY}}<li><a href="{{HREF}}">用語集</a></li>
{{/GLOSSARY}}<li><a href="{{FULL_HREF}}">全文（1ページで読む・印刷用）</a></li>
</ol>
</nav>
{{#DATA}}<section class="open-data" aria-labelledby="open-data">
<h2 id="open-data">データ（オープンデータ）</h2>
<p>この計画の内容を、表計算ソフトやプログラムで使える形でも公開しています。CSV は Excel でそのまま開けます（文字コード UTF-8）。</p>
<ul>
{{#FILE}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a></li>
{{/FILE}}</ul>
{{#LICENSE}}<p>ライセンス: {{#URL}}<a href="{{HREF}}">{{/URL}}{{NAME:x-text}}{{#URL}}</a>{{/URL}}</p>
{{/LICENSE}}</section>
{{/DATA}}{{#REVISIONS}}<section aria-labelledby="revisions">
<h2 id="revisions">改訂履歴</h2>
<div class="table-scroll" role="region" aria-labelledby="revisions-caption" tabindex="0">
<table>
<caption id="revisions-caption">改訂履歴</caption>
<thead><tr><th scope="col">改訂日</th><th scope="col">改訂箇所</th><th scope="col">改訂内容</th></tr></thead>
<tbody>
{{#REVISION}}<tr><th scope="row"><time datetime="{{ISO}}">{{DATE:x-text}}</time></th><td>{{PART:x-text}}</td><td>{{DESCRIPTION:x-text}}</td></tr>
{{/REVISION}}</tbody>
</table>
</div>
</section>
{{/REVISIONS}}
{{#PAGE_TERMS}}<section class="page-terms" aria-labelledby="page-terms">
<h2 id="page-terms">このページの用語</h2>
{{>GLOSSARY_LIST}}
</section>
{{/PAGE_TERMS}}
