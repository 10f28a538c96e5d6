// The ruby syntax editors write, found in a run of text (never in HTML):
//   {漢字|かんじ}      group ruby (Denden Markdown)
//   {漢字|かん|じ}     mono ruby: one reading per character when the counts match
//   ｜漢字《かんじ》   Aozora / なろう, base from ｜ (or |) to 《
//   漢字《かんじ》     reading over the run of kanji just before 《
// A backslash before { } ｜ or 《 writes the character literally.
#ifndef KEIKAKU_FURIGANA_SYNTAX_H_
#define KEIKAKU_FURIGANA_SYNTAX_H_

#include <string>
#include <string_view>
#include <vector>

#include "furigana/ruby.h"

namespace keikaku::furigana {

/// Stands in for the backslash of an escaped syntax character between MarkEscapes and
/// ParseRuby (a control character YAML content never holds; one byte, like the backslash,
/// so byte offsets and columns stay put).
inline constexpr char kLiteralMark = '\x01';

/// Replaces the backslash of \{ \} \｜ \《 with kLiteralMark (an escaped backslash \\ stays).
/// Markdown source goes through this before cmark, which would drop the backslash.
std::string MarkEscapes(std::string_view source);

/// Undoes MarkEscapes where no ruby syntax is read (code): kLiteralMark back to a backslash.
std::string RestoreEscapes(std::string_view s);

/// Removes kLiteralMark (where an escape is consumed: link destinations and titles).
std::string DropEscapes(std::string_view s);

/// A piece of ruby syntax that is left as text, and why.
struct SyntaxProblem {
  std::size_t offset, end;  ///< Byte range of the piece in the text.
  std::string rule, message, hint;
};

/// False when `text` (after MarkEscapes) has none of the characters ruby syntax and escapes
/// begin with: then ParseRuby gives it back as one plain piece.
bool MayHaveRuby(std::string_view text);

/// Splits `text` (after MarkEscapes) into plain runs and ruby words. Malformed syntax with
/// a reading bar or brackets ({漢字|}, 漢字《》) stays text and is reported in `problems`;
/// braces without a bar ({abc}) are ordinary text.
Pieces ParseRuby(std::string_view text, std::vector<SyntaxProblem>* problems);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_SYNTAX_H_
