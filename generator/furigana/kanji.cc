#include "furigana/kanji.h"

#include <algorithm>

#include "furigana/kanji_data.h"

namespace keikaku::furigana {
namespace {

// KANJIDIC2's grade (1–6, 8 other 常用, 9–10 人名用) as SchoolGrade reports it.
int GradeOf(const KanjiRecord& r) {
  if (r.grade >= 1 && r.grade <= 6) return r.grade;
  return r.grade == 8 ? kJoyo : kNotJoyo;
}

const KanjiRecord* Find(char32_t c) {
  const KanjiRecord* end = kKanjiRecords + kKanjiRecordCount;
  const KanjiRecord* it =
      std::lower_bound(kKanjiRecords, end, c, [](const KanjiRecord& r, char32_t v) { return r.codepoint < v; });
  return it != end && it->codepoint == c ? it : nullptr;
}

}  // namespace

int SchoolGrade(char32_t c) {
  const KanjiRecord* r = Find(c);
  return r ? GradeOf(*r) : kNotJoyo;
}

std::vector<std::string> KunStems(char32_t c) {
  std::vector<std::string> stems;
  const KanjiRecord* r = Find(c);
  if (!r) return stems;
  std::string all = r->stems;
  for (std::size_t at = 0; at < all.size();) {
    std::size_t space = all.find(' ', at);
    if (space == std::string::npos) space = all.size();
    stems.push_back(all.substr(at, space - at));
    at = space + 1;
  }
  return stems;
}

int CountAtGrade(int grade) {
  int n = 0;
  for (std::size_t i = 0; i < kKanjiRecordCount; ++i) n += GradeOf(kKanjiRecords[i]) == grade;
  return n;
}

}  // namespace keikaku::furigana
