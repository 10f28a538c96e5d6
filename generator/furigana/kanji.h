// What keikaku knows of each kanji: its school grade (学年別漢字配当表) and the stems of its
// kun readings, from Debian's KANJIDIC2 (generated at build time, see cmake/kanjidic_table.cc).
#ifndef KEIKAKU_FURIGANA_KANJI_H_
#define KEIKAKU_FURIGANA_KANJI_H_

#include <string>
#include <vector>

namespace keikaku::furigana {

/// Grade of a kanji outside 常用漢字 and of anything KANJIDIC2 does not grade.
inline constexpr int kNotJoyo = 99;
/// Grade of the 常用漢字 taught after primary school.
inline constexpr int kJoyo = 7;

/// True for the characters a ruby base of kanji is made of: CJK ideographs and 々 〆 ヶ.
inline bool IsKanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || c == U'々' || c == U'〆' || c == U'ヶ';
}

/// When `c` is taught: 1–6 (primary school grade), kJoyo (other 常用漢字) or kNotJoyo.
int SchoolGrade(char32_t c);

/// The stems of `c`'s kun readings, in hiragana: つ and づ for 付 (つ.ける, -づ.け); none for
/// kanji KANJIDIC2 does not grade.
std::vector<std::string> KunStems(char32_t c);

/// The number of kanji KANJIDIC2 assigns to `grade` (1–6, kJoyo), for tests and docs.
int CountAtGrade(int grade);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_KANJI_H_
