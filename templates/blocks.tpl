{{%AUTOESCAPE context="HTML"}}{{#BLOCK}}{{#MARKDOWN}}{{HTML:none}}
{{/MARKDOWN}}{{#FIGURE}}<figure class="figure" aria-labelledby="{{ID}}">
{{#IMAGE}}<img src="{{SRC}}" alt="{{ALT:x-plain}}">
{{/IMAGE}}{{#DESCRIPTION}}<div class="figure-description">
<p class="figure-note">図の内容（文章による説明）</p>
{{HTML:none}}
</div>
{{/DESCRIPTION}}<figcaption id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{CAPTION:x-text}}{{#SOURCE}}<span class="figure-source">（出典：{{TEXT:x-text}}）</span>{{/SOURCE}}</figcaption>
</figure>
{{/FIGURE}}{{#TABLE}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table>
<caption id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT:x-text}}</span> {{/NUMBER}}{{CAPTION:x-text}}</caption>
{{#HEAD}}<thead><tr>{{#TH}}<th scope="col">{{TEXT:x-text}}</th>{{/TH}}</tr></thead>
{{/HEAD}}<tbody>
{{#ROW}}<tr>{{#CELL}}{{#TH}}<th scope="row"{{#ROWSPAN}} rowspan="{{N}}"{{/ROWSPAN}}{{#COLSPAN}} colspan="{{N}}"{{/COLSPAN}}>{{HTML:none}}</th>{{/TH}}{{#TD}}<td{{#ROWSPAN}} rowspan="{{N}}"{{/ROWSPAN}}{{#COLSPAN}} colspan="{{N}}"{{/COLSPAN}}>{{HTML:none}}</td>{{/TD}}{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#NOTE}}<div class="table-note">{{HTML:none}}</div>
{{/NOTE}}{{#SOURCE}}<p class="table-source">（出典：{{TEXT:x-text}}）</p>
{{/SOURCE}}{{/TABLE}}{{#CALLOUT}}<div class="callout">
{{#TITLE}}<p class="callout-title">{{TEXT:x-text}}</p>
{{/TITLE}}{{BODY:none}}
</div>
{{/CALLOUT}}{{#MEASURES}}<div class="measures">
{{#MEASURE}}<section class="measure" id="{{ID}}" aria-labelledby="{{ID}}-h">
{{>HEADING}}
{{#PRIORITY}}<p class="priority"><span aria-hidden="true">★</span>重点的に取り組む施策です。</p>
{{/PRIORITY}}{{#BODY}}{{HTML:none}}
{{/BODY}}{{#FIELDS}}<dl class="measure-fields">
{{#POLICY}}<dt>{{LABEL:x-text}}</dt><dd>{{TEXT:x-text}}</dd>
{{/POLICY}}{{#FIELD}}<dt>{{LABEL:x-text}}</dt><dd>{{HTML:none}}</dd>
{{/FIELD}}{{#OWNER}}<dt>{{LABEL:x-text}}</dt><dd>{{TEXT:x-text}}</dd>
{{/OWNER}}{{#RELATED}}<dt>{{LABEL:x-text}}</dt><dd>{{TEXT:x-text}}</dd>
{{/RELATED}}{{#TARGET}}<dt>{{LABEL:x-text}}</dt><dd>{{VALUE:x-text}}</dd>
{{/TARGET}}</dl>
{{/FIELDS}}</section>
{{/MEASURE}}</div>
{{/MEASURES}}{{#SCHEDULE}}<div class="schedule-block">
<div class="table-scroll schedule-table" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="schedule">
<caption id="{{ID}}">{{CAPTION:x-text}}</caption>
<thead><tr><th scope="col">{{ITEM_LABEL:x-text}}</th>{{#WHEN_HEAD}}<th scope="col">{{LABEL:x-text}}</th>{{/WHEN_HEAD}}{{#YEAR}}<th scope="col">{{WAREKI:x-text}}<span class="seireki">（{{SEIREKI:x-text}}）</span></th>{{/YEAR}}</tr></thead>
<tbody>
{{#ROW}}<tr class="depth-{{DEPTH}}"><th scope="row">{{#MEASURE_LINK}}<a href="{{HREF}}">{{/MEASURE_LINK}}{{ITEM:x-text}}{{#MEASURE_LINK}}</a>{{/MEASURE_LINK}}{{#WHEN_UNDER}}<span class="schedule-when">{{TEXT:x-text}}</span>{{/WHEN_UNDER}}</th>{{#WHEN_CELL}}<td>{{TEXT:x-text}}</td>{{/WHEN_CELL}}{{#YEAR}}<td class="{{CLASS}}">{{#BAR}}<span class="bar">実施{{#MORE}}<span aria-hidden="true">→</span><span class="vh">（以降も継続）</span>{{/MORE}}</span>{{/BAR}}{{#MILESTONE}}<span class="milestone"><span aria-hidden="true">◆</span>{{LABEL:x-text}}</span>{{/MILESTONE}}</td>{{/YEAR}}</tr>
{{/ROW}}</tbody>
</table>
</div>
<div class="schedule-list" role="group" aria-labelledby="{{ID}}-l">
<p class="schedule-caption" id="{{ID}}-l">{{CAPTION:x-text}}</p>
{{LIST_HTML:none}}</div>
{{#PERIOD}}<p class="table-note">対象の年度：{{TEXT:x-text}}</p>
{{/PERIOD}}{{#NOTE}}<div class="table-note">{{HTML:none}}</div>
{{/NOTE}}</div>
{{/SCHEDULE}}{{#ORGANIZATION}}<div class="organization">
{{#ROLES}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table>
<caption id="{{ID}}">{{CAPTION:x-text}}</caption>
<thead><tr><th scope="col">機能</th><th scope="col">担当</th><th scope="col">役割</th></tr></thead>
<tbody>
{{#ROLE}}<tr><th scope="row">{{FUNCTION:x-text}}</th><td>{{ASSIGNEE:x-text}}</td><td>{{ROLE:x-text}}</td></tr>
{{/ROLE}}</tbody>
</table>
</div>
{{/ROLES}}{{#UNITS}}<p class="units-caption">{{CAPTION:x-text}}</p>
{{UNITS_HTML:none}}
{{/UNITS}}{{#NOTE}}<div class="table-note">{{HTML:none}}</div>
{{/NOTE}}</div>
{{/ORGANIZATION}}{{#STATISTICS}}{{#CHART}}{{SVG:none}}
{{/CHART}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="statistics">
<caption id="{{ID}}">{{CAPTION:x-text}}{{#UNIT}}（単位：{{TEXT:x-text}}）{{/UNIT}}</caption>
<thead><tr><th scope="col">項目</th>{{#SERIES}}<th scope="col">{{NAME:x-text}}</th>{{/SERIES}}</tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{CATEGORY:x-text}}</th>{{#VALUE}}<td>{{TEXT:x-text}}</td>{{/VALUE}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#SOURCE}}<p class="table-source">（出典：{{TEXT:x-text}}）</p>
{{/SOURCE}}{{/STATISTICS}}{{#REFERENCES}}<div class="references">
{{#CAPTION}}<p class="references-caption">{{TEXT:x-text}}</p>
{{/CAPTION}}<ul>
{{#ITEM}}<li><cite>{{TITLE:x-text}}</cite>{{#META}}（{{TEXT:x-text}}）{{/META}}{{#URL}} <a href="{{TEXT}}">{{TEXT:x-text}}</a>{{/URL}}{{#NOTE}}<div class="reference-note">{{HTML:none}}</div>{{/NOTE}}</li>
{{/ITEM}}</ul>
</div>
{{/REFERENCES}}{{#TERMS}}<aside class="term-box" aria-label="用語解説">
<dl>
{{#TERM}}<dt id="{{ID}}"><a href="{{HREF}}">{{TERM:x-text}}</a></dt>
<dd>{{#EXPANSION}}<p class="expansion" lang="en">{{TEXT:x-text}}</p>{{/EXPANSION}}{{DEFINITION:none}}</dd>
{{/TERM}}</dl>
</aside>
{{/TERMS}}{{/BLOCK}}
