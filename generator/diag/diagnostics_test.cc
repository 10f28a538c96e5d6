#include "diag/diagnostics.h"

#include <catch2/catch.hpp>

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
  CHECK(Excerpt("one\n\xff\n", 1, 1).empty());  // invalid UTF-8 is never shown
  CHECK(Excerpt("one", 0, 1).empty());
}
