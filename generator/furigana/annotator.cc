#include "furigana/annotator.h"

#include <algorithm>

#include "furigana/align.h"
#include "furigana/kanji.h"
#include "text/utf8.h"

namespace keikaku::furigana {
namespace {

template <typename Map>
std::vector<std::string> Keys(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first);
  return keys;
}

std::map<std::string, std::string> NameMap(const std::vector<KnownReading>& names) {
  std::map<std::string, std::string> map;
  for (const KnownReading& n : names) map.emplace(n.word, n.reading);
  return map;
}

std::map<std::string, std::optional<Pieces>> AlignedWords(const std::vector<KnownReading>& words) {
  std::map<std::string, std::optional<Pieces>> map;
  for (const KnownReading& w : words) map.emplace(w.word, AlignReading(w.word, w.reading));
  return map;
}

bool HasKanji(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (IsKanji(text::DecodeAt(s, pos))) return true;
  }
  return false;
}

}  // namespace

void WarnUnread(diag::Diagnostics& diags, const diag::SourcePos& pos, const std::string& word) {
  diags.Warning(pos, "furigana.unknown", "「" + word + "」の読みが辞書にないため、ふりがなを付けていません。",
                "読みを付けるなら {" + word + "|よみ} のように書くか、名前なら読みのファイル（site.yaml の furigana: readings）に加えてください。");
}

bool NeedsReading(std::string_view base, int grade) {
  std::size_t pos = 0;
  while (pos < base.size()) {
    char32_t c = text::DecodeAt(base, pos);
    if (c == U'々' || c == U'〆' || c == U'ヶ' || !IsKanji(c)) continue;
    if (SchoolGrade(c) > grade) return true;
  }
  return false;
}

Annotator::Annotator(std::vector<KnownReading> names, std::vector<KnownReading> words, Morphology* morphology)
    : names_(NameMap(names)),
      words_(AlignedWords(words)),
      name_matcher_(Keys(names_)),
      word_matcher_(Keys(words_)),
      morphology_(morphology) {
  key_ = morphology ? "mecab\n" : "\n";
  for (const auto* list : {&names, &words}) {
    for (const KnownReading& r : *list) key_ += r.word + '\0' + r.reading + '\0';
    key_ += '\n';
  }
}

void Annotator::Count(const AnnotatorStats& replayed) { stats_ += replayed; }

Pieces Annotator::Annotate(std::string_view text, std::optional<int> grade, std::vector<std::string>* unread) {
  // Ranges whose reading is known: the names, and (for automatic furigana) glossary words.
  struct Known {
    std::size_t begin, end;
    const Pieces* word;  // a glossary word's aligned reading; null for a name
    std::string name;
  };
  std::vector<Known> known;
  const bool automatic = grade && morphology_;
  auto add_words = [&](std::size_t from, std::size_t to) {
    if (!automatic) return;
    std::string_view part = text.substr(0, to);
    for (auto m = word_matcher_.Find(part, from); m; m = word_matcher_.Find(part, m->end)) {
      // A glossary reading that does not fit its term is left to MeCab.
      if (const auto& aligned = words_.at(m->name)) known.push_back({m->begin, m->end, &*aligned, {}});
    }
  };
  std::size_t from = 0;
  for (auto m = name_matcher_.Find(text); m; m = name_matcher_.Find(text, m->end)) {
    add_words(from, m->begin);
    known.push_back({m->begin, m->end, nullptr, m->name});
    from = m->end;
  }
  add_words(from, text.size());
  std::sort(known.begin(), known.end(), [](const Known& a, const Known& b) { return a.begin < b.begin; });

  // MeCab reads the whole text, so that words next to a name keep their context (勝央町:
  // 町 is ちょう, not まち); its words inside a known range are not used.
  std::vector<Token> tokens;
  if (automatic) tokens = morphology_->Tokenize(text);
  Pieces out;
  std::size_t at = 0;
  auto free_text = [&](std::size_t end) {
    if (automatic) {
      FreeText(text, at, end, tokens, *grade, out, unread);
    } else {
      AppendText(out, text.substr(at, end - at));
    }
    at = end;
  };
  for (const Known& k : known) {
    free_text(k.begin);
    if (k.word) {
      ++stats_.words;
      AddAligned(*k.word, *grade, out);
    } else {
      ++stats_.names;
      out.push_back({"", Ruby{k.name, {names_.at(k.name)}, /*name=*/true}});
    }
    at = k.end;
  }
  free_text(text.size());
  return out;
}

void Annotator::FreeText(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Token>& tokens,
                         int grade, Pieces& out, std::vector<std::string>* unread) {
  std::size_t done = begin;
  for (const Token& t : tokens) {
    if (t.begin < begin || t.end > end) continue;
    if (t.begin > done) {
      // A word MeCab read across a known range's edge: read what lies outside on its own.
      std::string_view rest = text.substr(done, t.begin - done);
      MorphWords(rest, grade, out, unread);
      done = t.begin;
    }
    Word(text.substr(t.begin, t.end - t.begin), t, grade, out, unread);
    done = t.end;
  }
  if (done < end) MorphWords(text.substr(done, end - done), grade, out, unread);
}

void Annotator::MorphWords(std::string_view text, int grade, Pieces& out, std::vector<std::string>* unread) {
  if (!HasKanji(text)) {
    AppendText(out, text);
    return;
  }
  std::size_t done = 0;
  for (const Token& t : morphology_->Tokenize(text)) {
    AppendText(out, text.substr(done, t.begin - done));
    Word(text.substr(t.begin, t.end - t.begin), t, grade, out, unread);
    done = t.end;
  }
  AppendText(out, text.substr(done));
}

void Annotator::Word(std::string_view surface, const Token& t, int grade, Pieces& out,
                     std::vector<std::string>* unread) {
  if (t.number || !HasKanji(surface)) {
    AppendText(out, surface);
    return;
  }
  ++stats_.words;
  std::optional<Pieces> aligned;
  if (!t.reading.empty()) aligned = AlignReading(surface, t.reading);
  if (aligned) {
    AddAligned(*aligned, grade, out);
    return;
  }
  // No reading, or one that does not fit the written form: the word stays without ruby.
  if (t.reading.empty()) {
    ++stats_.unread;
    if (unread) unread->emplace_back(surface);
  }
  AppendText(out, surface);
}

void Annotator::AddAligned(const Pieces& aligned, int grade, Pieces& out) {
  for (const Piece& p : aligned) {
    if (p.ruby && NeedsReading(p.ruby->base, grade)) {
      out.push_back(p);
      ++stats_.ruby;
    } else {
      AppendText(out, p.ruby ? p.ruby->base : p.text);
    }
  }
}

}  // namespace keikaku::furigana
