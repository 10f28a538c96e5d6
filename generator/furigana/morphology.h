// Words and their readings from MeCab with the ipadic dictionary (dependencies.md §7).
#ifndef KEIKAKU_FURIGANA_MORPHOLOGY_H_
#define KEIKAKU_FURIGANA_MORPHOLOGY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace MeCab {
class Model;
class Tagger;
class Lattice;
}  // namespace MeCab

namespace keikaku::furigana {

struct Token {
  std::size_t begin, end;  ///< Byte range in the analysed text.
  std::string reading;     ///< Hiragana; empty for a word the dictionary does not know.
  bool number = false;     ///< A numeral (一, 二十): left as it is written.
};

class Morphology {
 public:
  /// The ipadic dictionary keikaku was built for (KEIKAKU_MECAB_DICDIR).
  static const char* DefaultDictionary();

  /// Loads the dictionary in `dicdir`; nullptr with the reason in `error` when it cannot.
  static std::unique_ptr<Morphology> Open(const std::string& dicdir, std::string& error);
  ~Morphology();

  /// Another tagger on the same loaded dictionary, for another thread (the dictionary is
  /// shared and read-only; each tagger has its own lattice).
  std::unique_ptr<Morphology> Fork() const;

  /// The words of `text`, in order. Not thread-safe (one lattice): one Morphology per thread.
  std::vector<Token> Tokenize(std::string_view text);

 private:
  Morphology() = default;
  std::shared_ptr<MeCab::Model> model_;
  MeCab::Tagger* tagger_ = nullptr;
  MeCab::Lattice* lattice_ = nullptr;
};

}  // namespace keikaku::furigana

#endif  // KEIKAKU_FURIGANA_MORPHOLOGY_H_
