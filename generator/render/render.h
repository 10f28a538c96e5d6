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
  /// Wall time of the stages (set by the pipeline).
  double load_seconds = 0, lint_seconds = 0, render_seconds = 0;
  Stats& operator+=(const Stats& other);
};

/// Renders every page of `site` and its assets into `out`, the plans on `jobs` threads (0:
/// one per core); the pages and findings do not depend on the thread count. Returns false
/// on errors (unknown glossary references, template or stylesheet errors), reported in
/// `diags`.
bool RenderSite(const model::Site& site, const theme::Theme& theme, output::Sink& out,
                Stats& stats, diag::Diagnostics& diags, int jobs = 0);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_RENDER_H_
