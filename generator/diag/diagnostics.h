// Diagnostics: positioned findings about content, collected and printed GCC-style.
#ifndef KEIKAKU_DIAG_DIAGNOSTICS_H_
#define KEIKAKU_DIAG_DIAGNOSTICS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keikaku::diag {

/// A position in a source file; line and column are 1-based, 0 when unknown.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string rule;     ///< Machine-readable rule id, e.g. "schema.unknown-key".
  std::string message;  ///< What is wrong (Japanese, for editors).
  std::string hint;     ///< What to do (Japanese), may be empty.
};

/// Collects diagnostics from every stage; never throws for content mistakes. The same
/// finding reported twice (content rendered on two pages) is kept once.
class Diagnostics {
 public:
  void Error(const SourcePos& pos, std::string rule, std::string message, std::string hint = {});
  void Warning(const SourcePos& pos, std::string rule, std::string message, std::string hint = {});

  /// Adds the findings of `other` (collected by another thread), in their order.
  void Merge(Diagnostics&& other);
  /// The same for findings kept to be given again (a file parsed before, a page kept).
  void Merge(const Diagnostics& other);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const { return static_cast<int>(items_.size()) - error_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Sorted by file, line, column; stable for equal positions.
  std::vector<Diagnostic> Sorted() const;

  /// "file:line:col: error [rule] message" + source excerpt with caret + hint line, for
  /// every diagnostic in order. `sources` maps file names to their text for the excerpts;
  /// `context` lines before and after the finding's line are shown too, numbered.
  std::string Format(const std::map<std::string, std::string>& sources = {}, int context = 0) const;

  /// Drops the warnings an editor silenced in the content: a comment naming the rule,
  /// `# keikaku-ignore: lint.link-text` in YAML or `<!-- keikaku-ignore: lint.link-text -->`
  /// in Markdown, on the finding's line or the line above (several rules: separated by
  /// commas). Errors cannot be silenced. Returns how many warnings were dropped.
  int Suppress(const std::map<std::string, std::string>& sources);

 private:
  bool Add(Diagnostic d);

  std::vector<Diagnostic> items_;
  std::set<std::string> seen_;
  int error_count_ = 0;
};

/// The word that starts a comment silencing findings: "keikaku-ignore:".
inline constexpr const char* kSuppressionMarker = "keikaku-ignore:";

/// True if `html` is a Markdown comment that silences findings (<!-- keikaku-ignore: … -->).
bool IsSuppressionComment(const std::string& html);

/// Formats one diagnostic; `text` is the whole source file or empty (no excerpt then).
std::string FormatDiagnostic(const Diagnostic& d, const std::string& text, int context = 0);
class LineIndex;
/// The same, with the excerpt from `lines` (an index of the diagnostic's file), or none.
std::string FormatDiagnostic(const Diagnostic& d, const LineIndex* lines, int context = 0);

struct ExcerptLine {
  int number = 0;  ///< 1-based.
  std::string text;
};

/// The byte offset where each line of `text` starts: 0, then one past each '\n'.
std::vector<std::size_t> LineStarts(std::string_view text);

/// Where the lines of one source text start, found once: excerpts for many diagnostics of
/// a file cost a lookup each (a scan from the top per diagnostic made 100,000 warnings take
/// minutes).
class LineIndex {
 public:
  explicit LineIndex(const std::string& text);
  /// Lines `line - context` … `line + context` (those that exist, without line breaks);
  /// empty when `line` is absent or not valid UTF-8.
  std::vector<ExcerptLine> Excerpt(int line, int context) const;

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

/// The LineIndex of each file of `sources` (file → text), built the first time a
/// diagnostic asks for it: formatting many findings of one file reads it once.
class SourceLines {
 public:
  explicit SourceLines(const std::map<std::string, std::string>& sources) : sources_(sources) {}
  /// Null when `file`'s text is not in the sources.
  const LineIndex* For(const std::string& file);

 private:
  const std::map<std::string, std::string>& sources_;
  std::map<std::string, LineIndex> indexes_;
};

/// LineIndex(text).Excerpt(line, context), for a single excerpt.
std::vector<ExcerptLine> Excerpt(const std::string& text, int line, int context);

/// Cuts a line longer than `max_chars` characters to that many around character `column`
/// (1-based), with … where text was cut, and moves `column` to the same character: an
/// error in a line of a million characters shows the part it is in.
void ClipLine(std::string& line, int& column, std::size_t max_chars = 100);

/// The known name closest to `word` (edit distance, at most a third of its length), or "".
std::string DidYouMean(const std::string& word, const std::vector<std::string>& known);

}  // namespace keikaku::diag

#endif  // KEIKAKU_DIAG_DIAGNOSTICS_H_
