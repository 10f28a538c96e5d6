// Finds glossary terms and aliases in running text for automatic linking. Japanese has no
// spaces between words, so names match anywhere; a name that starts or ends with a Latin
// letter or digit does not match inside a longer Latin word (DX is not found in IDX).
#ifndef KEIKAKU_TEXT_TERM_MATCHER_H_
#define KEIKAKU_TEXT_TERM_MATCHER_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keikaku::text {

struct TermMatch {
  std::size_t begin, end;  ///< Byte range in the text.
  std::string name;        ///< The term or alias found.
};

class TermMatcher {
 public:
  explicit TermMatcher(const std::vector<std::string>& names);

  /// The leftmost match at or after byte `from`; of the names matching there, the longest.
  std::optional<TermMatch> Find(std::string_view text, std::size_t from = 0) const;
  /// The names, as one text: two matchers with the same key find the same names.
  const std::string& key() const { return key_; }

 private:
  // The names by their first character (its code point; a byte that does not begin a valid
  // UTF-8 sequence stands for itself, above the code points), each list longest first, the
  // lists in the order of their characters.
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> by_first_char_;
  // The low 16 bits of those first characters: a place in the text no name starts at is
  // passed over with one look (in Japanese text most characters share their first byte).
  std::bitset<1 << 16> starts_;
  // Some name begins with bytes that are not a whole character: one list (key 0) for all.
  bool broken_ = false;
  std::string key_;
};

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_TERM_MATCHER_H_
