#include "load/node_view.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using keikaku::load::NodeView;

TEST_CASE("NodeView sees what YAML::Node sees", "[load][yaml]") {
  const YAML::Node root = YAML::Load(
      "title: 計画\nlist: [一, 二, {三: 四}]\n? [complex]\n: key\nempty:\n\"quoted\": q\n1: one\nnested: {a: {b: c}}\n");
  const NodeView view(root);
  REQUIRE(view);
  CHECK(view.IsMap());
  CHECK(view.size() == root.size());
  for (const char* key : {"title", "list", "empty", "quoted", "1", "nested"}) {
    INFO(key);
    const NodeView child = view.Child(key);
    REQUIRE(child);
    CHECK(child.is(NodeView(root[key])));
    CHECK(child.IsScalar() == root[key].IsScalar());
    CHECK(child.IsSequence() == root[key].IsSequence());
    CHECK(child.IsNull() == root[key].IsNull());
    CHECK(child.Scalar() == root[key].Scalar());
    CHECK(child.Mark().line == root[key].Mark().line);
    CHECK(child.Mark().column == root[key].Mark().column);
  }
  CHECK(view.Child("nested").Child("a").Child("b").Scalar() == "c");
  // The pairs in order, keys as written.
  std::vector<std::string> keys;
  for (const auto& [key, value] : view.pairs()) keys.push_back(key.IsScalar() ? key.Scalar() : "<" + std::to_string(key.size()) + ">");
  CHECK(keys == std::vector<std::string>{"title", "list", "<1>", "empty", "quoted", "1", "nested"});
  // A sequence's items, by iteration and by index.
  const NodeView list = view.Child("list");
  std::vector<std::string> items;
  for (NodeView item : list) items.push_back(item.IsScalar() ? item.Scalar() : "map");
  CHECK(items == std::vector<std::string>{"一", "二", "map"});
  CHECK(list[1].Scalar() == "二");
  CHECK(list[2].Child("三").Scalar() == "四");
  CHECK_FALSE(list[3]);
}

TEST_CASE("NodeView: no node where YAML::Node would be invalid", "[load][yaml]") {
  const YAML::Node root = YAML::Load("title: 計画\nempty:\n");
  const NodeView view(root);
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
  CHECK_FALSE(NodeView(root["missing"]));
  CHECK_FALSE(NodeView(YAML::Node()));
}
