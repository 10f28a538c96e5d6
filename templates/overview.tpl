{{%AUTOESCAPE context="HTML"}}<div class="plan-cover">
{{>COVER}}</div>
{{#PREFACE}}{{>PREFACE_BODY}}{{/PREFACE}}<nav class="toc" aria-labelledby="toc">
<h2 id="toc">目次</h2>
<ol>
{{#CHAPTER}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a>
{{#HAS_SECTIONS}}<ol>
{{#SECTION}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a></li>
{{/SECTION}}</ol>
{{/HAS_SECTIONS}}</li>
{{/CHAPTER}}{{#MEASURES}}<li><a href="{{HREF}}">施策の一覧</a></li>
{{/MEASURES}}{{#GLOSSARY}}<li><a href="{{HREF}}">用語集</a></li>
{{/GLOSSARY}}{{#REVISIONS}}<li><a href="{{HREF}}">改訂履歴</a></li>
{{/REVISIONS}}<li><a href="{{FULL_HREF}}">全文（1ページで読む・印刷用）</a></li>
</ol>
</nav>
{{#DATA}}<section class="open-data" aria-labelledby="open-data">
<h2 id="open-data">データ（オープンデータ）</h2>
<p>この計画の内容を、表計算ソフトやプログラムで使える形でも公開しています。CSV は Excel でそのまま開けます（文字コード UTF-8）。</p>
<ul>
{{#FILE}}<li><a href="{{HREF}}">{{LABEL:x-text}}</a></li>
{{/FILE}}</ul>
{{#LICENSE}}<p>ライセンス: {{#URL}}<a href="{{HREF}}">{{/URL}}{{NAME:x-text}}{{#URL}}</a>{{/URL}}</p>
{{/LICENSE}}</section>
{{/DATA}}{{#PAGE_TERMS}}<section class="page-terms" aria-labelledby="page-terms">
<h2 id="page-terms">このページの用語</h2>
{{>GLOSSARY_LIST}}
</section>
{{/PAGE_TERMS}}
