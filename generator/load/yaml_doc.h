// A YAML document in keikaku's tree (load/node_view.h). Its nodes live as long as a YamlDoc
// of the document does; copies share them.
#ifndef KEIKAKU_LOAD_YAML_DOC_H_
#define KEIKAKU_LOAD_YAML_DOC_H_

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "load/node_view.h"

namespace keikaku::load {

class YamlDoc {
  struct Nodes {
    std::vector<std::unique_ptr<YamlNode[]>> chunks;
    std::size_t capacity = 0, used = 0;  // of the last chunk
  };

 public:
  YamlDoc() = default;  ///< No document: its root is no node.

  NodeView root() const { return NodeView(root_); }
  /// The same document (a copy of it), not an equal one.
  bool is(const YamlDoc& other) const { return nodes_ == other.nodes_ && root_ == other.root_; }

  /// The document yaml-cpp read (YAML::Load): the same nodes, shared where yaml-cpp shares
  /// them (aliases), with yaml-cpp's tags and positions.
  static YamlDoc FromYamlCpp(const YAML::Node& root);

  /// Makes a document node by node.
  class Builder {
   public:
    Builder() : nodes_(std::make_shared<Nodes>()) {}
    /// A new node of the document (its address does not change).
    YamlNode& Add();
    /// The document with root `root` (a node of this builder, or none).
    YamlDoc Finish(const YamlNode* root) { return YamlDoc(nodes_, root); }

   private:
    std::shared_ptr<Nodes> nodes_;
  };

 private:
  YamlDoc(std::shared_ptr<const Nodes> nodes, const YamlNode* root) : nodes_(std::move(nodes)), root_(root) {}

  std::shared_ptr<const Nodes> nodes_;
  const YamlNode* root_ = nullptr;
};

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_YAML_DOC_H_
