{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="ja"{{#FURIGANA_OFF}} class="furigana-off"{{/FURIGANA_OFF}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE:x-plain}}</title>
{{#DESCRIPTION}}<meta name="description" content="{{TEXT:x-plain}}">
{{/DESCRIPTION}}<meta property="og:title" content="{{SHARE_TITLE:x-plain}}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="{{SITE_TITLE:x-plain}}">
<meta property="og:locale" content="ja_JP">
{{#DESCRIPTION}}<meta property="og:description" content="{{TEXT:x-plain}}">
{{/DESCRIPTION}}{{#CANONICAL}}<meta property="og:url" content="{{URL}}">
<link rel="canonical" href="{{URL}}">
{{/CANONICAL}}{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{TITLE:x-plain}}" href="{{PLAN_ROOT}}feed.xml">
{{/FEED}}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{SHARE_TITLE:x-plain}}">
{{#DESCRIPTION}}<meta name="twitter:description" content="{{TEXT:x-plain}}">
{{/DESCRIPTION}}<link rel="stylesheet" href="{{ROOT}}{{STYLESHEET}}">
{{#SCRIPT}}<script src="{{ROOT}}{{SRC}}" defer></script>
{{/SCRIPT}}</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="{{ROOT}}index.html">{{SITE_TITLE:x-text}}</a></p>
{{#FURIGANA_SWITCH}}<button type="button" class="furigana-switch" aria-pressed="{{PRESSED}}" hidden>ふりがな</button>
{{/FURIGANA_SWITCH}}{{#PLAN}}<p class="plan-name"><a href="{{PLAN_ROOT}}index.html">{{MUNICIPALITY:x-text}} {{TITLE:x-text}}</a></p>
{{/PLAN}}</div>
</header>
{{#BREADCRUMBS}}<nav class="breadcrumbs" aria-label="現在位置">
<ol class="wrap">
{{#CRUMB}}<li>{{#LINK}}<a href="{{HREF}}">{{LABEL:x-text}}</a>{{/LINK}}{{#CURRENT}}<span aria-current="page">{{LABEL:x-text}}</span>{{/CURRENT}}</li>
{{/CRUMB}}</ol>
</nav>
{{/BREADCRUMBS}}<main id="main" class="wrap">
{{#DRAFT}}<p class="draft-notice">{{TEXT}}</p>
{{/DRAFT}}{{>BODY}}
{{#UPDATED}}<p class="page-updated">最終更新日：<time datetime="{{ISO}}">{{TEXT:x-text}}</time>{{#HISTORY}}（<a href="{{HREF}}">改訂履歴</a>）{{/HISTORY}}</p>
{{/UPDATED}}</main>
{{#PAGER}}<nav class="pager wrap" aria-label="前後のページ">
<ul>
{{#PREV}}<li class="prev"><a href="{{HREF}}" rel="prev"><span class="pager-label">前のページ</span> {{LABEL:x-text}}</a></li>
{{/PREV}}{{#NEXT}}<li class="next"><a href="{{HREF}}" rel="next"><span class="pager-label">次のページ</span> {{LABEL:x-text}}</a></li>
{{/NEXT}}</ul>
</nav>
{{/PAGER}}<footer class="site-footer">
<div class="wrap">
{{#CONTACT}}<section class="contact" aria-labelledby="contact-heading">
<h2 id="contact-heading">問い合わせ先</h2>
<address>
{{#PUBLISHER}}<p>{{TEXT:x-text}}</p>
{{/PUBLISHER}}{{#DEPARTMENT}}<p>{{TEXT:x-text}}</p>
{{/DEPARTMENT}}{{#ADDRESS}}<p>{{TEXT:x-text}}</p>
{{/ADDRESS}}{{#PHONE}}<p>電話：<a href="tel:{{TEL}}">{{TEXT}}</a></p>
{{/PHONE}}{{#EMAIL}}<p>メール：<a href="mailto:{{TEXT}}">{{TEXT}}</a></p>
{{/EMAIL}}{{#URL}}<p>ウェブサイト：<a href="{{TEXT}}">{{TEXT}}</a></p>
{{/URL}}</address>
</section>
{{/CONTACT}}<p><a href="{{ROOT}}accessibility.html">ウェブアクセシビリティ方針</a></p>
<p class="generator">{{SITE_TITLE:x-text}}（keikaku で作成）</p>
</div>
</footer>
</body>
</html>
