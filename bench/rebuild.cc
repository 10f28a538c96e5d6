// The rebuild that keikaku serve makes after an editor saves one file, timed without the
// file watcher and the browser: a full build into memory, then SAVES edits of FILE, each
// followed by the incremental rebuild (pipeline::BuildCache), as serve runs it. Prints the
// median, fastest and slowest rebuild, with the load and render stages of the median one.
// A program for `make bench`, not a test. The edit appends a sentence to the first
// paragraph-ending 「。」 of FILE, a different one each time; FILE is restored at the end.
//
// Usage: keikaku_bench_rebuild CONTENT_DIR FILE [SAVES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/file.h"
#include "output/output_tree.h"
#include "pipeline/build.h"

namespace fs = std::filesystem;
using namespace keikaku;

namespace {

struct Timing {
  double total = 0, load = 0, render = 0;
  bool operator<(const Timing& o) const { return total < o.total; }
};

bool Rebuild(const pipeline::BuildOptions& options, pipeline::BuildCache& cache, Timing& timing) {
  auto start = std::chrono::steady_clock::now();
  output::SharedTree tree;  // as keikaku serve keeps the site
  output::SharedTreeSink sink(tree);
  render::Stats stats;
  load::SourceTexts sources;
  diag::Diagnostics diags;
  bool ok = pipeline::Render(options, sink, stats, sources, diags, nullptr, &cache);
  timing.total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  timing.load = stats.load_seconds;
  timing.render = stats.render_seconds;
  if (!ok) std::fputs(diags.Format(sources).c_str(), stderr);
  return ok;
}

bool Write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: %s CONTENT_DIR FILE [SAVES]\n", argv[0]);
    return 2;
  }
  pipeline::BuildOptions options;
  options.source = argv[1];
  options.drafts = true;  // as keikaku serve builds
  const fs::path file = argv[2];
  const int saves = argc == 4 ? std::atoi(argv[3]) : 21;
  const std::optional<std::string> original = io::ReadFile(file);
  if (!original || original->find("。") == std::string::npos || saves < 1) {
    std::fprintf(stderr, "%s: cannot read the file, or it has no 「。」\n", file.c_str());
    return 2;
  }
  pipeline::BuildCache cache;
  Timing first;
  if (!Rebuild(options, cache, first)) return 1;
  std::vector<Timing> timings;
  bool ok = true;
  for (int i = 0; i < saves && ok; ++i) {
    std::string text = *original;
    text.insert(text.find("。"), "（第" + std::to_string(i + 1) + "版）");
    ok = Write(file, text);
    Timing t;
    ok = ok && Rebuild(options, cache, t);
    timings.push_back(t);
  }
  Write(file, *original);
  if (!ok) return 1;
  std::sort(timings.begin(), timings.end());
  const Timing& median = timings[timings.size() / 2];
  std::printf(
      "rebuild after a save of %s (%d saves; full build first: %.0f ms): median %.1f ms (load %.1f, render %.1f), "
      "fastest %.1f ms, slowest %.1f ms; %zu of %zu plans made again, with %zu of %zu chapter pages and %zu of "
      "%zu Markdown texts\n",
      file.filename().c_str(), saves, first.total * 1e3, median.total * 1e3, median.load * 1e3, median.render * 1e3,
      timings.front().total * 1e3, timings.back().total * 1e3, cache.plans_rendered(),
      cache.plans_rendered() + cache.plans_reused(), cache.pages_made(), cache.pages_made() + cache.pages_reused(),
      cache.fragments_rendered(),
      cache.fragments_rendered() + cache.fragments_reused());
  return 0;
}
