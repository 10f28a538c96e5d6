{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="lead">{{PLAN_TITLE}}で使われている用語の説明です。英字の用語をABC順に、続けてそのほかの用語をよみの五十音順に並べています。</p>
{{>GLOSSARY_LIST}}
