// Model → open data: each plan's content as machine-readable files published beside its
// pages (data/plan.json, data/measures.csv, data/schedules.csv, data/glossary.csv), made
// from the same model the pages are rendered from. The formats are described for readers in
// docs/open-data.md and, for plan.json, by docs/plan-data.schema.json.
//
// The namespace is `exports`: `export` is a C++ keyword.
#ifndef KEIKAKU_EXPORT_EXPORT_H_
#define KEIKAKU_EXPORT_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace keikaku::exports {

/// The `schema` and `schema_version` of plan.json. Additive changes keep the version;
/// renaming or removing a field, or changing its meaning or type, bumps it.
inline constexpr const char* kPlanSchemaId = "https://keikaku.example/schema/plan-v1.json";
inline constexpr int kPlanSchemaVersion = 1;

/// A file of a plan's open data.
struct ExportFile {
  std::string path;   ///< Relative to the plan's folder: "data/plan.json".
  std::string label;  ///< What the overview calls it: 「計画の全体」.
  std::string type;   ///< "JSON" or "CSV" (as markdown::DocumentType names file types).
  std::string bytes;
};

/// The open data of `plan`: plan.json always; measures.csv and schedules.csv when the plan
/// has measures or schedules, glossary.csv when it has a glossary of its own. Deterministic:
/// the same model gives the same bytes (no dates or times of the build).
std::vector<ExportFile> ExportPlan(const model::Site& site, const model::Plan& plan);

/// The whole plan as JSON (schema docs/plan-data.schema.json).
std::string PlanJson(const model::Site& site, const model::Plan& plan);

/// One CSV file as residents open it in a spreadsheet: UTF-8 with a byte order mark (which
/// Excel needs to read UTF-8), CRLF line ends, fields quoted as RFC 4180 says (those holding
/// a comma, a quote, CR or LF; quotes doubled). `rows` starts with the header.
std::string Csv(const std::vector<std::vector<std::string>>& rows);

/// The text a reader sees in Markdown `md`: no markup, ruby readings dropped (base text
/// only), paragraphs and list items on lines of their own.
std::string MarkdownPlainText(const model::Markdown& md);

}  // namespace keikaku::exports

#endif  // KEIKAKU_EXPORT_EXPORT_H_
