// Lint rules for any text a resident reads (titles, captions, Markdown bodies): the mistakes
// that make a Japanese public page hard to read aloud. Pure functions over one string; the
// caller turns offsets into file positions.
#ifndef KEIKAKU_LINT_TEXT_RULES_H_
#define KEIKAKU_LINT_TEXT_RULES_H_

#include <string>
#include <string_view>
#include <vector>

namespace keikaku::lint {

/// One finding in a text: the byte offset where it starts, its rule id and what to tell
/// the editor (Japanese).
struct Finding {
  std::size_t offset = 0;
  std::string rule, message, hint;
};

/// Words spaced out for layout (「高 梁 市」, 「D X」: lint.spaced-word), half-width
/// katakana (lint.halfwidth-kana) and dates in a form that is not read as a date
/// (「R5.4.1」, 「2023/4/1」: lint.date-form) or that does not exist (「令和5年13月」:
/// lint.date-invalid), in order of offset.
std::vector<Finding> CheckText(std::string_view text);

}  // namespace keikaku::lint

#endif  // KEIKAKU_LINT_TEXT_RULES_H_
