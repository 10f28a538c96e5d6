// A node of a YAML tree, seen without yaml-cpp's YAML::Node handle. Every YAML::Node holds
// a reference count on its tree's memory, so each copy, each lookup of a map key and each
// step of an iterator costs two atomic operations, and operator[] copies every key it
// compares into a std::string: the validator and the model builders, which look at each
// node a few times, spent more time on that than on their own work. A NodeView is a plain
// pointer to yaml-cpp's node; it is valid while a YAML::Node of its tree lives.
//
// A view with no node (what a map gives for a key it does not have) is false, is of no
// kind, has the scalar "" and the null mark, and has no items.
#ifndef KEIKAKU_LOAD_NODE_VIEW_H_
#define KEIKAKU_LOAD_NODE_VIEW_H_

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace keikaku::load {

class NodeView {
  // One step of yaml-cpp's iterator over a node, and what a step gives: an item of a
  // sequence (or a key of a map), or a pair of a map.
  using Step = YAML::detail::node_iterator_value<const YAML::detail::node>;
  static NodeView ItemOf(const Step& step) { return NodeView(step.first ? step.first : step.pNode); }
  static std::pair<NodeView, NodeView> PairOf(const Step& step) { return {NodeView(step.first), NodeView(step.second)}; }

  template <typename T, T (*Get)(const Step&)>
  class Cursor {
   public:
    T operator*() const { return Get(*it_); }
    Cursor& operator++() {
      ++it_;
      return *this;
    }
    bool operator!=(const Cursor& other) const { return it_ != other.it_; }

   private:
    friend class NodeView;
    explicit Cursor(YAML::detail::const_node_iterator it) : it_(it) {}
    YAML::detail::const_node_iterator it_;
  };

 public:
  NodeView() = default;
  /// The node `node` refers to (none for an invalid or undefined node). Implicit: the
  /// loader's functions take the trees ParseContent gives.
  NodeView(const YAML::Node& node);  // NOLINT(google-explicit-constructor)

  explicit operator bool() const { return node_ != nullptr; }
  bool IsMap() const { return node_ && node_->type() == YAML::NodeType::Map; }
  bool IsSequence() const { return node_ && node_->type() == YAML::NodeType::Sequence; }
  bool IsScalar() const { return node_ && node_->type() == YAML::NodeType::Scalar; }
  bool IsNull() const { return node_ && node_->type() == YAML::NodeType::Null; }
  const std::string& Scalar() const;
  const YAML::Mark& Mark() const;
  /// Items of a sequence, pairs of a map, else 0.
  std::size_t size() const { return node_ ? node_->size() : 0; }
  /// The value of `key` in a map (none if the map has no such key, or this is no map).
  NodeView Child(std::string_view key) const;
  /// Item `i` of a sequence (none past the end, or if this is no sequence).
  NodeView operator[](std::size_t i) const;
  /// The same node of the same tree.
  bool is(const NodeView& other) const { return node_ == other.node_; }

  /// The items of a sequence (for a map, its keys), in order.
  using Iterator = Cursor<NodeView, &NodeView::ItemOf>;
  Iterator begin() const { return Iterator(Steps(node_)); }
  Iterator end() const { return Iterator(Ends(node_)); }

  /// The key and value pairs of a map, in order (none for anything else).
  class Pairs {
   public:
    using Iterator = Cursor<std::pair<NodeView, NodeView>, &NodeView::PairOf>;
    Iterator begin() const { return Iterator(Steps(map_)); }
    Iterator end() const { return Iterator(Ends(map_)); }

   private:
    friend class NodeView;
    explicit Pairs(const YAML::detail::node* map) : map_(map) {}
    const YAML::detail::node* map_;
  };
  Pairs pairs() const { return Pairs(IsMap() ? node_ : nullptr); }

 private:
  explicit NodeView(const YAML::detail::node* node) : node_(node && node->is_defined() ? node : nullptr) {}
  // yaml-cpp's iterators over `node` (none for no node).
  static YAML::detail::const_node_iterator Steps(const YAML::detail::node* node) {
    return node ? node->begin() : YAML::detail::const_node_iterator();
  }
  static YAML::detail::const_node_iterator Ends(const YAML::detail::node* node) {
    return node ? node->end() : YAML::detail::const_node_iterator();
  }
  const YAML::detail::node* node_ = nullptr;
};

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_NODE_VIEW_H_
