{{%AUTOESCAPE context="HTML"}}<section class="section level-{{LEVEL}}" aria-labelledby="{{ID}}">
{{>HEADING}}
{{>CONTENT}}
{{#SECTION}}{{>SECTION_BODY}}{{/SECTION}}
</section>
