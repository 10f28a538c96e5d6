// Inputs fuzz_markdown (fuzz/markdown_fuzz.cc) found, kept as regression tests.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "markdown/markdown.h"

namespace {

using keikaku::diag::Diagnostics;
using keikaku::markdown::Links;
using keikaku::model::Markdown;

}  // namespace

// Links made by the autolink extension (addresses, https://…) have no position in
// cmark-gfm (line 0, column 0), and www.… ones start a column early (column 0 at the start
// of a line): their offset was 0 + 0 - 1, i.e. SIZE_MAX, or the byte before the link.
TEST_CASE("fuzz_markdown: an autolinked address has an offset in the text", "[markdown][fuzz]") {
  // The input fuzz_markdown found (its last two bytes are the options).
  Markdown md{"x@.m", {"f.yaml", 1, 1}};
  std::vector<keikaku::markdown::Link> links = Links(md);
  REQUIRE(links.size() == 1);
  CHECK(links[0].url == "mailto:x@.m");
  CHECK(links[0].offset == 0);

  // Each text with the start of its last link.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"窓口は dx@town.example.jp まで", "dx@"},
      {"一行目\n\n見る www.example.jp を", "www."},
      {"www.example.jp", "www."},
      {"[見本町](https://example.jp/) と <https://example.jp/b> と https://example.jp/c", "https://example.jp/c"},
      {"| a |\n|---|\n| 資料 https://example.jp/a.pdf |", "https:"},
  };
  for (const auto& [text, start] : cases) {
    std::vector<keikaku::markdown::Link> found = Links(Markdown{text, {"f.yaml", 1, 1}});
    CAPTURE(text);
    REQUIRE(!found.empty());
    CHECK(found.back().offset == text.find(start));
  }
  // Links with a position keep it.
  const std::string text = "[見本町](https://example.jp/) と <https://example.jp/b>";
  std::vector<keikaku::markdown::Link> found = Links(Markdown{text, {"f.yaml", 1, 1}});
  REQUIRE(found.size() == 2);
  CHECK(found[0].offset == 0);
  CHECK(found[1].offset == text.find('<'));
}

TEST_CASE("fuzz_markdown: a finding on an autolink is at the link", "[markdown][fuzz]") {
  Diagnostics diags;
  keikaku::markdown::Render(Markdown{"本文\n\n資料 https://example.jp/a.pdf を見る", {"f.yaml", 1, 1}}, {}, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].rule == "lint.file-link");
  CHECK(diags.items()[0].pos.line == 3);
  CHECK(diags.items()[0].pos.column == 4);
}
