#include "load/node_view.h"

#include "load/yaml_access.h"

namespace keikaku::load {

NodeView::NodeView(const YAML::Node& node) : NodeView(YAML::as_if<YamlAccess, void>::Raw(node)) {}

const std::string& NodeView::Scalar() const {
  static const std::string kNone;
  return node_ ? node_->scalar() : kNone;
}

const YAML::Mark& NodeView::Mark() const {
  static const YAML::Mark kNone = YAML::Mark::null_mark();
  return node_ ? node_->mark() : kNone;
}

NodeView NodeView::Child(std::string_view key) const {
  for (const auto& [k, v] : pairs()) {
    if (k.IsScalar() && k.Scalar() == key) return v;
  }
  return NodeView();
}

NodeView NodeView::operator[](std::size_t i) const {
  if (!IsSequence()) return NodeView();
  for (NodeView item : *this) {
    if (i-- == 0) return item;
  }
  return NodeView();
}

}  // namespace keikaku::load
