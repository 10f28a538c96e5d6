// UTF-8 helpers: decoding, validation, East Asian width, edit distance.
#ifndef KEIKAKU_TEXT_UTF8_H_
#define KEIKAKU_TEXT_UTF8_H_

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace keikaku::text {

/// DecodeAt for what its inline part does not decode: 2- and 4-byte sequences, bad bytes.
char32_t DecodeAtSlow(std::string_view s, std::size_t& pos);

/// Decodes the code point at `pos` and advances `pos`; returns U+FFFD on bad bytes.
/// Inline for ASCII and 3-byte sequences (kana, kanji, 全角 punctuation): content is mostly
/// those, and the text passes decode every character.
inline char32_t DecodeAt(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && pos + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        pos += 3;
        return c;
      }
    }
  }
  return DecodeAtSlow(s, pos);
}

/// The byte length of the UTF-8 sequence that starts with byte `lead`: 1 for ASCII and for
/// a byte that starts none (DecodeAt steps over it alone).
inline std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0xC2) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return lead < 0xF5 ? 4 : 1;
}

/// Tells from its first bytes whether the character at a position of UTF-8 text may be one
/// of a set: a quick test before decoding, for scans that stop at few characters.
class CharFilter {
 public:
  CharFilter() = default;  // of no character
  explicit CharFilter(const std::vector<char32_t>& chars);
  /// False when the character starting at `pos` (< s.size()) is none of the set.
  bool MayBe(std::string_view s, std::size_t pos) const {
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80) return bytes_[lead];
    return pos + 1 < s.size() && pairs_[lead << 8 | static_cast<unsigned char>(s[pos + 1])];
  }
  /// The first character at or after `pos` (a character boundary) that MayBe one of the
  /// set; s.size() if none. The others are stepped over by their length, not decoded.
  std::size_t Next(std::string_view s, std::size_t pos) const {
    while (pos < s.size() && !MayBe(s, pos)) pos += SequenceLength(static_cast<unsigned char>(s[pos]));
    return std::min(pos, s.size());
  }

 private:
  std::bitset<128> bytes_;     // one-byte characters
  std::bitset<65536> pairs_;   // the first two bytes of longer ones
};

/// The byte offset where the last code point of `s` starts (0 if empty).
std::size_t LastCodepointStart(std::string_view s);
/// The last code point of `s` (U+0000 if empty).
char32_t LastCodepoint(std::string_view s);
/// The first code point of `s` (U+0000 if empty).
char32_t FirstCodepoint(std::string_view s);

void AppendUtf8(std::string& out, char32_t c);

/// True if `s` is well-formed UTF-8. `bad_offset` receives the first bad byte's offset.
bool IsValidUtf8(std::string_view s, std::size_t* bad_offset = nullptr);

/// Whether s[i] (i < n) begins a well-formed character from U+3000 to U+CFFF: kana, kanji
/// and the CJK punctuation, three bytes led by E3 to EC. Those leads need no check for an
/// over-long form or a surrogate, and none of them starts a character of the ranges libyaml
/// or the text rules treat specially (U+2000–U+2FFF, U+E000–U+FFFF): the fast path of the
/// scans over Japanese text.
inline bool IsCjkAt(const unsigned char* s, std::size_t i, std::size_t n) {
  return i + 2 < n && s[i] >= 0xE3 && s[i] <= 0xEC && ((s[i + 1] & 0xC0) | (s[i + 2] & 0xC0) << 8) == 0x8080;
}

/// The length of the well-formed UTF-8 sequence that begins at s[i] (i < n), or 0: not a
/// lead byte, a missing continuation byte, an over-long form, a surrogate, above U+10FFFF.
inline std::size_t Utf8SequenceAt(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  if (IsCjkAt(s, i, n)) return 3;
  auto continues = [&](std::size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c < 0xC2) return 0;
  if (c < 0xE0) return continues(1) ? 2 : 0;
  if (c < 0xF0) {
    if (!continues(1) || !continues(2)) return 0;
    return (c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0) ? 0 : 3;
  }
  if (c < 0xF5) {
    if (!continues(1) || !continues(2) || !continues(3)) return 0;
    return (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90) ? 0 : 4;
  }
  return 0;
}

std::size_t CodepointCount(std::string_view s);

/// True for East Asian Wide and Fullwidth characters (kana, kanji, 全角 punctuation).
bool IsWide(char32_t c);

/// True for hiragana, katakana, CJK ideographs and CJK punctuation (not Hangul).
bool IsJapanese(char32_t c);

/// Terminal cells taken by the first `codepoints` characters of `line`.
int DisplayWidth(std::string_view line, int codepoints);

/// Levenshtein distance counted in code points.
std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_UTF8_H_
