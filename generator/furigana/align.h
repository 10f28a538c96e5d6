// Places a word's reading over its kanji only, so that okurigana and other kana stay
// outside the ruby: 取り扱い/とりあつかい → 取(と)り扱(あつか)い, 位置付け/いちづけ →
// 位置(いち)付(づ)け.
#ifndef KEIKAKU_FURIGANA_ALIGN_H_
#define KEIKAKU_FURIGANA_ALIGN_H_

#include <optional>
#include <string_view>

#include "furigana/ruby.h"

namespace keikaku::furigana {

/// Splits `surface` into its runs of kanji, each with its part of `reading` (hiragana), and
/// the text between them. The kana of the surface must appear in the reading (katakana
/// matches hiragana). A run of kanji followed by okurigana whose last kanji's kun reading
/// ends the run's reading is split before that kanji (位置付け: 位置 + 付). nullopt when the
/// reading does not fit the surface.
std::optional<Pieces> AlignReading(std::string_view surface, std::string_view reading);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_ALIGN_H_
