#include "load/node_view.h"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "load/fast_yaml.h"
#include "load/yaml_doc.h"

using keikaku::load::NodeView;
using keikaku::load::YamlDoc;

namespace {

// The text's tree as made from yaml-cpp's, and as libyaml's reading makes it (unless it
// leaves the text to yaml-cpp, as it does one with a complex key).
std::vector<YamlDoc> Trees(const std::string& text, bool fast_too = true) {
  std::vector<YamlDoc> trees = {YamlDoc::FromYamlCpp(YAML::Load(text))};
  std::optional<YamlDoc> fast = keikaku::load::LoadFast(text);
  CHECK(fast.has_value() == fast_too);
  if (fast) trees.push_back(*fast);
  return trees;
}

}  // namespace

TEST_CASE("NodeView sees what YAML::Node sees", "[load][yaml]") {
  const std::string text =
      "title: 計画\nlist: [一, 二, {三: 四}]\n? [complex]\n: key\nempty:\n\"quoted\": q\n1: one\nnested: {a: {b: c}}\n";
  const YAML::Node root = YAML::Load(text);
  for (const YamlDoc& doc : Trees(text, /*fast_too=*/false)) {
    const NodeView view = doc.root();
    REQUIRE(view);
    CHECK(view.IsMap());
    CHECK(view.size() == root.size());
    for (const char* key : {"title", "list", "empty", "quoted", "1", "nested"}) {
      INFO(key);
      const NodeView child = view.Child(key);
      REQUIRE(child);
      CHECK(child.IsScalar() == root[key].IsScalar());
      CHECK(child.IsSequence() == root[key].IsSequence());
      CHECK(child.IsNull() == root[key].IsNull());
      CHECK(child.Scalar() == root[key].Scalar());
      CHECK(child.Tag() == root[key].Tag());
      CHECK(child.Mark().line == root[key].Mark().line);
      CHECK(child.Mark().column == root[key].Mark().column);
    }
    CHECK(view.Child("nested").Child("a").Child("b").Scalar() == "c");
    // The pairs in order, keys as written.
    std::vector<std::string> keys;
    for (const auto& [key, value] : view.pairs()) keys.push_back(key.IsScalar() ? key.Scalar() : "<" + std::to_string(key.size()) + ">");
    CHECK(keys == std::vector<std::string>{"title", "list", "<1>", "empty", "quoted", "1", "nested"});
    // A map's items are its keys.
    std::vector<std::string> items;
    for (NodeView key : view.Child("nested").Child("a")) items.push_back(key.Scalar());
    CHECK(items == std::vector<std::string>{"b"});
    // A sequence's items, by iteration and by index.
    const NodeView list = view.Child("list");
    items.clear();
    for (NodeView item : list) items.push_back(item.IsScalar() ? item.Scalar() : "map");
    CHECK(items == std::vector<std::string>{"一", "二", "map"});
    CHECK(list.size() == 3);
    CHECK(list[1].Scalar() == "二");
    CHECK(list[2].Child("三").Scalar() == "四");
    CHECK_FALSE(list[3]);
  }
}

TEST_CASE("NodeView: no node where YAML::Node would be invalid", "[load][yaml]") {
  for (const YamlDoc& doc : Trees("title: 計画\nempty:\n")) {
    const NodeView view = doc.root();
    const NodeView missing = view.Child("missing");
    CHECK_FALSE(missing);
    CHECK_FALSE(missing.IsScalar());
    CHECK_FALSE(missing.IsMap());
    CHECK(missing.Scalar().empty());
    CHECK(missing.Mark().is_null());
    CHECK(missing.size() == 0);
    CHECK_FALSE(missing.begin() != missing.end());
    CHECK_FALSE(missing.Child("x"));
    // Not a map or not a sequence: nothing inside.
    CHECK_FALSE(view.Child("title").Child("x"));
    CHECK_FALSE(view.Child("title")[0]);
    CHECK_FALSE(view.Child("empty").pairs().begin() != view.Child("empty").pairs().end());
    // A null value is a node: 「empty:」 is written.
    CHECK(view.Child("empty"));
    CHECK(view.Child("empty").IsNull());
  }
  CHECK_FALSE(YamlDoc().root());
}

TEST_CASE("YamlDoc shares alias nodes as yaml-cpp does, also an alias inside its own anchor", "[load][yaml]") {
  for (const YamlDoc& doc : Trees("base: &b {x: 1}\nuse: *b\ncycle: &c [1, *c]\n")) {
    const NodeView root = doc.root();
    CHECK(root.Child("base").is(root.Child("use")));
    CHECK_FALSE(root.Child("base").is(root.Child("cycle")));
    CHECK(root.Child("cycle")[1].is(root.Child("cycle")));
    // A copy is the same document; another reading of the text is not.
    const YamlDoc copy = doc;
    CHECK(copy.is(doc));
    CHECK(copy.root().is(root));
  }
  const std::vector<YamlDoc> two = Trees("a: 1\n");
  CHECK_FALSE(two[0].is(two[1]));
}
