// fuzz_render: a chapter file through the whole plan pipeline: load::LoadPlan (the chapter
// beside a fixed plan.yaml and glossary.yaml in a scratch folder: parsing, validation, the
// model, measure ids, schedules, section ids) and render::SiteRenderer::RenderPlan (every
// page of the plan from the built-in theme: tables with row and column spans, schedules,
// measures, statistics charts, glossary links, furigana). The first input byte picks the
// plan's automatic term links and the site's automatic furigana; the rest is the chapter.
// Invariants: no crash, hang (-timeout) or runaway memory (-rss_limit_mb) on any chapter;
// a plan that loads renders its pages, in UTF-8.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "diag/diagnostics.h"
#include "fuzz_check.h"
#include "load/loader.h"
#include "model/model.h"
#include "output/output_tree.h"
#include "render/render.h"
#include "text/utf8.h"
#include "theme/theme.h"

namespace {

namespace fs = std::filesystem;
using namespace keikaku;

const char kPlan[] = R"(municipality:
  name: 見本町
  reading: みほんちょう
  prefecture: 岡山県
title: 見本町DX推進計画
kind: 推進計画
established: "2023-05-16"
period:
  from: 2023
  to: R7
chapters:
  - chapter-1.yaml
glossary: glossary.yaml
)";

const char kGlossary[] = R"(terms:
  - term: DX
    reading: でぃーえっくす
    aliases: [デジタル・トランスフォーメーション]
    expansion: Digital Transformation
    definition: デジタル技術で社会をより良く変革すること。
    related: [BPR]
  - term: BPR
    reading: びーぴーあーる
    definition: 業務の流れを見直すこと。
  - term: 行政
    reading: ぎょうせい
    definition: "[[DX]] を進める主体。"
)";

void Write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Fixture {
  fs::path dir;
  model::Site site;
  theme::Theme theme;
  output::OutputTree start_tree;
  output::TreeSink start_sink{start_tree};
  render::Stats stats;
  diag::Diagnostics diags;
  std::unique_ptr<render::SiteRenderer> renderer;

  Fixture() {
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir = base / ("keikaku-fuzz-render-" + std::to_string(getpid())) / "sample";
    fs::create_directories(dir);
    Write(dir / "glossary.yaml", kGlossary);
    site.title = "見本サイト";
    site.base_path = "/";
    site.plans.resize(1);
    site.auto_furigana = {true, 7};  // so that the renderer opens MeCab once
    renderer = std::make_unique<render::SiteRenderer>(site, theme, start_sink, stats, diags, 1);
    FUZZ_CHECK(renderer->ok(), "the renderer did not start", diags.Format());
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir.parent_path(), ec);
  }
};

Fixture& Get() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    std::atexit([] { delete &Get(); });
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Fixture& f = Get();
  const std::uint8_t flags = data[0];
  static const char* const kAutoLink[] = {"off", "first", "every"};
  Write(f.dir / "plan.yaml", std::string(kPlan) + "auto_link_terms: " + kAutoLink[flags % 3] + "\n");
  Write(f.dir / "chapter-1.yaml", std::string(reinterpret_cast<const char*>(data + 1), size - 1));

  load::SourceTexts sources;
  diag::Diagnostics diags;
  std::optional<model::Plan> plan = load::LoadPlan(f.dir, "sample", sources, diags);
  FUZZ_CHECK(plan.has_value() == !diags.has_errors(), "LoadPlan's result and its errors disagree", diags.Format());
  if (!plan) return 0;
  f.site.plans[0] = std::move(*plan);
  f.site.auto_furigana = {((flags >> 2) & 3) != 0, ((flags >> 2) & 3) == 1 ? 0 : 7};

  output::OutputTree tree;
  output::TreeSink sink(tree);
  render::Stats stats;
  f.renderer->RenderPlan(0, 0, sink, stats, diags);
  FUZZ_CHECK(tree.count("sample/index.html"), "the plan's index page is missing", diags.Format());
  for (const auto& [path, bytes] : tree) {
    if (output::Extension(path) == "html") FUZZ_CHECK(text::IsValidUtf8(bytes), "page is not UTF-8", path);
  }
  return 0;
}
