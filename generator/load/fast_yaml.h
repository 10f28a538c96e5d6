// Reads YAML with libyaml into keikaku's tree (load/node_view.h). yaml-cpp's own reader is
// about ten times slower (its scanner matches every character against regular expressions):
// it took more than half of loading a large site. The tree is the one YAML::Load gives (the
// same nodes, values, tags, null values, shared alias nodes and positions), so that
// everything after the reading (the YAML doctor, the validator, the model) reads any text
// alike, and what is not valid YAML still goes to YAML::Load, whose errors keikaku explains
// in Japanese.
#ifndef KEIKAKU_LOAD_FAST_YAML_H_
#define KEIKAKU_LOAD_FAST_YAML_H_

#include <cstddef>
#include <optional>
#include <string>

#include "load/yaml_doc.h"

namespace keikaku::load {

/// The first document of `text` as YAML::Load reads it; nothing when libyaml finds an error
/// or something it reads otherwise than yaml-cpp (an alias to an unknown anchor): then
/// YAML::Load gives the tree or the error. With a tree, `*aliases` (if given) tells whether
/// the document has an alias (*name): without one, no node is shared and nothing can expand.
/// `*scalars_read` (if given) is the number of scalars, literal blocks and long plain values,
/// keikaku read itself (load/literal_blocks.h) instead of libyaml.
std::optional<YamlDoc> LoadFast(const std::string& text, bool* aliases = nullptr, std::size_t* scalars_read = nullptr);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_FAST_YAML_H_
