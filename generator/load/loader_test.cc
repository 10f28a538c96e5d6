#include "load/loader.h"

#include <catch2/catch.hpp>

#include "schema/schema.h"

namespace {

using keikaku::diag::Diagnostics;
using keikaku::load::ParseContent;

const keikaku::schema::Schema& S() { return keikaku::schema::ContentSchema(); }

// Parses `text` as a chapter file and returns the formatted diagnostics.
std::string ChapterErrors(const std::string& text) {
  Diagnostics diags;
  auto node = ParseContent("chapter-1.yaml", text, *S().chapter, diags);
  CHECK(node.has_value() == !diags.has_errors());
  return diags.Format({{"chapter-1.yaml", text}});
}

}  // namespace

TEST_CASE("a valid chapter loads into the model", "[load]") {
  std::string text =
      "number: 第1章\n"
      "title: 策定の趣旨\n"
      "sections:\n"
      "  - number: \"1.1\"\n"
      "    title: 背景\n"
      "    content:\n"
      "      - |\n"
      "        本町では、\n"
      "        DXを進めます。\n"
      "      - callout:\n"
      "          body: 理念\n";
  Diagnostics diags;
  auto node = ParseContent("c.yaml", text, *S().chapter, diags);
  REQUIRE(node);
  auto chapter = keikaku::load::BuildChapter(node->root(), "c.yaml", text);
  CHECK(chapter.title == "策定の趣旨");
  REQUIRE(chapter.sections.size() == 1);
  CHECK(chapter.sections[0].number == "1.1");
  REQUIRE(chapter.sections[0].content.size() == 2);
  const auto& md = std::get<keikaku::model::Markdown>(chapter.sections[0].content[0]);
  CHECK(md.text == "本町では、\nDXを進めます。\n");
  CHECK(md.pos.line == 7);
  REQUIRE(md.anchors.size() == 4);  // each line and each line break
  CHECK(md.anchors[0].line == 8);
  CHECK(md.anchors[0].column == 9);
  CHECK(md.anchors[2].offset == md.text.find("DX"));
  CHECK(md.anchors[2].line == 9);
  CHECK(md.anchors[2].column == 9);
  CHECK(std::holds_alternative<keikaku::model::Callout>(chapter.sections[0].content[1]));
}

TEST_CASE("an unknown key is reported at its position with a suggestion", "[load]") {
  CHECK(ChapterErrors("number: 第1章\ntitel: 趣旨\n") ==
        "chapter-1.yaml:2:1: error [schema.unknown-key] 「章のファイル」に不明なキー「titel」があります。\n"
        "    titel: 趣旨\n"
        "    ^\n"
        "    ヒント: 「title」のことですか？ 使えるキー: number, title, content, sections, furigana, draft\n");
  CHECK(ChapterErrors("number: 第1章\n").rfind(
            "chapter-1.yaml:1:1: error [schema.required] 「章のファイル」に必須のキー「title」がありません。\n"
            "    number: 第1章\n"
            "    ^\n"
            "    ヒント: title: に章の見出しを書いてください。\n", 0) == 0);
}

TEST_CASE("duplicate keys are errors, though yaml-cpp accepts them", "[load]") {
  std::string out = ChapterErrors("title: 一\nnumber: 第1章\ntitle: 二\n");
  CHECK(out.rfind("chapter-1.yaml:3:1: error [yaml.duplicate-key] キー「title」が重複しています（1 行目にもあります）。", 0) == 0);
}

TEST_CASE("columns count characters, not bytes, after Japanese text", "[load]") {
  std::string out = ChapterErrors("title: 趣旨\nsections:\n  - 見出し: あ\n");
  // 「見出し」 starts at character 5 of line 3; the caret sits under it (two cells per kanji).
  CHECK(out.rfind("chapter-1.yaml:3:5: error [schema.unknown-key]", 0) == 0);
  CHECK(out.find("    " "  - 見出し: あ\n" "        ^\n") != std::string::npos);
}

TEST_CASE("wrong types name the key path and what is expected", "[load]") {
  Diagnostics diags;
  std::string text =
      "municipality: 勝央町\n"
      "title: 方針\n"
      "kind: 基本方針\n"
      "established: 令和3年13月\n"
      "period: {from: 2023, to: 来年}\n"
      "chapters: chapter-1.yaml\n";
  ParseContent("plan.yaml", text, *S().plan, diags);
  auto items = diags.Sorted();
  REQUIRE(items.size() == 4);
  CHECK(items[0].pos.line == 1);
  CHECK(items[0].pos.column == 15);
  CHECK(items[0].rule == "schema.type");
  CHECK(items[0].message == "「municipality」にはキーと値の組（マップ）を書いてください（「勝央町」が書かれています）。");
  CHECK(items[1].pos.line == 4);
  CHECK(items[1].rule == "schema.date");
  CHECK(items[2].pos.line == 5);
  CHECK(items[2].pos.column == 26);
  CHECK(items[2].rule == "schema.fiscal-year");
  CHECK(items[3].pos.line == 6);
  CHECK(items[3].message == "「chapters」にはリストを書いてください（「chapter-1.yaml」が書かれています）。");
}

TEST_CASE("YAML syntax errors keep yaml-cpp's position and speak Japanese", "[load]") {
  std::string out = ChapterErrors("title: 趣旨\nsections: [a, b\n");
  CHECK(out.rfind("chapter-1.yaml:2:11: error [yaml.syntax] リストの「[」が閉じられていません。", 0) == 0);  // the doctor's finding
  out = ChapterErrors("title: 趣旨\n number: 1\n");
  CHECK(out.rfind("chapter-1.yaml:2:8: error [yaml.syntax] ここに「キー: 値」は書けません。", 0) == 0);
  // A block map whose indentation changes half-way is an indentation error, not a missing "}".
  out = ChapterErrors("title: 趣旨\nsections:\n  - title: a\n - title: b\n");
  CHECK(out.rfind("chapter-1.yaml:4:2: error [yaml.syntax] 字下げがそろっていません", 0) == 0);
}

TEST_CASE("tabs in indentation are reported where they are", "[load]") {
  std::string out = ChapterErrors("title: 趣旨\nsections:\n\t- title: a\n");
  CHECK(out.rfind("chapter-1.yaml:3:1: error [yaml.tab] インデントにタブ文字が使われています。", 0) == 0);
}

TEST_CASE("text that is not UTF-8 is reported with its position", "[load]") {
  // "title: " then 趣旨 in Shift_JIS.
  std::string out = ChapterErrors("number: 1\ntitle: \x8e\xef\x8e\x7c\n");
  CHECK(out.rfind("chapter-1.yaml:2:8: error [encoding.utf8] UTF-8 として読めない文字があります。", 0) == 0);
}

TEST_CASE("a block takes exactly one kind", "[load]") {
  std::string out = ChapterErrors(
      "title: 趣旨\ncontent:\n  - callout: {body: a}\n    figure: {caption: b, description: c}\n");
  CHECK(out.find("chapter-1.yaml:3:5: error [schema.block-kind]") != std::string::npos);
}

TEST_CASE("an empty file and an empty required value are errors", "[load]") {
  CHECK(ChapterErrors("").rfind("chapter-1.yaml:1:1: error [content.empty]", 0) == 0);
  CHECK(ChapterErrors("title:\n").rfind("chapter-1.yaml:1:1: error [schema.empty]", 0) == 0);
}

TEST_CASE("a glossary names each term once and reads in hiragana", "[load][glossary]") {
  std::string text =
      "terms:\n"
      "  - term: DX\n"
      "    definition: 変革\n"
      "  - term: デジタル・トランスフォーメーション\n"
      "    reading: デジタル\n"
      "    aliases: [DX]\n"
      "    definition: 変革\n"
      "  - term: 行政手続\n"
      "    definition: 手続\n";
  Diagnostics diags;
  auto node = ParseContent("glossary.yaml", text, *S().glossary, diags);
  REQUIRE(node);
  auto entries = keikaku::load::BuildGlossary(node->root(), "glossary.yaml", text);
  CHECK_FALSE(keikaku::load::CheckGlossary(entries, diags));
  std::string out = diags.Format({{"glossary.yaml", text}});
  CHECK(out.find("glossary.yaml:6:15: error [glossary.duplicate] 「DX」は用語集の別の用語（2行目の「DX」）にもあります。") !=
        std::string::npos);
  CHECK(out.find("glossary.yaml:5:14: warning [glossary.reading] 用語「デジタル・トランスフォーメーション」のよみ「デジタル」がひらがなではありません。") !=
        std::string::npos);
  CHECK(out.find("glossary.yaml:8:5: warning [glossary.reading] 用語「行政手続」によみがないため") != std::string::npos);
  CHECK(diags.error_count() == 1);
}
