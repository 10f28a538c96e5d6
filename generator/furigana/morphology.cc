#include "furigana/morphology.h"

#include <mecab.h>

#include "text/kana.h"

namespace keikaku::furigana {
namespace {

// Field `index` of a MeCab feature CSV (ipadic fields hold no quoted commas).
std::string_view Field(std::string_view csv, int index) {
  for (int i = 0; i < index; ++i) {
    std::size_t comma = csv.find(',');
    if (comma == std::string_view::npos) return {};
    csv.remove_prefix(comma + 1);
  }
  return csv.substr(0, csv.find(','));
}

}  // namespace

const char* Morphology::DefaultDictionary() { return KEIKAKU_MECAB_DICDIR; }

std::unique_ptr<Morphology> Morphology::Open(const std::string& dicdir, std::string& error) {
  // -r /dev/null: no mecabrc, whose dictionary is whatever the system default is.
  std::string args = "-r /dev/null -d " + dicdir;
  std::unique_ptr<Morphology> m(new Morphology);
  m->model_.reset(MeCab::createModel(args.c_str()));
  if (m->model_) m->tagger_ = m->model_->createTagger();
  if (m->tagger_) m->lattice_ = m->model_->createLattice();
  if (!m->lattice_) {
    const char* why = MeCab::getLastError();
    error = why && *why ? why : "MeCab could not start";
    return nullptr;
  }
  return m;
}

std::unique_ptr<Morphology> Morphology::Fork() const {
  std::unique_ptr<Morphology> m(new Morphology);
  m->model_ = model_;
  m->tagger_ = model_->createTagger();
  m->lattice_ = model_->createLattice();
  return m;
}

Morphology::~Morphology() {
  delete lattice_;
  delete tagger_;
}

std::vector<Token> Morphology::Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::string sentence(text);
  lattice_->set_sentence(sentence.c_str());
  if (!tagger_->parse(lattice_)) return tokens;
  const char* start = lattice_->sentence();
  for (const MeCab::Node* n = lattice_->bos_node(); n; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE) continue;
    Token t;
    t.begin = static_cast<std::size_t>(n->surface - start);
    t.end = t.begin + n->length;
    std::string_view feature = n->feature;
    t.number = Field(feature, 0) == "名詞" && Field(feature, 1) == "数";
    if (n->stat != MECAB_UNK_NODE) {
      std::string_view reading = Field(feature, 7);
      if (reading != "*") t.reading = text::ToHiragana(reading);
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace keikaku::furigana
