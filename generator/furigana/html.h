// Ruby words as HTML, written so that a screen reader reads each word once
// (accessibility.md §2): for an ordinary word the reading is hidden from assistive
// technology and the base is read; for a name of the readings file the whole ruby is hidden
// and a visually hidden copy of the reading is read instead.
#ifndef KEIKAKU_FURIGANA_HTML_H_
#define KEIKAKU_FURIGANA_HTML_H_

#include <string>

#include "furigana/ruby.h"

namespace keikaku::furigana {

/// <ruby>推進<rp>（</rp><rt aria-hidden="true">すいしん</rt><rp>）</rp></ruby>, or for a name
/// <span class="kana-sr">しょうおう</span><ruby aria-hidden="true">勝央<rp>（</rp><rt>しょうおう</rt><rp>）</rp></ruby>.
std::string RubyHtml(const Ruby& ruby);

/// Plain pieces escaped, ruby words as RubyHtml.
std::string PiecesHtml(const Pieces& pieces);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_HTML_H_
