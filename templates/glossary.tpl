{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING:x-text}}</h1>
<p class="lead">{{PLAN_TITLE:x-text}}で使われている用語の説明です。英字の用語をABC順に、続けてそのほかの用語をよみの五十音順に並べています。</p>
<nav class="kana-index" aria-label="用語の索引">
<ul>
{{#INDEX}}<li>{{#LINK}}<a href="#{{ID}}">{{LABEL:x-text}}</a>{{/LINK}}{{#EMPTY}}<span class="empty">{{LABEL:x-text}}<span class="vh">（用語なし）</span></span>{{/EMPTY}}</li>
{{/INDEX}}</ul>
</nav>
{{#GROUP}}<section class="glossary-group" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{LABEL:x-text}}</h2>
{{>GLOSSARY_LIST}}
</section>
{{/GROUP}}