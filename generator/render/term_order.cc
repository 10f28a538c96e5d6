#include "render/term_order.h"

#include <unicode/coll.h>

#include <algorithm>
#include <memory>

#include "text/kana.h"
#include "text/utf8.h"

namespace keikaku::render {

bool IsLatinTerm(const model::GlossaryEntry& e) { return text::IsLatinLetter(text::FirstCodepoint(e.term)); }

std::vector<const model::GlossaryEntry*> SortedGlossary(std::vector<const model::GlossaryEntry*> entries) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("ja"), status));
  if (U_FAILURE(status)) return entries;
  collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  auto key = [&](const model::GlossaryEntry* e) {
    return IsLatinTerm(*e) || e->reading.empty() ? e->term : e->reading;
  };
  std::stable_sort(entries.begin(), entries.end(), [&](auto* a, auto* b) {
    if (IsLatinTerm(*a) != IsLatinTerm(*b)) return IsLatinTerm(*a);
    UErrorCode s = U_ZERO_ERROR;
    UCollationResult r = collator->compareUTF8(key(a), key(b), s);
    if (r == UCOL_EQUAL) r = collator->compareUTF8(a->term, b->term, s);
    return r == UCOL_LESS;
  });
  return entries;
}

std::vector<TermGroup> GroupGlossary(const std::vector<const model::GlossaryEntry*>& sorted) {
  std::vector<TermGroup> groups = {{"index-latin", "英字", {}}};
  for (const text::KanaRow& row : text::kKanaRows) groups.push_back({std::string("index-") + row.id, row.label, {}});
  groups.push_back({"index-other", "その他", {}});
  for (const model::GlossaryEntry* e : sorted) {
    int row = text::KanaRowOf(text::FirstCodepoint(e->reading.empty() ? e->term : e->reading));
    std::size_t group = IsLatinTerm(*e) ? 0 : row >= 0 ? static_cast<std::size_t>(row) + 1 : groups.size() - 1;
    groups[group].entries.push_back(e);
  }
  return groups;
}

}  // namespace keikaku::render
