{{%AUTOESCAPE context="HTML"}}<article class="full-text">
<h1>{{TITLE:x-text}}</h1>
<p class="plan-town">{{MUNICIPALITY:x-text}}</p>
{{#SLOGAN}}<p class="slogan">{{TEXT:x-text}}</p>
{{/SLOGAN}}{{#FACTS}}<p class="plan-facts-line">{{TEXT:x-text}}</p>
{{/FACTS}}{{#PREFACE}}{{>PREFACE_BODY}}{{/PREFACE}}{{#CHAPTER}}<section class="chapter" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{TITLE:x-text}}</h2>
{{>CONTENT}}
{{#SECTION}}{{>SECTION_BODY}}{{/SECTION}}
</section>
{{/CHAPTER}}{{#GLOSSARY}}<section class="glossary-section" aria-labelledby="glossary">
<h2 id="glossary">用語集</h2>
{{>GLOSSARY_LIST}}
</section>
{{/GLOSSARY}}</article>
