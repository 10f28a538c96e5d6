#include "render/term_order.h"

#include <catch2/catch.hpp>

using keikaku::model::GlossaryEntry;
using keikaku::render::GroupGlossary;
using keikaku::render::SortedGlossary;

namespace {

GlossaryEntry Entry(const std::string& term, const std::string& reading) {
  GlossaryEntry e;
  e.term = term;
  e.reading = reading;
  return e;
}

std::vector<const GlossaryEntry*> Pointers(const std::vector<GlossaryEntry>& glossary) {
  std::vector<const GlossaryEntry*> entries;
  for (const GlossaryEntry& e : glossary) entries.push_back(&e);
  return entries;
}

std::vector<std::string> Terms(const std::vector<const GlossaryEntry*>& entries) {
  std::vector<std::string> terms;
  for (const GlossaryEntry* e : entries) terms.push_back(e->term);
  return terms;
}

}  // namespace

TEST_CASE("a glossary sorts Latin-read terms A–Z first, then 五十音 order of the reading", "[glossary][order]") {
  std::vector<GlossaryEntry> glossary = {
      Entry("ガバメントクラウド", "がばめんとくらうど"),
      Entry("RPA", "あーるぴーえー"),
      Entry("オープンデータ", "おーぷんでーた"),
      Entry("e-Tax", "いーたっくす"),
      Entry("官民データ活用推進基本法", "かんみんでーたかつようすいしんきほんほう"),
      Entry("AI", "えーあい"),
      Entry("ＤＸ", "でぃーえっくす"),  // full-width letters are Latin too
      Entry("行政手続", "ぎょうせいてつづき"),
      Entry("デジタルデバイド", "でじたるでばいど"),
      Entry("キャッシュレス", "きゃっしゅれす"),
      Entry("ワンストップ", "わんすとっぷ"),
      Entry("アジャイル", "あじゃいる"),
      Entry("自治体情報システム", ""),  // no reading: sorts by the term, grouped under その他
  };
  std::vector<std::string> expected = {
      "AI", "ＤＸ", "e-Tax", "RPA",  // A–Z, case and width ignored
      "アジャイル", "オープンデータ",
      "ガバメントクラウド",   // が sorts with か, before き
      "官民データ活用推進基本法",
      "キャッシュレス",       // きゃ before ぎょ
      "行政手続",
      "デジタルデバイド", "ワンストップ",
      "自治体情報システム",
  };
  std::vector<std::string> terms = Terms(SortedGlossary(Pointers(glossary)));
  // The term without a reading is compared by its kanji, which ICU puts after kana.
  CHECK(terms == expected);
}

TEST_CASE("glossary groups: 英字, the kana rows, その他", "[glossary][order]") {
  std::vector<GlossaryEntry> glossary = {Entry("DX", "でぃーえっくす"), Entry("行政手続", "ぎょうせいてつづき"),
                                         Entry("ワンストップ", "わんすとっぷ"), Entry("電子申請", ""),
                                         Entry("ぴったりサービス", "")};
  std::vector<keikaku::render::TermGroup> groups = GroupGlossary(SortedGlossary(Pointers(glossary)));
  REQUIRE(groups.size() == 12);
  CHECK(groups[0].label == "英字");
  CHECK(Terms(groups[0].entries) == std::vector<std::string>{"DX"});
  CHECK(groups[2].id == "index-ka");
  CHECK(Terms(groups[2].entries) == std::vector<std::string>{"行政手続"});
  CHECK(Terms(groups[6].entries) == std::vector<std::string>{"ぴったりサービス"});  // kana term, no reading
  CHECK(Terms(groups[10].entries) == std::vector<std::string>{"ワンストップ"});
  CHECK(groups[11].label == "その他");
  CHECK(Terms(groups[11].entries) == std::vector<std::string>{"電子申請"});
  CHECK(groups[1].entries.empty());
}
