{{%AUTOESCAPE context="HTML"}}<dl class="glossary">
{{#ENTRY}}<dt id="{{ID}}">{{TERM}}{{#READING}} <span class="reading">（{{TEXT}}）</span>{{/READING}}</dt>
<dd>
{{#ALIASES}}<p class="aliases">別名：{{TEXT}}</p>
{{/ALIASES}}{{#EXPANSION}}<p class="expansion" lang="en">{{TEXT}}</p>
{{/EXPANSION}}{{DEFINITION:none}}
{{#RELATED}}<p class="related">関連する用語：{{#LINK}}<a href="#{{ID}}">{{TERM}}</a>{{#LINK_separator}}、{{/LINK_separator}}{{/LINK}}</p>
{{/RELATED}}</dd>
{{/ENTRY}}</dl>
