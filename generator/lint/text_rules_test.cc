#include "lint/text_rules.h"

#include <catch2/catch.hpp>

namespace keikaku::lint {
namespace {

// "rule@offset" of every finding, to compare in one line.
std::vector<std::string> Found(std::string_view text) {
  std::vector<std::string> out;
  for (const Finding& f : CheckText(text)) out.push_back(f.rule + "@" + std::to_string(f.offset));
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("spaced-out words are found where they start", "[lint]") {
  CHECK(Found("「高 梁 市」の計画") == V{"lint.spaced-word@3"});
  CHECK(Found("D X 推進計画") == V{"lint.spaced-word@0"});
  CHECK(Found("推進計画（D X）") == V{"lint.spaced-word@15"});
  CHECK(Found("高　梁　市") == V{"lint.spaced-word@0"});  // full-width spaces
  std::vector<Finding> f = CheckText("本町は 高 梁 市 の東");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("「高 梁 市」") != std::string::npos);
  CHECK(f[0].hint.find("「高梁市」") != std::string::npos);
}

TEST_CASE("ordinary spacing is not a spaced-out word", "[lint]") {
  CHECK(Found("DX 推進計画の A 案と B 案").empty());      // a word, not letters
  CHECK(Found("市役所 前で").empty());                     // 前 alone, once
  CHECK(Found("第 1 章").empty());                         // digits are not letters
  CHECK(Found("| 〇 | 〇 |").empty());                     // table marks
  CHECK(Found("X推進 Y").empty());                         // X starts a word
  CHECK(Found("高\n梁\n市").empty());                      // lines are not spaces
  CHECK(Found("A B").size() == 1);
  CHECK(Found("- a").empty());
}

TEST_CASE("half-width katakana is found with its full-width form", "[lint]") {
  std::vector<Finding> f = CheckText("ﾃﾞｼﾞﾀﾙ化");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "lint.halfwidth-kana");
  CHECK(f[0].offset == 0);
  CHECK(f[0].hint.find("「デジタル」") != std::string::npos);
  CHECK(Found("デジタル").empty());
}

TEST_CASE("dates that are not read as dates, or do not exist", "[lint]") {
  CHECK(Found("R5.4.1から") == V{"lint.date-form@0"});
  CHECK(CheckText("R5.4.1から")[0].hint.find("「令和5年4月1日」") != std::string::npos);
  CHECK(Found("期限はH30.4") == V{"lint.date-form@9"});
  CHECK(Found("2023/4/1に施行") == V{"lint.date-form@0"});
  CHECK(CheckText("2023/4/1")[0].hint.find("「2023年4月1日」") != std::string::npos);
  CHECK(Found("令和5年13月1日") == V{"lint.date-invalid@0"});
  CHECK(Found("令和５年２月３０日") == V{"lint.date-invalid@0"});  // full-width digits
  CHECK(Found("2023年2月29日") == V{"lint.date-invalid@0"});
  CHECK(Found("R5.13.1") == V{"lint.date-invalid@0"});
  CHECK(Found("令和元年5月1日、2024年2月29日、令和5年度、2023年度").empty());
  CHECK(Found("https://example.jp/2023/4/1/index.html").empty());  // an address
  CHECK(Found("Ver.3.10.1 と DR5.4.1").empty());                   // not an era's initial
  CHECK(Found("1/2 と 30/40").empty());
}

TEST_CASE("findings come in order of offset", "[lint]") {
  CHECK(Found("ﾃｽﾄ と D X と R5.4.1") ==
        V{"lint.halfwidth-kana@0", "lint.spaced-word@14", "lint.date-form@22"});
}

}  // namespace
}  // namespace keikaku::lint
