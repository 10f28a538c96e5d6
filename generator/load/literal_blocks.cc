#include "load/literal_blocks.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "text/utf8.h"

namespace keikaku::load {
namespace {

// Whether s[p, end) (a line without its break) has only characters libyaml reads as content:
// valid UTF-8, no control character but the tab, no line break of libyaml's own (\r, U+0085,
// U+2028, U+2029), no byte order mark (U+FEFF) and no U+FFFE or U+FFFF, which its reader
// refuses.
bool PlainContent(const unsigned char* s, std::size_t p, std::size_t end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (p < end) {
    // Eight printable ASCII bytes at a time: none of them at or above 0x80, below 0x20 or
    // 0x7F (the subtractions may also flag a good byte, which is then looked at alone).
    if (p + 8 <= end) {
      std::uint64_t w;
      std::memcpy(&w, s + p, sizeof w);
      if (((w | (w - 0x20 * kOnes) | ((w ^ 0x7F * kOnes) - kOnes)) & kHigh) == 0) {
        p += 8;
        continue;
      }
    }
    // Kana and kanji, one after another: none of the characters below.
    while (text::IsCjkAt(s, p, end)) p += 3;
    if (p >= end) break;
    const unsigned char c = s[p];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
      ++p;
      continue;
    }
    const std::size_t size = text::Utf8SequenceAt(s, p, end);
    if (size == 0 || (c == 0xC2 && s[p + 1] < 0xA0)) return false;
    if (size == 3 && (c == 0xE2 || c == 0xEF)) {
      const unsigned char d = s[p + 1], e = s[p + 2];
      if (c == 0xE2 && d == 0x80 && (e == 0xA8 || e == 0xA9)) return false;
      if (c == 0xEF && ((d == 0xBB && e == 0xBF) || (d == 0xBF && e >= 0xBE))) return false;
    }
    p += size;
  }
  return true;
}

struct Literal {
  std::string value;
  std::size_t end = 0;     // libyaml's end mark: after the last line break read
  std::size_t breaks = 0;  // the line breaks up to it
  bool content = false;    // at least one line of content
  bool plain = true;       // every character of it one libyaml reads as content
  bool ok = false;         // read as libyaml reads it, without its error for a tab
};

// A literal block scalar from `at`, just after its header's line break, as libyaml's
// yaml_parser_scan_block_scalar and yaml_parser_scan_block_scalar_breaks read it when no
// indentation is written: `parent` is the indentation of the collection the block is in,
// `chomping` -1 for 「|-」, 0 for 「|」, 1 for 「|+」. The value is made only while plain.
Literal ReadLiteral(std::string_view text, std::size_t at, int parent, int chomping) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  Literal r;
  r.value.reserve(std::min<std::size_t>(n - at, 4096));
  int indent = 0, column = 0;
  std::size_t trailing = 0;    // empty lines since the last line of content
  bool leading_break = false;  // the break of the last line of content
  auto breaks = [&] {
    int max_indent = 0;
    r.end = at;
    for (;;) {
      column = 0;
      while ((indent == 0 || column < indent) && at < n && s[at] == ' ') ++at, ++column;
      max_indent = std::max(max_indent, column);
      // libyaml: "found a tab character where an indentation space is expected".
      if ((indent == 0 || column < indent) && at < n && s[at] == '\t') return false;
      if (at >= n || s[at] != '\n') break;
      ++at, ++trailing, ++r.breaks;
      r.end = at;
    }
    if (indent == 0) indent = std::max({max_indent, parent + 1, 1});
    return true;
  };
  if (!breaks()) return r;
  while (column == indent && at < n) {
    r.content = true;
    if (r.plain) {
      if (leading_break) r.value += '\n';
      r.value.append(trailing, '\n');
    }
    leading_break = false;
    trailing = 0;
    const void* found = std::memchr(s + at, '\n', n - at);
    const std::size_t line_end = found ? static_cast<std::size_t>(static_cast<const unsigned char*>(found) - s) : n;
    if (r.plain && !PlainContent(s, at, line_end)) r.plain = false;
    if (r.plain) r.value.append(text.data() + at, line_end - at);
    at = line_end;
    if (at < n) ++at, ++r.breaks, leading_break = true;
    if (!breaks()) return r;
  }
  if (chomping != -1 && leading_break) r.value += '\n';
  if (chomping == 1) r.value.append(trailing, '\n');
  r.ok = true;
  return r;
}

struct Header {
  int parent = 0;
  int chomping = 0;
};

// Whether the line text[begin, end) ends with a literal block's header as content writes it,
// 「key: |」 or 「- |」 (「|-」 and 「|+」 too), and the indentation of the collection the block
// is in: the key's column, or the column of the last 「- 」 before the 「|」.
bool IsHeader(std::string_view text, std::size_t begin, std::size_t end, Header* h) {
  std::size_t e = end;
  while (e > begin && text[e - 1] == ' ') --e;
  if (e == begin) return false;
  h->chomping = text[e - 1] == '-' ? -1 : text[e - 1] == '+' ? 1 : 0;
  if (h->chomping != 0) --e;
  if (e == begin || text[e - 1] != '|') return false;
  --e;
  if (e == begin || text[e - 1] != ' ') return false;
  while (e > begin && text[e - 1] == ' ') --e;
  if (e == begin || (text[e - 1] != ':' && text[e - 1] != '-')) return false;
  std::size_t p = begin;
  while (p < end && text[p] == ' ') ++p;
  if (p == end || text[p] == '#') return false;
  h->parent = static_cast<int>(p - begin);
  while (p + 1 < end && text[p] == '-' && text[p + 1] == ' ') {
    std::size_t q = p + 1;
    while (q < end && text[q] == ' ') ++q;
    if (q < end && text[q] == '|') break;
    h->parent = static_cast<int>(q - begin);
    p = q;
  }
  return true;
}

// The lines text[begin, end) cut: a line with more than white space keeps its leading white
// space and one letter.
void AppendCut(std::string& out, std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    const std::size_t found = text.find('\n', begin);
    const std::size_t line_end = found == std::string_view::npos || found >= end ? end : found;
    std::size_t p = begin;
    while (p < line_end && (text[p] == ' ' || text[p] == '\t')) ++p;
    out.append(text.data() + begin, p - begin);
    if (p < line_end) out += 'x';
    if (line_end < end) out += '\n';
    begin = line_end + 1;
  }
}

// The indentation of the first line from `at` with anything but spaces on it (0 past the end).
std::size_t NextIndent(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    std::size_t p = at;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p < text.size() && text[p] != '\n') return p - at;
    at = p + 1;
  }
  return 0;
}

// A long plain scalar that is a whole line's value, 「key: value」 or 「- value」, with none of
// the characters that could end or change it (':' before a space, ' #', flow indicators,
// quotes and other indicators at its start, tabs, what PlainContent refuses): its bytes in
// text[*begin, *end) of the line text[begin, end). A next line with anything on it that is
// more indented than the key (or the last 「- 」) could continue the scalar.
bool IsPlainValue(std::string_view text, std::size_t begin, std::size_t end, std::size_t* value_begin,
                  std::size_t* value_end) {
  constexpr std::size_t kMinBytes = 24;  // shorter ones are not worth it
  if (end - begin < kMinBytes + 2) return false;
  std::size_t p = begin;
  while (p < end && text[p] == ' ') ++p;
  std::size_t entry = p;  // the column of the innermost entry: a 「- 」 or the key
  bool dash = false;
  while (p + 1 < end && text[p] == '-' && text[p + 1] == ' ') {
    entry = p;
    dash = true;
    p += 2;
    while (p < end && text[p] == ' ') ++p;
  }
  if (p >= end || text[p] == '"' || text[p] == '\'' || text[p] == '#') return false;
  std::size_t v = p;
  const std::size_t colon = text.substr(0, end).find(": ", p);
  if (colon != std::string_view::npos) {
    entry = p;
    v = colon + 2;
    while (v < end && text[v] == ' ') ++v;
  } else if (!dash) {
    return false;
  }
  std::size_t e = end;
  while (e > v && text[e - 1] == ' ') --e;
  if (e - v < kMinBytes || NextIndent(text, end + 1) > entry - begin) return false;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(text[v]) != std::string_view::npos || text[e - 1] == ':') return false;
  // One look at each ASCII byte: flow indicators and tabs refuse the value, ':' and '#' are
  // looked at with their neighbours (": " and " #").
  static constexpr std::array<std::uint8_t, 256> kLook = [] {
    std::array<std::uint8_t, 256> look{};
    for (unsigned char c : {',', '[', ']', '{', '}', '\t'}) look[c] = 1;
    look[':'] = look['#'] = 2;
    return look;
  }();
  for (std::size_t i = v; i < e; ++i) {
    const std::uint8_t look = kLook[static_cast<unsigned char>(text[i])];
    if (look == 0) continue;
    if (look == 1 || (text[i] == ':' && text[i + 1] == ' ') || (text[i] == '#' && text[i - 1] == ' ')) return false;
  }
  if (!PlainContent(reinterpret_cast<const unsigned char*>(text.data()), v, e)) return false;
  *value_begin = v;
  *value_end = e;
  return true;
}

}  // namespace

Elision ElideLiteralBlocks(std::string_view text) {
  Elision out;
  struct Cut {
    std::size_t begin, end;  // the block's lines in out.text
    Header header;
    std::size_t index;  // in out.blocks
  };
  std::vector<Cut> cuts;
  std::size_t copied = 0;  // text[0, copied) is in out.text
  std::size_t line = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t line_end = text.find('\n', at);
    if (line_end == std::string_view::npos) break;  // a header on the last line has no block
    Header header;
    if (!IsHeader(text, at, line_end, &header)) {
      std::size_t value_begin = 0, value_end = 0;
      if (IsPlainValue(text, at, line_end, &value_begin, &value_end)) {
        out.text.append(text.data() + copied, value_begin - copied);
        out.text += 'x';
        ElidedBlock plain{line, line, std::string(text.substr(value_begin, value_end - value_begin)), "x"};
        plain.plain = true;
        plain.column = text::CodepointCount(text.substr(at, value_begin - at));
        out.blocks.push_back(std::move(plain));
        copied = value_end;
      }
      at = line_end + 1;
      ++line;
      continue;
    }
    const std::size_t start = line_end + 1;
    Literal block = ReadLiteral(text, start, header.parent, header.chomping);
    if (!block.ok) {
      at = start;
      ++line;
      continue;
    }
    if (block.content && block.plain) {
      out.text.append(text.data() + copied, start - copied);
      const std::size_t cut_begin = out.text.size();
      AppendCut(out.text, text, start, block.end);
      cuts.push_back({cut_begin, out.text.size(), header, out.blocks.size()});
      out.blocks.push_back({line, line + 1 + block.breaks, std::move(block.value), {}});
      copied = block.end;
    }
    // Lines inside a block are never headers, whether it is cut or not (a Markdown table's
    // 「| - |」 ends as one does).
    line += 1 + block.breaks;
    at = block.end;
  }
  if (out.blocks.empty()) return {};
  out.text.append(text.data() + copied, text.size() - copied);
  // The cut lines read alike: the same lines, ending at the same place.
  for (const Cut& c : cuts) {
    ElidedBlock& block = out.blocks[c.index];
    Literal cut = ReadLiteral(out.text, c.begin, c.header.parent, c.header.chomping);
    if (!cut.ok || !cut.plain || cut.end != c.end || block.line + 1 + cut.breaks != block.end_line) return {};
    block.cut_value = std::move(cut.value);
  }
  return out;
}

}  // namespace keikaku::load
