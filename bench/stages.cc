// What stands between keikaku's build time and its target: each stage of a build timed on
// its own, on one thread and on all cores, for a content folder (bench/scale.sh makes the
// synthetic ones). A program for `make bench`, not a test.
//
// Usage: keikaku_bench_stages CONTENT_DIR BUILT_SITE_DIR
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "io/file.h"
#include "load/fast_yaml.h"
#include "load/loader.h"
#include "markdown/markdown.h"
#include "output/output_tree.h"
#include "output/site_writer.h"
#include "parallel/parallel.h"

namespace fs = std::filesystem;
using namespace keikaku;

namespace {

double Seconds(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Row(const char* stage, double one, double all, int threads, const std::string& note) {
  std::printf("  %-34s %7.2f s   %7.2f s on %d threads (%.2fx)   %s\n", stage, one, all, threads, one / all,
              note.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s CONTENT_DIR BUILT_SITE_DIR\n", argv[0]);
    return 2;
  }
  const fs::path content = argv[1], built = argv[2];
  const int threads = parallel::DefaultJobs();

  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(content)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      texts.push_back(*io::ReadFile(e.path()));
      bytes += texts.back().size();
    }
  }
  std::printf("%s: %zu YAML files, %.1f MB\n", content.c_str(), texts.size(), bytes / 1e6);
  auto yaml = [&](int jobs) {
    return Seconds([&] { parallel::ForEach(texts.size(), jobs, [&](std::size_t i, int) { YAML::Load(texts[i]); }); });
  };
  double y1 = yaml(1), yn = yaml(threads);
  Row("yaml-cpp YAML::Load", y1, yn, threads, std::to_string(static_cast<int>(bytes / 1e6 / y1)) + " MB/s on one thread");
  auto fast = [&](int jobs) {
    return Seconds([&] { parallel::ForEach(texts.size(), jobs, [&](std::size_t i, int) { load::LoadFast(texts[i]); }); });
  };
  double f1 = fast(1), fn = fast(threads);
  Row("libyaml into yaml-cpp's tree", f1, fn, threads,
      std::to_string(static_cast<int>(bytes / 1e6 / f1)) + " MB/s on one thread (load::LoadFast, what keikaku uses)");

  std::optional<model::Site> site;
  auto load = [&](int jobs) {
    return Seconds([&] {
      load::SourceTexts sources;
      diag::Diagnostics diags;
      site = load::LoadSite(content, sources, diags, false, jobs);
    });
  };
  double l1 = load(1), ln = load(threads);
  Row("load (parse, check, model)", l1, ln, threads, "includes LoadFast");
  if (!site) {
    std::fprintf(stderr, "the content has errors\n");
    return 1;
  }

  std::vector<const model::Markdown*> blocks;
  for (const model::Plan& plan : site->plans) {
    model::ForEachMarkdown(plan, [&](const model::Markdown& md) { blocks.push_back(&md); });
  }
  auto render = [&](int jobs) {
    return Seconds([&] {
      parallel::ForEach(blocks.size(), jobs, [&](std::size_t i, int) {
        diag::Diagnostics diags;
        markdown::Render(*blocks[i], {}, diags);
      });
    });
  };
  double m1 = render(1), mn = render(threads);
  Row("cmark-gfm parse and render", m1, mn, threads,
      std::to_string(blocks.size()) + " texts, parsed at once on every thread (markdown.cc)");

  output::OutputTree files;
  for (const auto& e : fs::recursive_directory_iterator(built)) {
    if (e.is_regular_file()) files[e.path().lexically_relative(built).generic_string()] = *io::ReadFile(e.path());
  }
  auto write = [&](int jobs) {
    fs::path out = fs::temp_directory_path() / ("keikaku-bench-stages-" + std::to_string(jobs));
    fs::remove_all(out);
    std::vector<const std::pair<const std::string, std::string>*> list;
    for (const auto& f : files) list.push_back(&f);
    double s = Seconds([&] {
      output::SiteWriter writer(out, false);
      diag::Diagnostics diags;
      writer.Open(diags);
      parallel::ForEach(list.size(), jobs, [&](std::size_t i, int) { writer.Put(list[i]->first, list[i]->second); });
      writer.Commit(diags);
    });
    fs::remove_all(out);
    return s;
  };
  double w1 = write(1), wn = write(threads);
  Row("writing the site (new folder)", w1, wn, threads, std::to_string(files.size()) + " files");
  return 0;
}
