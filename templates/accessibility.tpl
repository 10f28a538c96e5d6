{{%AUTOESCAPE context="HTML"}}<h1>ウェブアクセシビリティ方針</h1>
<p>{{SITE_TITLE:x-text}}は、年齢や障害の有無、使う機器にかかわらず、誰もが計画を読めるように、ウェブアクセシビリティの確保と向上に取り組みます。</p>
<h2>目標とする適合レベル</h2>
<p>{{TARGET:x-text}}することを目標とします。</p>
<h2>対象範囲</h2>
<p>このサイトのすべてのページ（計画の概要、各章、全文、用語集など）を対象とします。</p>
{{#EXCEPTIONS}}<p>ただし、次のものは対象外とします。{{TEXT:x-text}}</p>
{{/EXCEPTIONS}}<h2>試験の結果</h2>
{{#NO_RESULTS}}<p>試験の結果は、まだ公開していません。</p>
{{/NO_RESULTS}}{{#RESULTS}}<p><time datetime="{{ISO}}">{{DATE}}</time>に、次の道具でこのサイトの {{PAGE_COUNT}} ページを自動試験しました。自動試験で確かめられるのは達成基準の一部です（画像の説明が適切か、音声読み上げでどう聞こえるかなどは、人が確かめる必要があります）。</p>
<ul>
{{#TOOL}}<li>{{NAME}} {{VERSION}}</li>
{{/TOOL}}</ul>
<div class="table-scroll" role="region" aria-labelledby="a11y-results-caption" tabindex="0">
<table>
<caption id="a11y-results-caption">試験の項目と結果</caption>
<thead><tr><th scope="col">項目</th><th scope="col">ページ数</th><th scope="col">結果</th></tr></thead>
<tbody>
{{#CHECK}}<tr><th scope="row">{{NAME}}</th><td>{{PAGES}}</td><td>{{RESULT}}</td></tr>
{{/CHECK}}</tbody>
</table>
</div>
<details>
<summary>試験したページ（{{PAGE_COUNT}} ページ）</summary>
<ul>
{{#PAGE}}<li>{{#LINK}}<a href="{{HREF}}">{{PATH}}</a>{{/LINK}}{{#GONE}}{{PATH}}（現在はありません）{{/GONE}}</li>
{{/PAGE}}</ul>
</details>
{{/RESULTS}}{{#CONTACT}}<h2>お気付きの点</h2>
<p>{{TEXT:x-text}}</p>
{{/CONTACT}}
