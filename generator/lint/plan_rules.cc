#include "lint/plan_rules.h"

#include <algorithm>

#include "furigana/kanji.h"
#include "markdown/markdown.h"
#include "text/utf8.h"

namespace keikaku::lint {
namespace {

using text::DecodeAt;

bool IsCircled(char32_t c) {  // ①–⑳, ㉑–㉟, ㊱–㊿
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF);
}

// The code point at `pos` as numbers are compared: full-width digits and dashes as ASCII.
char32_t Normal(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return '0' + (c - 0xFF10);
  if (c == 0xFF0D || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212) return '-';
  if (c == 0xFF0E) return '.';
  return c;
}

char32_t NormalAt(std::string_view s, std::size_t& pos) { return Normal(DecodeAt(s, pos)); }

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The numeral at `pos` (digits with -N or .N parts, or one circled number), appended to
// `out` in normal form; the position after it, or npos when there is none.
std::size_t Numeral(std::string_view s, std::size_t pos, std::string& out) {
  std::size_t next = pos;
  char32_t c = pos < s.size() ? NormalAt(s, next) : 0;
  if (IsCircled(c)) {
    text::AppendUtf8(out, c);
    return next;
  }
  if (!IsDigit(c)) return std::string_view::npos;
  std::size_t end = pos;
  for (;;) {
    std::size_t at = end;
    std::string part;
    // digits
    while (at < s.size()) {
      std::size_t n = at;
      char32_t d = NormalAt(s, n);
      if (!IsDigit(d)) break;
      part += static_cast<char>(d);
      at = n;
    }
    if (part.empty()) return end;
    out += part;
    end = at;
    // a separator followed by a digit continues the numeral
    std::size_t sep = at;
    char32_t d = sep < s.size() ? NormalAt(s, sep) : 0;
    std::size_t after = sep;
    if ((d != '-' && d != '.') || after >= s.size() || !IsDigit(NormalAt(s, after))) return end;
    out += static_cast<char>(d);
    end = sep;
  }
}

// The byte length of prefix `prefix` (in normal form) at `pos` of `s`, or npos.
std::size_t MatchPrefix(std::string_view s, std::size_t pos, const std::string& prefix) {
  std::size_t at = pos, p = 0;
  while (p < prefix.size()) {
    if (at >= s.size()) return std::string_view::npos;
    char32_t want = DecodeAt(prefix, p);
    if (NormalAt(s, at) != want) return std::string_view::npos;
  }
  return at - pos;
}

std::string Normalized(std::string_view s) {
  std::string out;
  for (std::size_t pos = 0; pos < s.size();) text::AppendUtf8(out, NormalAt(s, pos));
  return out;
}

}  // namespace

NumberIndex::NumberIndex(const model::Plan& plan) {
  prefixes_ = {"図表-", "図表", "図", "表"};
  auto add = [&](const std::string& number) {
    std::string normal = Normalized(number);
    for (std::size_t pos = 0; pos < normal.size();) {
      std::size_t start = pos;
      std::string numeral;
      std::size_t end = Numeral(normal, start, numeral);
      DecodeAt(normal, pos);
      if (end == std::string_view::npos) continue;
      std::string prefix = normal.substr(0, start);
      bool named = false;  // a prefix of words, not only brackets: 「(1)」 has none
      for (std::size_t p = 0; p < prefix.size();) {
        if (text::IsJapanese(DecodeAt(prefix, p))) named = true;
      }
      if (named && !IsDigit(text::FirstCodepoint(prefix)) && prefix.find(' ') == std::string::npos) {
        prefixes_.push_back(prefix);
        known_.push_back(prefix + numeral);
      }
      return;
    }
  };
  model::ForEachBlock(plan, [&](const model::Block& block) {
    if (const auto* f = std::get_if<model::Figure>(&block)) add(f->number);
    if (const auto* t = std::get_if<model::Table>(&block)) add(t->number);
    if (const auto* m = std::get_if<model::MeasureList>(&block)) {
      for (const model::Measure& measure : m->items) add(measure.number);
    }
  });
  std::sort(prefixes_.begin(), prefixes_.end(),
            [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  prefixes_.erase(std::unique(prefixes_.begin(), prefixes_.end()), prefixes_.end());
  std::sort(known_.begin(), known_.end());
  for (const std::string& prefix : prefixes_) starts_.push_back(text::FirstCodepoint(prefix));
  std::sort(starts_.begin(), starts_.end());
  // Each start as written, and each full-width digit, dash or dot Normal() reads as it.
  std::vector<char32_t> written(starts_.begin(), starts_.end());
  for (char32_t c : {0xFF0DU, 0x2010U, 0x2011U, 0x2012U, 0x2013U, 0x2212U, 0xFF0EU}) written.push_back(c);
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) written.push_back(c);
  written.erase(std::remove_if(written.begin(), written.end(),
                               [this](char32_t c) { return !std::binary_search(starts_.begin(), starts_.end(), Normal(c)); }),
                written.end());
  start_filter_ = text::CharFilter(written);
}

std::vector<Mention> NumberIndex::Unknown(std::string_view text) const {
  std::vector<Mention> out;
  std::size_t covered = 0;  // mentions do not overlap: 「図表-3」 is not also 「表」
  // Most characters are told apart from every start by their first bytes.
  for (std::size_t pos = start_filter_.Next(text, 0); pos < text.size(); pos = start_filter_.Next(text, pos)) {
    const std::size_t begin = pos;
    const char32_t c = DecodeAt(text, pos);
    if (begin < covered || !std::binary_search(starts_.begin(), starts_.end(), Normal(c)) ||
        furigana::IsKanji(text::LastCodepoint(text.substr(0, begin)))) {
      continue;
    }
    for (const std::string& prefix : prefixes_) {
      std::size_t length = MatchPrefix(text, begin, prefix);
      if (length == std::string_view::npos) continue;
      std::string number = prefix;
      std::size_t end = Numeral(text, begin + length, number);
      if (end == std::string_view::npos) continue;
      covered = end;
      if (!std::binary_search(known_.begin(), known_.end(), number)) {
        out.push_back({begin, std::string(text.substr(begin, end - begin))});
      }
      break;
    }
  }
  return out;
}

std::vector<std::string> NumberIndex::Similar(const std::string& number) const {
  std::string normal = Normalized(number);
  std::vector<std::string> out;
  for (const std::string& prefix : prefixes_) {
    if (normal.rfind(prefix, 0) != 0) continue;
    for (const std::string& k : known_) {
      if (k.rfind(prefix, 0) == 0 && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
    break;
  }
  return out;
}

namespace {

void ReportUnknown(const NumberIndex& index, const model::Markdown& md, diag::Diagnostics& diags) {
  for (const Mention& m : index.Unknown(md.text)) {
    std::vector<std::string> similar = index.Similar(m.number);
    std::string list;
    for (std::size_t i = 0; i < similar.size() && i < 8; ++i) list += (list.empty() ? "" : "、") + similar[i];
    if (similar.size() > 8) list += " など";
    diags.Warning(markdown::PositionIn(md, m.offset), "ref.number",
                  "「" + m.number + "」は、この計画の図表や施策の番号にありません。",
                  list.empty() ? "番号を確かめてください。図表や施策を消したのなら、参照している文も直してください。"
                               : "番号を確かめてください（この計画にある番号: " + list + "）。");
  }
}

void ScheduleItems(const NumberIndex& index, const std::vector<model::ScheduleRow>& rows, diag::Diagnostics& diags) {
  for (const model::ScheduleRow& row : rows) {
    ReportUnknown(index, model::Markdown{row.item, row.item_pos}, diags);
    ScheduleItems(index, row.rows, diags);
  }
}

}  // namespace

void LintPlan(const model::Plan& plan, diag::Diagnostics& diags) {
  NumberIndex index(plan);
  model::ForEachMarkdown(plan, [&](const model::Markdown& md) { ReportUnknown(index, md, diags); });
  model::ForEachBlock(plan, [&](const model::Block& block) {
    if (const auto* s = std::get_if<model::Schedule>(&block)) ScheduleItems(index, s->rows, diags);
    const auto* t = std::get_if<model::Table>(&block);
    if (t && t->header.empty() && !t->row_header) {
      diags.Warning(t->pos, "lint.table-header", "表「" + t->caption + "」に見出しのセルがありません。",
                    "header: に列の見出しを書くか、row_header: true で各行の最初のセルを行の見出しにしてください。"
                    "見出しがないと、画面読み上げではセルが何の値か分かりません。");
    }
  });
}

}  // namespace keikaku::lint
