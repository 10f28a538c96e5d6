{{%AUTOESCAPE context="HTML"}}<h1>{{SITE_TITLE:x-text}}</h1>
{{#SITE_DESCRIPTION}}<p class="lead">{{TEXT:x-text}}</p>
{{/SITE_DESCRIPTION}}<h2>公開している計画</h2>
<ul class="plan-list">
{{#PLAN_ITEM}}<li>
<a href="{{HREF}}"><span class="plan-town">{{MUNICIPALITY:x-text}}</span> <span class="plan-title">{{TITLE:x-text}}</span></a>
<p class="plan-meta">{{KIND:x-text}}{{#PERIOD}}・計画期間 {{TEXT:x-text}}{{/PERIOD}}{{#DATE}}・{{TEXT:x-text}}{{/DATE}}</p>
</li>
{{/PLAN_ITEM}}</ul>
