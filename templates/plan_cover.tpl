{{%AUTOESCAPE context="HTML"}}<p class="plan-town">{{MUNICIPALITY:x-text}}{{#PREFECTURE}}（{{TEXT:x-text}}）{{/PREFECTURE}}</p>
<h1>{{TITLE:x-text}}</h1>
{{#SUBTITLE}}<p class="subtitle">{{TEXT:x-text}}</p>
{{/SUBTITLE}}{{#SLOGAN}}<p class="slogan">{{TEXT:x-text}}</p>
{{/SLOGAN}}<dl class="plan-facts">
<dt>種類</dt><dd>{{KIND:x-text}}</dd>
{{#VERSION}}<dt>版</dt><dd>{{TEXT:x-text}}</dd>
{{/VERSION}}{{#ESTABLISHED}}<dt>策定</dt><dd><time datetime="{{ISO}}">{{TEXT:x-text}}</time></dd>
{{/ESTABLISHED}}{{#REVISED}}<dt>改定</dt><dd><time datetime="{{ISO}}">{{TEXT:x-text}}</time></dd>
{{/REVISED}}{{#UPDATED}}<dt>最終更新日</dt><dd><time datetime="{{ISO}}">{{TEXT:x-text}}</time></dd>
{{/UPDATED}}{{#PERIOD}}<dt>計画期間</dt><dd>{{TEXT:x-text}}{{#NOTE}}<div class="period-note">{{HTML:none}}</div>{{/NOTE}}</dd>
{{/PERIOD}}</dl>
