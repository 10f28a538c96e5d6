// Automatic readings for plain text: the names of the readings file everywhere, and, where
// a page asks for it, every kanji word beyond a school grade, read by the glossary or MeCab.
#ifndef KEIKAKU_FURIGANA_ANNOTATOR_H_
#define KEIKAKU_FURIGANA_ANNOTATOR_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "furigana/morphology.h"
#include "furigana/ruby.h"
#include "text/term_matcher.h"

namespace keikaku::furigana {

/// A word whose reading is known without MeCab.
struct KnownReading {
  std::string word, reading;
};

/// What the annotator did, for the build summary and the benchmark.
struct AnnotatorStats {
  int names = 0;      ///< Readings-file names given their reading.
  int words = 0;      ///< Words with kanji looked at by automatic furigana.
  int ruby = 0;       ///< Ruby words they gave (位置付け gives two: 位置, 付).
  int unread = 0;     ///< Of those, words MeCab could not read.
  AnnotatorStats& operator+=(const AnnotatorStats& o) {
    names += o.names;
    words += o.words;
    ruby += o.ruby;
    unread += o.unread;
    return *this;
  }
  /// What was done between two readings of the figures.
  AnnotatorStats operator-(const AnnotatorStats& o) const {
    return {names - o.names, words - o.words, ruby - o.ruby, unread - o.unread};
  }
};

class Annotator {
 public:
  /// `names`: the readings file, always applied, read out to assistive technology (the
  /// first reading of a name listed twice wins).
  /// `words`: readings that win over MeCab's in automatic furigana (the glossary's).
  /// `morphology` may be null when no page asks for automatic furigana.
  Annotator(std::vector<KnownReading> names, std::vector<KnownReading> words, Morphology* morphology);

  /// Readings for plain `text`: names always; when `grade` is set, every word with a kanji
  /// taught after that grade (0: every kanji; 1–6: school grades; kJoyo: kanji outside
  /// 常用漢字). Numerals are left alone. Words with kanji that MeCab cannot read are added to
  /// `unread`.
  Pieces Annotate(std::string_view text, std::optional<int> grade, std::vector<std::string>* unread);
  /// False when Annotate would give `text` back as it is, without readings or findings:
  /// no automatic furigana and no name of the readings file in it.
  bool MayAnnotate(std::string_view text, std::optional<int> grade) const {
    return (grade && morphology_) || name_matcher_.Find(text).has_value();
  }

  const AnnotatorStats& stats() const { return stats_; }
  /// Adds what Annotate did for a text whose result was kept from an earlier build.
  void Count(const AnnotatorStats& replayed);
  /// The readings this annotator gives, as one text: two annotators with the same key
  /// annotate every text alike.
  const std::string& key() const { return key_; }

 private:
  void FreeText(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Token>& tokens,
                int grade, Pieces& out, std::vector<std::string>* unread);
  void MorphWords(std::string_view text, int grade, Pieces& out, std::vector<std::string>* unread);
  void Word(std::string_view surface, const Token& token, int grade, Pieces& out, std::vector<std::string>* unread);
  void AddAligned(const Pieces& aligned, int grade, Pieces& out);

  std::map<std::string, std::string> names_;  // name → reading
  // Glossary word → its reading aligned to it; nullopt when the reading does not fit the
  // word (then MeCab reads it).
  std::map<std::string, std::optional<Pieces>> words_;
  text::TermMatcher name_matcher_, word_matcher_;
  Morphology* morphology_;
  AnnotatorStats stats_;
  std::string key_;
};

/// Reports a word automatic furigana could not read (rule furigana.unknown).
void WarnUnread(diag::Diagnostics& diags, const diag::SourcePos& pos, const std::string& word);

/// True if some kanji of `base` is taught after `grade` (iteration marks such as 々 count
/// as the kanji they repeat).
bool NeedsReading(std::string_view base, int grade);

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_ANNOTATOR_H_
