// The YAML doctor: finds, in the raw text of a content file, the mistakes that yaml-cpp
// reports vaguely, on a later line or not at all (a string or a bracket never closed,
// full-width spaces or colons where YAML structure belongs, a colon without a space), and
// aliases that expand to a huge tree. One pass over the lines, linear in the size of the text.
#ifndef KEIKAKU_LOAD_YAML_DOCTOR_H_
#define KEIKAKU_LOAD_YAML_DOCTOR_H_

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/node_view.h"
#include "load/validate.h"
#include "schema/schema.h"

namespace keikaku::load {

/// Flow collections ([ ] and { }) nested deeper than this are parsed cut at this depth:
/// far beyond any real content (the validator allows 64 levels of any nesting), well under
/// the depth where yaml-cpp gives up ("bad file", about 500 brackets).
constexpr std::size_t kMaxFlowDepth = 100;

/// Aliases (*name) may add at most this many nodes to the tree they are written in.
constexpr std::size_t kMaxAliasExpansion = 1'000'000;

/// One mistake in the text of a content file.
struct YamlFinding {
  int line = 0;    ///< 1-based.
  int column = 0;  ///< 1-based, in code points.
  std::string rule;
  std::string message;  ///< Japanese, for editors.
  std::string hint;
  /// True when the text is wrong whatever yaml-cpp makes of it (yaml-cpp accepts a string
  /// that is never closed and publishes the rest of the file as its text); false for a
  /// finding that only explains a yaml-cpp failure on its line or a later one.
  bool certain = false;
};

/// A flow collection nested deeper than kMaxFlowDepth: bytes [begin, end) of the text, from
/// just after the bracket that opens level kMaxFlowDepth to just after the bracket that
/// closes the outermost one, are replaced by `closers` (then spaces, line breaks kept).
struct FlowCut {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string closers;
};

struct YamlCheckup {
  std::vector<YamlFinding> findings;  ///< In the order of their positions.
  std::vector<FlowCut> cuts;

  /// The first finding that is not certain at or before `line` (1-based; any line when 0 or
  /// less): the likely cause of a yaml-cpp error reported there. Null if there is none.
  const YamlFinding* Explaining(int line) const;

  /// `text` with every cut applied: the same length, lines and positions up to each cut,
  /// nested at most kMaxFlowDepth deep, so that yaml-cpp reads it and the validator reports
  /// the nesting where it passes its own limit, as it does for a shallower file.
  std::string Shallow(std::string_view text) const;
};

/// Examines the text of a content file of `type`, one of the content schema's types (whose
/// keys are the known keys: a mistake after one of them is a mistake in the structure, not
/// text; they are worked out once for each type).
YamlCheckup ExamineYaml(std::string_view text, const schema::Type& type);

/// The node where the aliases of `root` first add more than `limit` nodes to the tree
/// (aliases of aliases of lists, "billion laughs", or an alias inside its own anchor) as a
/// `yaml.alias-expansion` finding; nothing if they stay within. Each distinct node is
/// counted once (aliases share their anchor's node), so it is fast on any input.
std::optional<YamlFinding> CheckAliasExpansion(NodeView root, const PositionMap& positions,
                                               std::size_t limit = kMaxAliasExpansion);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_YAML_DOCTOR_H_
