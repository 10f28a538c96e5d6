// The kanji table generated at build time from KANJIDIC2 (cmake/kanjidic_table.cc).
// Internal to furigana/: use furigana/kanji.h.
#ifndef KEIKAKU_FURIGANA_KANJI_DATA_H_
#define KEIKAKU_FURIGANA_KANJI_DATA_H_

#include <cstddef>

namespace keikaku::furigana {

struct KanjiRecord {
  char32_t codepoint;
  int grade;          ///< KANJIDIC2: 1–6 school grade, 8 other 常用漢字, 9–10 人名用漢字.
  const char* stems;  ///< Kun readings up to their okurigana, space-separated (つ for つ.ける).
};

/// Sorted by codepoint.
extern const KanjiRecord kKanjiRecords[];
extern const std::size_t kKanjiRecordCount;

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_KANJI_DATA_H_
