// Text with readings: plain runs and ruby words. The currency of furigana/: the syntax
// parser, the automatic annotator and the HTML writer all speak it.
#ifndef KEIKAKU_FURIGANA_RUBY_H_
#define KEIKAKU_FURIGANA_RUBY_H_

#include <optional>
#include <string>
#include <vector>

namespace keikaku::furigana {

/// One word with its reading.
struct Ruby {
  std::string base;
  /// One reading for the whole base (group ruby), or one per character (mono ruby).
  std::vector<std::string> readings;
  /// A name from the readings file: speech engines misread it, so assistive technology is
  /// given the reading instead of the base.
  bool name = false;

  bool operator==(const Ruby& o) const { return base == o.base && readings == o.readings && name == o.name; }
};

/// A run of plain text, or a ruby word.
struct Piece {
  std::string text;  ///< Plain text (empty for a ruby word).
  std::optional<Ruby> ruby;

  bool operator==(const Piece& o) const { return text == o.text && ruby == o.ruby; }
};

using Pieces = std::vector<Piece>;

/// Appends plain `text` to `pieces`, joining it to a plain piece before it.
void AppendText(Pieces& pieces, std::string_view text);

/// The text a reader sees without readings: bases and plain runs.
std::string BaseText(const Pieces& pieces);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_RUBY_H_
