// keikaku's way into yaml-cpp's node tree. YAML::Node keeps its node private and makes a
// YAML::Node for a node of the tree only in yaml-cpp's own reader, through a private
// constructor; it befriends every specialisation of YAML::as_if, and this one (for a type of
// keikaku's own) is the way in: fast_yaml.cc builds the tree from libyaml's events,
// node_view.cc looks at it without a reference count.
#ifndef KEIKAKU_LOAD_YAML_ACCESS_H_
#define KEIKAKU_LOAD_YAML_ACCESS_H_

#include <yaml-cpp/yaml.h>

#include <utility>

namespace keikaku::load {
struct YamlAccess {};  // names the specialisation below
}  // namespace keikaku::load

template <>
struct YAML::as_if<keikaku::load::YamlAccess, void> {
  /// A YAML::Node for `node` of the tree that `memory` holds.
  static YAML::Node Wrap(YAML::detail::node& node, YAML::detail::shared_memory_holder memory) {
    return YAML::Node(node, std::move(memory));
  }
  /// The node `node` refers to; null for an invalid node.
  static const YAML::detail::node* Raw(const YAML::Node& node) { return node.m_isValid ? node.m_pNode : nullptr; }
};

#endif  // KEIKAKU_LOAD_YAML_ACCESS_H_
