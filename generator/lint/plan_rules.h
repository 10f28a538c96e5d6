// Lint rules over a plan's structure: tables a screen reader cannot announce, and numbers of
// figures, tables and measures that the text mentions but the plan does not have.
#ifndef KEIKAKU_LINT_PLAN_RULES_H_
#define KEIKAKU_LINT_PLAN_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "model/model.h"
#include "text/utf8.h"

namespace keikaku::lint {

/// A number a text mentions (「図表-3」「重点施策②」), by its byte offset in the text.
struct Mention {
  std::size_t offset = 0;
  std::string number;  ///< As written.
};

/// The numbers the plan gives its figures, tables and measures, and the forms of number
/// they use, so that mentions of others can be found in its text.
class NumberIndex {
 public:
  explicit NumberIndex(const model::Plan& plan);
  /// Mentions in `text` of numbers of a form the plan uses (or 「図」「表」「図表」 with
  /// digits) that no figure, table or measure of the plan has.
  std::vector<Mention> Unknown(std::string_view text) const;
  /// The plan's numbers that start like `number`, for the hint.
  std::vector<std::string> Similar(const std::string& number) const;

 private:
  std::vector<std::string> prefixes_;  ///< 「図表-」「重点施策」, longest first.
  std::vector<std::string> known_;     ///< Normalised numbers.
  std::vector<char32_t> starts_;       ///< The first characters of the prefixes, sorted.
  /// Every character whose normal form is in starts_: where Unknown looks closer.
  text::CharFilter start_filter_;
};

/// Tables without header cells (lint.table-header) and mentions of numbers the plan does
/// not have (ref.number), in the plan's Markdown and schedule items.
void LintPlan(const model::Plan& plan, diag::Diagnostics& diags);

}  // namespace keikaku::lint

#endif  // KEIKAKU_LINT_PLAN_RULES_H_
