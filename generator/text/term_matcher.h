// Finds glossary terms and aliases in running text for automatic linking. Japanese has no
// spaces between words, so names match anywhere; a name that starts or ends with a Latin
// letter or digit does not match inside a longer Latin word (DX is not found in IDX).
#ifndef KEIKAKU_TEXT_TERM_MATCHER_H_
#define KEIKAKU_TEXT_TERM_MATCHER_H_

#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <string_view>
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
  // Names by their first byte, longest first.
  std::array<std::vector<std::string>, 256> by_first_byte_;
  // The first two bytes of the names (a one-byte name: its byte and any other), so that a
  // place in the text no name starts at is passed over with one look.
  std::bitset<256 * 256> starts_;
  std::string key_;
};

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_TERM_MATCHER_H_
