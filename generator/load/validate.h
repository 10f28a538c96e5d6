// Checks parsed YAML against the declarative content schema.
#ifndef KEIKAKU_LOAD_VALIDATE_H_
#define KEIKAKU_LOAD_VALIDATE_H_

#include <yaml-cpp/mark.h>

#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/node_view.h"
#include "schema/schema.h"

namespace keikaku::load {

/// Maps yaml-cpp marks (0-based, byte columns) of one file to 1-based character positions.
class PositionMap {
 public:
  /// Indexes the starts of the lines of `text` once, so each position costs a lookup (a
  /// scan from the top of the file per node made big files quadratic).
  PositionMap(std::string file, const std::string& text);
  diag::SourcePos At(const YAML::Mark& mark) const;
  diag::SourcePos AtLineColumn(int line0, int byte_column0) const;
  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }

 private:
  std::string file_;
  const std::string& text_;
  std::vector<std::size_t> line_starts_;
};

/// Reports every schema violation of `node` (unknown and duplicate keys, wrong types,
/// missing required keys, bad dates). Returns true when there were none. `texts`, if
/// given, receives every value a resident reads (text and Markdown, not keywords).
bool Validate(NodeView node, const schema::Type& type, const PositionMap& positions,
              diag::Diagnostics& diags, std::vector<NodeView>* texts = nullptr);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_VALIDATE_H_
