// The build: load content → validate into the model → render → publish. Each stage timed.
#ifndef KEIKAKU_PIPELINE_BUILD_H_
#define KEIKAKU_PIPELINE_BUILD_H_

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <ostream>

#include "diag/diagnostics.h"
#include "load/loader.h"
#include "output/output_tree.h"
#include "render/render.h"

namespace keikaku::pipeline {

struct BuildOptions {
  std::filesystem::path source = "content";
  std::filesystem::path output = "site";
  std::optional<std::filesystem::path> theme;
  bool drafts = false;  ///< Include plans and chapters marked `draft: true` (keikaku serve).
  bool precompress = false;  ///< Also write .gz and .br beside every text file.
  int jobs = 0;  ///< Threads for loading and rendering; 0: one per core.
  bool stats = false;  ///< Print how long each stage took.
  bool progress = false;  ///< Show a progress line on stderr (when it is a terminal).
  /// A plan's pages take the Markdown its other pages rendered where the result is the same
  /// (render::RenderMemo): the full text its chapters', each page the glossary definitions.
  /// False renders every text again: the reference of the tests.
  bool reuse_markdown = true;
};

/// What the pipeline made of one plan besides its files: findings, figures and the shared
/// glossary terms it shows.
struct PlanResult {
  diag::Diagnostics diags;
  render::Stats stats;
  std::set<std::string> used_shared;
};

/// A plan as the last build made it: its result and files (pages, images, attachments).
struct MadePlan {
  bool done = false;
  PlanResult result;
  std::vector<std::pair<std::string, output::SharedBytes>> files;
};

/// What keikaku serve keeps from one build to the next: for each plan, what was loaded and
/// made of it, reused as long as none of the plan folder's files (names, sizes, modification
/// times) and none of the site's own files and theme changed. A plan's pages depend on
/// nothing else, so the result equals a full build (tested).
class BuildCache {
 public:
  std::size_t plans_rendered() const { return plans_rendered_; }  ///< In the last build.
  std::size_t plans_reused() const { return plans_reused_; }
  /// In the plans made again: chapter pages made and taken from earlier builds, and the
  /// Markdown fragments rendered and taken from earlier builds.
  std::size_t pages_made() const { return pages_made_; }
  std::size_t pages_reused() const { return pages_reused_; }
  std::size_t fragments_rendered() const { return fragments_rendered_; }
  std::size_t fragments_reused() const { return fragments_reused_; }

  // Used by Render().
  void Start(const std::string& site_key);
  std::optional<model::Plan> Load(const std::filesystem::path& dir, const std::string& slug, load::SourceTexts& sources,
                                  diag::Diagnostics& diags);
  MadePlan* Made(const std::string& slug);
  /// What the earlier builds made of plan `slug`'s pages: a plan that changed is made
  /// again, but only its changed chapters and texts are.
  render::RenderMemo* Memo(const std::string& slug);
  /// The theme prepared by an earlier build, if the theme's files (`key`) did not change
  /// since; else `prepare()`, kept for the next build when it succeeds.
  template <typename Prepare>
  std::shared_ptr<const render::PreparedTheme> Theme(const std::string& key, Prepare&& prepare) {
    if (!theme_ || key != theme_key_) {
      theme_ = prepare();
      theme_key_ = key;
    }
    return theme_;
  }
  /// After a plan was made again: counts its pages and Markdown fragments, and forgets
  /// those it no longer has.
  void SweepMemo(render::RenderMemo& memo);
  void Finish(std::size_t rendered, std::size_t reused);

 private:
  struct Entry {
    std::string key;
    std::optional<model::Plan> plan;
    load::SourceTexts sources;
    diag::Diagnostics diags;
    MadePlan made;
  };
  std::string site_key_;
  std::string theme_key_;
  std::shared_ptr<const render::PreparedTheme> theme_;
  load::ParseCache files_;  // the files of plans that changed are parsed again only if they did
  std::map<std::string, Entry> plans_;
  std::map<std::string, std::unique_ptr<render::RenderMemo>> memos_;  // kept while the site's files stay
  std::set<std::string> seen_;
  std::mutex mutex_;  // guards plans_ and seen_ while plans load on several threads
  std::size_t plans_rendered_ = 0, plans_reused_ = 0;
  std::atomic<std::size_t> pages_made_{0}, pages_reused_{0}, fragments_rendered_{0}, fragments_reused_{0};
};

/// Loads and renders the site into `out`, file by file. Returns false on content errors.
/// `base_path`, if given, receives the site's base path (site.yaml `base_path`, "/" by
/// default).
/// With `cache`, plans that did not change since the build that filled it are not loaded
/// or rendered again.
bool Render(const BuildOptions& options, output::Sink& out, render::Stats& stats, load::SourceTexts& sources,
            diag::Diagnostics& diags, std::string* base_path = nullptr, BuildCache* cache = nullptr);

/// Loads and renders the site into memory. Returns false on content errors. `base_path`,
/// if given, receives the site's base path (site.yaml `base_path`, "/" by default).
bool RenderToTree(const BuildOptions& options, output::OutputTree& tree, render::Stats& stats,
                  load::SourceTexts& sources, diag::Diagnostics& diags,
                  std::string* base_path = nullptr, BuildCache* cache = nullptr);

/// `s` seconds as the messages show them: "1.25".
std::string Seconds(double s);

/// `keikaku build`: renders and publishes; prints diagnostics to `err` and a summary to
/// `out`. Returns the exit code: 0 built, 1 content errors (the previous site untouched).
int Build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace keikaku::pipeline

#endif  // KEIKAKU_PIPELINE_BUILD_H_
