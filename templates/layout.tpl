{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
{{#DESCRIPTION}}<meta name="description" content="{{TEXT}}">
{{/DESCRIPTION}}<link rel="stylesheet" href="{{ROOT}}{{STYLESHEET}}">
{{#SCRIPT}}<script src="{{ROOT}}{{SRC}}" defer></script>
{{/SCRIPT}}</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="{{ROOT}}index.html">{{SITE_TITLE}}</a></p>
{{#PLAN}}<p class="plan-name"><a href="{{PLAN_ROOT}}index.html">{{MUNICIPALITY}} {{TITLE}}</a></p>
{{/PLAN}}</div>
</header>
{{#BREADCRUMBS}}<nav class="breadcrumbs" aria-label="現在位置">
<ol class="wrap">
{{#CRUMB}}<li>{{#LINK}}<a href="{{HREF}}">{{LABEL}}</a>{{/LINK}}{{#CURRENT}}<span aria-current="page">{{LABEL}}</span>{{/CURRENT}}</li>
{{/CRUMB}}</ol>
</nav>
{{/BREADCRUMBS}}<main id="main" class="wrap">
{{>BODY}}
</main>
{{#PAGER}}<nav class="pager wrap" aria-label="前後のページ">
<ul>
{{#PREV}}<li class="prev"><a href="{{HREF}}" rel="prev"><span class="pager-label">前のページ</span> {{LABEL}}</a></li>
{{/PREV}}{{#NEXT}}<li class="next"><a href="{{HREF}}" rel="next"><span class="pager-label">次のページ</span> {{LABEL}}</a></li>
{{/NEXT}}</ul>
</nav>
{{/PAGER}}<footer class="site-footer">
<div class="wrap">
{{#CONTACT}}<section class="contact" aria-labelledby="contact-heading">
<h2 id="contact-heading">問い合わせ先</h2>
<address>
{{#PUBLISHER}}<p>{{TEXT}}</p>
{{/PUBLISHER}}{{#DEPARTMENT}}<p>{{TEXT}}</p>
{{/DEPARTMENT}}{{#ADDRESS}}<p>{{TEXT}}</p>
{{/ADDRESS}}{{#PHONE}}<p>電話：<a href="tel:{{TEL}}">{{TEXT}}</a></p>
{{/PHONE}}{{#EMAIL}}<p>メール：<a href="mailto:{{TEXT}}">{{TEXT}}</a></p>
{{/EMAIL}}{{#URL}}<p>ウェブサイト：<a href="{{TEXT}}">{{TEXT}}</a></p>
{{/URL}}</address>
</section>
{{/CONTACT}}<p class="generator">{{SITE_TITLE}}（keikaku で作成）</p>
</div>
</footer>
</body>
</html>
