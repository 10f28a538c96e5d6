{{%AUTOESCAPE context="HTML"}}<h1>施策の一覧</h1>
<p class="lead">{{PLAN_TITLE:x-text}}の施策{{COUNT}}件を、基本方針ごとに並べています。施策の名前から、その施策の説明へ進めます。{{#HAS_PRIORITY}}「重点」と書いた{{N}}件は、計画が重点的に取り組むとしている施策です（元の計画では★印）。{{/HAS_PRIORITY}}</p>
{{#GROUP}}<section class="measure-group" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{TITLE:x-text}}</h2>
<ul class="measure-index">
{{#ITEM}}<li><a href="{{HREF}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{TITLE:x-text}}</a>{{#PRIORITY}} <strong class="badge">重点</strong>{{/PRIORITY}}<span class="measure-chapter">（{{CHAPTER:x-text}}）</span>
{{#FACTS}}<dl class="measure-facts">
{{#FACT}}<dt>{{LABEL:x-text}}</dt><dd>{{#TEXT}}{{TEXT:x-text}}{{/TEXT}}{{HTML:none}}</dd>
{{/FACT}}</dl>
{{/FACTS}}</li>
{{/ITEM}}</ul>
</section>
{{/GROUP}}
