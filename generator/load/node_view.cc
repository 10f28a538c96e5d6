#include "load/node_view.h"

namespace keikaku::load {
namespace {
struct ViewAccess {};  // names the specialisation below
}  // namespace
}  // namespace keikaku::load

// YAML::Node keeps its node private; it befriends every specialisation of YAML::as_if, and
// this one (for a type of keikaku's own) is the way in, as in fast_yaml.cc.
template <>
struct YAML::as_if<keikaku::load::ViewAccess, void> {
  static const YAML::detail::node* Raw(const YAML::Node& node) { return node.m_isValid ? node.m_pNode : nullptr; }
};

namespace keikaku::load {

NodeView::NodeView(const YAML::Node& node) : NodeView(YAML::as_if<ViewAccess, void>::Raw(node)) {}

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

NodeView::Iterator NodeView::begin() const {
  return Iterator(node_ ? node_->begin() : YAML::detail::const_node_iterator());
}
NodeView::Iterator NodeView::end() const { return Iterator(node_ ? node_->end() : YAML::detail::const_node_iterator()); }

NodeView::Pairs::Iterator NodeView::Pairs::begin() const {
  return Iterator(map_ ? map_->begin() : YAML::detail::const_node_iterator());
}
NodeView::Pairs::Iterator NodeView::Pairs::end() const {
  return Iterator(map_ ? map_->end() : YAML::detail::const_node_iterator());
}

}  // namespace keikaku::load
