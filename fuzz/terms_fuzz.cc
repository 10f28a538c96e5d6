// fuzz_terms: text::TermMatcher (automatic glossary links) against a brute-force search.
// Input: glossary names, one per line, then a NUL byte, then the text.
//   - a match is a name at its range, at or after `from`, not glued to Latin letters or
//     digits around it when the name starts or ends with one;
//   - it is the leftmost such occurrence, and the longest name there.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "text/term_matcher.h"

namespace {

bool Word(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool MatchesAt(std::string_view text, std::size_t i, const std::string& name) {
  if (name.empty() || text.compare(i, name.size(), name) != 0 || Continuation(text[i])) return false;
  std::size_t end = i + name.size();
  bool glued_before = Word(name.front()) && i > 0 && Word(text[i - 1]);
  bool glued_after = Word(name.back()) && end < text.size() && Word(text[end]);
  return !glued_before && !glued_after;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t split = input.find('\0');
  if (split == std::string_view::npos) return 0;
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= split && names.size() < 64;) {
    std::size_t end = std::min(input.find('\n', start), split);
    names.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::string_view text = input.substr(split + 1);
  if (text.size() > 4096) return 0;  // the brute force is quadratic
  keikaku::text::TermMatcher matcher(names);
  std::size_t from = 0;
  for (int steps = 0; steps < 1000; ++steps) {
    std::optional<keikaku::text::TermMatch> m = matcher.Find(text, from);
    // The brute-force answer.
    std::optional<keikaku::text::TermMatch> want;
    for (std::size_t i = from; i < text.size() && !want; ++i) {
      for (const std::string& name : names) {
        if (MatchesAt(text, i, name) && (!want || name.size() > want->name.size())) {
          want = keikaku::text::TermMatch{i, i + name.size(), name};
        }
      }
    }
    FUZZ_CHECK(m.has_value() == want.has_value(), "match found by one search only", std::string(text));
    if (!m) break;
    FUZZ_CHECK(m->begin == want->begin && m->end == want->end && m->name == want->name, "different match",
               std::string(text), m->name, want->name);
    from = m->end;
  }
  return 0;
}
