// Model → pages. Fills ctemplate dictionaries from the model and expands the theme's
// templates (HTML auto-escaping on); its only output is the pages and assets it puts into a
// sink.
#ifndef KEIKAKU_RENDER_RENDER_H_
#define KEIKAKU_RENDER_RENDER_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/model.h"
#include "output/output_tree.h"
#include "render/render_memo.h"
#include "theme/theme.h"

namespace keikaku::render {

struct Stats {
  int pages = 0;  ///< HTML pages written.
  /// Furigana: ruby words given by the readings file (names) and by automatic furigana,
  /// the kanji words automatic furigana looked at, and those MeCab could not read.
  int names = 0, auto_ruby = 0, auto_words = 0, unread = 0;
  /// Markdown texts a build rendered, and those a page took from another page of the same
  /// plan instead: the full text from the chapter pages, a term's definition from the page
  /// before (set by the pipeline for a build's own memos, not for keikaku serve's).
  std::size_t markdown_rendered = 0, markdown_reused = 0;
  /// Wall time of the stages (set by the pipeline).
  double load_seconds = 0, render_seconds = 0;
  Stats& operator+=(const Stats& other);
};

/// A file published for download beside a plan's pages (its open data), as the overview
/// links it: 「計画の全体（JSON、123KB）」.
struct DataLink {
  std::string label;  ///< 「計画の全体」.
  std::string href;   ///< Relative to the plan's folder: "data/plan.json".
  std::string type;   ///< "JSON", "CSV".
  std::uintmax_t bytes = 0;
};

/// The theme made ready for the pages: templates parsed, stylesheet compiled, scripts
/// minified. Made once per build, or once for as long as keikaku serve sees the same theme.
/// Read-only, shared by every thread.
class PreparedTheme {
 public:
  struct Assets;
  /// Null when the theme has errors, reported in `diags`.
  static std::shared_ptr<const PreparedTheme> Prepare(const theme::Theme& theme, diag::Diagnostics& diags);
  ~PreparedTheme();
  const Assets& assets() const { return *assets_; }

 private:
  PreparedTheme();
  std::unique_ptr<Assets> assets_;
};

/// The pages of a site, made in parts so that the pipeline can run the plans on several
/// threads and reuse what an earlier build made of a plan that did not change (keikaku
/// serve). A plan's pages depend only on the plan and on the site's own settings.
class SiteRenderer {
 public:
  /// Puts the theme's stylesheet and scripts into `out` and, if some page asks for automatic
  /// furigana, loads MeCab, with taggers for each of `workers` threads. With `threads` (the
  /// cores the build may use) above one, each plan's full text can be made on a thread of
  /// its own beside the plan's other pages (RenderPlan), and `out` must take files from
  /// several threads.
  /// Findings go to `diags`; ok() is false when the theme is null (it had errors) or MeCab
  /// could not be loaded.
  SiteRenderer(const model::Site& site, std::shared_ptr<const PreparedTheme> theme, output::Sink& out, Stats& stats,
               diag::Diagnostics& diags, int workers, int threads);
  ~SiteRenderer();
  bool ok() const;

  /// The site's index and 404 page, into the `out` and `stats` given to the constructor.
  void RenderStart();
  /// The pages of plan `i` of the site, on thread `worker` (at most one call at a time per
  /// worker). Returns the terms of the shared glossary the plan shows. `data`: the plan's
  /// open data files, which its overview links. With `memo`, Markdown fragments are kept
  /// there for the plan's other pages (the full text takes the chapter pages' texts), and,
  /// for a memo kept across builds (keikaku serve), chapter pages and fragments for later
  /// builds. A plan is made on threads of its own (with threads above one) unless its memo
  /// is one build's and the site has plans enough to keep every worker busy: then its full
  /// text comes after its chapter pages.
  std::set<std::string> RenderPlan(std::size_t i, int worker, output::Sink& out, Stats& stats,
                                   diag::Diagnostics& diags, const std::vector<DataLink>& data = {},
                                   RenderMemo* memo = nullptr) const;
  /// The pages made after the plans; `used_shared`: the terms every plan's RenderPlan returned.
  void RenderEnd(const std::set<std::string>& used_shared);

 private:
  struct State;
  const model::Site& site_;
  std::unique_ptr<State> state_;
};

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_RENDER_H_
