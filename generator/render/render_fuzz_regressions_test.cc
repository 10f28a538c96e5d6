// Inputs for fuzz_render (fuzz/render_fuzz.cc), kept as regression tests.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "pipeline/build.h"

namespace {

namespace fs = std::filesystem;

// Builds a site of one plan whose only chapter is `chapter`; the chapter page's HTML.
std::string ChapterPage(const std::string& chapter) {
  fs::path dir = fs::temp_directory_path() / ("keikaku-render-fuzz-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::map<std::string, std::string> files = {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", chapter},
  };
  for (const auto& file : files) {
    fs::create_directories((dir / file.first).parent_path());
    std::ofstream(dir / file.first) << file.second;
  }
  keikaku::pipeline::BuildOptions options;
  options.source = dir;
  keikaku::output::OutputTree tree;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  keikaku::diag::Diagnostics diags;
  bool ok = keikaku::pipeline::RenderToTree(options, tree, stats, sources, diags);
  fs::remove_all(dir);
  INFO(diags.Format());
  REQUIRE(ok);
  return tree["x/c.html"];
}

}  // namespace

// The table renderer kept, per column, the rows a rowspan still takes: colspan: 999999999
// (a slip of the finger) made it allocate 4 GB and loop a billion times (the build took 39 s
// and 3.9 GB; fuzz_render: "out-of-memory (malloc(4000000000))"). Only the first column
// decides which cell is the row header, so only it is tracked.
TEST_CASE("fuzz_render: a huge colspan or rowspan renders at once", "[render][fuzz]") {
  const std::string chapter =
      "title: c\n"
      "content:\n"
      "  - table:\n"
      "      caption: 表\n"
      "      row_header: true\n"
      "      rows:\n"
      "        - [見出し, 値]\n"
      "        - - text: 結合\n"
      "            rowspan: 2\n"
      "          - text: 横に長い\n"
      "            colspan: 999999999\n"
      "        - [下の行]\n"
      "        - - text: 最後\n"
      "            rowspan: 999999999\n"
      "        - - text: 次\n"
      "            colspan: 999999999\n";
  // The spans are kept as numbers, not cells: the page stays small (and the test ends).
  std::string html = ChapterPage(chapter);
  CHECK(html.size() < 100000);
  // The row header is the cell in the first column; a row whose first column is taken by a
  // rowspan from above has none.
  CHECK(html.find("<tr><th scope=\"row\">見出し</th><td>値</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\" rowspan=\"2\">結合</th><td colspan=\"999999999\">横に長い</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<tr><td>下の行</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\" rowspan=\"999999999\">最後</th></tr>") != std::string::npos);
  CHECK(html.find("<tr><td colspan=\"999999999\">次</td></tr>") != std::string::npos);
}
