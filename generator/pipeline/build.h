// The build: load content → validate into the model → render → publish. Each stage timed.
#ifndef KEIKAKU_PIPELINE_BUILD_H_
#define KEIKAKU_PIPELINE_BUILD_H_

#include <filesystem>
#include <optional>
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
};

/// Loads and renders the site into `out`, file by file. Returns false on content errors.
/// `base_path`, if given, receives the site's base path (site.yaml `base_path`, "/" by
/// default).
bool Render(const BuildOptions& options, output::Sink& out, render::Stats& stats, load::SourceTexts& sources,
            diag::Diagnostics& diags, std::string* base_path = nullptr);

/// Loads and renders the site into memory. Returns false on content errors. `base_path`,
/// if given, receives the site's base path (site.yaml `base_path`, "/" by default).
bool RenderToTree(const BuildOptions& options, output::OutputTree& tree, render::Stats& stats,
                  load::SourceTexts& sources, diag::Diagnostics& diags,
                  std::string* base_path = nullptr);

/// `keikaku build`: renders and publishes; prints diagnostics to `err` and a summary to
/// `out`. Returns the exit code: 0 built, 1 content errors (the previous site untouched).
int Build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace keikaku::pipeline

#endif  // KEIKAKU_PIPELINE_BUILD_H_
