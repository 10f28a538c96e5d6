// Model → pages. Fills ctemplate dictionaries from the model and expands the theme's
// templates (HTML auto-escaping on); writes nothing but the in-memory output tree.
#ifndef KEIKAKU_RENDER_RENDER_H_
#define KEIKAKU_RENDER_RENDER_H_

#include "diag/diagnostics.h"
#include "model/model.h"
#include "output/output_tree.h"
#include "theme/theme.h"

namespace keikaku::render {

struct Stats {
  int pages = 0;  ///< HTML pages written.
  /// Furigana: ruby words given by the readings file (names) and by automatic furigana,
  /// the kanji words automatic furigana looked at, and those MeCab could not read.
  int names = 0, auto_ruby = 0, auto_words = 0, unread = 0;
};

/// Renders every page of `site` and its assets into `out`. Returns false on errors
/// (unknown glossary references, template or stylesheet errors), reported in `diags`.
bool RenderSite(const model::Site& site, const theme::Theme& theme, output::OutputTree& out,
                Stats& stats, diag::Diagnostics& diags);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_RENDER_H_
