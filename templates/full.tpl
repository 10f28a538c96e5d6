{{%AUTOESCAPE context="HTML"}}<article class="full-text">
<header class="full-cover">
{{>COVER}}{{#SOURCE}}<p class="print-source">この文書のウェブ版：{{URL:x-text}}</p>
{{/SOURCE}}</header>
{{#PREFACE}}{{>PREFACE_BODY}}{{/PREFACE}}{{#CHAPTER}}<section class="chapter" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{TITLE:x-text}}</h2>
{{>CONTENT}}
{{#SECTION}}{{>SECTION_BODY}}{{/SECTION}}
</section>
{{/CHAPTER}}{{#GLOSSARY}}<section class="glossary-section" aria-labelledby="glossary">
<h2 id="glossary">用語集</h2>
{{>GLOSSARY_LIST}}
</section>
{{/GLOSSARY}}</article>
