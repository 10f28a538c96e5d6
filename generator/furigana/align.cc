#include "furigana/align.h"

#include "furigana/kanji.h"
#include "text/kana.h"
#include "text/utf8.h"

namespace keikaku::furigana {
namespace {

struct Segment {
  std::string text;
  bool kanji;
};

std::vector<Segment> Segments(std::string_view surface) {
  std::vector<Segment> out;
  std::size_t pos = 0;
  while (pos < surface.size()) {
    std::size_t at = pos;
    bool kanji = IsKanji(text::DecodeAt(surface, pos));
    if (out.empty() || out.back().kanji != kanji) out.push_back({"", kanji});
    out.back().text.append(surface.substr(at, pos - at));
  }
  return out;
}

// Reading of each segment; kana segments must match the reading literally. Kanji segments
// take the shortest reading that lets the rest fit.
bool Fit(const std::vector<Segment>& segs, std::size_t i, std::string_view reading, std::vector<std::string>& out) {
  if (i == segs.size()) return reading.empty();
  if (!segs[i].kanji) {
    std::string kana = text::ToHiragana(segs[i].text);
    if (reading.substr(0, kana.size()) != kana) return false;
    out[i] = segs[i].text;
    return Fit(segs, i + 1, reading.substr(kana.size()), out);
  }
  std::size_t pos = 0;
  while (pos < reading.size()) {
    text::DecodeAt(reading, pos);
    // The last segment takes all that is left.
    if (i + 1 == segs.size() && pos < reading.size()) continue;
    out[i] = std::string(reading.substr(0, pos));
    if (Fit(segs, i + 1, reading.substr(pos), out)) return true;
  }
  return false;
}

// The voiced form of a kana at the start of a word's second part (rendaku): つ → づ, か → が,
// は → ば and ぱ.
std::vector<std::string> Rendaku(const std::string& stem) {
  std::vector<std::string> forms = {stem};
  std::size_t pos = 0;
  char32_t c = text::DecodeAt(stem, pos);
  std::string rest = stem.substr(pos);
  auto add = [&](char32_t v) {
    std::string f;
    text::AppendUtf8(f, v);
    forms.push_back(f + rest);
  };
  // か…ご, さ…ぞ, た…ど: the voiced kana follows its plain one; は…ぽ: +1 voiced, +2 semi-voiced.
  if ((c >= U'か' && c <= U'ぢ' && (c - U'か') % 2 == 0) || c == U'つ' || c == U'て' || c == U'と') {
    add(c + 1);
  } else if (c >= U'は' && c <= U'ほ' && (c - U'は') % 3 == 0) {
    add(c + 1);
    add(c + 2);
  }
  return forms;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace

std::optional<Pieces> AlignReading(std::string_view surface, std::string_view reading) {
  std::vector<Segment> segs = Segments(surface);
  std::vector<std::string> parts(segs.size());
  if (!Fit(segs, 0, reading, parts)) return std::nullopt;
  Pieces out;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!segs[i].kanji) {
      AppendText(out, segs[i].text);
      continue;
    }
    if (parts[i].empty()) return std::nullopt;
    // Okurigana follows: the last kanji may be a word of its own (位置|付け, 手|続き).
    const std::string& base = segs[i].text;
    const std::size_t cut = text::LastCodepointStart(base);
    bool split = false;
    if (i + 1 < segs.size() && cut > 0) {
      for (const std::string& stem : KunStems(text::LastCodepoint(base))) {
        for (const std::string& form : Rendaku(stem)) {
          if (form.size() < parts[i].size() && EndsWith(parts[i], form)) {
            out.push_back({"", Ruby{base.substr(0, cut), {parts[i].substr(0, parts[i].size() - form.size())}}});
            out.push_back({"", Ruby{base.substr(cut), {form}}});
            split = true;
            break;
          }
        }
        if (split) break;
      }
    }
    if (!split) out.push_back({"", Ruby{base, {parts[i]}}});
  }
  return out;
}

}  // namespace keikaku::furigana
