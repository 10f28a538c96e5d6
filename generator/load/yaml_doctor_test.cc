#include "load/yaml_doctor.h"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "io/file.h"
#include "load/loader.h"
#include "load/yaml_doc.h"
#include "schema/schema.h"

using keikaku::load::YamlDoc;

namespace fs = std::filesystem;
using keikaku::load::CheckAliasExpansion;
using keikaku::load::ExamineYaml;
using keikaku::load::YamlCheckup;

namespace {

const keikaku::schema::Schema& S() { return keikaku::schema::ContentSchema(); }

// "LINE:COLUMN certain|explains MESSAGE" for each finding of `text` read as `type`.
std::vector<std::string> Findings(const std::string& text, const keikaku::schema::Type* type = nullptr) {
  std::vector<std::string> out;
  for (const auto& f : ExamineYaml(text, type ? *type : *S().chapter).findings) {
    out.push_back(std::to_string(f.line) + ":" + std::to_string(f.column) + (f.certain ? " certain " : " explains ") +
                  f.message);
  }
  return out;
}

using Strings = std::vector<std::string>;

// The first finding of ParseContent as "LINE:COLUMN RULE".
std::string FirstError(const std::string& text, const keikaku::schema::Type* type = nullptr) {
  keikaku::diag::Diagnostics diags;
  auto node = keikaku::load::ParseContent("f.yaml", text, type ? *type : *S().chapter, diags);
  if (node || diags.items().empty()) return "";
  const auto& d = diags.items().front();
  return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.rule;
}

}  // namespace

TEST_CASE("the doctor points at a string that is never closed", "[load][doctor]") {
  // Swallowing a key at the indentation of the one that opened it (yaml-cpp reports the
  // next line, or nothing when a quote on that line closes the string).
  CHECK(Findings("number: 第1章\nversion: \"1.0\nestablished: \"2023-05-16\"\n", S().plan) ==
        Strings{"2:10 certain 「\"」で始まる文字列が閉じられていません。"});
  CHECK(Findings("sections:\n  - number: \"1.1\"\n    title: '目的\n    content:\n      - 本文\n") ==
        Strings{"3:12 certain 「'」で始まる文字列が閉じられていません。"});
  // A list item swallowed by the item before it.
  CHECK(Findings("content:\n  - \"一つ目\n  - 二つ目\n") == Strings{"2:5 certain 「\"」で始まる文字列が閉じられていません。"});
  // Running to the end of the file (yaml-cpp accepts it and publishes the rest as text).
  CHECK(Findings("title: \"趣旨\ncontent:\n  - 本文です。\n")[0] == "1:8 certain 「\"」で始まる文字列が閉じられていません。");
  CHECK(Findings("title: '趣旨\n") == Strings{"1:8 certain 「'」で始まる文字列が閉じられていません。"});
  CHECK(Findings("content:\n  - [\"趣旨, 本文]\n") == Strings{"2:6 certain 「\"」で始まる文字列が閉じられていません。"});
  // The column counts characters; the hint says how far the string runs.
  YamlCheckup c = ExamineYaml("title: 計画\nnumber: 「第1章」 \"x\ncontent:\n", *S().chapter);
  CHECK(c.findings.empty());  // a quote inside a plain value is text
  c = ExamineYaml("title: 計画\ncontent:\n  - 「第1章」: \"x\ncontent:\n", *S().chapter);
  REQUIRE(c.findings.size() == 1);
  CHECK(c.findings[0].column == 12);
  CHECK(c.findings[0].hint == "文字列の終わりにも「\"」を書いてください。閉じないと、4 行目から先もこの文字列の続きとして読まれます。");
  CHECK(FirstError("title: 計画\ncontent:\n  - \"本文\n") == "3:5 yaml.syntax");
  // After a byte order mark and with CRLF line ends, the same positions.
  CHECK(Findings("\xEF\xBB\xBFtitle: \"計画\r\ncontent:\r\n") == Strings{"1:8 certain 「\"」で始まる文字列が閉じられていません。"});
}

TEST_CASE("the doctor points at a bracket that is never closed", "[load][doctor]") {
  CHECK(Findings("content:\n  - table:\n      header: [機能, 担当, 役割\n      row_header: true\n") ==
        Strings{"3:15 certain リストの「[」が閉じられていません。"});
  CHECK(Findings("furigana: {auto: 3\ndraft: true\n") == Strings{"1:11 certain マップの「{」が閉じられていません。"});
  CHECK(Findings("title: [計画, [背景\n") == Strings{"1:13 certain リストの「[」が閉じられていません。"});
  // A wrong closing bracket only explains a yaml-cpp error.
  CHECK(Findings("furigana: {auto: 3]\n") ==
        Strings{"1:19 explains 括弧の組み合わせが違います（「{」を「]」で閉じています）。"});
  CHECK(FirstError("title: 計画\nfurigana: {auto: 3]\n") == "2:19 yaml.syntax");
  CHECK(FirstError("title: 計画\ncontent:\n  - table:\n      header: [機能, 担当\n      row_header: true\n") ==
        "4:15 yaml.syntax");
}

TEST_CASE("the doctor reports full-width spaces in indentation", "[load][doctor]") {
  CHECK(Findings("sections:\n  - number: \"1.1\"\n\u3000\u3000title: 目的\n") ==
        Strings{"3:1 certain 字下げに全角スペースが使われています。"});
  CHECK(Findings("sections:\n  - number: \"1.1\"\n  \u3000title: 目的\n") ==
        Strings{"3:3 certain 字下げに全角スペースが使われています。"});
  // yaml-cpp takes this for a key "　title" of the top level.
  CHECK(Findings("number: 1\n\u3000title: 目的\n") == Strings{"2:1 certain 字下げに全角スペースが使われています。"});
  CHECK(FirstError("number: 1\n\u3000title: 目的\n") == "2:1 yaml.syntax");
  // A "blank" line of full-width spaces ends a | block (yaml-cpp reads the rest as keys).
  CHECK(Findings("content:\n  - |\n    一段落目\n\u3000\n    二段落目\n") ==
        Strings{"4:1 certain 全角スペースだけの行があります。"});
  CHECK(Findings("number: \"1\"\n \u3000 \u3000\ntitle: x\n") == Strings{"2:2 certain 全角スペースだけの行があります。"});
  CHECK(Findings("number: 1\n \u3000 \u3000\ntitle: x\n").empty());  // the plain value "1" goes on
  // A full-width space at the start of a text line is the text's own.
  CHECK(Findings("content:\n  - |\n    \u3000本町では、\n\n    \u3000DXを進めます。\n  - \u3000字下げした段落\n"
                 "  - 続く\n    \u3000段落\ntitle: 計画\u3000概要\n")
            .empty());
}

TEST_CASE("the doctor explains a key written with a wrong colon", "[load][doctor]") {
  CHECK(Findings("number: 1\ntitle：計画の背景\ncontent:\n") ==
        Strings{"2:6 explains キー「title」のあとのコロンが全角の「：」になっています。"});
  CHECK(Findings("number: 1\ntitle ： 計画の背景\ncontent:\n") ==
        Strings{"2:7 explains キー「title」のあとのコロンが全角の「：」になっています。"});
  CHECK(Findings("number: 1\ntitle:計画の背景\ncontent:\n") ==
        Strings{"2:6 explains キー「title」のコロン「:」のあとに半角スペースがありません。"});
  CHECK(Findings("sections:\n  - title:計画\n    number: 1\n") ==
        Strings{"2:10 explains キー「title」のコロン「:」のあとに半角スペースがありません。"});
  CHECK(FirstError("number: 1\ntitle:計画の背景\ncontent:\n") == "2:6 yaml.syntax");
  CHECK(FirstError("number: 1\ntitle：計画の背景\ncontent:\n") == "2:6 yaml.syntax");
  // Values, text and unknown words are not keys.
  CHECK(Findings("content:\n  - references:\n      items:\n        - title: 指針\n          url: https://example.jp/a#b\n"
                 "          note: 10:30から\n  - 備考：なし\n  - Step1：準備\n  - https://example.jp\n  - 10:30\n"
                 "  - text: 基本目標1：行政サービスの向上\ntitle: 第1章：背景\n")
            .empty());
  // Only where yaml-cpp fails: a key whose only value is such a line is a schema error.
  CHECK(FirstError("number: 1\ntitle: 計画\nsections:\n  - title:計画\n") == "4:5 schema.type");
}

TEST_CASE("the doctor leaves valid YAML alone", "[load][doctor]") {
  const std::string valid =
      "\xEF\xBB\xBF# 見本の章 \"quoted' in a comment [ {\n"
      "---\n"
      "number: \"第1章\"   # it's a comment\n"
      "title: 'It''s \"計画\" [1] {2} #3 ：'\n"
      "\"draft\": false\n"
      "content:\n"
      "  - \"複数行の\n"
      "    文字列\\\"も\n"
      "    書けます: はい\"\n"
      "  - '一行目\n"
      "\n"
      "    三行目'\n"
      "  - \"字下げの浅い\n"
      "  続きの行\"\n"
      "  - |\n"
      "    key: \"閉じない引用符\n"
      "    [閉じない括弧 {\n"
      "  \n"
      "    - 項目\n"
      "    \u3000全角の字下げ\n"
      "  - >-\n"
      "      折り返す\n"
      "      文章 'です\n"
      "  - | # コメント\n"
      "      a\n"
      "  - 本文の中の \"引用符\" と 'アポストロフィ' と [括弧\n"
      "    続きの行 \"も\n"
      "  - Town's plan\n"
      "  - table:\n"
      "      header: [\"機能: A\", '担当, B', \"役割]\",\n"
      "               期間]   # 続く行\n"
      "      rows:\n"
      "        - [a, {text: \"b}\", colspan: 2}]\n"
      "        - [\n"
      "            c, d\n"
      "          ]\n"
      "        - {text: x,\n"
      "           rowspan: 2}\n"
      "        - [&a e, *a, !!str f, \"g\"]\n"
      "  - organization:\n"
      "      units: [{\"name\":\"課\"}, {name: 係, units: []}]\n"
      "sections:\n"
      "  - &sec\n"
      "    number: 1\r\n"
      "    title: 見出し\r\n"
      "    content:\n"
      "      - 長い文章が\n"
      "        次の行に続きます。ここも本文\n"
      "        \"引用\" [括弧\n"
      "...\n";
  CHECK(Findings(valid).empty());
  CHECK_NOTHROW(YAML::Load(valid));
}

TEST_CASE("the doctor finds nothing in the bundled content and test sites", "[load][doctor]") {
  const fs::path root = KEIKAKU_SOURCE_DIR;
  int files = 0;
  for (const char* dir : {"content", "tests/sites", "scaffold", "tests/fidelity"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.path().extension() != ".yaml") continue;
      std::string name = entry.path().filename().string();
      const keikaku::schema::Type* type = name == "site.yaml"       ? S().site
                                          : name == "plan.yaml"     ? S().plan
                                          : name == "readings.yaml" ? S().readings
                                          : name.find("glossary") != std::string::npos ? S().glossary
                                                                                        : S().chapter;
      std::optional<std::string> text = keikaku::io::ReadFile(entry.path());
      REQUIRE(text);
      YamlCheckup c = ExamineYaml(*text, *type);
      INFO(entry.path().string());
      CHECK(Findings(*text, type).empty());
      CHECK(c.cuts.empty());
      ++files;
    }
  }
  CHECK(files > 30);
}

TEST_CASE("flow nesting deeper than yaml-cpp reads is parsed cut", "[load][doctor]") {
  auto deep = [](int levels) {
    std::string s = "number: 第2章\ntitle: 取組\ncontent:\n  - organization:\n      caption: 深い組織\n      units: ";
    for (int i = 0; i < levels; ++i) s += "[{name: 課, units: ";
    s += "[]";
    for (int i = 0; i < levels; ++i) s += "}]";
    return s + "\n";
  };
  // 49 levels: 98 brackets (no cut); 50 reach kMaxFlowDepth.
  CHECK(ExamineYaml(deep(49), *S().chapter).cuts.empty());
  const std::string text = deep(10000);
  YamlCheckup c = ExamineYaml(text, *S().chapter);
  CHECK(c.findings.empty());
  REQUIRE(c.cuts.size() == 1);
  std::string shallow = c.Shallow(text);
  CHECK(shallow.size() == text.size());
  CHECK(shallow.compare(0, c.cuts[0].begin, text, 0, c.cuts[0].begin) == 0);
  CHECK(std::count(shallow.begin(), shallow.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
  CHECK_NOTHROW(YAML::Load(shallow));
  // The validator's finding, where the 40-level file has it.
  CHECK(FirstError(deep(40)) == "6:555 schema.too-deep");
  CHECK(FirstError(text) == "6:555 schema.too-deep");
  // Line breaks inside the cut part stay, and later lines keep their positions.
  std::string multi = "content:\n  - organization:\n      units: " + std::string(120, '[') + "\n" +
                      std::string(120, ']') + "\n  - [\"x\n";
  c = ExamineYaml(multi, *S().chapter);
  REQUIRE(c.cuts.size() == 1);
  shallow = c.Shallow(multi);
  CHECK(shallow.substr(shallow.rfind('\n', shallow.size() - 2)) == "\n  - [\"x\n");
  REQUIRE(c.findings.size() == 1);  // and the string on the last line is never closed
  CHECK(c.findings[0].line == 5);
}

TEST_CASE("aliases that expand to a huge tree are an error", "[load][doctor]") {
  // u1 lists u0 ten times, u2 lists u1 ten times, …: 10^levels units from a few lines.
  auto laughs = [](int levels) {
    std::string s = "number: 第2章\ntitle: 取組\ncontent:\n  - organization:\n      caption: 組織\n      units:\n"
                    "        - &u0 {name: 課}\n";
    for (int i = 1; i <= levels; ++i) {
      s += "        - &u" + std::to_string(i) + " {name: 課, units: [";
      for (int j = 0; j < 10; ++j) s += (j ? ", *u" : "*u") + std::to_string(i - 1);
      s += "]}\n";
    }
    return s;
  };
  // 10^30 nodes once expanded: the check stops at its limit instead (without it the test
  // would not end; no clock is asked, so a slow or sanitized build cannot fail it).
  CHECK(FirstError(laughs(6)) == "13:32 yaml.alias-expansion");
  CHECK(FirstError(laughs(30)) == "13:32 yaml.alias-expansion");
  CHECK(FirstError(laughs(3)) == "");  // 3,000 units: allowed

  std::string text = "a: &x [1, *x]\n";
  const YamlDoc cycle = YamlDoc::FromYamlCpp(YAML::Load(text));
  keikaku::load::PositionMap positions("f.yaml", text);
  auto f = CheckAliasExpansion(cycle.root(), positions);
  REQUIRE(f);
  CHECK(f->rule == "yaml.alias-expansion");
  CHECK(std::to_string(f->line) + ":" + std::to_string(f->column) == "1:4");  // at the anchor
  CHECK(f->message == "アンカー（&名前）の中で、そのアンカー自身をエイリアス（*名前）で参照しています。");
  keikaku::diag::Diagnostics diags;
  keikaku::load::ParseContent("f.yaml", laughs(6), *S().chapter, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "エイリアス（*名前）をたどると、要素の数が多くなりすぎます（100 万個を超えます）。");
  // Only what aliases add counts: a big file without aliases is fine at any size.
  std::string big = "a:\n";
  for (int i = 0; i < 2000; ++i) big += "  - [1, 2, 3]\n";
  keikaku::load::PositionMap big_positions("f.yaml", big);
  CHECK_FALSE(CheckAliasExpansion(YamlDoc::FromYamlCpp(YAML::Load(big)).root(), big_positions, 100));
  std::string shared = "a: &a [1, 2, 3]\nb: [*a, *a]\n";
  keikaku::load::PositionMap shared_positions("f.yaml", shared);
  const YamlDoc shared_doc = YamlDoc::FromYamlCpp(YAML::Load(shared));
  CHECK_FALSE(CheckAliasExpansion(shared_doc.root(), shared_positions, 8));
  CHECK(CheckAliasExpansion(shared_doc.root(), shared_positions, 7));
}

TEST_CASE("files saved as UTF-16 or UTF-32 are named so", "[load][doctor]") {
  using namespace std::string_literals;
  auto first = [](const std::string& text) {
    keikaku::diag::Diagnostics diags;
    CHECK_FALSE(keikaku::load::ParseContent("f.yaml", text, *S().chapter, diags));
    REQUIRE(diags.items().size() == 1);
    const auto& d = diags.items()[0];
    return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.rule + " " + d.message;
  };
  CHECK(first("t\0i\0t\0l\0e\0:\0 \0x\0\n\0"s) == "1:1 encoding.utf8 このファイルは UTF-16 で保存されています。");
  CHECK(first("\0t\0i\0t\0l\0e\0:\0 \0x\0\n"s) == "1:1 encoding.utf8 このファイルは UTF-16 で保存されています。");
  CHECK(first("\xFF\xFEt\0i\0"s) == "1:1 encoding.utf8 このファイルは UTF-16 で保存されています。");
  CHECK(first("t\0\0\0:\0\0\0"s) == "1:1 encoding.utf8 このファイルは UTF-32 で保存されています。");
  CHECK(first("\0\0\xFE\xFF\0\0\0t"s) == "1:1 encoding.utf8 このファイルは UTF-32 で保存されています。");
  CHECK(first("title: \x8e\xef\n") == "1:8 encoding.utf8 UTF-8 として読めない文字があります。");
}
