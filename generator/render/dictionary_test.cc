#include "render/dictionary.h"

#include <catch2/catch.hpp>
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <string>

namespace {

using keikaku::render::Dictionary;

// Templates that use every rule of lookup ctemplate's dictionaries have.
ctemplate::TemplateCache& Templates() {
  static ctemplate::TemplateCache* cache = [] {
    auto* c = new ctemplate::TemplateCache;
    auto add = [c](const char* name, const char* text) {
      REQUIRE(c->StringToTemplateCache(name, text, ctemplate::DO_NOT_STRIP));
    };
    add("page.tpl",
        "{{%AUTOESCAPE context=\"HTML\"}}<title>{{TITLE}}</title>{{SITE}}{{BI_SPACE}}[{{MISSING}}]{{BI_NEWLINE}}"
        "{{#ITEM}}<li>{{NAME}} of {{TITLE}}{{#ITEM_separator}}, {{/ITEM_separator}}"
        "{{#INNER}}({{NAME}}/{{DEEP}}){{/INNER}}</li>{{/ITEM}}"
        "{{#SHOWN}}shown with {{TITLE}}{{/SHOWN}}{{#HIDDEN}}never{{/HIDDEN}}"
        "<main>{{>BODY}}</main>{{>NOWHERE}}|{{COUNT}}|{{ROOT}}");
    add("body.tpl",
        "{{%AUTOESCAPE context=\"HTML\"}}<p>{{TEXT}}|{{TITLE}}|{{ROOT}}</p>"
        "{{#ROW}}<a href=\"{{ROOT}}{{HREF}}\">{{LABEL}}</a>{{#ROW_separator}}、{{/ROW_separator}}{{/ROW}}");
    add("other.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<aside>{{TEXT}}</aside>");
    return c;
  }();
  return *cache;
}

// The same filling for ctemplate's dictionary and keikaku's.
template <typename D>
void Fill(D& d) {
  d.SetTemplateGlobalValue("ROOT", "../");
  d.SetValue("TITLE", "First <title>");
  d.SetValue("TITLE", "計画 & \"題名\"");  // replaced
  d.SetValue("SITE", "町");
  d.SetIntValue("COUNT", -42);
  for (const char* name : {"一", "二", "三"}) {
    auto* item = d.AddSectionDictionary("ITEM");
    item->SetValue("NAME", name);
    if (std::string(name) == "二") {
      item->AddSectionDictionary("INNER")->SetValue("DEEP", "深い");
      item->AddSectionDictionary("INNER")->SetValue("NAME", "内側");
    }
  }
  d.ShowSection("SHOWN");
  d.ShowSection("SHOWN");  // still once
  for (const char* text : {"本文 <b>", "二つ目"}) {
    auto* body = d.AddIncludeDictionary("BODY");
    body->SetFilename("body.tpl");
    body->SetValue("TEXT", text);
    for (const char* label : {"a", "b"}) {
      auto* row = body->AddSectionDictionary("ROW");
      row->SetValue("HREF", std::string(label) + ".html?x=1&y=\"2\"");
      row->SetValue("LABEL", label);
    }
  }
  auto* other = d.AddIncludeDictionary("BODY");
  other->SetFilename("other.tpl");
  other->SetValue("TEXT", "別の部品");
  d.AddIncludeDictionary("NOWHERE");  // no file name: shows nothing
}

template <typename D>
std::string Expand(const D& d) {
  std::string out;
  REQUIRE(Templates().ExpandWithData("page.tpl", ctemplate::DO_NOT_STRIP, &d, nullptr, &out));
  return out;
}

}  // namespace

TEST_CASE("Dictionary expands templates as ctemplate's TemplateDictionary does", "[render][dictionary]") {
  ctemplate::TemplateDictionary theirs("page");
  Fill(theirs);
  Dictionary ours;
  Fill(ours);
  const std::string expected = Expand(theirs);
  CHECK(Expand(ours) == expected);
  // What the templates test is in the page: values looked up in parents, replaced values,
  // separators, sections shown once, includes without the page's values but with its
  // template-global ones, and escaping.
  CHECK(expected.find("<title>計画 &amp; &quot;題名&quot;</title>町 []\n") != std::string::npos);
  CHECK(expected.find("<li>二 of 計画") != std::string::npos);
  CHECK(expected.find("(二/深い)(内側/)") != std::string::npos);
  CHECK(expected.find("shown with 計画") != std::string::npos);
  CHECK(expected.find("never") == std::string::npos);
  CHECK(expected.find("<p>本文 &lt;b&gt;||../</p>") != std::string::npos);
  CHECK(expected.find("<a href=\"../a.html?x=1&amp;y=&quot;2&quot;\">a</a>、<a") != std::string::npos);
  CHECK(expected.find("<aside>別の部品</aside></main>|-42|../") != std::string::npos);
}

TEST_CASE("Dictionary: an empty dictionary shows no section and no include", "[render][dictionary]") {
  ctemplate::TemplateDictionary theirs("page");
  Dictionary ours;
  CHECK(Expand(ours) == Expand(theirs));
  CHECK(Expand(ours) == "<title></title> []\n<main></main>||");
}
