// The one declarative description of every content field. The loader validates with it,
// the check issue exports it as JSON Schema, docs/content.md follows it.
#ifndef KEIKAKU_SCHEMA_SCHEMA_H_
#define KEIKAKU_SCHEMA_SCHEMA_H_

#include <string>
#include <vector>

namespace keikaku::schema {

enum class Kind {
  kString,      ///< Any scalar, kept as written.
  kMarkdown,    ///< A scalar holding Markdown.
  kInteger,     ///< Decimal digits (never octal).
  kNumber,      ///< A decimal number.
  kBoolean,     ///< true or false.
  kDate,        ///< text::ParseDate.
  kFiscalYear,  ///< text::ParseFiscalYear.
  kList,        ///< A sequence of `item`.
  kRecord,      ///< A mapping with `fields`.
};

struct Type;

struct Field {
  std::string key;
  const Type* type = nullptr;
  bool required = false;
  std::string doc;  ///< One line for editors (Japanese).
};

struct Type {
  std::string name;  ///< Stable name, e.g. "plan", "section" (JSON Schema $defs).
  Kind kind = Kind::kString;
  std::string doc;
  std::vector<Field> fields;          ///< kRecord.
  const Type* item = nullptr;         ///< kList.
  const Type* scalar_form = nullptr;  ///< kRecord that may also be written as this scalar type.
  bool exactly_one = false;           ///< kRecord whose map holds exactly one of `fields`.
  std::vector<std::string> choices;   ///< kString limited to these values.
  int max_nesting = 0;  ///< kRecord holding itself (sections): how many levels; 0 = no own limit.

  const Field* FindField(const std::string& key) const;
  std::vector<std::string> Keys() const;
};

/// The content file types.
struct Schema {
  const Type* site;      ///< content/site.yaml
  const Type* plan;      ///< content/plans/SLUG/plan.yaml
  const Type* chapter;   ///< a chapter file
  const Type* glossary;  ///< a glossary file
  const Type* readings;  ///< the site's readings file
  const Type* a11y_results;  ///< the accessibility test results file
};

/// The content schema (built once, immutable, safe to share between threads).
const Schema& ContentSchema();

/// Human name of a kind, for messages ("文字列", "整数", …).
const char* KindName(Kind kind);

}  // namespace keikaku::schema

#endif  // KEIKAKU_SCHEMA_SCHEMA_H_
