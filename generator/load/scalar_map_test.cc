#include "load/scalar_map.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <initializer_list>

#include "markdown/markdown.h"

namespace {

using keikaku::load::MapScalar;
using keikaku::model::SourceAnchor;

struct Mapped {
  std::string value;
  std::vector<SourceAnchor> anchors;
};

// Every anchor is after the one before it, in the value and in the file, and starts bytes
// copied from the file as they are, or bytes made from an escape or a line break there.
void CheckRuns(const std::string& text, const Mapped& m) {
  std::vector<std::size_t> starts{text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3u : 0u};
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 1)) starts.push_back(nl + 1);
  for (std::size_t i = 0; i < m.anchors.size(); ++i) {
    const SourceAnchor& a = m.anchors[i];
    std::size_t end = i + 1 < m.anchors.size() ? m.anchors[i + 1].offset : m.value.size();
    INFO("anchor " << i << " at value byte " << a.offset << ", " << a.line << ":" << a.column);
    CHECK(a.offset < end);
    if (i == 0) CHECK(a.offset == 0);
    if (i > 0) CHECK((a.line > m.anchors[i - 1].line || (a.line == m.anchors[i - 1].line && a.column > m.anchors[i - 1].column)));
    REQUIRE(a.line >= 1);
    REQUIRE(static_cast<std::size_t>(a.line) <= starts.size());
    std::size_t src = starts[a.line - 1];
    for (int c = 1; c < a.column; ++c) {
      do ++src;
      while (src < text.size() && (static_cast<unsigned char>(text[src]) >> 6) == 2);
    }
    REQUIRE(src < text.size());
    bool copied = text.compare(src, end - a.offset, m.value, a.offset, end - a.offset) == 0;
    bool made = text[src] == '\\' || text[src] == '\n' || text[src] == '\r';
    CHECK((copied || made));
  }
}

// The scalar at `path` (keys, or indexes of sequences) as yaml-cpp reads it, and its map.
Mapped Map(const std::string& text, std::initializer_list<const char*> path) {
  YAML::Node node = YAML::Load(text);
  for (const char* key : path) {
    node.reset(std::isdigit(static_cast<unsigned char>(key[0])) ? node[std::stoi(key)] : node[key]);
  }
  REQUIRE(node.IsScalar());
  Mapped m{node.Scalar(), MapScalar(text, node.Mark(), node.Scalar())};
  CheckRuns(text, m);
  return m;
}

// "line:column" in the file of the first `needle` in the value, as a finding reports it.
std::string Where(const Mapped& m, const std::string& needle) {
  std::size_t at = m.value.find(needle);
  REQUIRE(at != std::string::npos);
  REQUIRE_FALSE(m.anchors.empty());
  keikaku::model::Markdown md{m.value, {"f.yaml", 0, 0}};
  md.anchors = m.anchors;
  keikaku::diag::SourcePos pos = keikaku::markdown::PositionIn(md, at);
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

}  // namespace

TEST_CASE("plain scalars: one line, a comment after it, Japanese columns", "[load][scalar-map]") {
  Mapped m = Map("title: x\nbody: 本文は [[X]] です # note\n", {"body"});
  CHECK(m.value == "本文は [[X]] です");
  CHECK(Where(m, "本") == "2:7");
  CHECK(Where(m, "[[X]]") == "2:11");
  CHECK(Where(m, "す") == "2:18");
  CHECK(m.anchors.size() == 1);
}

TEST_CASE("plain scalars over several lines fold", "[load][scalar-map]") {
  std::string text =
      "content:\n"
      "  - 一行目の\n"
      "    二行目の[[X]]\n"
      "\n"
      "    三行目\t \n"
      "    \t四行目\n"
      "next: 1\n";
  Mapped m = Map(text, {"content", "0"});
  CHECK(m.value == "一行目の 二行目の[[X]]\n三行目 四行目");
  CHECK(Where(m, " 二") == "2:9");  // the line break folded to a space
  CHECK(Where(m, "二") == "3:5");
  CHECK(Where(m, "[[X]]") == "3:9");
  CHECK(Where(m, "\n") == "4:1");  // the empty line
  CHECK(Where(m, "三") == "5:5");
  CHECK(Where(m, " 四") == "5:10");
  CHECK(Where(m, "四") == "6:6");
  // In a flow sequence.
  m = Map("k: [一, 二 三\n  四]\n", {"k", "1"});
  CHECK(m.value == "二 三 四");
  CHECK(Where(m, "四") == "2:3");
}

TEST_CASE("single-quoted scalars: '' is one quote, lines fold", "[load][scalar-map]") {
  Mapped m = Map("k: 'それは''引用''で [[X]]  \n   次の行\n\n  最後'\n", {"k"});
  CHECK(m.value == "それは'引用'で [[X]] 次の行\n最後");
  CHECK(Where(m, "そ") == "1:5");
  CHECK(Where(m, "'") == "1:8");
  CHECK(Where(m, "引") == "1:10");
  CHECK(Where(m, "[[X]]") == "1:16");
  CHECK(Where(m, "次") == "2:4");
  CHECK(Where(m, "最") == "4:3");
}

TEST_CASE("double-quoted scalars: each escape, with multi-byte \\u, \\x and \\U", "[load][scalar-map]") {
  Mapped m = Map("k: \"a\\\"b\\\\c\\td\\u3042e\\x41f\\U0001F600g\\/h [[X]]\"\n", {"k"});
  CHECK(m.value == "a\"b\\c\td\xE3\x81\x82" "eAf\xF0\x9F\x98\x80g/h [[X]]");
  CHECK(Where(m, "a") == "1:5");
  CHECK(Where(m, "\"") == "1:6");
  CHECK(Where(m, "b") == "1:8");
  CHECK(Where(m, "\\") == "1:9");
  CHECK(Where(m, "\t") == "1:12");
  CHECK(Where(m, "\xE3\x81\x82") == "1:15");
  CHECK(Where(m, "e") == "1:21");
  CHECK(Where(m, "A") == "1:22");
  CHECK(Where(m, "\xF0\x9F\x98\x80") == "1:27");
  CHECK(Where(m, "g") == "1:37");
  CHECK(Where(m, "/") == "1:38");
  CHECK(Where(m, "[[X]]") == "1:42");
  // The corpus case: 「\"背景\"」と[[CIO]].
  m = Map("content:\n  - \"この節では「\\\"背景\\\"」と[[CIO]]を述べます。\"\n", {"content", "0"});
  CHECK(Where(m, "[[CIO]]") == "2:20");
}

TEST_CASE("double-quoted scalars: folded and escaped line breaks", "[load][scalar-map]") {
  std::string text =
      "k: \"一行目  \n"
      "    二行目\\\n"
      "    三行目 \\\n"
      "\n"
      "  四[[X]]\n"
      "\n"
      "\n"
      "  五\"\n";
  Mapped m = Map(text, {"k"});
  CHECK(m.value == "一行目 二行目三行目 \n四[[X]]\n\n五");
  CHECK(Where(m, " 二") == "1:10");
  CHECK(Where(m, "二") == "2:5");
  CHECK(Where(m, "三") == "3:5");
  CHECK(Where(m, " \n") == "3:8");
  CHECK(Where(m, "\n四") == "4:1");
  CHECK(Where(m, "[[X]]") == "5:4");
  CHECK(Where(m, "\n\n") == "6:1");
  CHECK(Where(m, "五") == "8:3");
}

TEST_CASE("literal block scalars: lines, more indentation, empty lines, a comment", "[load][scalar-map]") {
  std::string text =
      "k: |  # comment\n"
      "  一行目\n"
      "    字下げ [[X]]\n"
      "\n"
      "  三行目\n"
      "next: x\n";
  Mapped m = Map(text, {"k"});
  CHECK(m.value == "一行目\n  字下げ [[X]]\n\n三行目\n");
  CHECK(Where(m, "一") == "2:3");  // not the | at 1:4
  CHECK(Where(m, "\n") == "2:6");
  CHECK(Where(m, "  字") == "3:3");
  CHECK(Where(m, "[[X]]") == "3:9");
  CHECK(Where(m, "\n\n") == "3:14");
  CHECK(Where(m, "\n三") == "4:1");
  CHECK(Where(m, "三") == "5:3");
  CHECK(Where(m, "三行目\n") == "5:3");
}

TEST_CASE("literal block scalars: chomping and indentation indicators", "[load][scalar-map]") {
  Mapped m = Map("k: |-\n  a [[X]]\n\n  \nnext: x\n", {"k"});
  CHECK(m.value == "a [[X]]");
  CHECK(Where(m, "[[X]]") == "2:5");
  m = Map("k: |+\n  a\n\n  \nnext: x\n", {"k"});
  CHECK(m.value == "a\n\n\n");
  REQUIRE(m.anchors.size() == 4);
  CHECK(m.anchors[2].line == 3);
  CHECK(m.anchors[3].line == 4);
  CHECK(m.anchors[3].column == 3);
  for (const char* header : {"|2-", "|-2"}) {
    INFO(header);
    m = Map(std::string("k: ") + header + "\n     三つ多い [[X]]\n    二つ多い\n\nnext: x\n", {"k"});
    CHECK(m.value == "   三つ多い [[X]]\n  二つ多い");
    CHECK(Where(m, " ") == "2:3");
    CHECK(Where(m, "[[X]]") == "2:11");
    CHECK(Where(m, "  二") == "3:3");
  }
  // In a sequence, the indicator counts from the "-".
  m = Map("list:\n  - |2\n     x [[X]]\n", {"list", "0"});
  CHECK(m.value == " x [[X]]\n");
  CHECK(Where(m, "[[X]]") == "3:8");
  // Leading empty lines.
  m = Map("k: |\n\n  \n  a\n", {"k"});
  CHECK(m.value == "\n\na\n");
  CHECK(Where(m, "a") == "4:3");
}

TEST_CASE("folded block scalars: paragraphs, more-indented lines, indicators", "[load][scalar-map]") {
  std::string text =
      "k: >\n"
      "  一行目\n"
      "  続き\n"
      "\n"
      "  段落 [[X]]\n"
      "    字下げ\n"
      "  最後\n"
      "\n"
      "next: x\n";
  Mapped m = Map(text, {"k"});
  CHECK(m.value == "一行目 続き\n段落 [[X]]\n  字下げ\n最後\n");
  CHECK(Where(m, " 続") == "2:6");
  CHECK(Where(m, "続") == "3:3");
  CHECK(Where(m, "\n段") == "4:1");
  CHECK(Where(m, "[[X]]") == "5:6");
  CHECK(Where(m, "\n  字") == "5:11");
  CHECK(Where(m, "  字") == "6:3");
  CHECK(Where(m, "\n最") == "6:8");
  CHECK(Where(m, "最") == "7:3");
  CHECK(Where(m, "後\n") == "7:4");
  m = Map("k: >2-\n   a\n  b\n\n\n  c\n", {"k"});
  CHECK(m.value == " a\nb\n\nc");
  CHECK(Where(m, "b") == "3:3");
  CHECK(Where(m, "\n\nc") == "4:1");
  CHECK(Where(m, "c") == "6:3");
  m = Map("k: >+\n  a\n  b\nnext: x\n", {"k"});
  CHECK(m.value == "a b\n");
  CHECK(Where(m, "\n") == "3:4");
  // yaml-cpp 0.7 drops the empty lines after a >+ block, which keeps them by YAML 1.2: no map.
  m = Map("k: >+\n  a\n  b\n\nnext: x\n", {"k"});
  if (m.value != "a b\n\n") CHECK(m.anchors.empty());
  // The corpus case: the second paragraph of a > block.
  m = Map("content:\n  - >\n    一つ目の段落。\n\n    二つ目の[[BRP|段落]]。\n", {"content", "0"});
  CHECK(Where(m, "[[BRP") == "5:9");
}

TEST_CASE("CRLF line ends", "[load][scalar-map]") {
  Mapped m = Map("k: |\r\n  一\r\n  二 [[X]]\r\nnext: x\r\n", {"k"});
  CHECK(m.value == "一\n二 [[X]]\n");
  CHECK(Where(m, "\n") == "2:4");
  CHECK(Where(m, "[[X]]") == "3:5");
  m = Map("k: a  \r\n  b [[X]]\r\n", {"k"});
  CHECK(m.value == "a b [[X]]");
  CHECK(Where(m, "[[X]]") == "2:5");
  m = Map("k: \"a \r\n\r\n  b [[X]]\"\r\n", {"k"});
  CHECK(m.value == "a\nb [[X]]");
  CHECK(Where(m, "[[X]]") == "3:5");
  m = Map("k: >\r\n  a\r\n  b [[X]]\r\n", {"k"});
  CHECK(m.value == "a b [[X]]\n");
  CHECK(Where(m, "[[X]]") == "3:5");
}

TEST_CASE("a UTF-8 byte order mark is not a column", "[load][scalar-map]") {
  std::string text = "\xEF\xBB\xBFk: 本文 [[X]]\nm: \"二行目 [[Y]]\"\n";
  Mapped m = Map(text, {"k"});
  CHECK(Where(m, "[[X]]") == "1:7");
  m = Map(text, {"m"});
  CHECK(Where(m, "[[Y]]") == "2:9");
}

TEST_CASE("tags and anchors before the scalar are skipped", "[load][scalar-map]") {
  Mapped m = Map("k: !!str &a 本文 [[X]]\n", {"k"});
  CHECK(Where(m, "[[X]]") == "1:16");
  m = Map("k: !!str\n  本文 [[X]]\n", {"k"});
  CHECK(Where(m, "[[X]]") == "2:6");
  m = Map("k: &a |\n  本文 [[X]]\n", {"k"});
  CHECK(Where(m, "[[X]]") == "2:6");
}

TEST_CASE("no anchors when the re-scan does not give yaml-cpp's value", "[load][scalar-map]") {
  // yaml-cpp decodes \N to the single byte 0x85, not UTF-8 for U+0085.
  Mapped m = Map("k: \"改行\\N\"\n", {"k"});
  CHECK(m.anchors.empty());
  // A value that is not the scalar's, or ends where a plain scalar cannot.
  YAML::Node node = YAML::Load("k: abc def\n")["k"];
  CHECK(MapScalar("k: abc def\n", node.Mark(), "abc").empty());
  CHECK(MapScalar("k: abc def\n", node.Mark(), "abc dex").empty());
  CHECK(MapScalar("k: abc def\n", node.Mark(), "abc def x").empty());
  CHECK_FALSE(MapScalar("k: abc def\n", node.Mark(), "abc def").empty());
  // An unterminated quote, a mark past the end.
  CHECK(MapScalar("k: \"abc", node.Mark(), "abc").empty());
  YAML::Mark past;
  past.pos = past.column = 40;
  CHECK(MapScalar("k: x\n", past, "x").empty());
  CHECK(MapScalar("k: x\n", YAML::Mark::null_mark(), "x").empty());
  CHECK(MapScalar("k: x\n", node.Mark(), "").empty());
}

TEST_CASE("a scalar written once and used through an alias", "[load][scalar-map]") {
  Mapped m = Map("a: &x 本文 [[X]]\nb: *x\n", {"b"});
  CHECK(m.value == "本文 [[X]]");
  CHECK(Where(m, "[[X]]") == "1:10");  // yaml-cpp gives the alias the mark of the anchored node
}
