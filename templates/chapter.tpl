{{%AUTOESCAPE context="HTML"}}<article class="chapter">
<h1 id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{TITLE:x-text}}</h1>
{{#HAS_TOC}}<nav class="page-toc" aria-label="この章の内容">
<ol>
{{#TOC_ITEM}}<li><a href="#{{ID}}">{{LABEL:x-text}}</a></li>
{{/TOC_ITEM}}</ol>
</nav>
{{/HAS_TOC}}{{>CONTENT}}
{{#SECTION}}{{>SECTION_BODY}}{{/SECTION}}
{{#PAGE_TERMS}}<section class="page-terms" aria-labelledby="page-terms">
<h2 id="page-terms">このページの用語</h2>
{{>GLOSSARY_LIST}}
</section>
{{/PAGE_TERMS}}</article>
