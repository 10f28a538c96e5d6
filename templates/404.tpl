{{%AUTOESCAPE context="HTML"}}<h1>ページが見つかりません</h1>
<p>お探しのページは、移動したか削除された可能性があります。アドレスに誤りがないかお確かめください。</p>
<p><a href="{{ROOT}}index.html">{{SITE_TITLE:x-text}}のトップページへ</a></p>
