// fuzz_content: one content file through load::ParseContent (encoding, indentation, the
// YAML doctor, yaml-cpp, alias expansion, schema validation, text rules), then the typed
// model where a public API builds it (BuildPlan, BuildChapter, BuildGlossary + CheckGlossary),
// the plan rules, every Markdown text of the model rendered, and statistics charts.
// The first input byte picks the file type: site, plan, chapter, glossary, readings or
// accessibility results; the rest is the file. Invariants:
//   - ParseContent gives a node exactly when it reports no error (a refused file always
//     says why);
//   - findings are at a line of the file (or line 0: the whole file); the report with
//     source excerpts can be formatted;
//   - load::MapScalar never gives a wrong position: each anchored piece of a scalar's value
//     is the file's text at that line and column, or one character made by an escape or a
//     line fold;
//   - charts are the same bytes when drawn twice.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diagnostics.h"
#include "fuzz_check.h"
#include "lint/plan_rules.h"
#include "load/loader.h"
#include "load/scalar_map.h"
#include "load/yaml_doctor.h"
#include "markdown/markdown.h"
#include "model/model.h"
#include "render/chart.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace {

namespace load = keikaku::load;
namespace model = keikaku::model;
namespace schema = keikaku::schema;
using keikaku::diag::Diagnostics;

// Byte offset in `text` of 1-based `line` and code-point `column` as MapScalar counts
// them (a BOM on the first line is not counted); npos when there is no such place.
std::size_t OffsetOf(std::string_view text, int line, int column) {
  std::size_t at = 0;
  for (int l = 1; l < line; ++l) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return at;
    ++at;
  }
  if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") at = 3;
  for (int c = 1; c < column; ++c) {
    if (at >= text.size()) return std::string_view::npos;
    keikaku::text::DecodeAt(text, at);
  }
  return at;
}

void CheckAnchors(std::string_view text, load::NodeView node) {
  const std::string& value = node.Scalar();
  std::vector<model::SourceAnchor> anchors = load::MapScalar(text, node.Mark(), value);
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    const model::SourceAnchor& a = anchors[i];
    std::size_t end = i + 1 < anchors.size() ? anchors[i + 1].offset : value.size();
    FUZZ_CHECK(a.offset < end && end <= value.size(), "anchors out of order", value);
    std::string_view piece = std::string_view(value).substr(a.offset, end - a.offset);
    std::size_t at = OffsetOf(text, a.line, a.column);
    FUZZ_CHECK(at != std::string_view::npos, "anchor outside the file", value, std::to_string(a.line),
               std::to_string(a.column));
    if (text.substr(at, piece.size()) == piece) continue;
    std::size_t p = 0;
    keikaku::text::DecodeAt(piece, p);
    FUZZ_CHECK(p == piece.size(), "anchored piece is neither the file's text nor one made character", value,
               std::string(piece), std::to_string(a.line) + ":" + std::to_string(a.column));
  }
}

void WalkScalars(std::string_view text, load::NodeView node, int depth, int& budget) {
  if (budget <= 0 || depth > 80) return;
  if (node.IsScalar()) {
    --budget;
    CheckAnchors(text, node);
  } else if (node.IsSequence()) {
    for (load::NodeView item : node) WalkScalars(text, item, depth + 1, budget);
  } else if (node.IsMap()) {
    for (const auto& [key, value] : node.pairs()) {
      WalkScalars(text, key, depth + 1, budget);
      WalkScalars(text, value, depth + 1, budget);
    }
  }
}

void CheckFindings(const Diagnostics& diags, const std::string& file, const std::string& text) {
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  for (const keikaku::diag::Diagnostic& d : diags.items()) {
    if (d.pos.file != file) continue;
    FUZZ_CHECK(d.pos.line >= 0 && d.pos.line <= lines && d.pos.column >= 0, "finding outside the file", d.rule,
               d.message, std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column));
  }
  diags.Format({{file, text}}, 2);
}

// What the build does with the model's texts, on their own: Markdown rendered, charts drawn.
void UseModel(const model::Plan& plan, const std::string& file, const std::string& text) {
  Diagnostics diags;
  keikaku::lint::LintPlan(plan, diags);
  model::ForEachMarkdown(plan, [&](const model::Markdown& md) {
    keikaku::markdown::Options options;
    keikaku::markdown::Render(md, options, diags);
  });
  model::ForEachBlock(plan, [&](const model::Block& block) {
    if (const auto* s = std::get_if<model::Statistics>(&block)) {
      std::string svg = keikaku::render::ChartSvg(*s, "chart-1");
      FUZZ_CHECK(svg == keikaku::render::ChartSvg(*s, "chart-1"), "chart drawn twice differs", s->caption);
      keikaku::render::ValueLabels(*s, 2);
    }
  });
  CheckFindings(diags, file, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const schema::Schema& s = schema::ContentSchema();
  struct Kind {
    const schema::Type* type;
    const char* file;
  };
  const Kind kinds[] = {{s.site, "site.yaml"},           {s.plan, "plans/p/plan.yaml"},
                        {s.chapter, "plans/p/ch-1.yaml"}, {s.glossary, "plans/p/glossary.yaml"},
                        {s.readings, "readings.yaml"},    {s.a11y_results, "accessibility-results.yaml"}};
  const Kind& kind = kinds[data[0] % 6];
  const std::string file = kind.file;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  Diagnostics diags;
  std::optional<load::YamlDoc> node = load::ParseContent(file, text, *kind.type, diags);
  FUZZ_CHECK(node.has_value() == !diags.has_errors(), "ParseContent's result and its errors disagree", file,
             diags.Format());
  CheckFindings(diags, file, text);
  if (!node) return 0;

  // The text yaml-cpp read (flow nesting beyond the limit cut), which the marks refer to.
  load::YamlCheckup checkup = load::ExamineYaml(text, *kind.type);
  const std::string parsed = checkup.cuts.empty() ? text : checkup.Shallow(text);
  int budget = 5000;
  WalkScalars(parsed, node->root(), 0, budget);

  model::Plan plan;
  if (kind.type == s.plan) {
    plan = load::BuildPlan(node->root(), file, text);
  } else if (kind.type == s.chapter) {
    plan.chapters.push_back(load::BuildChapter(node->root(), file, text));
  } else if (kind.type == s.glossary) {
    plan.glossary = load::BuildGlossary(node->root(), file, text);
    Diagnostics glossary_diags;
    load::CheckGlossary(plan.glossary, glossary_diags);
    CheckFindings(glossary_diags, file, text);
  } else {
    return 0;
  }
  UseModel(plan, file, text);
  return 0;
}
