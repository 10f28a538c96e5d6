// Kana knowledge: the 五十音 row (行) of a reading's first character, hiragana readings.
#ifndef KEIKAKU_TEXT_KANA_H_
#define KEIKAKU_TEXT_KANA_H_

#include <string>
#include <string_view>

namespace keikaku::text {

/// The ten rows of the kana table, in order: あ行 (id "a") … わ行 (id "wa").
struct KanaRow {
  const char* id;     ///< For anchors: "a", "ka", "sa" …
  const char* label;  ///< "あ行", "か行" …
};
inline constexpr KanaRow kKanaRows[] = {{"a", "あ行"},  {"ka", "か行"}, {"sa", "さ行"}, {"ta", "た行"},
                                        {"na", "な行"}, {"ha", "は行"}, {"ma", "ま行"}, {"ya", "や行"},
                                        {"ra", "ら行"}, {"wa", "わ行"}};

/// Index into kKanaRows of the row of kana `c` (hiragana or katakana, voiced and small
/// forms in their row: が → か行, ゃ → や行, ん → わ行); -1 for anything else.
int KanaRowOf(char32_t c);

/// True for A–Z and a–z, half- or full-width: a term starting with one is read in Latin
/// letters (DX, ＩＣＴ) and listed in a glossary's 英字 group.
bool IsLatinLetter(char32_t c);

/// True if `reading` is written in hiragana (with ー, ・, spaces and brackets allowed).
bool IsHiraganaReading(std::string_view reading);

/// Katakana turned into hiragana (データ → でーた: ー stays, ヴ → ゔ, ヶ → ゖ); everything
/// else unchanged. Not ICU's transliterator, which turns ー into vowels (dependencies.md §7).
std::string ToHiragana(std::string_view s);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_KANA_H_
