// The order of a glossary as Japanese glossaries have it, and its groups (英字, あ行 …).
#ifndef KEIKAKU_RENDER_TERM_ORDER_H_
#define KEIKAKU_RENDER_TERM_ORDER_H_

#include <string>
#include <vector>

#include "model/model.h"

namespace keikaku::render {

/// True for terms read in Latin letters (CIO, DX, ＤＸ): glossaries list them first, A–Z.
bool IsLatinTerm(const model::GlossaryEntry& e);

/// Terms read in Latin letters first in A–Z order, then the rest in 五十音 order of their
/// reading (ICU collation, so が follows か and ー is ignored as dictionaries do); a term
/// without a reading sorts by the term itself; the term breaks ties.
std::vector<const model::GlossaryEntry*> SortedGlossary(std::vector<const model::GlossaryEntry*> entries);

/// A group of the glossary page, with its anchor ("index-ka") and heading ("か行").
struct TermGroup {
  std::string id, label;
  std::vector<const model::GlossaryEntry*> entries;
};

/// Splits sorted entries into 英字, あ行 … わ行 and その他 (no kana reading); all twelve
/// groups are returned, empty ones included, in that order.
std::vector<TermGroup> GroupGlossary(const std::vector<const model::GlossaryEntry*>& sorted);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_TERM_ORDER_H_
