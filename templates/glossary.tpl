{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="lead">{{PLAN_TITLE}}で使われている用語の説明です。よみの五十音順（英字の用語はその前）に並べています。</p>
{{>GLOSSARY_LIST}}
