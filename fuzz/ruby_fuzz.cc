// fuzz_ruby: the ruby syntax of generator/furigana/syntax.h ({漢字|かんじ}, {漢字|かん|じ},
// ｜漢字《かんじ》, 漢字《かんじ》, backslash escapes) and its HTML (furigana/html.h).
//   - MarkEscapes keeps the length and RestoreEscapes undoes it;
//   - problems are byte ranges of the text;
//   - ruby words have a base and readings, one reading or one per character of the base;
//   - the HTML holds only ruby, rt, rp and span tags, and is UTF-8 when the text was.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "furigana/html.h"
#include "furigana/syntax.h"
#include "fuzz_check.h"
#include "text/utf8.h"

namespace furigana = keikaku::furigana;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  const std::string marked = furigana::MarkEscapes(source);
  FUZZ_CHECK(marked.size() == source.size(), "MarkEscapes changed the length", source);
  if (source.find(furigana::kLiteralMark) == std::string::npos) {
    FUZZ_CHECK(furigana::RestoreEscapes(marked) == source, "RestoreEscapes does not undo MarkEscapes", source);
  }
  std::vector<furigana::SyntaxProblem> problems;
  furigana::Pieces pieces = furigana::ParseRuby(marked, &problems);
  for (const furigana::SyntaxProblem& p : problems) {
    FUZZ_CHECK(p.offset < p.end && p.end <= marked.size(), "problem outside the text", source, p.rule);
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const furigana::Piece& p = pieces[i];
    if (!p.ruby) {
      FUZZ_CHECK(!p.text.empty(), "empty plain piece", source);
      FUZZ_CHECK(i == 0 || pieces[i - 1].ruby, "two plain pieces in a row", source);
      continue;
    }
    FUZZ_CHECK(!p.ruby->base.empty() && !p.ruby->readings.empty(), "ruby without base or reading", source);
    for (const std::string& r : p.ruby->readings) FUZZ_CHECK(!r.empty(), "empty reading", source);
    if (p.ruby->readings.size() > 1) {
      FUZZ_CHECK(p.ruby->readings.size() == keikaku::text::CodepointCount(p.ruby->base),
                 "mono ruby readings do not match the base", source, p.ruby->base);
    }
  }
  const std::string html = furigana::PiecesHtml(pieces);
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    std::string_view rest = std::string_view(html).substr(i + 1);
    if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
    bool known = false;
    for (std::string_view tag : {"ruby>", "ruby ", "rt>", "rt ", "rp>", "span>", "span "}) {
      known = known || rest.substr(0, tag.size()) == tag;
    }
    FUZZ_CHECK(known, "unexpected markup in ruby HTML", html.substr(i, 40), source);
  }
  if (keikaku::text::IsValidUtf8(source)) {
    FUZZ_CHECK(keikaku::text::IsValidUtf8(html), "ruby HTML is not UTF-8", source);
  }
  return 0;
}
