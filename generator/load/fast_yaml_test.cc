#include "load/fast_yaml.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "io/file.h"

namespace fs = std::filesystem;
using keikaku::load::NodeView;

namespace {

const fs::path kRoot = KEIKAKU_SOURCE_DIR;

// The whole tree with every node's type, tag, value and position, one node a line.
void Describe(const YAML::Node& n, std::ostringstream& out, int depth = 0) {
  const YAML::Mark m = n.Mark();
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << n.Type() << " " << m.line << ":" << m.column << "@"
      << m.pos << " tag[" << n.Tag() << "]";
  if (n.IsScalar()) out << " [" << n.Scalar() << "]";
  out << "\n";
  if (depth > 40) return;  // an alias inside its own anchor
  if (n.IsSequence()) {
    for (const YAML::Node& item : n) Describe(item, out, depth + 1);
  } else if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it) {
      Describe(it->first, out, depth + 1);
      Describe(it->second, out, depth + 2);
    }
  }
}

std::string Describe(const YAML::Node& n) {
  std::ostringstream out;
  out << "defined " << n.IsDefined() << " null " << n.IsNull() << "\n";
  Describe(n, out);
  return out.str();
}

// keikaku's tree in the same words (yaml-cpp's numbers for the node types).
void Describe(NodeView n, std::ostringstream& out, int depth = 0) {
  const YAML::Mark m = n.Mark();
  const int type = n.IsNull() ? YAML::NodeType::Null : n.IsScalar() ? YAML::NodeType::Scalar
                   : n.IsSequence()                ? YAML::NodeType::Sequence
                   : n.IsMap()                     ? YAML::NodeType::Map
                                                   : YAML::NodeType::Undefined;
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << type << " " << m.line << ":" << m.column << "@"
      << m.pos << " tag[" << n.Tag() << "]";
  if (n.IsScalar()) out << " [" << n.Scalar() << "]";
  out << "\n";
  if (depth > 40) return;  // an alias inside its own anchor
  if (n.IsSequence()) {
    for (NodeView item : n) Describe(item, out, depth + 1);
  } else if (n.IsMap()) {
    for (const auto& [key, value] : n.pairs()) {
      Describe(key, out, depth + 1);
      Describe(value, out, depth + 2);
    }
  }
}

std::string Describe(const keikaku::load::YamlDoc& doc) {
  std::ostringstream out;
  out << "defined " << static_cast<bool>(doc.root()) << " null " << doc.root().IsNull() << "\n";
  Describe(doc.root(), out);
  return out.str();
}

// What LoadFast makes of `text` against YAML::Load: the same tree, or nothing where yaml-cpp
// fails. Returns whether LoadFast gave a tree.
bool Compare(const std::string& name, const std::string& text) {
  INFO(name);
  std::optional<keikaku::load::YamlDoc> fast = keikaku::load::LoadFast(text);
  std::string expected;
  try {
    expected = Describe(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    INFO("yaml-cpp: " << e.what());
    CHECK_FALSE(fast);
    return false;
  }
  if (fast) CHECK(Describe(*fast) == expected);
  return fast.has_value();
}

// A fixed sequence of pseudo-random numbers below n (the same texts on every run).
class Random {
 public:
  explicit Random(std::uint64_t seed) : seed_(seed) {}
  std::size_t operator()(std::size_t n) {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((seed_ >> 33) % n);
  }

 private:
  std::uint64_t seed_;
};

// LoadFast against YAML::Load on many texts: where yaml-cpp fails, LoadFast must give
// nothing; where both read a text, the same tree. Counts what happened.
struct Tally {
  int both = 0, fallback = 0, direct = 0, errors = 0;

  void Check(const std::string& text) {
    std::size_t read_directly = 0;
    std::optional<keikaku::load::YamlDoc> fast = keikaku::load::LoadFast(text, nullptr, &read_directly);
    std::string expected;
    try {
      expected = Describe(YAML::Load(text));
    } catch (const YAML::Exception&) {
      ++errors;
      INFO(text);
      CHECK_FALSE(fast);
      return;
    }
    if (!fast) {
      ++fallback;
      return;
    }
    ++both;
    direct += read_directly > 0;
    INFO(text);
    CHECK(Describe(*fast) == expected);
  }
};

}  // namespace

TEST_CASE("LoadFast reads every YAML file of the repository as YAML::Load does", "[load][yaml]") {
  int files = 0, fast = 0;
  for (const char* dir : {"content", "tests", "fuzz", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(kRoot / dir)) {
      const std::string path = e.path().generic_string();
      if (!e.is_regular_file() || e.path().extension() != ".yaml" || path.find("node_modules") != std::string::npos) {
        continue;
      }
      std::optional<std::string> text = keikaku::io::ReadFile(e.path());
      REQUIRE(text);
      ++files;
      const bool read = Compare(path, *text);
      fast += read;
      // Literal blocks (the Markdown bodies) are read by keikaku, not libyaml.
      std::size_t blocks = 0;
      keikaku::load::LoadFast(*text, nullptr, &blocks);
      if (path.find("/content/plans/") != std::string::npos && text->find(": |\n") != std::string::npos) {
        INFO(path);
        CHECK(blocks > 0);
      }
      // Every file of a site that builds is read by libyaml, not handed to yaml-cpp.
      if (path.find("/content/") != std::string::npos || path.find("/tests/sites/") != std::string::npos) CHECK(read);
    }
  }
  CHECK(files > 150);
  CHECK(fast > 140);
}

TEST_CASE("LoadFast: nulls, tags, quoting, anchors and positions as yaml-cpp has them", "[load][yaml]") {
  const std::vector<std::string> texts = {
      "",
      "# only a comment\n",
      "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: \"null\"\ng: 'x'\nh: !!str null\ni: !!null ~\n",
      "title: 計画\nlist:\n  - 一\n  - 二\n  -\n  - [三, {四: 五}]\n",
      "- |\n  一行目\n  二行目\n- >-\n  折り\n  返し\n- |+\n  keep\n\n- \"esc \\u3042 \\n\\t\"\n",
      "base: &b {x: 1, y: [2, 3]}\nuse: *b\nlist: &l\n  - a\n  - *l\n",
      "\xEF\xBB\xBFtitle: BOM のある文書\nbody: 本文\n",
      "key: value\r\nnext: 二行目\r\n",
      "---\nfirst: 1\n...\n---\nsecond: 2\n",
      "%YAML 1.1\n---\n? 複雑なキー\n: 値\n",
      "a: 1\na: 2\n",
      "a: 1\nb:\n",
      "a: 1\nb:",
      "a:\n  # comment\n\nb: 1\n",
      "a:\n  b:\nc: 1\n",
      "a: [1, , 2]\nb: {c: , d: 1}\nc: {e}\n",
      "- \n-\n- # note\n",
      "a: &x\nb: *x\n",
      "  indented: map\n  second: key\n",
      "plain text only",
      "[1, 2\n",
      "a: b: c\n",
      "a: *unknown\n",
      "\"never closed\nb: 1\n",
      "key:\tvalue\n",
      "!", "!!str", "key: !", "- !foo\n", "key: ! x\n", "key: !!str ''\n",
  };
  for (const std::string& text : texts) Compare(text, text);
}

TEST_CASE("LoadFast leaves nesting deeper than any content to yaml-cpp", "[load][yaml]") {
  std::string flow = "a: " + std::string(99, '[') + std::string(99, ']') + "\n";
  CHECK_FALSE(keikaku::load::LoadFast("x: " + std::string(120, '[') + std::string(120, ']') + "\n"));
  CHECK(keikaku::load::LoadFast(flow));
  CHECK(Compare("flow", flow));
  std::string block;
  for (int i = 0; i < 120; ++i) block += std::string(static_cast<std::size_t>(2 * i), ' ') + "- \n";
  CHECK_FALSE(keikaku::load::LoadFast(block));
}

// Broken and odd variants of real content files (deterministic): wherever yaml-cpp fails,
// LoadFast must give nothing (so the error and its explanation stay yaml-cpp's), and where
// both read the text, the same tree.
TEST_CASE("LoadFast agrees with YAML::Load on thousands of edited content files", "[load][yaml]") {
  std::vector<std::string> originals;
  for (const auto& e : fs::directory_iterator(kRoot / "content/plans/otaki-dx-plan")) {
    if (e.path().extension() == ".yaml") originals.push_back(*keikaku::io::ReadFile(e.path()));
  }
  REQUIRE(originals.size() > 3);
  const std::vector<std::string> pieces = {":", ": ", "- ", "\"", "'", "[", "]", "{", "}", "&a ", "*a", "# ", "\n",
                                           "  ", "\t", "|", ">", "? ", "!!str ", "---\n", ",", "\\", "%"};
  Random next(0x6b65696b);
  Tally tally;
  for (int round = 0; round < 3000; ++round) {
    std::string text = originals[next(originals.size())];
    for (std::size_t edits = 1 + next(3); edits > 0; --edits) {
      const std::size_t at = next(text.size() + 1);
      switch (next(3)) {
        case 0: text.insert(at, pieces[next(pieces.size())]); break;
        case 1: text.erase(at, 1 + next(8)); break;
        default: {  // a line repeated, deeper or shallower
          const std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
          const std::size_t begin = start == std::string::npos ? 0 : start + 1;
          const std::size_t end = text.find('\n', at);
          std::string line = text.substr(begin, (end == std::string::npos ? text.size() : end) - begin);
          text.insert(begin, (next(2) ? "  " : "") + line + "\n");
        }
      }
    }
    tally.Check(text);
  }
  CHECK(tally.both > 500);
  WARN("edited files: " << tally.both << " read alike, " << tally.fallback << " left to yaml-cpp, " << tally.errors
                        << " yaml-cpp errors");
}

TEST_CASE("LoadFast tells whether a document has aliases", "[load][yaml]") {
  auto aliases = [](const std::string& text) {
    bool found = false;
    const std::optional<keikaku::load::YamlDoc> node = keikaku::load::LoadFast(text, &found);
    REQUIRE(node.has_value());
    return found;
  };
  CHECK(aliases("base: &b {x: 1}\nuse: *b\n"));
  CHECK(aliases("- &x 1\n- [*x]\n"));
  CHECK_FALSE(aliases("base: &b {x: 1}\nuse: b\n"));  // an anchor alone shares nothing
  CHECK_FALSE(aliases("title: 計画\nbody: \"*b は別名ではありません\"\n"));
  // Aliases only after the first document, which is the one read, do not count.
  CHECK_FALSE(aliases("a: &x 1\n---\nb: *x\n"));
}

// Literal blocks of random lines (indentation, tabs, empty lines, lines of spaces, text that
// looks like YAML) in random places: LoadFast reads each text as YAML::Load does, whether
// keikaku reads the blocks itself or leaves the text to libyaml.
TEST_CASE("LoadFast reads literal blocks of random lines as YAML::Load does", "[load][yaml]") {
  const std::vector<std::string> pieces = {"本文", "a", " ", "  ", "\t", ": ", "- ", "|", "# c", "\"", "x: |", "[", "|-"};
  Random next(0x626c6f63);
  Tally tally;
  for (int round = 0; round < 3000; ++round) {
    // A map of blocks, or a list of them (some in an item's map, some in a list in a list).
    const bool list = next(2);
    const std::vector<std::string> headers =
        list ? std::vector<std::string>{"- |", "- |-", "- |+", "- key: |", "- - |", "- >"}
             : std::vector<std::string>{"body: |", "body: |-", "body: |+", "body: >", "body:  |  "};
    std::string text = list ? "" : "title: 計画\n";
    for (std::size_t blocks = 1 + next(3); blocks > 0; --blocks) {
      std::string header = headers[next(headers.size())];
      if (!list) header.insert(4, std::to_string(blocks));
      text += header + "\n";
      for (std::size_t lines = next(6); lines > 0; --lines) {
        std::string line(next(8) == 0 ? 0 : 1 + next(5), ' ');
        for (std::size_t k = next(4); k > 0; --k) line += pieces[next(pieces.size())];
        text += line + "\n";
      }
    }
    if (next(4) == 0) text.pop_back();  // no break after the last line
    tally.Check(text);
  }
  CHECK(tally.both > 500);
  CHECK(tally.direct > 300);
  WARN("random blocks: " << tally.both << " read alike (" << tally.direct << " with blocks read by keikaku), "
                         << tally.errors << " yaml-cpp errors");
}

// Long plain values, some with what ends or continues a plain scalar, under keys and in
// lists, with lines of random indentation after them: read as YAML::Load reads them.
TEST_CASE("LoadFast reads long plain values as YAML::Load does", "[load][yaml]") {
  const std::vector<std::string> pieces = {"デジタル推進計画の", "見本", "デジタル推進計画の", "見本", " ", ": ", " #", "#",
                                           ",", "\"", "[", "-", ":", "・", "（令和5年度）", "DX", "\t"};
  Random next(0x706c6169);
  Tally tally;
  for (int round = 0; round < 3000; ++round) {
    // A map or a list (of values, or of lists), each value now and then followed by a
    // more indented line.
    const bool list = next(2);
    std::string text;
    for (std::size_t lines = 1 + next(6); lines > 0; --lines) {
      std::string line = list ? (next(2) ? "- " : "- - ") : "key" + std::to_string(lines) + ": ";
      for (std::size_t k = next(8); k > 0; --k) line += pieces[next(pieces.size())];
      text += line + "\n";
      if (next(5) == 0) text += std::string(1 + next(4), ' ') + pieces[next(pieces.size())] + "\n";
    }
    tally.Check(text);
  }
  CHECK(tally.both > 300);
  CHECK(tally.direct > 100);
  WARN("plain values: " << tally.both << " read alike (" << tally.direct << " with values read by keikaku), "
                        << tally.errors << " yaml-cpp errors");
}
