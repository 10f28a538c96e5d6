#include "load/scalar_map.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace keikaku::load {

namespace {

using model::SourceAnchor;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kNone = std::string_view::npos;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The value of a YAML escape without a code point (\n, \", …); empty for an unknown one.
std::string_view SimpleEscape(char c) {
  switch (c) {
    case '0': return std::string_view("\0", 1);
    case 'a': return "\a";
    case 'b': return "\b";
    case 't':
    case '\t': return "\t";
    case 'n': return "\n";
    case 'v': return "\v";
    case 'f': return "\f";
    case 'r': return "\r";
    case 'e': return "\x1B";
    case ' ': return " ";
    case '"': return "\"";
    case '/': return "/";
    case '\\': return "\\";
    case 'N': return "\u0085";
    case '_': return "\u00A0";
    case 'L': return "\u2028";
    case 'P': return "\u2029";
    default: return {};
  }
}

// Walks one scalar forward through the file, building its value and the anchors that
// tie the value's bytes to the source. Every step moves forward: linear in the scalar.
class Scanner {
 public:
  Scanner(std::string_view text, std::size_t line_start, int line, const std::string& expected)
      : text_(text), expected_(expected), located_(line_start), line_(line) {
    value_.reserve(expected.size() + 2);  // a block scalar may hold line breaks that chomping drops
  }

  // Dispatches on the first character after the node's tag and anchor (an alias node has
  // the mark of the node it names).
  bool Scan(std::size_t p) {
    p = SkipProperties(p);
    switch (At(p)) {
      case '"':
      case '\'': return Quoted(p, At(p));
      case '|':
      case '>': return Block(p);
      default: return Plain(p);
    }
  }

  const std::string& value() const { return value_; }
  std::vector<SourceAnchor> TakeAnchors() { return std::move(anchors_); }

 private:
  char At(std::size_t p) const { return p < text_.size() ? text_[p] : '\0'; }
  // Length of the line break at `p` (\n or \r\n; a lone \r is text, as for yaml-cpp).
  std::size_t BreakAt(std::size_t p) const {
    if (At(p) == '\n') return 1;
    return At(p) == '\r' && At(p + 1) == '\n' ? 2 : 0;
  }
  // The first line break (or NUL, or the end) at or after `p`, found with memchr.
  std::size_t LineEnd(std::size_t p) const {
    if (p >= text_.size()) return p;
    const char* base = text_.data();
    const auto* nl = static_cast<const char*>(std::memchr(base + p, '\n', text_.size() - p));
    const std::size_t end = nl ? static_cast<std::size_t>(nl - base) : text_.size();
    if (const auto* nul = static_cast<const char*>(std::memchr(base + p, '\0', end - p))) {
      return static_cast<std::size_t>(nul - base);
    }
    return nl && end > p && base[end - 1] == '\r' ? end - 1 : end;  // \r\n is one break
  }

  // Tags (!…) and anchors (&…) before the content, with the space, comments and line
  // breaks after them; yaml-cpp's mark points at the first of them.
  std::size_t SkipProperties(std::size_t p) const {
    while (At(p) == '!' || At(p) == '&') {
      while (At(p) != '\0' && !IsBlank(At(p)) && !BreakAt(p)) ++p;
      for (;;) {
        while (IsBlank(At(p))) ++p;
        if (At(p) == '#') p = LineEnd(p);
        std::size_t n = BreakAt(p);
        if (!n) break;
        p += n;
      }
    }
    return p;
  }

  // Appends `n` source bytes from `from`; a new anchor unless they follow the last ones.
  void Copy(std::size_t from, std::size_t n) {
    if (n == 0) return;
    if (from != next_source_) Anchor(from);
    value_.append(text_, from, n);
    next_source_ = from + n;
  }
  // Appends bytes that stand for the source at `source` (an escape, a folded line break).
  void Emit(std::string_view bytes, std::size_t source) {
    Anchor(source);
    value_ += bytes;
    next_source_ = kNone;
  }
  void Anchor(std::size_t source) {
    // Line and column of `source`, counted on from the last anchor.
    std::size_t from = located_;
    const char* base = text_.data();
    for (const char* nl = base + located_;
         source > located_ &&
         (nl = static_cast<const char*>(std::memchr(nl, '\n', source - static_cast<std::size_t>(nl - base)))) != nullptr;
         ++nl) {
      ++line_;
      column_ = 0;
      from = static_cast<std::size_t>(nl - base) + 1;
    }
    column_ += static_cast<int>(text::CodepointCount(text_.substr(from, source - from)));
    located_ = source;
    anchors_.push_back({value_.size(), line_, column_ + 1});
  }

  // A line break at `b` inside a plain or quoted scalar: skips the empty lines after it and
  // the next line's leading white space. A single break folds to a space, each empty line
  // to a \n; an escaped break (\ at the line end) leaves only the latter. Returns where
  // the next line's text starts.
  std::size_t Fold(std::size_t b, bool escaped) {
    std::size_t p = b + BreakAt(b);
    bool empty_lines = false;
    for (;;) {
      while (IsBlank(At(p))) ++p;
      std::size_t n = BreakAt(p);
      if (!n) break;
      Emit("\n", p);
      empty_lines = true;
      p += n;
    }
    if (!empty_lines && !escaped) Emit(" ", b);
    return p;
  }

  // A plain scalar ends where the value says it does (its end depends on the parent's
  // indentation and on flow context, which the text around it does not tell); that must be
  // a place where a plain scalar can end.
  bool Plain(std::size_t p) {
    for (;;) {
      std::size_t end = LineEnd(p), trimmed = end;
      while (trimmed > p && IsBlank(text_[trimmed - 1])) --trimmed;
      std::size_t need = expected_.size() - value_.size();
      if (trimmed - p >= need) {
        Copy(p, need);
        return PlainEndsAt(p + need);
      }
      Copy(p, trimmed - p);
      if (!BreakAt(end)) return false;
      p = Fold(end, /*escaped=*/false);
      if (value_.size() >= expected_.size()) return false;
    }
  }
  bool PlainEndsAt(std::size_t p) const {
    std::size_t q = p;
    while (IsBlank(At(q))) ++q;
    char c = At(q);
    return c == '\0' || BreakAt(q) || (c == '#' && q > p) || c == ':' || c == ',' || c == ']' || c == '}';
  }

  // '…' ('' is one quote) and "…" (backslash escapes). White space before a line break
  // is dropped, so it is held back until something follows it on the line.
  bool Quoted(std::size_t p, char quote) {
    std::size_t blanks = kNone;
    for (++p;;) {
      char c = At(p);
      if (c == '\0') return false;  // no closing quote
      if (BreakAt(p)) {
        blanks = kNone;
        p = Fold(p, /*escaped=*/false);
        continue;
      }
      if (IsBlank(c)) {
        if (blanks == kNone) blanks = p;
        ++p;
        continue;
      }
      if (blanks != kNone) Copy(blanks, p - blanks);
      blanks = kNone;
      if (c == '\'' && quote == '\'' && At(p + 1) == '\'') {
        Copy(p, 1);
        p += 2;
      } else if (c == quote) {
        return true;
      } else if (c == '\\' && quote == '"') {
        if (!Escape(p)) return false;
      } else {
        Copy(p, 1);
        ++p;
      }
    }
  }
  // The escape at `p`; moves `p` past it.
  bool Escape(std::size_t& p) {
    if (BreakAt(p + 1)) {
      p = Fold(p + 1, /*escaped=*/true);
      return true;
    }
    char e = At(p + 1);
    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits == 0) {
      std::string_view bytes = SimpleEscape(e);
      if (bytes.empty()) return false;
      Emit(bytes, p);
      p += 2;
      return true;
    }
    char32_t code = 0;
    for (int i = 0; i < digits; ++i) {
      char h = At(p + 2 + i);
      int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) return false;
      code = code * 16 + static_cast<char32_t>(d);
    }
    if (code > 0x10FFFF) return false;
    std::string bytes;
    text::AppendUtf8(bytes, code);
    Emit(bytes, p);
    p += 2 + digits;
    return true;
  }

  // | and >, with chomping (-, +) and indentation (1-9) indicators in either order.
  bool Block(std::size_t p) {
    bool folded = At(p) == '>';
    char chomp = ' ';  // clip
    int indicated = 0;
    for (++p;; ++p) {
      char c = At(p);
      if (c == '-' || c == '+') {
        chomp = c;
      } else if (c >= '1' && c <= '9') {
        indicated = c - '0';
      } else {
        break;
      }
    }
    while (IsBlank(At(p))) ++p;
    if (At(p) == '#') p = LineEnd(p);
    if (!BreakAt(p)) return false;
    p += BreakAt(p);
    std::size_t indent = indicated ? IndicatedIndent(p) : DetectedIndent(p);
    if (indent == kNone) return false;
    BlockLines(p, indent, folded);
    // Chomping: clip keeps one final line break, strip none, keep all.
    std::size_t keep = value_.size();
    if (chomp != '+') {
      std::size_t last = value_.find_last_not_of('\n');
      keep = last == std::string::npos ? 0 : std::min(keep, last + (chomp == '-' ? 1 : 2));
    }
    value_.resize(keep);
    while (!anchors_.empty() && anchors_.back().offset >= keep) anchors_.pop_back();
    return true;
  }

  // The lines of a block scalar from `p`, each stripped of `indent` spaces, up to the first
  // less indented line. Each line break is a \n, except that > folds the break between two
  // lines of text that are not more indented to a space, or drops it before empty lines.
  void BlockLines(std::size_t p, std::size_t indent, bool folded) {
    std::size_t last_break = kNone;  // of the last line of text, while it is undecided
    bool last_spaced = false;
    empty_breaks_.clear();  // of the empty lines after it
    bool text_seen = false;
    for (;;) {
      std::size_t s = p;
      while (At(s) == ' ' && s - p < indent) ++s;
      std::size_t end = LineEnd(s);
      if (s == end) {  // empty (or only spaces), or the end of the file
        if (!BreakAt(end)) break;
        if (text_seen) {
          empty_breaks_.push_back(end);
        } else {
          Emit("\n", end);
        }
        p = end + BreakAt(end);
        continue;
      }
      if (s - p < indent) break;  // less indented: the scalar has ended
      bool spaced = !folded || IsBlank(At(s));
      if (text_seen) {
        if (!last_spaced && !spaced && empty_breaks_.empty()) {
          Emit(" ", last_break);
        } else if (last_spaced || spaced) {
          Emit("\n", last_break);
        }
        for (std::size_t b : empty_breaks_) Emit("\n", b);
        empty_breaks_.clear();
      }
      Copy(s, end - s);
      text_seen = true;
      last_spaced = spaced;
      last_break = BreakAt(end) ? end : kNone;
      if (last_break == kNone) break;
      p = end + BreakAt(end);
    }
    // The trailing line breaks, for chomping to keep or drop.
    if (last_break != kNone) Emit("\n", last_break);
    for (std::size_t b : empty_breaks_) Emit("\n", b);
  }

  // Without an indicator the first line of text sets the indentation (or a longer line of
  // spaces before it, as yaml-cpp has it).
  std::size_t DetectedIndent(std::size_t p) const {
    std::size_t indent = 1;
    for (;;) {
      std::size_t s = p;
      while (At(s) == ' ') ++s;
      indent = std::max(indent, s - p);
      std::size_t n = BreakAt(s);
      if (!n) return indent;
      p = s + n;
    }
  }
  // An indicator counts from the parent node's indentation, which the scalar's own text does
  // not tell: the value does, by the spaces its first line of text keeps.
  std::size_t IndicatedIndent(std::size_t p) const {
    std::size_t at = expected_.find_first_not_of(" \t\n");
    if (at == std::string::npos) return kNone;
    std::size_t line = expected_.rfind('\n', at);
    line = line == std::string::npos ? 0 : line + 1;
    std::size_t kept = expected_.find_first_not_of(' ', line) - line;
    for (;;) {  // the first source line with text
      std::size_t s = p;
      while (At(s) == ' ') ++s;
      std::size_t q = s;
      while (IsBlank(At(q))) ++q;
      if (At(q) == '\0') return kNone;
      if (!BreakAt(q)) return s - p > kept ? s - p - kept : kNone;
      p = q + BreakAt(q);
    }
  }

  std::string_view text_;
  const std::string& expected_;
  std::string value_;
  std::vector<SourceAnchor> anchors_;
  std::vector<std::size_t> empty_breaks_;
  std::size_t next_source_ = kNone;  ///< Source offset that would continue the last Copy.
  std::size_t located_;    ///< Source offset of the last anchor (at first, its line's start).
  int line_, column_ = 0;  ///< Its 1-based line, and the code points before it on that line.
};

}  // namespace

std::vector<SourceAnchor> MapScalar(std::string_view text, const YAML::Mark& mark, const std::string& value) {
  if (value.empty() || mark.pos < 0 || mark.line < 0 || mark.column < 0) return {};
  std::size_t bom = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;  // not in yaml-cpp's marks
  std::size_t start = bom + static_cast<std::size_t>(mark.pos);
  std::size_t column = static_cast<std::size_t>(mark.column);
  if (start >= text.size() || column > start - bom) return {};
  std::size_t line_start = start - column;
  if (line_start != bom && text[line_start - 1] != '\n') return {};
  Scanner scanner(text, line_start, mark.line + 1, value);
  if (!scanner.Scan(start) || scanner.value() != value) return {};
  return scanner.TakeAnchors();
}

}  // namespace keikaku::load
