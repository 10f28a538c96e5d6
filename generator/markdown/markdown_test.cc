#include "markdown/markdown.h"

#include <catch2/catch.hpp>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <random>
#include <set>
#include <thread>
#include <vector>

namespace {

using keikaku::diag::Diagnostics;
using keikaku::markdown::Options;
using keikaku::markdown::Render;
using keikaku::model::Markdown;

std::string Html(const std::string& text, Options options = {}) {
  Diagnostics diags;
  std::string html = Render(Markdown{text, {"f.yaml", 3, 5}}, options, diags).html;
  CHECK_FALSE(diags.has_errors());
  return html;
}

const std::vector<std::string> kKnownTerms = {"CIO", "CISO", "DX", "デジタル・トランスフォーメーション"};

// DX (with an alias) is in the glossary; each reference gets the next id, as a page's term
// list does.
Options WithGlossary() {
  Options o;
  o.term_link = [n = 0](const std::string& t) mutable -> std::optional<keikaku::markdown::TermLink> {
    if (t != "DX" && t != "デジタル・トランスフォーメーション") return std::nullopt;
    return keikaku::markdown::TermLink{"#term-dx", "ref-term-dx-" + std::to_string(++n)};
  };
  o.known_terms = &kKnownTerms;
  return o;
}

// "一行目\n二行目の…" as a `|` block at 7:9 indented by 8 (load::MapScalar): line 8 from
// column 9, its line break, line 9 from column 9.
std::vector<keikaku::model::SourceAnchor> BlockAnchors() { return {{0, 8, 9}, {9, 8, 12}, {10, 9, 9}}; }

}  // namespace

TEST_CASE("a line break next to Japanese characters disappears", "[markdown]") {
  CHECK(Html("本町では、\nDXを推進します。\n行政手続の\nオンライン化") ==
        "<p>本町では、DXを推進します。行政手続のオンライン化</p>\n");
}

TEST_CASE("a line break between Latin words stays a space", "[markdown]") {
  CHECK(Html("Digital\nTransformation") == "<p>Digital\nTransformation</p>\n");
}

TEST_CASE("line breaks around emphasis use the characters inside it", "[markdown]") {
  CHECK(Html("重要な\n**取組**\nです") == "<p>重要な<strong>取組</strong>です</p>\n");
}

TEST_CASE("glossary references become links named as term explanations", "[markdown]") {
  CHECK(Html("デジタル・トランスフォーメーション（[[DX]]）を進める", WithGlossary()) ==
        "<p>デジタル・トランスフォーメーション（<a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX"
        "<span class=\"vh\">（用語解説）</span></a>）を進める</p>\n");
  CHECK(Html("[[デジタル・トランスフォーメーション|DXの取組]]と[[DX]]", WithGlossary()) ==
        "<p><a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DXの取組<span class=\"vh\">（用語解説）</span></a>"
        "と<a class=\"term\" id=\"ref-term-dx-2\" href=\"#term-dx\">DX<span class=\"vh\">（用語解説）</span></a></p>\n");
}

TEST_CASE("glossary references are not made inside code or links", "[markdown]") {
  CHECK(Html("`[[DX]]` と [[[DX]]](https://example.jp/)", WithGlossary()) ==
        "<p><code>[[DX]]</code> と <a href=\"https://example.jp/\">[[DX]]</a></p>\n");
}

TEST_CASE("an unknown glossary term is an error at its line and column", "[markdown]") {
  Diagnostics diags;
  Markdown md{"一行目\n二行目の[[CIO]]です", {"c.yaml", 7, 9}};
  md.anchors = BlockAnchors();
  Render(md, WithGlossary(), diags);
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.rule == "ref.glossary");
  CHECK(d.pos.line == 9);
  CHECK(d.pos.column == 13);
  CHECK(d.message == "用語集にない用語「CIO」が参照されています。");
}

TEST_CASE("positions follow the anchors; without them the text is as written from pos", "[markdown]") {
  using keikaku::markdown::PositionIn;
  Markdown block{"一行目\n二行目の[[CIO]]です", {"c.yaml", 7, 9}};
  block.anchors = BlockAnchors();
  CHECK(PositionIn(block, 0).line == 8);  // the first character, not the `|` at 7:9
  CHECK(PositionIn(block, 0).column == 9);
  CHECK(PositionIn(block, 3).column == 10);
  CHECK(PositionIn(block, 9).column == 12);  // the line break
  CHECK(PositionIn(block, 13).line == 9);
  CHECK(PositionIn(block, 13).column == 10);
  CHECK(PositionIn(block, 1000).column == 9 + 13);  // past the end: its end
  // "\"引用\"と[[X]]" at 4:5: the quote, an escape, 引用, an escape, then the rest.
  Markdown quoted{"\"引用\"と[[X]]", {"c.yaml", 4, 5}};
  quoted.anchors = {{0, 4, 6}, {1, 4, 8}, {7, 4, 10}, {8, 4, 12}};
  CHECK(PositionIn(quoted, 0).column == 6);
  CHECK(PositionIn(quoted, 4).column == 9);
  CHECK(PositionIn(quoted, 11).column == 13);
  CHECK(PositionIn(quoted, 11).file == "c.yaml");
  Markdown plain{"一行目\n二行目", {"c.yaml", 4, 5}};
  CHECK(PositionIn(plain, 3).column == 6);
  CHECK(PositionIn(plain, 10).line == 5);
  CHECK(PositionIn(plain, 13).column == 2);
}

TEST_CASE("an unknown glossary term suggests the nearest known term", "[markdown]") {
  Diagnostics diags;
  Render(Markdown{"[[CISOO]]の役割", {"c.yaml", 3, 5}}, WithGlossary(), diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].hint.rfind("「CISO」のことですか？", 0) == 0);
}

TEST_CASE("raw HTML and javascript: links never reach the page", "[markdown]") {
  std::string html = Html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=x>b</b>");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  // Each dangerous scheme, any case; images may hold pictures as data: URLs, links may not.
  for (const char* url : {"JavaScript:alert(1)", "vbscript:x", "file:///etc/passwd", "data:text/html,x"}) {
    INFO(url);
    CHECK(Html(std::string("[x](") + url + ")") == "<p><a href=\"\">x</a></p>\n");
  }
  CHECK(Html("![地図](data:image/png;base64,AA==)") == "<p><img src=\"data:image/png;base64,AA==\" alt=\"地図\" /></p>\n");
  CHECK(Html("![x](data:text/html,x)") == "<p><img src=\"\" alt=\"x\" /></p>\n");
  CHECK(Html("[町](https://example.jp/)") == "<p><a href=\"https://example.jp/\">町</a></p>\n");
}

TEST_CASE("references and English phrases work inside GFM table cells", "[markdown]") {
  // A table cell refuses extension nodes (dependencies.md); keikaku's markup still gets in.
  std::string html = Html("| 用語 |\n|---|\n| [[DX]]の推進 |\n| Digital Transformation |\n", WithGlossary());
  INFO(html);
  CHECK(html.find("<td><a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX<span class=\"vh\">（用語解説）</span></a>の推進</td>") !=
        std::string::npos);
  CHECK(html.find("<td><span lang=\"en\">Digital Transformation</span></td>") != std::string::npos);
}

TEST_CASE("raw HTML is a warning at its line and column, not silently lost", "[markdown]") {
  Diagnostics diags;
  Markdown md{"一行目\n二行目の<b>強調</b>です", {"c.yaml", 7, 9}};
  md.anchors = BlockAnchors();
  std::string html = Render(md, {}, diags).html;
  CHECK(html.find("<b>") == std::string::npos);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(diags.items().size() == 2);
  const auto& d = diags.items()[0];
  CHECK(d.rule == "markdown.raw-html");
  CHECK(d.pos.line == 9);
  CHECK(d.pos.column == 13);
  CHECK(d.message == "HTML のタグ「<b>」は使えないため、ページに表示されません。");
  CHECK(diags.items()[1].pos.column == 18);  // the closing </b>
}

TEST_CASE("English phrases carry lang=en; acronyms and single words do not", "[markdown]") {
  CHECK(Html("デジタル・トランスフォーメーション (Digital Transformation) の略") ==
        "<p>デジタル・トランスフォーメーション (<span lang=\"en\">Digital Transformation</span>) の略</p>\n");
  CHECK(Html("Internet of Things と Robotic Process Automation") ==
        "<p><span lang=\"en\">Internet of Things</span> と <span lang=\"en\">Robotic Process Automation</span></p>\n");
  CHECK(Html("DX と ICT、AI RPA、Web 会議、Society 5.0、Society1.0、Ver.2.0") ==
        "<p>DX と ICT、AI RPA、Web 会議、Society 5.0、Society1.0、Ver.2.0</p>\n");
  CHECK(Html("**Digital Transformation** の略") ==
        "<p><strong><span lang=\"en\">Digital Transformation</span></strong> の略</p>\n");
}

// cmark-gfm changes a process-wide table of characters around each parse (dependencies.md
// §1); keikaku keeps the table fixed so that parses can run at once. Threads that each render
// a text using every inline extension many times must all get what one thread gets: with the
// table changing under them, about half of such renders lost their autolinks or strikethrough.
TEST_CASE("Markdown parses on several threads at once as on one", "[markdown][parallel]") {
  const std::string text =
      "詳しくは https://www.example.jp/dx を、 www.example.org も見てください。~~旧方針~~は改めます。\n\n"
      "| 項目 | 内容 |\n| --- | --- |\n| 窓口 | ~~紙~~ オンライン https://example.jp |\n\n"
      "問い合わせは info@example.jp へ。";
  const std::string expected = Html(text);
  REQUIRE(expected.find("<del>旧方針</del>") != std::string::npos);
  REQUIRE(expected.find("href=\"http://www.example.org\"") != std::string::npos);
  REQUIRE(expected.find("<table>") != std::string::npos);
  constexpr int kThreads = 4, kRenders = 300;
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRenders; ++i) {
        Diagnostics diags;
        if (Render(Markdown{text, {"f.yaml", 1, 1}}, {}, diags).html != expected) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) CHECK(wrong[t] == 0);
}

TEST_CASE("GFM tables, strikethrough and autolinks work", "[markdown]") {
  CHECK(Html("| a | b |\n|---|---|\n| 1 | 2 |").find("<table>") != std::string::npos);
  CHECK(Html("~~古い~~").find("<del>古い</del>") != std::string::npos);
  CHECK(Html("https://example.jp/ を参照").find("<a href=\"https://example.jp/\">") != std::string::npos);
}

TEST_CASE("headings shift below the enclosing section and stop at h6", "[markdown]") {
  Options o;
  o.heading_offset = 3;
  CHECK(Html("# 見出し\n\n### 深い", o) == "<h4>見出し</h4>\n<h6>深い</h6>\n");
}

TEST_CASE("footnotes get Japanese labels and page-unique ids", "[markdown]") {
  Options o;
  o.id_prefix = "f2-";
  std::string html = Html("本文[^1]\n\n[^1]: 注記", o);
  CHECK(html.find("aria-label=\"本文に戻る\"") != std::string::npos);
  CHECK(html.find("Back to content") == std::string::npos);
  CHECK(html.find("id=\"f2-fn-1\"") != std::string::npos);
  CHECK(html.find("href=\"#f2-fnref-1\"") != std::string::npos);
}

TEST_CASE("a lone paragraph can render without <p>", "[markdown]") {
  Options o;
  o.unwrap_paragraph = true;
  CHECK(Html("セルの文", o) == "セルの文");
  CHECK(Html("段落1\n\n段落2", o) == "<p>段落1</p>\n<p>段落2</p>\n");
}

namespace {

// Automatic linking of DX, BPR and デジタル・トランスフォーメーション; `once` links each
// term only the first time, as a page does.
struct AutoGlossary {
  keikaku::text::TermMatcher matcher{{"DX", "BPR", "デジタル", "デジタル・トランスフォーメーション"}};
  std::set<std::string> linked;
  Options Make(bool once) {
    Options o = WithGlossary();
    o.auto_terms = &matcher;
    o.auto_link = [this, once](const std::string& t) -> std::optional<keikaku::markdown::TermLink> {
      if (once && !linked.insert(t).second) return std::nullopt;
      return keikaku::markdown::TermLink{"#auto-" + t, ""};
    };
    return o;
  }
};

const std::string kVh = "<span class=\"vh\">（用語解説）</span></a>";

}  // namespace

TEST_CASE("automatic links: glossary names in running text, longest first", "[markdown][autolink]") {
  AutoGlossary g;
  CHECK(Html("本町のデジタル・トランスフォーメーションとBPR", g.Make(false)) ==
        "<p>本町の<a class=\"term\" href=\"#auto-デジタル・トランスフォーメーション\">デジタル・トランスフォーメーション" + kVh +
            "と<a class=\"term\" href=\"#auto-BPR\">BPR" + kVh + "</p>\n");
  // Latin names stop at Latin letters and digits, not at Japanese.
  CHECK(Html("IDXとDXA", g.Make(false)) == "<p>IDXとDXA</p>\n");
  CHECK(Html("DX推進", g.Make(false)) == "<p><a class=\"term\" href=\"#auto-DX\">DX" + kVh + "推進</p>\n");
}

TEST_CASE("automatic links: only where the page wants them (first occurrence)", "[markdown][autolink]") {
  AutoGlossary g;
  CHECK(Html("DXとDXとBPR", g.Make(true)) == "<p><a class=\"term\" href=\"#auto-DX\">DX" + kVh + "とDXと" +
                                                "<a class=\"term\" href=\"#auto-BPR\">BPR" + kVh + "</p>\n");
  // The page remembers across fragments.
  CHECK(Html("DXとBPR", g.Make(true)) == "<p>DXとBPR</p>\n");
  // Document order: the first occurrence is linked even when an explicit reference follows;
  // explicit references are always links.
  AutoGlossary fresh;
  CHECK(Html("DXとDXと[[DX]]", fresh.Make(true)) ==
        "<p><a class=\"term\" href=\"#auto-DX\">DX" + kVh + "とDXと<a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX" +
            kVh + "</p>\n");
}

TEST_CASE("automatic links: never in headings, links, code or another reference", "[markdown][autolink]") {
  AutoGlossary g;
  CHECK(Html("# DXの推進", g.Make(false)) == "<h1>DXの推進</h1>\n");
  CHECK(Html("[DXの説明](https://example.jp/)", g.Make(false)) == "<p><a href=\"https://example.jp/\">DXの説明</a></p>\n");
  CHECK(Html("`DX` と\n\n```\nBPR\n```", g.Make(false)) == "<p><code>DX</code> と</p>\n<pre><code>BPR\n</code></pre>\n");
  // An explicit reference keeps its own link; the automatic pass does not nest one inside.
  std::string html = Html("[[DX|DXの推進]]", g.Make(false));
  CHECK(html == "<p><a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DXの推進" + kVh + "</p>\n");
  // A declined longer name does not let a shorter one inside it be linked.
  AutoGlossary once;
  Html("デジタル・トランスフォーメーション", once.Make(true));
  CHECK(Html("デジタル・トランスフォーメーション", once.Make(true)) == "<p>デジタル・トランスフォーメーション</p>\n");
}

TEST_CASE("automatic links: table cells are text too", "[markdown][autolink]") {
  AutoGlossary g;
  std::string html = Html("| 項目 |\n|---|\n| DXの推進 |\n", g.Make(false));
  INFO(html);
  CHECK(html.find("<td><a class=\"term\" href=\"#auto-DX\">DX" + kVh + "の推進</td>") != std::string::npos);
}

namespace {

const char* const kRt = "<rp>（</rp><rt aria-hidden=\"true\">";
std::string Ruby(const std::string& base, const std::string& reading) {
  return "<ruby>" + base + kRt + reading + "</rt><rp>）</rp></ruby>";
}

keikaku::furigana::Morphology& Mecab() {
  static std::unique_ptr<keikaku::furigana::Morphology> m = [] {
    std::string error;
    return keikaku::furigana::Morphology::Open(keikaku::furigana::Morphology::DefaultDictionary(), error);
  }();
  REQUIRE(m);
  return *m;
}

// Automatic linking with its own names; `offered` records every name offered to the
// callback, which links only a name's first occurrence.
struct RecordingGlossary {
  keikaku::text::TermMatcher matcher;
  std::vector<std::string> offered;
  std::set<std::string> linked;
  explicit RecordingGlossary(std::vector<std::string> names) : matcher(names) {}
  Options Make() {
    Options o;
    o.auto_terms = &matcher;
    o.auto_link = [this](const std::string& t) -> std::optional<keikaku::markdown::TermLink> {
      offered.push_back(t);
      if (!linked.insert(t).second) return std::nullopt;
      return keikaku::markdown::TermLink{"#auto-" + t, ""};
    };
    return o;
  }
};

std::string AutoA(const std::string& name) {
  return "<a class=\"term\" href=\"#auto-" + name + "\">" + name + kVh;
}

}  // namespace

TEST_CASE("ruby in prose, emphasis, links and headings", "[markdown][furigana]") {
  CHECK(Html("{勝央|しょうおう}町の｜大多喜《おおたき》") == "<p>" + Ruby("勝央", "しょうおう") + "町の" + Ruby("大多喜", "おおたき") + "</p>\n");
  // (CommonMark closes * before 。 but not before と: a flanking rule, not ruby's.)
  CHECK(Html("*{強調|きょうちょう}*。[{案内|あんない}](https://example.jp/)") ==
        "<p><em>" + Ruby("強調", "きょうちょう") + "</em>。<a href=\"https://example.jp/\">" + Ruby("案内", "あんない") +
            "</a></p>\n");
  CHECK(Html("## 第1章 {推進|すいしん}") == "<h2>第1章 " + Ruby("推進", "すいしん") + "</h2>\n");
  // Mono ruby; a reading split by a line break inside the sentence.
  CHECK(Html("{漢字|かん|じ}と{計画|けい\nかく}") ==
        "<p><ruby>漢" + std::string(kRt) + "かん</rt><rp>）</rp>字" + kRt + "じ</rt><rp>）</rp></ruby>と" +
            Ruby("計画", "けいかく") + "</p>\n");
}

TEST_CASE("ruby in GFM table cells: the bar is escaped there", "[markdown][furigana]") {
  std::string html = Html("| 町 | 読み |\n|---|---|\n| {勝央|しょうおう}町 | x |\n| {勝央\\|しょうおう}町 | y |\n");
  // An unescaped | splits the cell, as GFM has it; \| keeps the ruby in one cell.
  CHECK(html.find("<td>{勝央</td>") != std::string::npos);
  CHECK(html.find("<td>" + Ruby("勝央", "しょうおう") + "町</td>") != std::string::npos);
}

TEST_CASE("ruby syntax is never read in code, URLs or image descriptions", "[markdown][furigana]") {
  CHECK(Html("`{a|b}` と `\\{a|b}`") == "<p><code>{a|b}</code> と <code>\\{a|b}</code></p>\n");
  CHECK(Html("```\n{漢字|かんじ} \\{x}\n```") == "<pre><code>{漢字|かんじ} \\{x}\n</code></pre>\n");
  CHECK(Html("[a](https://example.jp/\\{x|y})") == "<p><a href=\"https://example.jp/%7Bx%7Cy%7D\">a</a></p>\n");
  CHECK(Html("![{図|ず}の説明](a.png)") == "<p><img src=\"a.png\" alt=\"図の説明\" /></p>\n");
}

TEST_CASE("escaped ruby syntax is text; malformed ruby is a warning at its position", "[markdown][furigana]") {
  CHECK(Html("\\{漢字|かんじ} と 漢字\\《かんじ》") == "<p>{漢字|かんじ} と 漢字《かんじ》</p>\n");
  Diagnostics diags;
  std::string html = Render(Markdown{"一行目\n二行目の{漢字|}です", {"f.yaml", 3, 5}}, {}, diags).html;
  CHECK(html == "<p>一行目二行目の{漢字|}です</p>\n");
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].rule == "ruby.empty");
  CHECK(diags.items()[0].pos.line == 4);
  CHECK(diags.items()[0].pos.column == 5);
}

TEST_CASE("names and automatic furigana in Markdown; code is left alone", "[markdown][furigana]") {
  keikaku::furigana::Annotator annotator({{"勝央町", "しょうおうちょう"}}, {}, &Mecab());
  Options o;
  o.annotator = &annotator;
  CHECK(Html("勝央町の`勝央町`", o) ==
        "<p><span class=\"kana-sr\">しょうおうちょう</span><ruby aria-hidden=\"true\">勝央町<rp>（</rp><rt>しょうおうちょう</rt>"
        "<rp>）</rp></ruby>の<code>勝央町</code></p>\n");
  o.auto_grade = 3;
  // Explicit ruby wins; 推進 (grade 6) gets its reading, 計画 (grade 2) does not.
  CHECK(Html("計画を推進し、{推進|すいしん}する", o) ==
        "<p>計画を" + Ruby("推進", "すいしん") + "し、" + Ruby("推進", "すいしん") + "する</p>\n");
  // Readings go inside glossary links, after the reference is made.
  Options linked = WithGlossary();
  linked.annotator = &annotator;
  linked.auto_grade = 3;
  CHECK(Html("[[DX|DX推進]]", linked) ==
        "<p><a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX" + Ruby("推進", "すいしん") +
            "<span class=\"vh\">（用語解説）</span></a></p>\n");
}

TEST_CASE("a word automatic furigana cannot read is a warning at its position", "[markdown][furigana]") {
  keikaku::furigana::Annotator annotator({}, {}, &Mecab());
  Options o;
  o.annotator = &annotator;
  o.auto_grade = 0;
  Diagnostics diags;
  std::string html = Render(Markdown{"一行目\n二行目の彁を見た", {"f.yaml", 3, 5}}, o, diags).html;
  CHECK(html.find("彁を") != std::string::npos);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].rule == "furigana.unknown");
  CHECK(diags.items()[0].pos.line == 4);
  CHECK(diags.items()[0].pos.column == 5);  // 二行目の彁
}

TEST_CASE("automatic links: every match is offered in document order; declined ones stay text",
          "[markdown][autolink]") {
  RecordingGlossary g({"行政DX", "DX推進", "DX", "BPR"});
  // Overlapping aliases: the leftmost (行政DX) wins and DX推進 is not looked for inside it.
  CHECK(Html("行政DX推進と**BPR**。\n\n- DX・DX\n- BPRとIDX", g.Make()) ==
        "<p>" + AutoA("行政DX") + "推進と<strong>" + AutoA("BPR") + "</strong>。</p>\n<ul>\n<li>" + AutoA("DX") +
            "・DX</li>\n<li>BPRとIDX</li>\n</ul>\n");
  CHECK(g.offered == std::vector<std::string>{"行政DX", "BPR", "DX", "DX", "BPR"});
}

TEST_CASE("automatic links: Latin boundaries, multi-byte neighbours and the end of the text",
          "[markdown][autolink]") {
  keikaku::text::TermMatcher matcher({"DX"});
  Options o;
  o.auto_terms = &matcher;
  o.auto_link = [](const std::string& t) { return std::optional<keikaku::markdown::TermLink>({"#auto-" + t, ""}); };
  CHECK(Html("DXDX", o) == "<p>DXDX</p>\n");
  CHECK(Html("DX・DX。本町のDX", o) == "<p>" + AutoA("DX") + "・" + AutoA("DX") + "。本町の" + AutoA("DX") + "</p>\n");
  // The soft break after a Latin name next to Japanese is removed as without the link.
  CHECK(Html("本町の\nDX\n推進", o) == "<p>本町の" + AutoA("DX") + "推進</p>\n");
  // Without a callback nothing is linked automatically.
  o.auto_link = nullptr;
  CHECK(Html("本町のDX", o) == "<p>本町のDX</p>\n");
}

TEST_CASE("automatic links: not in GFM autolinks or image text; in every table cell", "[markdown][autolink]") {
  RecordingGlossary g({"DX", "BPR"});
  CHECK(Html("https://example.jp/DX と www.example.jp/BPR と ![DXの図](a.png)", g.Make()) ==
        "<p><a href=\"https://example.jp/DX\">https://example.jp/DX</a> と "
        "<a href=\"http://www.example.jp/BPR\">www.example.jp/BPR</a> と <img src=\"a.png\" alt=\"DXの図\" /></p>\n");
  CHECK(g.offered.empty());
  RecordingGlossary t({"DX", "BPR"});
  CHECK(Html("| DX |\n|---|\n| BPR |\n", t.Make()) ==
        "<table>\n<thead>\n<tr>\n<th>" + AutoA("DX") + "</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" + AutoA("BPR") +
            "</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("automatic links never report unknown terms; explicit references still do", "[markdown][autolink]") {
  RecordingGlossary g({"BPR"});
  Options o = g.Make();  // no term_link: the glossary knows no explicit reference
  Diagnostics diags;
  std::string html = Render(Markdown{"BPRと[[BPR]]", {"f.yaml", 3, 5}}, o, diags).html;
  CHECK(html == "<p>" + AutoA("BPR") + "と<span class=\"term-unknown\">BPR</span></p>\n");
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].rule == "ref.glossary");
}

namespace {

// "rule@line:column" of every finding of rendering `text` (placed at f.yaml 3:5), in order.
std::vector<std::string> Lint(const std::string& text, Options options = {}) {
  Diagnostics diags;
  Render(Markdown{text, {"f.yaml", 3, 5}}, options, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    out.push_back(d.rule + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column));
  }
  return out;
}

using Found = std::vector<std::string>;

}  // namespace

TEST_CASE("links whose text says nothing of their purpose are found", "[markdown][lint]") {
  CHECK(Lint("詳しくは[こちら](https://example.jp/)。") == Found{"lint.link-text@3:9"});
  CHECK(Lint("[ここ](https://example.jp/)") == Found{"lint.link-text@3:5"});
  CHECK(Lint("[詳細](https://example.jp/)") == Found{"lint.link-text@3:5"});
  CHECK(Lint("[「詳細はこちら」](https://example.jp/)") == Found{"lint.link-text@3:5"});
  CHECK(Lint("[Click here](https://example.jp/)") == Found{"lint.link-text@3:5"});
  CHECK(Lint("[デジタル庁の詳細](https://example.jp/)、[ここから申請](https://example.jp/)").empty());
}

TEST_CASE("links to documents need their type and size", "[markdown][lint]") {
  CHECK(Lint("[計画書](https://example.jp/k.pdf)") == Found{"lint.file-link@3:5"});
  CHECK(Lint("[計画書](https://example.jp/k.PDF?v=2)") == Found{"lint.file-link@3:5"});
  CHECK(Lint("[計画書（PDF、729KB）](https://example.jp/k.pdf)").empty());
  CHECK(Lint("[計画書](https://example.jp/k.pdf)（PDF、1.2MB）").empty());
  CHECK(Lint("[計画書](https://example.jp/k.xlsx)（Excel：３２０ＫＢ）").empty());
  CHECK(Lint("[計画書](https://example.jp/k.pdf)（729KB）") == Found{"lint.file-link@3:5"});  // no type
  CHECK(Lint("[計画書](https://example.jp/k.html)").empty());
  CHECK(Lint("[計画書](https://example.jp/pdf/)").empty());
}

TEST_CASE("a link to an attachment gets its type and size", "[markdown][lint]") {
  Options o;
  o.attachment_size = [](const std::string& url) -> std::optional<std::uintmax_t> {
    if (url == "k.pdf") return 746'000;
    if (url == "big.xlsx") return 1'300'000;
    return std::nullopt;
  };
  CHECK(Html("[計画書](k.pdf)", o) == "<p><a href=\"k.pdf\">計画書（PDF、729KB）</a></p>\n");
  CHECK(Html("[集計](big.xlsx)", o) == "<p><a href=\"big.xlsx\">集計（Excel、1.2MB）</a></p>\n");
  CHECK(Html("[計画書](k.pdf)（PDF、729KB）", o) == "<p><a href=\"k.pdf\">計画書</a>（PDF、729KB）</p>\n");
  CHECK(Lint("[計画書](k.pdf)", o).empty());
  CHECK(keikaku::markdown::DocumentLabel("PDF", 1) == "PDF、1KB");
  CHECK(keikaku::markdown::DocumentLabel("PDF", 1024 * 1024) == "PDF、1.0MB");
}

TEST_CASE("images without a description and skipped heading levels are found", "[markdown][lint]") {
  CHECK(Lint("本文\n\n![](map.png)") == Found{"lint.image-alt@5:1"});
  CHECK(Lint("![ ](map.png)") == Found{"lint.image-alt@3:5"});
  CHECK(Lint("![町の地図](map.png)").empty());
  CHECK(Lint("# 一\n\n## 二\n\n# 三\n\n## 四").empty());
  CHECK(Lint("# 一\n\n### 三") == Found{"lint.heading-skip@5:1"});
  CHECK(Lint("## 二") == Found{"lint.heading-skip@3:5"});
}

TEST_CASE("a Markdown table whose header row is empty is found", "[markdown][lint]") {
  CHECK(Lint("| 年度 | 目標 |\n|---|---|\n| R7 | 10 |").empty());
  CHECK(Lint("| 年度 |  |\n|---|---|\n| R7 | 10 |").empty());
  CHECK(Lint("本文\n\n|  | 　 |\n|---|---|\n| R7 | 10 |") == Found{"lint.table-header@5:1"});
}

TEST_CASE("a comment that silences a finding is not raw HTML", "[markdown][lint]") {
  CHECK(Html("[こちら](https://example.jp/) <!-- keikaku-ignore: lint.link-text -->") ==
        "<p><a href=\"https://example.jp/\">こちら</a> </p>\n");
  CHECK(Lint("本文 <!-- keikaku-ignore: lint.link-text -->").empty());
  CHECK(Lint("本文 <!-- 注 -->") == Found{"markdown.raw-html@3:8"});
}

TEST_CASE("Links lists links and images with their offsets", "[markdown]") {
  auto links = keikaku::markdown::Links(Markdown{"前 [a](a.pdf)\n\n![b](b.png) [c](#x)", {}});
  REQUIRE(links.size() == 3);
  CHECK(links[0].url == "a.pdf");
  CHECK(links[0].offset == 4);
  CHECK_FALSE(links[0].image);
  CHECK(links[1].url == "b.png");
  CHECK(links[1].image);
  CHECK(links[2].url == "#x");
}

namespace {

// cmark-gfm's tree of `text`, with the extensions keikaku attaches, as one line a node.
std::string CmarkTree(const std::string& text) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* doc = cmark_parser_finish(parser);
  std::string tree;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type e; (e = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (e != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    tree += cmark_node_get_type_string(n);
    if (cmark_node_get_type(n) == CMARK_NODE_TEXT) tree += std::string(" [") + cmark_node_get_literal(n) + "]";
    tree += "\n";
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return tree;
}

}  // namespace

// Render makes the tree of such a text itself: cmark-gfm must make the same one.
TEST_CASE("a text IsOneTextParagraph accepts is one paragraph of one text node to cmark-gfm", "[markdown]") {
  const std::vector<std::string> pieces = {"計画", "デジタル", "DX", "a", "W", " ", "  ", "1", "2.", "3)", "#", ">", "-", "+",
                                           "=", "*", "_", "`", "~", "|", ":", "@", "www.", "w", "&amp;", "&", "<", "!",
                                           "[", "]", "(", ")", "^", "\\", "\t", "\n", "\r", "\"", "'", ".", "、", "（", "）",
                                           "\xEF\xBB\xBF", "https", "{計画|けいかく}", "｜計画《けいかく》"};
  std::mt19937 random(2026);
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t k = 1 + random() % 6; k > 0; --k) text += pieces[random() % pieces.size()];
    if (!keikaku::markdown::IsOneTextParagraph(text)) continue;
    ++accepted;
    INFO(text);
    REQUIRE(CmarkTree(text) == "document\nparagraph\ntext [" + text + "]\n");
  }
  CHECK(accepted > 2000);
  CHECK(keikaku::markdown::IsOneTextParagraph("導入状況"));
  CHECK(keikaku::markdown::IsOneTextParagraph("2025年度"));
  CHECK_FALSE(keikaku::markdown::IsOneTextParagraph("1. 項目"));
  CHECK_FALSE(keikaku::markdown::IsOneTextParagraph("web会議"));
}
