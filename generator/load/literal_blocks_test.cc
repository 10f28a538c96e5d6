#include "load/literal_blocks.h"

#include <catch2/catch.hpp>

using keikaku::load::ElideLiteralBlocks;

TEST_CASE("literal blocks are read as libyaml reads them and cut to one letter a line", "[load][yaml]") {
  auto e = ElideLiteralBlocks("title: 計画\nbody: |\n  一行目\n\n    字下げ\n  三行目  \nnext: 1\n");
  REQUIRE(e.blocks.size() == 1);
  CHECK(e.blocks[0].line == 1);
  CHECK(e.blocks[0].end_line == 6);
  CHECK(e.blocks[0].value == "一行目\n\n  字下げ\n三行目  \n");
  CHECK(e.text == "title: 計画\nbody: |\n  x\n\n    x\n  x\nnext: 1\n");
  CHECK(e.blocks[0].cut_value == "x\n\n  x\nx\n");

  // Chomping, trailing empty lines, a last line without its break.
  e = ElideLiteralBlocks("- |-\n  a\n\n- |+\n  b\n\n\n- |\n  c");
  REQUIRE(e.blocks.size() == 3);
  CHECK(e.blocks[0].value == "a");
  CHECK(e.blocks[1].value == "b\n\n\n");
  CHECK(e.blocks[2].value == "c");
  CHECK(e.blocks[2].end_line == 8);

  // A block inside a sequence item's map: the key's column is the parent's indentation.
  e = ElideLiteralBlocks("- key: |\n    本文\n  other: 1\n");
  REQUIRE(e.blocks.size() == 1);
  CHECK(e.blocks[0].value == "本文\n");
}

TEST_CASE("literal blocks with characters libyaml treats otherwise are left to it", "[load][yaml]") {
  for (const char* body : {"a\rb", "a\xC2\x85" "b", "a\xE2\x80\xA8" "b", "a\xE2\x80\xA9" "b", "\xEF\xBB\xBF" "a",
                           "a\x01", "a\x7F", "\xEF\xBF\xBE", "\xC3", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    INFO(body);
    CHECK(ElideLiteralBlocks(std::string("a: |\n  ") + body + "\n").blocks.empty());
  }
  // A tab where libyaml wants indentation is its error; an indentation indicator, a comment
  // after the header, a header on the last line: not read here.
  CHECK(ElideLiteralBlocks("a: |\n\tx\n").blocks.empty());
  CHECK(ElideLiteralBlocks("a: |2\n   x\n").blocks.empty());
  CHECK(ElideLiteralBlocks("a: | # note\n  x\n").blocks.empty());
  CHECK(ElideLiteralBlocks("a: |").blocks.empty());
  CHECK(ElideLiteralBlocks("# a: |\n  x\n").blocks.empty());
  CHECK(ElideLiteralBlocks("a: |\n  \tx\n").blocks.empty());  // also after spaces, while finding it
  // Once the indentation is known, tabs and wide characters are content.
  auto e = ElideLiteralBlocks("a: |\n  x\n  \ty\t\n  全角　空白\n");
  REQUIRE(e.blocks.size() == 1);
  CHECK(e.blocks[0].value == "x\n\ty\t\n全角　空白\n");
}

TEST_CASE("lines inside a literal block are never taken for a header", "[load][yaml]") {
  auto e = ElideLiteralBlocks("a: |\n  | 項目 | - |\n  | --- | - |\n  x: |\n    y\nb: |\n  z\n");
  REQUIRE(e.blocks.size() == 2);
  CHECK(e.blocks[0].value == "| 項目 | - |\n| --- | - |\nx: |\n  y\n");
  CHECK(e.blocks[1].line == 5);
  CHECK(e.blocks[1].value == "z\n");
}

TEST_CASE("long plain values of one line are cut to one letter too", "[load][yaml]") {
  const std::string title = "デジタル・トランスフォーメーション推進計画";
  auto e = ElideLiteralBlocks("title: " + title + "\nlist:\n  - - " + title + "\n    - 短い\n");
  REQUIRE(e.blocks.size() == 2);
  CHECK(e.text == "title: x\nlist:\n  - - x\n    - 短い\n");
  CHECK(e.blocks[0].plain);
  CHECK(e.blocks[0].value == title);
  CHECK(e.blocks[0].line == 0);
  CHECK(e.blocks[0].column == 7);
  CHECK(e.blocks[1].line == 2);
  CHECK(e.blocks[1].column == 6);
  // What could end the value or make it another kind: left as written.
  for (const std::string value : {title + ": 続き", title + " #注", title + ", 続き", "\"" + title + "\"", "[" + title + "]",
                                  "&a " + title, title + ":", title + "\t続き"}) {
    INFO(value);
    CHECK(ElideLiteralBlocks("title: " + value + "\n").blocks.empty());
  }
  // A more indented next line may continue the value; one at the key's column does not.
  CHECK(ElideLiteralBlocks("title: " + title + "\n  続き\n").blocks.empty());
  CHECK(ElideLiteralBlocks("- key: " + title + "\n    続き\n").blocks.empty());
  CHECK(ElideLiteralBlocks("- key: " + title + "\n  next: 1\n").blocks.size() == 1);
}
