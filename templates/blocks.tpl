{{%AUTOESCAPE context="HTML"}}{{#BLOCK}}{{#MARKDOWN}}{{HTML:none}}
{{/MARKDOWN}}{{#FIGURE}}<figure class="figure" aria-labelledby="{{ID}}">
{{#IMAGE}}<img src="{{SRC}}" alt="{{ALT}}">
{{/IMAGE}}{{#DESCRIPTION}}<div class="figure-description">
<p class="figure-note">図の内容（文章による説明）</p>
{{HTML:none}}
</div>
{{/DESCRIPTION}}<figcaption id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT}}</span> {{/NUMBER}}{{CAPTION}}{{#SOURCE}}<span class="figure-source">（出典：{{TEXT}}）</span>{{/SOURCE}}</figcaption>
</figure>
{{/FIGURE}}{{#TABLE}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table>
<caption id="{{ID}}">{{#NUMBER}}<span class="num">{{TEXT}}</span> {{/NUMBER}}{{CAPTION}}</caption>
{{#HEAD}}<thead><tr>{{#TH}}<th scope="col">{{TEXT}}</th>{{/TH}}</tr></thead>
{{/HEAD}}<tbody>
{{#ROW}}<tr>{{#CELL}}{{#TH}}<th scope="row"{{#ROWSPAN}} rowspan="{{N}}"{{/ROWSPAN}}{{#COLSPAN}} colspan="{{N}}"{{/COLSPAN}}>{{HTML:none}}</th>{{/TH}}{{#TD}}<td{{#ROWSPAN}} rowspan="{{N}}"{{/ROWSPAN}}{{#COLSPAN}} colspan="{{N}}"{{/COLSPAN}}>{{HTML:none}}</td>{{/TD}}{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#NOTE}}<div class="table-note">{{HTML:none}}</div>
{{/NOTE}}{{#SOURCE}}<p class="table-source">（出典：{{TEXT}}）</p>
{{/SOURCE}}{{/TABLE}}{{#CALLOUT}}<div class="callout">
{{#TITLE}}<p class="callout-title">{{TEXT}}</p>
{{/TITLE}}{{BODY:none}}
</div>
{{/CALLOUT}}{{#MEASURES}}<div class="measures">
{{#MEASURE}}<section class="measure" id="{{ID}}" aria-labelledby="{{ID}}-h">
{{>HEADING}}
{{#PRIORITY}}<p class="priority"><span aria-hidden="true">★</span>重点的に取り組む施策です。</p>
{{/PRIORITY}}{{#BODY}}{{HTML:none}}
{{/BODY}}{{#FIELDS}}<dl class="measure-fields">
{{#POLICY}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/POLICY}}{{#FIELD}}<dt>{{LABEL}}</dt><dd>{{HTML:none}}</dd>
{{/FIELD}}{{#OWNER}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/OWNER}}{{#RELATED}}<dt>{{LABEL}}</dt><dd>{{TEXT}}</dd>
{{/RELATED}}{{#TARGET}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/TARGET}}</dl>
{{/FIELDS}}</section>
{{/MEASURE}}</div>
{{/MEASURES}}{{#SCHEDULE}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="schedule">
<caption id="{{ID}}">{{CAPTION}}</caption>
<thead><tr><th scope="col">{{ITEM_LABEL}}</th>{{#WHEN_HEAD}}<th scope="col">{{LABEL}}</th>{{/WHEN_HEAD}}{{#YEAR}}<th scope="col">{{WAREKI}}<span class="seireki">（{{SEIREKI}}）</span></th>{{/YEAR}}</tr></thead>
<tbody>
{{#ROW}}<tr class="depth-{{DEPTH}}"><th scope="row">{{ITEM}}</th>{{#WHEN_CELL}}<td>{{TEXT}}</td>{{/WHEN_CELL}}{{#YEAR}}{{#ON}}<td class="on"><span class="bar">実施</span></td>{{/ON}}{{#OFF}}<td class="off"></td>{{/OFF}}{{/YEAR}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#PERIOD}}<p class="table-note">対象の年度：{{TEXT}}</p>
{{/PERIOD}}{{#NOTE}}<div class="table-note">{{HTML:none}}</div>
{{/NOTE}}{{/SCHEDULE}}{{#ORGANIZATION}}<div class="organization">
{{#ROLES}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table>
<caption id="{{ID}}">{{CAPTION}}</caption>
<thead><tr><th scope="col">機能</th><th scope="col">担当</th><th scope="col">役割</th></tr></thead>
<tbody>
{{#ROLE}}<tr><th scope="row">{{FUNCTION}}</th><td>{{ASSIGNEE}}</td><td>{{ROLE}}</td></tr>
{{/ROLE}}</tbody>
</table>
</div>
{{/ROLES}}{{#UNITS}}<p class="units-caption">{{CAPTION}}</p>
{{UNITS_HTML:none}}
{{/UNITS}}</div>
{{/ORGANIZATION}}{{#STATISTICS}}<div class="table-scroll" role="region" aria-labelledby="{{ID}}" tabindex="0">
<table class="statistics">
<caption id="{{ID}}">{{CAPTION}}{{#UNIT}}（単位：{{TEXT}}）{{/UNIT}}</caption>
<thead><tr><th scope="col">項目</th>{{#SERIES}}<th scope="col">{{NAME}}</th>{{/SERIES}}</tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{CATEGORY}}</th>{{#VALUE}}<td>{{TEXT}}</td>{{/VALUE}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#SOURCE}}<p class="table-source">（出典：{{TEXT}}）</p>
{{/SOURCE}}{{/STATISTICS}}{{#REFERENCES}}<div class="references">
{{#CAPTION}}<p class="references-caption">{{TEXT}}</p>
{{/CAPTION}}<ul>
{{#ITEM}}<li><cite>{{TITLE}}</cite>{{#META}}（{{TEXT}}）{{/META}}{{#URL}} <a href="{{TEXT}}">{{TEXT}}</a>{{/URL}}{{#NOTE}}<div class="reference-note">{{HTML:none}}</div>{{/NOTE}}</li>
{{/ITEM}}</ul>
</div>
{{/REFERENCES}}{{#TERMS}}<aside class="term-box" aria-label="用語解説">
<dl>
{{#TERM}}<dt id="{{ID}}"><a href="{{HREF}}">{{TERM}}</a></dt>
<dd>{{#EXPANSION}}<p class="expansion" lang="en">{{TEXT}}</p>{{/EXPANSION}}{{DEFINITION:none}}</dd>
{{/TERM}}</dl>
</aside>
{{/TERMS}}{{/BLOCK}}
