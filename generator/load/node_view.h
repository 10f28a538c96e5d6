// keikaku's YAML tree, and the view the loader reads it through. load/fast_yaml.cc builds the
// tree from libyaml's events (and load/yaml_doc.cc from yaml-cpp's tree, for the texts libyaml
// leaves to yaml-cpp): the nodes, values, tags, null values, shared alias nodes and positions
// yaml-cpp's YAML::Load gives, without yaml-cpp's node tree, which took several allocations,
// reference counts and a set insertion for each node.
//
// A view with no node (what a map gives for a key it does not have) is false, is of no
// kind, has the scalar "" and the null mark, and has no items.
#ifndef KEIKAKU_LOAD_NODE_VIEW_H_
#define KEIKAKU_LOAD_NODE_VIEW_H_

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keikaku::load {

/// A node of a YAML document.
struct YamlNode {
  enum class Kind : std::uint8_t { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  YAML::Mark mark;     ///< As yaml-cpp gives it: line and column from 0, the column in bytes.
  std::string tag;     ///< As yaml-cpp gives it: "?" or "!" when none is written.
  std::string scalar;  ///< A scalar's value.
  /// A sequence's items; a map's keys and values, one after the other (a repeated key is
  /// kept, as yaml-cpp keeps it). An alias is its anchor's node.
  std::vector<const YamlNode*> items;
};

class NodeView {
  // Steps through a node's items, `stride` at a time; T is what a step gives.
  template <typename T, T (*Get)(const YamlNode* const*)>
  class Cursor {
   public:
    T operator*() const { return Get(at_); }
    Cursor& operator++() {
      at_ += stride_;
      return *this;
    }
    bool operator!=(const Cursor& other) const { return at_ != other.at_; }

   private:
    friend class NodeView;
    Cursor(const YamlNode* const* at, std::size_t stride) : at_(at), stride_(stride) {}
    const YamlNode* const* at_;
    std::size_t stride_;
  };
  static NodeView ItemOf(const YamlNode* const* at) { return NodeView(*at); }
  static std::pair<NodeView, NodeView> PairOf(const YamlNode* const* at) { return {NodeView(at[0]), NodeView(at[1])}; }

 public:
  NodeView() = default;
  explicit NodeView(const YamlNode* node) : node_(node) {}

  explicit operator bool() const { return node_ != nullptr; }
  bool IsMap() const { return node_ && node_->kind == YamlNode::Kind::kMap; }
  bool IsSequence() const { return node_ && node_->kind == YamlNode::Kind::kSequence; }
  bool IsScalar() const { return node_ && node_->kind == YamlNode::Kind::kScalar; }
  bool IsNull() const { return node_ && node_->kind == YamlNode::Kind::kNull; }
  const std::string& Scalar() const;
  const std::string& Tag() const;
  const YAML::Mark& Mark() const;
  /// Items of a sequence, pairs of a map, else 0.
  std::size_t size() const {
    return IsSequence() ? node_->items.size() : IsMap() ? node_->items.size() / 2 : 0;
  }
  /// The value of `key` in a map (none if the map has no such key, or this is no map).
  NodeView Child(std::string_view key) const;
  /// Item `i` of a sequence (none past the end, or if this is no sequence).
  NodeView operator[](std::size_t i) const {
    return IsSequence() && i < node_->items.size() ? NodeView(node_->items[i]) : NodeView();
  }
  /// The same node of the same tree.
  bool is(const NodeView& other) const { return node_ == other.node_; }
  /// The node itself, to tell nodes apart (aliases share their anchor's node).
  const YamlNode* node() const { return node_; }

  /// The items of a sequence (for a map, its keys), in order.
  using Iterator = Cursor<NodeView, &NodeView::ItemOf>;
  Iterator begin() const { return Iterator(First(), Stride()); }
  Iterator end() const { return Iterator(Last(), Stride()); }

  /// The key and value pairs of a map, in order (none for anything else).
  class Pairs {
   public:
    using Iterator = Cursor<std::pair<NodeView, NodeView>, &NodeView::PairOf>;
    Iterator begin() const { return Iterator(first_, 2); }
    Iterator end() const { return Iterator(last_, 2); }

   private:
    friend class NodeView;
    Pairs(const YamlNode* const* first, const YamlNode* const* last) : first_(first), last_(last) {}
    const YamlNode* const* first_;
    const YamlNode* const* last_;
  };
  Pairs pairs() const { return IsMap() ? Pairs(First(), Last()) : Pairs(nullptr, nullptr); }

 private:
  bool HasItems() const { return IsSequence() || IsMap(); }
  const YamlNode* const* First() const { return HasItems() ? node_->items.data() : nullptr; }
  const YamlNode* const* Last() const { return HasItems() ? node_->items.data() + node_->items.size() : nullptr; }
  std::size_t Stride() const { return IsMap() ? 2 : 1; }

  const YamlNode* node_ = nullptr;
};

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_NODE_VIEW_H_
