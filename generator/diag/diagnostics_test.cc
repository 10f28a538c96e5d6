#include "diag/diagnostics.h"

#include <catch2/catch.hpp>

#include "text/utf8.h"

using keikaku::diag::Diagnostic;
using keikaku::diag::Excerpt;
using keikaku::diag::FormatDiagnostic;
using keikaku::diag::Severity;

TEST_CASE("a finding prints its line with a caret under the column", "[diag]") {
  Diagnostic d{Severity::kError, {"plan.yaml", 2, 8}, "yaml.syntax", "閉じていません。", "閉じてください。"};
  CHECK(FormatDiagnostic(d, "a: 1\ntitle: 「計画\nc: 3\n") ==
        "plan.yaml:2:8: error [yaml.syntax] 閉じていません。\n"
        "    title: 「計画\n"
        "           ^\n"
        "    ヒント: 閉じてください。\n");
}

TEST_CASE("with context, the lines around are numbered", "[diag]") {
  Diagnostic d{Severity::kWarning, {"plan.yaml", 10, 3}, "x.y", "文", ""};
  std::string text;
  for (int i = 1; i <= 12; ++i) text += "line " + std::to_string(i) + "\n";
  CHECK(FormatDiagnostic(d, text, 2) ==
        "plan.yaml:10:3: warning [x.y] 文\n"
        "     8 | line 8\n"
        "     9 | line 9\n"
        "    10 | line 10\n"
        "       |   ^\n"
        "    11 | line 11\n"
        "    12 | line 12\n");
}

TEST_CASE("excerpts stop at the ends of the file", "[diag]") {
  auto lines = Excerpt("one\r\ntwo", 1, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].number == 1);
  CHECK(lines[0].text == "one");
  CHECK(lines[1].text == "two");
  CHECK(Excerpt("one\ntwo\n", 5, 2).empty());
  CHECK(Excerpt(std::string("t\0i\0t\0l\0e\0", 10), 1, 0).empty());  // UTF-16: not shown
  CHECK(Excerpt("one\n\xff\n", 1, 1).empty());  // invalid UTF-8 is never shown
  CHECK(Excerpt("one", 0, 1).empty());
}

TEST_CASE("a comment naming a rule silences that warning on its line or the next", "[diag]") {
  using keikaku::diag::Diagnostics;
  std::map<std::string, std::string> sources = {
      {"a.yaml", "title: 高 梁 市  # keikaku-ignore: lint.spaced-word\n"
                 "# keikaku-ignore: lint.link-text, lint.file-link\n"
                 "body: x\n"
                 "other: y\n"}};
  Diagnostics diags;
  diags.Warning({"a.yaml", 1, 8}, "lint.spaced-word", "m");   // same line: silenced
  diags.Warning({"a.yaml", 1, 8}, "lint.date-form", "m");     // another rule: kept
  diags.Warning({"a.yaml", 3, 7}, "lint.link-text", "m");     // line above: silenced
  diags.Warning({"a.yaml", 3, 7}, "lint.file-link", "m");     // second rule of the list
  diags.Warning({"a.yaml", 4, 8}, "lint.link-text", "m");     // two lines below: kept
  diags.Error({"a.yaml", 1, 8}, "lint.spaced-word", "e");     // errors stay
  diags.Warning({"b.yaml", 1, 1}, "lint.spaced-word", "m");   // no such file text: kept
  CHECK(diags.Suppress(sources) == 3);
  std::vector<std::string> left;
  for (const auto& d : diags.items()) left.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + " " + d.rule);
  CHECK(left == std::vector<std::string>{"a.yaml:1 lint.date-form", "a.yaml:4 lint.link-text", "a.yaml:1 lint.spaced-word",
                                         "b.yaml:1 lint.spaced-word"});
  CHECK(diags.error_count() == 1);
  CHECK(diags.warning_count() == 3);
  CHECK(keikaku::diag::IsSuppressionComment("<!-- keikaku-ignore: lint.link-text -->"));
  CHECK_FALSE(keikaku::diag::IsSuppressionComment("<!-- 注 -->"));
}

TEST_CASE("a long line is shown around the error, cut with …", "[diag]") {
  using keikaku::diag::ClipLine;
  std::string line(30, 'a');
  int column = 5;
  ClipLine(line, column, 100);
  CHECK(line == std::string(30, 'a'));  // short lines stay whole
  CHECK(column == 5);
  std::string text;
  for (int i = 0; i < 1000000; ++i) text += (i == 500000 ? "X" : "あ");
  column = 500001;
  ClipLine(text, column, 100);
  CHECK(text.rfind("…", 0) == 0);
  CHECK(text.size() == std::string("…").size() * 2 + 99 * std::string("あ").size() + 1);
  // The column still names the X.
  std::size_t pos = 0;
  char32_t c = 0;
  for (int i = 0; i < column; ++i) c = keikaku::text::DecodeAt(text, pos);
  CHECK(c == U'X');
  // Near the start: nothing cut before.
  std::string head(500, 'b');
  column = 3;
  ClipLine(head, column, 100);
  CHECK(head == std::string(100, 'b') + "…");
  CHECK(column == 3);
  // Near the end: nothing cut after.
  std::string tail(500, 'c');
  column = 500;
  ClipLine(tail, column, 100);
  CHECK(tail == "…" + std::string(100, 'c'));
  CHECK(column == 101);
}

TEST_CASE("a diagnostic in a line of a million characters prints a short excerpt", "[diag]") {
  keikaku::diag::Diagnostic d{keikaku::diag::Severity::kError, {"f.yaml", 2, 400000}, "yaml.syntax", "m", ""};
  std::string source = "a: 1\nb: " + std::string(1000000, 'x') + "\n";
  std::string out = keikaku::diag::FormatDiagnostic(d, source, 0);
  CHECK(out.size() < 400);
  CHECK(out.find("    …" + std::string(100, 'x') + "…\n") != std::string::npos);
}
