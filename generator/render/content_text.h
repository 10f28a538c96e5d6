// Content text that is not Markdown (titles, labels, table headings, names) on a page: ruby
// syntax, the readings file's names and automatic furigana, as HTML. Templates ask for it
// per variable: {{TITLE:x-text}} gives that HTML, {{TITLE:x-plain}} the text without
// readings (for <title> and attributes, escaped by ctemplate as usual). Internal to render/.
#ifndef KEIKAKU_RENDER_CONTENT_TEXT_H_
#define KEIKAKU_RENDER_CONTENT_TEXT_H_

#include <ctemplate/per_expand_data.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "furigana/annotator.h"
#include "furigana/syntax.h"

namespace keikaku::render {

/// A text as TextHtml read it, and what reading it did besides its HTML.
struct TextRead {
  std::string html;
  std::vector<furigana::SyntaxProblem> problems;  ///< Ruby syntax left as text.
  std::vector<std::string> unread;                ///< Words automatic furigana could not read.
  furigana::AnnotatorStats annotated;             ///< What the annotator did for it.
};

/// Texts read with one annotator and grade.
using TextReads = std::unordered_map<std::string, TextRead>;

/// The texts one renderer's pages read, by annotator and grade (-1: none), then by text: a
/// plan's titles and labels repeat on every page (its chapter list, the breadcrumbs, the
/// pager). To be used on one thread, and cleared when an annotator it holds texts of goes
/// away.
using TextMemo = std::map<std::pair<const furigana::Annotator*, int>, TextReads>;

/// The readings of one page's text.
struct TextStyle {
  furigana::Annotator* annotator = nullptr;  ///< Null: ruby syntax only.
  std::optional<int> auto_grade;             ///< Automatic furigana, as in Annotator::Annotate.
  diag::Diagnostics* diags = nullptr;        ///< Where problems go (warnings).
  diag::SourcePos pos;                       ///< The content file the page's text comes from.
  TextMemo* memo = nullptr;                  ///< Texts read before, given again as they were.
};

/// Registers the x-text and x-plain template modifiers (once; before templates are loaded).
void RegisterTextModifiers();

/// Makes x-text on this expansion use `style` (which must outlive the expansion).
void AttachTextStyle(ctemplate::PerExpandData& data, const TextStyle* style);

/// `text` as HTML with its readings.
std::string TextHtml(std::string_view text, const TextStyle& style);
/// The same without a copy: the HTML kept in the style's memo, or put into `scratch`
/// (without a memo); valid until the memo or `scratch` changes.
const std::string& TextHtmlIn(std::string_view text, const TextStyle& style, std::string& scratch);

/// `text` with ruby syntax removed: the base text a reader sees (not escaped).
std::string PlainText(std::string_view text);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_CONTENT_TEXT_H_
