#include "text/kana.h"

#include "text/utf8.h"

namespace keikaku::text {

int KanaRowOf(char32_t c) {
  if (c >= 0x30A1 && c <= 0x30F6) c -= 0x60;  // katakana → hiragana
  // The first code point of each row, ぁ (あ行) … ゎ (わ行); ゔ (U+3094) reads as あ行.
  static constexpr char32_t kRowStarts[] = {0x3041, 0x304B, 0x3055, 0x305F, 0x306A,
                                            0x306F, 0x307E, 0x3083, 0x3089, 0x308E};
  if (c == 0x3094) return 0;
  if (c < 0x3041 || c > 0x3093) return -1;
  int row = 0;
  while (row + 1 < 10 && c >= kRowStarts[row + 1]) ++row;
  return row;
}

bool IsLatinLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

bool IsHiraganaReading(std::string_view reading) {
  std::size_t pos = 0;
  while (pos < reading.size()) {
    char32_t c = DecodeAt(reading, pos);
    bool ok = (c >= 0x3041 && c <= 0x3096) || c == 0x30FC || c == 0x30FB || c == ' ' || c == 0x3000 ||
              c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')';
    if (!ok) return false;
  }
  return true;
}

std::string ToHiragana(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = DecodeAt(s, pos);
    AppendUtf8(out, c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
  }
  return out;
}

}  // namespace keikaku::text
