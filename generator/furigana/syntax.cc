#include "furigana/syntax.h"

#include <array>
#include <string_view>

#include "furigana/kanji.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace keikaku::furigana {
namespace {

constexpr char32_t kAozoraBar = U'｜', kOpen = U'《', kClose = U'》';

bool IsEscapable(char32_t c) { return c == '{' || c == '}' || c == kAozoraBar || c == kOpen; }

// Reads one character of the inside of a ruby: kLiteralMark + character counts as that
// character. Returns false at the end of the text.
bool NextInside(std::string_view text, std::size_t& pos, char32_t& c, bool& literal) {
  if (pos >= text.size()) return false;
  literal = text[pos] == kLiteralMark;
  if (literal && ++pos >= text.size()) return false;
  c = text::DecodeAt(text, pos);
  return true;
}

// Scans the inside of {base|reading|…} from `pos` (just after the brace). Returns the byte
// offset after the closing brace, or npos when this is not ruby syntax (no bar, a brace or
// a line break before the closing brace, the end of the text).
std::size_t ScanDenden(std::string_view text, std::size_t pos, std::vector<std::string>& parts) {
  parts.assign(1, "");
  char32_t c;
  bool literal;
  while (NextInside(text, pos, c, literal)) {
    if (!literal) {
      if (c == '}') return parts.size() > 1 ? pos : std::string::npos;
      if (c == '{' || c == '\n') return std::string::npos;
      if (c == '|') {
        parts.emplace_back();
        continue;
      }
    }
    text::AppendUtf8(parts.back(), c);
  }
  return std::string::npos;
}

// Scans from `pos` up to `stop` (not included): returns the offset after `stop`, or npos
// when the line or the text ends first or another syntax character comes first.
std::size_t ScanUntil(std::string_view text, std::size_t pos, char32_t stop, std::string& out) {
  char32_t c;
  bool literal;
  while (NextInside(text, pos, c, literal)) {
    if (!literal && c == stop) return pos;
    if (!literal && (c == '\n' || c == kOpen || c == kClose || c == kAozoraBar || c == '|' || c == '{' || c == '}')) {
      return std::string::npos;
    }
    text::AppendUtf8(out, c);
  }
  return std::string::npos;
}

// The byte length of the run of kanji at the end of `s`.
std::size_t TrailingKanji(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && IsKanji(text::LastCodepoint(s.substr(0, end)))) end = text::LastCodepointStart(s.substr(0, end));
  return s.size() - end;
}

const char* const kEscapeHint = "ルビにしないで文字のまま表示するときは、記号の前に \\ を書いてください（\\{ や \\《）。";

}  // namespace

void AppendText(Pieces& pieces, std::string_view text) {
  if (text.empty()) return;
  if (pieces.empty() || pieces.back().ruby) pieces.emplace_back();
  pieces.back().text += text;
}

std::string BaseText(const Pieces& pieces) {
  std::string out;
  for (const Piece& p : pieces) out += p.ruby ? p.ruby->base : p.text;
  return out;
}

std::string MarkEscapes(std::string_view source) {
  std::string out(source);
  if (source.find('\\') == std::string_view::npos) return out;
  std::size_t backslashes = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\\') {
      ++backslashes;
      continue;
    }
    if (backslashes % 2 == 1) {
      std::size_t p = i;
      if (IsEscapable(text::DecodeAt(out, p))) out[i - 1] = kLiteralMark;
    }
    backslashes = 0;
  }
  return out;
}

std::string RestoreEscapes(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == kLiteralMark) c = '\\';
  }
  return out;
}

std::string DropEscapes(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != kLiteralMark) out += c;
  }
  return out;
}

namespace {

// Where the next character that ruby syntax starts with (or an escape mark) begins, at or
// after `pos` (a character boundary); the end if there is none. One pass over the bytes
// with a table: { | kLiteralMark, and the last bytes of ｜ (EF BD 9C) and 《 (E3 80 8A),
// whose other bytes are compared only there. Japanese text has few of those last bytes; the
// lead bytes (E3: every kana) would stop at most characters.
std::size_t NextMark(std::string_view text, std::size_t pos) {
  static constexpr char kMarks[] = {'{', '|', kLiteralMark, '\x9C', '\x8A'};
  static constexpr std::string_view kStopBytes(kMarks, sizeof kMarks);
  static constexpr std::array<bool, 256> kStops = text::StopTable(kStopBytes);
  for (std::size_t i = pos; i < text.size(); ++i) {
    // Sixteen bytes at a time where none is one of the stops (most of a text).
    i = text::SkipToAny(text, i, kStopBytes);
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kStops[c]) continue;
    if (c != 0x9C && c != 0x8A) return i;
    if (i >= pos + 2 && text.substr(i - 2, 3) == (c == 0x9C ? "｜" : "《")) return i - 2;
  }
  return text.size();
}

}  // namespace

bool MayHaveRuby(std::string_view text) { return NextMark(text, 0) < text.size(); }

Pieces ParseRuby(std::string_view text, std::vector<SyntaxProblem>* problems) {
  Pieces out;
  if (!MayHaveRuby(text)) {
    AppendText(out, text);
    return out;
  }
  std::string plain;
  auto report = [&](std::size_t offset, std::size_t end, const char* rule, std::string message, std::string hint) {
    if (problems) problems->push_back({offset, end, rule, std::move(message), std::move(hint)});
  };
  // The piece [at, end) as the editor wrote it.
  auto source = [&](std::size_t at, std::size_t end) { return RestoreEscapes(text.substr(at, end - at)); };
  auto emit = [&](Ruby ruby) {
    AppendText(out, plain);
    plain.clear();
    out.push_back({"", std::move(ruby)});
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    // The text up to the next character ruby syntax starts with, in one piece.
    if (const std::size_t mark = NextMark(text, pos); mark > pos) {
      plain.append(text.substr(pos, mark - pos));
      pos = mark;
      continue;
    }
    const std::size_t at = pos;
    if (text[pos] == kLiteralMark) {
      ++pos;
      if (pos < text.size()) text::AppendUtf8(plain, text::DecodeAt(text, pos));
      continue;
    }
    const char32_t c = text::DecodeAt(text, pos);
    if (c == '{') {
      std::vector<std::string> parts;
      std::size_t end = ScanDenden(text, pos, parts);
      if (end != std::string::npos) {
        bool empty = false;
        for (const std::string& p : parts) empty = empty || p.empty();
        if (empty) {
          report(at, end, "ruby.empty", "ルビ「" + source(at, end) + "」の親文字か読みが空なので、ルビにしていません。",
                 std::string("{漢字|かんじ} のように、| の前に親文字、後に読みを書いてください。") + kEscapeHint);
        } else {
          Ruby ruby{parts.front(), {parts.begin() + 1, parts.end()}};
          std::size_t chars = text::CodepointCount(ruby.base);
          if (ruby.readings.size() > 1 && ruby.readings.size() != chars) {
            report(at, end, "ruby.mono-count",
                   "ルビ「" + source(at, end) + "」は読みが" + std::to_string(ruby.readings.size()) + "つ、親文字が" +
                       std::to_string(chars) + "字で数が合わないため、読みをつなげて熟語全体に付けました。",
                   "1字ずつ付けるときは {漢字|かん|じ} のように親文字の字数だけ読みを | で区切ってください。");
            std::string joined;
            for (const std::string& r : ruby.readings) joined += r;
            ruby.readings = {joined};
          }
          emit(std::move(ruby));
          pos = end;
          continue;
        }
      }
    } else if (c == kAozoraBar || c == '|') {
      std::string base, reading;
      std::size_t open = ScanUntil(text, pos, kOpen, base);
      std::size_t close = open == std::string::npos ? open : ScanUntil(text, open, kClose, reading);
      if (close != std::string::npos) {
        if (base.empty() || reading.empty()) {
          report(at, close, "ruby.empty", "ルビ「" + source(at, close) + "」の親文字か読みが空なので、ルビにしていません。",
                 std::string("｜漢字《かんじ》のように書いてください。") + kEscapeHint);
        } else {
          emit({base, {reading}});
          pos = close;
          continue;
        }
      }
    } else if (c == kOpen) {
      std::string reading;
      std::size_t close = ScanUntil(text, pos, kClose, reading);
      std::size_t kanji = TrailingKanji(plain);
      if (close != std::string::npos && kanji > 0) {
        if (reading.empty()) {
          report(at, close, "ruby.empty", "ルビ「《》」の読みが空なので、ルビにしていません。",
                 std::string("漢字《かんじ》のように《》の中に読みを書いてください。") + kEscapeHint);
        } else {
          std::string base = plain.substr(plain.size() - kanji);
          plain.resize(plain.size() - kanji);
          emit({base, {reading}});
          pos = close;
          continue;
        }
      }
    }
    plain.append(text.substr(at, pos - at));
  }
  AppendText(out, plain);
  return out;
}

}  // namespace keikaku::furigana
