// Literal block scalars (「- |」 and 「key: |」), the Markdown bodies that make most of a plan's
// bytes, and long plain values of one line (titles, table cells), read by keikaku instead of
// libyaml. libyaml's reader and scanner take about 80 instructions a byte (35 of them
// decoding UTF-8); a block's lines are copied here at a few.
//
// ElideLiteralBlocks finds the blocks, reads each as libyaml's yaml_parser_scan_block_scalar
// does, and gives a copy of the text in which each block's lines are cut to their leading
// white space and one letter (the same lines, the same indentation, so the same structure
// for libyaml, which then reads the copy quickly), and each such plain value to one letter.
// Nothing here is trusted: fast_yaml.cc checks that libyaml's reading of the copy has each
// cut scalar where it was cut (a block from the same line to the same line, a plain value at
// the same line and column), with the value read here from the cut text, and reads the whole
// text with libyaml otherwise (a block found where there is none, such as 「a: |」 inside a
// quoted text).
#ifndef KEIKAKU_LOAD_LITERAL_BLOCKS_H_
#define KEIKAKU_LOAD_LITERAL_BLOCKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace keikaku::load {

/// A scalar keikaku read and cut: a literal block, or (`plain`) a long plain value.
struct ElidedBlock {
  std::size_t line = 0;      ///< The header's line (0-based, libyaml's start mark).
  std::size_t end_line = 0;  ///< The line of libyaml's end mark: after the block's last line break.
  std::string value;         ///< The block's value, from the text.
  std::string cut_value;     ///< What libyaml must read from the cut lines.
  /// A plain scalar, a line's whole value, cut to 「x」: it starts at `line` and `column`
  /// (libyaml's, in characters), where libyaml must read a plain scalar 「x」.
  bool plain = false;
  std::size_t column = 0;
};

struct Elision {
  std::string text;                  ///< The text with the scalars cut; empty if none is.
  std::vector<ElidedBlock> blocks;   ///< The cut scalars, in the order of the text.
};

/// The scalars of `text` (a UTF-8 text without byte order mark) that keikaku reads as libyaml
/// would: literal blocks with the indentation found from their lines (no indentation
/// indicator), every character one libyaml reads as content, '\n' line breaks; and long
/// plain values of one line (IsPlainValue in literal_blocks.cc).
Elision ElideLiteralBlocks(std::string_view text);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_LITERAL_BLOCKS_H_
