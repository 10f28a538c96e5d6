// Markdown to HTML through cmark-gfm, with keikaku's extensions: Japanese soft breaks
// removed, ruby ({漢字|かんじ}, 漢字《かんじ》) and automatic readings, glossary references
// [[用語]] / [[用語|表示]] and automatic ones, heading levels shifted to fit the page,
// footnotes labelled in Japanese. Raw HTML is never passed through.
#ifndef KEIKAKU_MARKDOWN_MARKDOWN_H_
#define KEIKAKU_MARKDOWN_MARKDOWN_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "furigana/annotator.h"
#include "text/term_matcher.h"
#include "model/model.h"

namespace keikaku::markdown {

/// Where a glossary reference links: the entry's href and, when the page lists its terms
/// with links back to each use, the reference's own id.
struct TermLink {
  std::string href, id;
};

struct Options {
  int heading_offset = 0;        ///< Added to Markdown heading levels (capped at 6).
  bool unwrap_paragraph = false;  ///< A lone paragraph renders without <p> (table cells, lists).
  std::string id_prefix;          ///< Prefixed to footnote ids so several fragments can share a page.
  /// The link of a glossary term or alias; nullopt when the glossary has no such term.
  std::function<std::optional<TermLink>(const std::string& term)> term_link;
  /// The glossary's terms and aliases, for "did you mean" when a reference is unknown.
  const std::vector<std::string>* known_terms = nullptr;
  /// Automatic linking: glossary names found in text (outside headings, links, code and
  /// explicit references) are offered to `auto_link` in order, after the explicit
  /// references; it returns the link, or nullopt to leave that occurrence as text (this is
  /// where a page links only the first occurrence).
  const text::TermMatcher* auto_terms = nullptr;
  std::function<std::optional<TermLink>(const std::string& name)> auto_link;
  /// Readings beyond the ruby syntax: the readings file's names, and automatic furigana
  /// when `auto_grade` is set (furigana::Annotator::Annotate). Null: ruby syntax only.
  furigana::Annotator* annotator = nullptr;
  std::optional<int> auto_grade;
  /// The size in bytes of a file a link names relative to the page (an attachment), or
  /// nullopt; its type and size are added to the link text 「（PDF、729KB）」.
  std::function<std::optional<std::uintmax_t>(const std::string& url)> attachment_size;
};

struct Fragment {
  std::string html;
  std::vector<std::string> terms;  ///< Glossary references in order of appearance.
  bool headings = false;   ///< The text has headings (their level follows Options::heading_offset).
  bool footnotes = false;  ///< The text has footnotes (their ids follow Options::id_prefix).
};

/// The opening tag a glossary link has in Render's HTML: 「<a class="term" id=… href=…>」.
/// Its text and closing tag do not depend on the link.
std::string TermLinkOpen(const TermLink& link);

/// Renders `md`. Unknown glossary references are reported at their position in the file.
Fragment Render(const model::Markdown& md, const Options& options, diag::Diagnostics& diags);

/// A link or an image of a Markdown text, with the byte offset of its start in the text.
struct Link {
  std::string url;
  std::size_t offset = 0;
  bool image = false;
};

/// Whether cmark-gfm (with keikaku's extensions) reads `text` as one paragraph holding one
/// text node with all of `text`: Render then makes that tree itself. Exposed for tests.
bool IsOneTextParagraph(std::string_view text);

/// The links and images of `md`, in order.
std::vector<Link> Links(const model::Markdown& md);

/// The kind of document a link leads to, from the extension of its path ("PDF" for .pdf,
/// "Word", "Excel", …), or "" for a web page or an image.
std::string DocumentType(const std::string& url);

/// 「PDF、729KB」: the words a link to a document carries after its text.
std::string DocumentLabel(const std::string& type, std::uintmax_t bytes);

/// Position in the content file of byte `offset` of `md.text`: through `md.anchors`, or
/// counted from `md.pos` when there are none.
diag::SourcePos PositionIn(const model::Markdown& md, std::size_t offset);

}  // namespace keikaku::markdown

#endif  // KEIKAKU_MARKDOWN_MARKDOWN_H_
