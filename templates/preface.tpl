{{%AUTOESCAPE context="HTML"}}<section class="preface" aria-labelledby="preface">
<h2 id="preface">{{TITLE:x-text}}</h2>
{{BODY:none}}
{{#SIGNED}}<p class="signature">{{#DATE}}<time datetime="{{ISO}}">{{TEXT:x-text}}</time><br>{{/DATE}}{{SIGNATURE:x-text}}</p>
{{/SIGNED}}</section>
