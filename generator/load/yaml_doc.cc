#include "load/yaml_doc.h"

#include <map>
#include <utility>

namespace keikaku::load {

YamlNode& YamlDoc::Builder::Add() {
  Nodes& n = *nodes_;
  if (n.used == n.capacity) {
    // Chunks of 16, 32, ... 512 nodes: a small file takes little, a large one few chunks.
    n.capacity = n.capacity == 0 ? 16 : std::min<std::size_t>(n.capacity * 2, 512);
    n.chunks.push_back(std::make_unique<YamlNode[]>(n.capacity));
    n.used = 0;
  }
  return n.chunks.back()[n.used++];
}

namespace {

// yaml-cpp's nodes into a builder's, each distinct node once (an alias is its anchor's node,
// also inside the anchor itself). yaml-cpp tells nodes apart only by Node::is: the nodes met
// are kept by position.
class Converter {
 public:
  explicit Converter(YamlDoc::Builder& builder) : builder_(builder) {}

  const YamlNode* Convert(const YAML::Node& n) {
    std::vector<std::pair<YAML::Node, const YamlNode*>>& same_place = seen_[n.Mark().pos];
    for (const auto& [other, node] : same_place) {
      if (other.is(n)) return node;
    }
    YamlNode& node = builder_.Add();
    same_place.emplace_back(n, &node);  // before the contents: they may be this node
    node.mark = n.Mark();
    node.tag = n.Tag();
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        node.kind = YamlNode::Kind::kScalar;
        node.scalar = n.Scalar();
        break;
      case YAML::NodeType::Sequence:
        node.kind = YamlNode::Kind::kSequence;
        for (const YAML::Node& item : n) node.items.push_back(Convert(item));
        break;
      case YAML::NodeType::Map:
        node.kind = YamlNode::Kind::kMap;
        for (auto it = n.begin(); it != n.end(); ++it) {
          node.items.push_back(Convert(it->first));
          node.items.push_back(Convert(it->second));
        }
        break;
      default:
        node.kind = YamlNode::Kind::kNull;
    }
    return &node;
  }

 private:
  YamlDoc::Builder& builder_;
  std::map<int, std::vector<std::pair<YAML::Node, const YamlNode*>>> seen_;
};

}  // namespace

YamlDoc YamlDoc::FromYamlCpp(const YAML::Node& root) {
  Builder builder;
  if (!root.IsDefined()) return builder.Finish(nullptr);
  Converter converter(builder);
  return builder.Finish(converter.Convert(root));
}

}  // namespace keikaku::load
