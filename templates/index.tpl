{{%AUTOESCAPE context="HTML"}}<h1>{{SITE_TITLE}}</h1>
{{#SITE_DESCRIPTION}}<p class="lead">{{TEXT}}</p>
{{/SITE_DESCRIPTION}}<h2>公開している計画</h2>
<ul class="plan-list">
{{#PLAN_ITEM}}<li>
<a href="{{HREF}}"><span class="plan-town">{{MUNICIPALITY}}</span> <span class="plan-title">{{TITLE}}</span></a>
<p class="plan-meta">{{KIND}}{{#PERIOD}}・計画期間 {{TEXT}}{{/PERIOD}}{{#DATE}}・{{TEXT}}{{/DATE}}</p>
</li>
{{/PLAN_ITEM}}</ul>
