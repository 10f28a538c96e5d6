#include <catch2/catch.hpp>

#include "furigana/align.h"
#include "furigana/annotator.h"
#include "furigana/html.h"
#include "furigana/kanji.h"
#include "furigana/syntax.h"

using namespace keikaku::furigana;

namespace {

// Pieces written compactly: plain text as is, ruby as 漢字(かんじ), mono ruby as
// 漢字(かん|じ), a name as 勝央[しょうおう].
std::string Show(const Pieces& pieces) {
  std::string out;
  for (const Piece& p : pieces) {
    if (!p.ruby) {
      out += p.text;
      continue;
    }
    std::string readings;
    for (const std::string& r : p.ruby->readings) readings += (readings.empty() ? "" : "|") + r;
    out += p.ruby->base + (p.ruby->name ? "[" + readings + "]" : "(" + readings + ")");
  }
  return out;
}

std::string Parse(std::string_view source, std::vector<SyntaxProblem>* problems = nullptr) {
  return Show(ParseRuby(MarkEscapes(source), problems));
}

std::string Align(std::string_view surface, std::string_view reading) {
  auto pieces = AlignReading(surface, reading);
  return pieces ? Show(*pieces) : "(none)";
}

Morphology& Mecab() {
  static std::unique_ptr<Morphology> m = [] {
    std::string error;
    auto opened = Morphology::Open(Morphology::DefaultDictionary(), error);
    INFO(error);
    REQUIRE(opened);
    return opened;
  }();
  return *m;
}

}  // namespace

TEST_CASE("Denden group and mono ruby", "[furigana]") {
  CHECK(Parse("{漢字|かんじ}を読む") == "漢字(かんじ)を読む");
  CHECK(Parse("{漢字|かん|じ}") == "漢字(かん|じ)");
  CHECK(Parse("前{勝央|しょうおう}町{大多喜|おお|た|き}後") == "前勝央(しょうおう)町大多喜(おお|た|き)後");
}

// ParseRuby and the Markdown renderer skip a text with none of the characters ruby syntax
// begins with: each of those characters, alone in a text, is seen.
TEST_CASE("a text without ruby syntax is seen to have none", "[furigana]") {
  CHECK_FALSE(MayHaveRuby(""));
  CHECK_FALSE(MayHaveRuby("三木町は行政手続のオンライン化を進める（令和5年度）。DX推進"));
  CHECK_FALSE(MayHaveRuby("全角の｛括弧｝と「》」だけ"));  // ｛ EF BD 9B, 》 E3 80 8B: not syntax
  CHECK_FALSE(MayHaveRuby("おぜ"));  // お E3 81 8A, ぜ E3 81 9C: the last bytes of 《 and ｜ only
  for (std::string_view mark : {"{", "|", "｜", "《", "\x01"}) {
    INFO(mark);
    CHECK(MayHaveRuby(std::string("計画") + std::string(mark) + "の"));
    CHECK(MayHaveRuby(mark));
  }
  CHECK(Show(ParseRuby("計画を進める", nullptr)) == "計画を進める");
  CHECK(Parse("漢字《かんじ》") == "漢字(かんじ)");
  CHECK(Parse("\\{漢字|かんじ}") == "{漢字|かんじ}");
}

TEST_CASE("Aozora and なろう ruby", "[furigana]") {
  CHECK(Parse("｜勝央町《しょうおうちょう》の") == "勝央町(しょうおうちょう)の");
  CHECK(Parse("|DX《ディーエックス》") == "DX(ディーエックス)");
  // Without the bar, the reading covers the run of kanji just before 《.
  CHECK(Parse("この計画書《けいかくしょ》は") == "この計画書(けいかくしょ)は");
  CHECK(Parse("かな《かな》") == "かな《かな》");  // no kanji before: text
  CHECK(Parse("｜勝央《しょうおう》町と大多喜《おおたき》") == "勝央(しょうおう)町と大多喜(おおたき)");
}

TEST_CASE("ruby syntax edge cases stay text", "[furigana]") {
  CHECK(Parse("{abc}と{}") == "{abc}と{}");
  // Nested braces: only the inner pair is ruby.
  CHECK(Parse("{外{内|うち}|そと}") == "{外内(うち)|そと}");
  CHECK(Parse("{漢字|かんじ") == "{漢字|かんじ");
  CHECK(Parse("{漢字\n|かんじ}") == "{漢字\n|かんじ}");
  CHECK(Parse("《》と｜だけ") == "《》と｜だけ");
}

TEST_CASE("empty readings are reported and left as text", "[furigana]") {
  std::vector<SyntaxProblem> problems;
  CHECK(Parse("a{漢字|}b{|かんじ}c漢字《》", &problems) == "a{漢字|}b{|かんじ}c漢字《》");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].rule == "ruby.empty");
  CHECK(problems[0].offset == 1);
  CHECK(problems[1].offset == std::string("a{漢字|}b").size());
  CHECK(problems[2].offset == std::string("a{漢字|}b{|かんじ}c漢字").size());
}

TEST_CASE("mono ruby whose counts differ becomes group ruby, with a warning", "[furigana]") {
  std::vector<SyntaxProblem> problems;
  CHECK(Parse("{東京都|とう|きょう}", &problems) == "東京都(とうきょう)");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].rule == "ruby.mono-count");
}

TEST_CASE("a backslash writes ruby syntax literally", "[furigana]") {
  CHECK(Parse("\\{漢字|かんじ}") == "{漢字|かんじ}");
  CHECK(Parse("{漢字|かんじ\\}") == "{漢字|かんじ}");
  CHECK(Parse("漢字\\《かんじ》") == "漢字《かんじ》");
  CHECK(Parse("\\｜漢字《かんじ》") == "｜漢字(かんじ)");  // 《 still reads the kanji run
  CHECK(Parse("\\\\{漢字|かんじ}") == "\\\\漢字(かんじ)");  // an escaped backslash escapes nothing
  CHECK(MarkEscapes("\\{a\\|b\\《") == std::string("\x01{a\\|b\x01《"));
  CHECK(RestoreEscapes(MarkEscapes("\\{x\\}")) == "\\{x\\}");
  CHECK(DropEscapes(MarkEscapes("\\{x\\}")) == "{x}");
}

TEST_CASE("ruby HTML hides the reading from assistive technology, or the base of a name", "[furigana]") {
  CHECK(RubyHtml({"推進", {"すいしん"}}) ==
        "<ruby>推進<rp>（</rp><rt aria-hidden=\"true\">すいしん</rt><rp>）</rp></ruby>");
  CHECK(RubyHtml({"漢字", {"かん", "じ"}}) ==
        "<ruby>漢<rp>（</rp><rt aria-hidden=\"true\">かん</rt><rp>）</rp>"
        "字<rp>（</rp><rt aria-hidden=\"true\">じ</rt><rp>）</rp></ruby>");
  CHECK(RubyHtml({"勝央", {"しょうおう"}, true}) ==
        "<span class=\"kana-sr\">しょうおう</span><ruby aria-hidden=\"true\">勝央<rp>（</rp><rt>しょうおう</rt><rp>）</rp></ruby>");
  CHECK(PiecesHtml(ParseRuby("<b>{A&B|え&び}", nullptr)) ==
        "&lt;b&gt;<ruby>A&amp;B<rp>（</rp><rt aria-hidden=\"true\">え&amp;び</rt><rp>）</rp></ruby>");
}

TEST_CASE("KANJIDIC2 grades match the 2020 学年別漢字配当表", "[furigana]") {
  CHECK(CountAtGrade(1) == 80);
  CHECK(CountAtGrade(2) == 160);
  CHECK(CountAtGrade(3) == 200);
  CHECK(CountAtGrade(4) == 202);
  CHECK(CountAtGrade(5) == 193);
  CHECK(CountAtGrade(6) == 191);
  CHECK(CountAtGrade(kJoyo) == 1110);  // the other 常用漢字: 2,136 in all
  CHECK(SchoolGrade(U'一') == 1);
  CHECK(SchoolGrade(U'岡') == 4);  // a prefecture kanji, moved to grade 4 in 2020
  CHECK(SchoolGrade(U'策') == 6);
  CHECK(SchoolGrade(U'勝') == 3);
  CHECK(SchoolGrade(U'梁') == kNotJoyo);
  CHECK(SchoolGrade(U'あ') == kNotJoyo);
  CHECK(IsKanji(U'々'));
  CHECK_FALSE(IsKanji(U'ア'));
}

TEST_CASE("readings are aligned so that okurigana stay outside the ruby", "[furigana]") {
  CHECK(Align("位置付け", "いちづけ") == "位置(いち)付(づ)け");
  CHECK(Align("取り扱い", "とりあつかい") == "取(と)り扱(あつか)い");
  CHECK(Align("手続き", "てつづき") == "手(て)続(つづ)き");
  CHECK(Align("行政", "ぎょうせい") == "行政(ぎょうせい)");
  CHECK(Align("関する", "かんする") == "関(かん)する");
  CHECK(Align("オンライン化", "おんらいんか") == "オンライン化(か)");
  CHECK(Align("行う", "おこなう") == "行(おこな)う");
  CHECK(Align("行う", "いく") == "(none)");
}

TEST_CASE("grade thresholds: a word gets a reading when one of its kanji is taught later", "[furigana]") {
  CHECK_FALSE(NeedsReading("学校", 1));  // 学 校: grade 1
  CHECK(NeedsReading("行政", 3));        // 政: grade 5
  CHECK_FALSE(NeedsReading("行政", 5));
  CHECK(NeedsReading("人々", 0));
  CHECK_FALSE(NeedsReading("人々", 1));
  CHECK(NeedsReading("推進", 5));  // 推: grade 6
  CHECK_FALSE(NeedsReading("推進", kJoyo));
  CHECK(NeedsReading("梁", kJoyo));
}

TEST_CASE("automatic furigana reads words with MeCab, beyond the grade only", "[furigana]") {
  Annotator a({}, {}, &Mecab());
  std::vector<std::string> unread;
  CHECK(Show(a.Annotate("行政手続のオンライン化を推進する", 3, &unread)) ==
        "行政(ぎょうせい)手続(てつづき)のオンライン化を推進(すいしん)する");  // 化: grade 3
  CHECK(Show(a.Annotate("行政手続のオンライン化を推進する", 6, &unread)) == "行政手続のオンライン化を推進する");
  CHECK(Show(a.Annotate("本町の位置付けに関する", 3, &unread)) == "本町の位置(いち)付(づ)けに関(かん)する");
  // Numerals, digits and Latin letters are left alone.
  CHECK(Show(a.Annotate("第一に、2025年度のDX", 0, &unread)) == "第(だい)一に、2025年度(ねんど)のDX");
  CHECK(unread.empty());
  CHECK(a.stats().unread == 0);
}

TEST_CASE("the readings file wins over MeCab and applies without automatic furigana", "[furigana]") {
  Annotator a({{"勝央町", "しょうおうちょう"}, {"勝央", "しょうおう"}, {"高梁", "たかはし"}}, {{"利活用", "りかつよう"}},
              &Mecab());
  CHECK(Show(a.Annotate("勝央町と高梁市", std::nullopt, nullptr)) == "勝央町[しょうおうちょう]と高梁[たかはし]市");
  // ipadic reads a town's 町 as まち: the readings file names the town with its 町.
  CHECK(Show(a.Annotate("勝央の高梁市", 0, nullptr)) == "勝央[しょうおう]の高梁[たかはし]市(し)");
  CHECK(Show(a.Annotate("勝央町と高梁市", 3, nullptr)) == "勝央町[しょうおうちょう]と高梁[たかはし]市");
  CHECK(a.stats().names == 6);
  // The glossary's reading wins over MeCab's segmentation.
  CHECK(Show(a.Annotate("データの利活用", 0, nullptr)) == "データの利活用(りかつよう)");
  CHECK(Show(a.Annotate("データの利活用", std::nullopt, nullptr)) == "データの利活用");
}

TEST_CASE("words MeCab cannot read are reported", "[furigana]") {
  Annotator a({}, {}, &Mecab());
  std::vector<std::string> unread;
  Pieces p = a.Annotate("彁を見た", 0, &unread);
  CHECK(Show(p) == "彁を見(み)た");
  CHECK(unread == std::vector<std::string>{"彁"});
  CHECK(a.stats().words == 2);
  CHECK(a.stats().unread == 1);
}
