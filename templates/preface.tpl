{{%AUTOESCAPE context="HTML"}}<section class="preface" aria-labelledby="preface">
<h2 id="preface">{{TITLE}}</h2>
{{BODY:none}}
{{#SIGNED}}<p class="signature">{{#DATE}}<time datetime="{{ISO}}">{{TEXT}}</time><br>{{/DATE}}{{SIGNATURE}}</p>
{{/SIGNED}}</section>
