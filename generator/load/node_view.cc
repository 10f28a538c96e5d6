#include "load/node_view.h"

namespace keikaku::load {

const std::string& NodeView::Scalar() const {
  static const std::string kNone;
  return node_ ? node_->scalar : kNone;
}

const std::string& NodeView::Tag() const {
  static const std::string kNone;
  return node_ ? node_->tag : kNone;
}

const YAML::Mark& NodeView::Mark() const {
  static const YAML::Mark kNone = YAML::Mark::null_mark();
  return node_ ? node_->mark : kNone;
}

NodeView NodeView::Child(std::string_view key) const {
  for (const auto& [k, v] : pairs()) {
    if (k.IsScalar() && k.Scalar() == key) return v;
  }
  return NodeView();
}

}  // namespace keikaku::load
