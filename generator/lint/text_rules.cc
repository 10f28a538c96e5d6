#include "lint/text_rules.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <optional>

#include "furigana/kanji.h"
#include "text/date.h"
#include "text/utf8.h"

namespace keikaku::lint {
namespace {

using text::DecodeAt;

enum class Kind { kJapanese, kLatin, kDigit, kSpace, kOther };

bool IsKana(char32_t c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;  // ー
}
bool IsHalfwidthKana(char32_t c) { return c >= 0xFF61 && c <= 0xFF9F; }
bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
int DigitValue(char32_t c) { return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - 0xFF10); }

Kind Classify(char32_t c) {
  if (c == ' ' || c == 0x3000) return Kind::kSpace;
  if (furigana::IsKanji(c) || IsKana(c)) return Kind::kJapanese;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xFF21 && c <= 0xFF3A) ||
      (c >= 0xFF41 && c <= 0xFF5A)) {
    return Kind::kLatin;
  }
  if (IsDigit(c)) return Kind::kDigit;
  return Kind::kOther;
}

std::string Quote(std::string_view s) { return "「" + std::string(s) + "」"; }

// Whether `s` has spaces between a letter and a lone letter of its kind (the second of a
// spaced-out word): without that, SpacedWords finds nothing. Looks only around the spaces.
bool MaySpaceWords(std::string_view s) {
  auto space_at = [&s](std::size_t p) { return s[p] == ' ' ? 1 : s.compare(p, 3, "\u3000") == 0 ? 3 : 0; };
  std::size_t ascii = s.find(' '), wide = s.find("\u3000");  // the next of each kind of space
  for (std::size_t pos = 0; pos < s.size();) {
    if (ascii < pos) ascii = s.find(' ', pos);
    if (wide < pos) wide = s.find("\u3000", pos);
    const std::size_t start = std::min(ascii, wide);
    if (start == std::string_view::npos) return false;
    std::size_t end = start;
    for (std::size_t width; end < s.size() && (width = space_at(end)) > 0;) end += width;
    pos = end;
    if (start == 0 || end >= s.size()) continue;
    const Kind kind = Classify(text::LastCodepoint(s.substr(0, start)));
    std::size_t next = end;
    if ((kind != Kind::kJapanese && kind != Kind::kLatin) || Classify(DecodeAt(s, next)) != kind) continue;
    if (next >= s.size()) return true;
    const char32_t after = DecodeAt(s, next);
    if (after == '\n' || Classify(after) != kind) return true;
  }
  return false;
}

// Letters standing alone between spaces, two or more in a row on one line: 「高 梁 市」.
// The text is read as runs of one kind of character; a spaced-out word is single-letter runs
// of the same kind (kanji and kana, or Latin) separated only by spaces. A letter touching
// another letter or a digit belongs to a word and is not spaced out; punctuation is a border.
void SpacedWords(std::string_view s, std::vector<Finding>& out) {
  // Most texts: no space, or none with a lone letter after it.
  if (!MaySpaceWords(s)) return;
  struct Run {
    Kind kind;
    std::size_t begin, end;
  };
  std::vector<Run> chain;  // the single letters collected so far
  bool spaced = false;     // spaces follow the chain's last letter
  auto flush = [&] {
    if (chain.size() >= 2) {
      std::size_t begin = chain.front().begin, end = chain.back().end;
      std::string word;
      for (const Run& r : chain) word += s.substr(r.begin, r.end - r.begin);
      out.push_back({begin, "lint.spaced-word",
                     Quote(s.substr(begin, end - begin)) + "は文字の間に空白があります。読み上げソフトは一文字ずつ区切って読みます。",
                     Quote(word) + "のように空白を入れずに書いてください（字の間隔は表示の側で整えます）。"});
    }
    chain.clear();
    spaced = false;
  };
  auto wordlike = [](Kind k) { return k == Kind::kJapanese || k == Kind::kLatin || k == Kind::kDigit; };
  Kind previous = Kind::kOther;  // the kind of the run before, kOther at a line start
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t begin = pos;
    char32_t c = DecodeAt(s, pos);
    if (c == '\n') {
      flush();
      previous = Kind::kOther;
      continue;
    }
    Kind kind = Classify(c);
    int letters = 1;
    for (std::size_t next = pos; next < s.size();) {
      char32_t d = DecodeAt(s, next);
      if (d == '\n' || Classify(d) != kind) break;
      pos = next;
      ++letters;
    }
    if (kind == Kind::kSpace) {
      spaced = !chain.empty();
    } else if (letters == 1 && (kind == Kind::kJapanese || kind == Kind::kLatin) && !wordlike(previous)) {
      if (!(spaced && chain.back().kind == kind)) flush();
      chain.push_back({kind, begin, pos});
      spaced = false;
    } else {
      // A letter or digit touching the chain's last letter makes it the start of a word.
      if (!chain.empty() && !spaced && wordlike(kind)) chain.pop_back();
      flush();
    }
    previous = kind;
  }
  flush();
}

// Half-width katakana (ｶﾀｶﾅ): old systems' output, read oddly and not matched by search.
void HalfwidthKana(std::string_view s, std::vector<Finding>& out) {
  // U+FF61–U+FF9F are EF BD A1–EF BE 9F in UTF-8: most texts have neither lead pair.
  if (s.find("\xEF\xBD") == std::string_view::npos && s.find("\xEF\xBE") == std::string_view::npos) return;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t begin = pos;
    if (!IsHalfwidthKana(DecodeAt(s, pos))) continue;
    std::size_t end = pos;
    for (std::size_t next = pos; next < s.size() && IsHalfwidthKana(DecodeAt(s, next));) end = pos = next;
    std::string run(s.substr(begin, end - begin)), wide;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) nfkc->normalize(icu::UnicodeString::fromUTF8(run), status).toUTF8String(wide);
    out.push_back({begin, "lint.halfwidth-kana", "半角カタカナ" + Quote(run) + "があります。",
                   U_SUCCESS(status) ? "全角の" + Quote(wide) + "に直してください。" : "全角のカタカナに直してください。"});
    pos = end;
  }
}

// A number of up to `max_digits` digits (ASCII or full-width) at `pos`; advances past it.
std::optional<int> Number(std::string_view s, std::size_t& pos, int max_digits) {
  int value = 0, digits = 0;
  std::size_t at = pos;
  while (at < s.size()) {
    std::size_t next = at;
    char32_t c = DecodeAt(s, next);
    if (!IsDigit(c)) break;
    if (++digits > max_digits) return std::nullopt;
    value = value * 10 + DigitValue(c);
    at = next;
  }
  if (digits == 0) return std::nullopt;
  pos = at;
  return value;
}

bool Consume(std::string_view s, std::size_t& pos, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s.substr(pos, o.size()) == o) {
      pos += o.size();
      return true;
    }
  }
  return false;
}

char32_t CodepointBefore(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  return text::LastCodepoint(s.substr(0, pos));
}
char32_t CodepointAt(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeAt(s, pos);
}

// True if the word containing `pos` (back to the last space) is a web address.
bool InsideAddress(std::string_view s, std::size_t pos) {
  std::size_t start = s.find_last_of(" \n(<", pos == 0 ? 0 : pos - 1);
  std::string_view word = s.substr(start == std::string_view::npos ? 0 : start, pos - (start == std::string_view::npos ? 0 : start));
  return word.find("://") != std::string_view::npos || word.find("www.") != std::string_view::npos;
}

bool Exists(const text::Date& d) {
  return d.month >= 1 && d.month <= 12 && text::ParseDate(text::FormatIso(d)).has_value();
}

std::string Written(int era_year, const char* era, int month, int day) {
  std::string s = std::string(era) + (era_year == 1 ? std::string("元") : std::to_string(era_year)) + "年" +
                  std::to_string(month) + "月";
  if (day) s += std::to_string(day) + "日";
  return s;
}

// Dates a screen reader does not read as dates: 「R5.4.1」 (an era's initial with dots or
// slashes) and 「2023/4/1」; and written dates that do not exist: 「令和5年13月1日」.
void Dates(std::string_view s, std::vector<Finding>& out) {
  // Only an era's initial, a digit or the first kanji of an era's name starts a date.
  static const std::vector<char32_t> kStarts = [] {  // sorted
    std::vector<char32_t> starts = {'R', 'r', 0xFF32, 'H', 'h', 0xFF28, 'S', 's', 0xFF33, U'令', U'平', U'昭', U'大', U'明'};
    for (char32_t d = 0; d < 10; ++d) starts.insert(starts.end(), {'0' + d, 0xFF10 + d});
    std::sort(starts.begin(), starts.end());
    return starts;
  }();
  static const text::CharFilter kStartFilter(kStarts);
  // Most characters are none of them: stepped over.
  for (std::size_t pos = kStartFilter.Next(s, 0); pos < s.size(); pos = kStartFilter.Next(s, pos)) {
    std::size_t begin = pos;
    char32_t c = DecodeAt(s, pos);
    if (!std::binary_search(kStarts.begin(), kStarts.end(), c)) continue;
    char32_t before = CodepointBefore(s, begin);
    bool word_start = !(Classify(before) == Kind::kLatin || IsDigit(before) || before == '.' || before == '/' ||
                        before == 0xFF0E || before == 0xFF0F);
    if (!word_start) continue;
    // 「R5.4.1」: R/H/S, a year, then month (and day) after dots or slashes.
    const char* era = nullptr;
    switch (c) {
      case 'R': case 'r': case 0xFF32: era = "令和"; break;
      case 'H': case 'h': case 0xFF28: era = "平成"; break;
      case 'S': case 's': case 0xFF33: era = "昭和"; break;
      default: break;
    }
    if (era) {
      std::size_t at = pos;
      auto separator = [&] { return Consume(s, at, {".", "/", "．", "／"}); };
      std::optional<int> year = Number(s, at, 2), month, day;
      if (year && separator() && (month = Number(s, at, 2))) {
        std::size_t after_month = at;
        if (!(separator() && (day = Number(s, at, 2)))) at = after_month, day = 0;
        if (!IsDigit(CodepointAt(s, at))) {
          std::string form(s.substr(begin, at - begin));
          std::string written = Written(*year, era, *month, *day);
          if (text::ParseDate(written)) {
            out.push_back({begin, "lint.date-form", Quote(form) + "は日付として読み上げられません。",
                           Quote(written) + "のように書いてください。"});
          } else {
            out.push_back({begin, "lint.date-invalid", Quote(form) + "（" + written + "）という日付はありません。",
                           "年・月・日を確かめてください。"});
          }
          pos = at;
          continue;
        }
      }
    }
    if (!IsDigit(c)) {
      // 「令和5年13月」: an era name starts a written date.
      std::size_t at = begin;
      if (!Consume(s, at, {"令和", "平成", "昭和", "大正", "明治"})) continue;
      if (!(Consume(s, at, {"元"}) || Number(s, at, 2)) || !Consume(s, at, {"年"})) continue;
      std::optional<int> month = Number(s, at, 2);
      if (!month || !Consume(s, at, {"月"})) continue;
      std::size_t after_month = at;
      std::optional<int> day = Number(s, at, 2);
      if (!(day && Consume(s, at, {"日"}))) at = after_month;
      std::string written(s.substr(begin, at - begin)), ascii;
      for (std::size_t p = 0; p < written.size();) {
        char32_t d = DecodeAt(written, p);
        text::AppendUtf8(ascii, IsDigit(d) ? static_cast<char32_t>('0' + DigitValue(d)) : d);
      }
      if (!text::ParseDate(ascii)) {
        out.push_back({begin, "lint.date-invalid", Quote(written) + "という日付はありません。",
                       "年・月・日を確かめてください（和暦の年は、その元号の期間の年です）。"});
      }
      pos = at;
      continue;
    }
    // 「2023/4/1」 and 「2023年13月1日」: a year of four digits.
    std::size_t at = begin;
    std::optional<int> year = Number(s, at, 4);
    if (!year || *year < 1000) {
      if (year) pos = at;
      continue;
    }
    std::size_t after_year = at;
    if (Consume(s, at, {"/", "／"}) && !InsideAddress(s, begin)) {
      std::optional<int> month = Number(s, at, 2), day;
      if (month) {
        std::size_t after_month = at;
        if (!(Consume(s, at, {"/", "／"}) && (day = Number(s, at, 2)))) at = after_month, day = 0;
        char32_t next = CodepointAt(s, at);
        if (!IsDigit(next) && next != '/' && next != 0xFF0F) {
          text::Date d{*year, *month, *day};
          std::string form(s.substr(begin, at - begin));
          if (Exists(d)) {
            out.push_back({begin, "lint.date-form", Quote(form) + "は日付として読み上げられません。",
                           Quote(text::FormatSeireki(d)) + "のように書いてください。"});
          } else {
            out.push_back({begin, "lint.date-invalid", Quote(form) + "という日付はありません。", "年・月・日を確かめてください。"});
          }
        }
        pos = at;
        continue;
      }
    }
    at = after_year;
    if (Consume(s, at, {"年"})) {
      std::optional<int> month = Number(s, at, 2), day;
      if (month && Consume(s, at, {"月"})) {
        std::size_t after_month = at;
        if (!((day = Number(s, at, 2)) && Consume(s, at, {"日"}))) at = after_month, day = 0;
        if (!Exists({*year, *month, *day})) {
          out.push_back({begin, "lint.date-invalid", Quote(std::string(s.substr(begin, at - begin))) + "という日付はありません。",
                         "年・月・日を確かめてください。"});
        }
      }
    }
    pos = at;
  }
}

}  // namespace

std::vector<Finding> CheckText(std::string_view text) {
  std::vector<Finding> out;
  SpacedWords(text, out);
  HalfwidthKana(text, out);
  Dates(text, out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace keikaku::lint
