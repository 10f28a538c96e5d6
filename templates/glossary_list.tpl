{{%AUTOESCAPE context="HTML"}}<dl class="glossary">
{{#ENTRY}}<dt id="{{ID}}">{{#TERM}}{{TERM:x-text}}{{/TERM}}{{#TERM_RUBY}}<ruby>{{TERM}}<rp>（</rp><rt aria-hidden="true">{{READING}}</rt><rp>）</rp></ruby>{{/TERM_RUBY}}</dt>
<dd>
{{#ALIASES}}<p class="aliases">別名：{{TEXT:x-text}}</p>
{{/ALIASES}}{{#EXPANSION}}<p class="expansion" lang="en">{{TEXT:x-text}}</p>
{{/EXPANSION}}{{DEFINITION:none}}
{{#USES}}<p class="term-uses">本文に戻る：{{#USE}}<a href="#{{ID}}" aria-label="{{LABEL}}">↩{{N}}</a>{{#USE_separator}} {{/USE_separator}}{{/USE}}</p>
{{/USES}}{{#IN_GLOSSARY}}<p class="term-more"><a href="{{HREF}}">用語集で見る</a></p>
{{/IN_GLOSSARY}}{{#PAGES}}<p class="term-pages">使われているページ：{{#PAGE}}<a href="{{HREF}}">{{LABEL:x-text}}</a>{{#PAGE_separator}}、{{/PAGE_separator}}{{/PAGE}}</p>
{{/PAGES}}{{#RELATED}}<p class="related">関連する用語：{{#LINK}}<a href="{{HREF}}">{{TERM:x-text}}</a>{{#LINK_separator}}、{{/LINK_separator}}{{/LINK}}</p>
{{/RELATED}}</dd>
{{/ENTRY}}</dl>
