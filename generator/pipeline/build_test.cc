// End-to-end tests of the build on whole content folders (tests/sites/).
#include "pipeline/build.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "check/links.h"

namespace fs = std::filesystem;
using keikaku::diag::Diagnostics;
using keikaku::output::OutputTree;
using keikaku::pipeline::BuildOptions;
using keikaku::pipeline::RenderToTree;

namespace {

const fs::path kRoot = KEIKAKU_SOURCE_DIR;

OutputTree BuildTree(const fs::path& source, Diagnostics& diags) {
  BuildOptions options;
  options.source = source;
  OutputTree tree;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  bool ok = RenderToTree(options, tree, stats, sources, diags);
  INFO(diags.Format(sources));
  REQUIRE(ok);
  return tree;
}

Diagnostics& BasicDiagnostics() {
  static Diagnostics diags;
  return diags;
}

const OutputTree& BasicSite() {
  static OutputTree tree = BuildTree(kRoot / "tests/sites/basic", BasicDiagnostics());
  return tree;
}

const std::string& Page(const std::string& path) {
  const OutputTree& tree = BasicSite();
  auto it = tree.find(path);
  INFO(path);
  REQUIRE(it != tree.end());
  return it->second;
}

// A content folder in the temporary directory holding `files` (path → text), removed when
// the test ends.
class TempSite {
 public:
  TempSite(const std::string& name, const std::map<std::string, std::string>& files)
      : dir_(fs::temp_directory_path() / ("keikaku-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    for (const auto& [path, text] : files) {
      fs::create_directories((dir_ / path).parent_path());
      std::ofstream(dir_ / path) << text;
    }
  }
  ~TempSite() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

// The diagnostics of a content folder whose build must fail.
Diagnostics FailedBuild(const fs::path& source) {
  BuildOptions options;
  options.source = source;
  OutputTree tree;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  Diagnostics diags;
  CHECK_FALSE(RenderToTree(options, tree, stats, sources, diags));
  return diags;
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the basic site has every page", "[build]") {
  for (const char* page : {"index.html", "404.html", "sample/index.html", "sample/chapter-1.html",
                           "sample/chapter-2.html", "sample/glossary.html", "sample/full.html"}) {
    CHECK(BasicSite().count(page) == 1);
  }
}

TEST_CASE("every relative link and anchor resolves to a page of the site", "[build]") {
  Diagnostics diags;
  auto report = keikaku::check::CheckLinks(BasicSite(), diags);
  INFO(diags.Format());
  CHECK(diags.items().empty());  // no broken link, no missing anchor, no site-absolute link
  CHECK(report.checked > 50);
}

TEST_CASE("links name index.html explicitly and the 404 page uses the base path", "[build]") {
  CHECK(Contains(Page("sample/chapter-1.html"), "<a href=\"../index.html\">トップ</a>"));
  CHECK(Contains(Page("index.html"), "href=\"sample/index.html\""));
  const std::string& notfound = Page("404.html");
  CHECK(Contains(notfound, "href=\"/plans/index.html\""));
  CHECK(Contains(notfound, "<link rel=\"stylesheet\" href=\"/plans/assets/style."));
}

TEST_CASE("pages are semantic: one h1, lang, landmarks, skip link", "[build]") {
  for (const auto& [path, html] : BasicSite()) {
    if (path.find(".html") == std::string::npos) continue;
    INFO(path);
    CHECK(Contains(html, "<html lang=\"ja\">"));
    std::size_t h1 = 0;
    for (std::size_t at = html.find("<h1"); at != std::string::npos; at = html.find("<h1", at + 1)) ++h1;
    CHECK(h1 == 1);
    CHECK(Contains(html, "<main id=\"main\""));
    CHECK(Contains(html, "<a class=\"skip-link\" href=\"#main\">"));
    CHECK(Contains(html, "<header"));
    CHECK(Contains(html, "<footer"));
  }
}

TEST_CASE("headings never skip a level", "[build]") {
  std::regex heading("<h([1-6])[ >]");
  for (const auto& [path, html] : BasicSite()) {
    if (path.find(".html") == std::string::npos) continue;
    int previous = 0;
    for (std::sregex_iterator it(html.begin(), html.end(), heading), end; it != end; ++it) {
      int level = std::stoi((*it)[1]);
      INFO(path << " h" << previous << " → h" << level);
      CHECK(level <= previous + 1);
      previous = level;
    }
  }
}

TEST_CASE("the overview shows dates in 和暦 with 西暦, the period, preface and contents", "[build]") {
  const std::string& html = Page("sample/index.html");
  CHECK(Contains(html, "<dt>策定</dt><dd><time datetime=\"2023-05-16\">令和5年5月16日（2023年5月16日）</time></dd>"));
  CHECK(Contains(html, "<dt>改定</dt><dd><time datetime=\"2024-03\">令和6年3月（2024年3月）</time></dd>"));
  CHECK(Contains(html, "令和5年度（2023年度）から令和7年度（2025年度）まで"));
  CHECK(Contains(html, "<p>本町では、デジタル技術を活用して住民の利便性を高めます。</p>"));
  // The municipality's reading is shown on its name, and read out instead of the kanji.
  CHECK(Contains(html, "<span class=\"kana-sr\">みほんちょう</span><ruby aria-hidden=\"true\">見本町<rp>（</rp><rt>みほんちょう</rt><rp>）</rp></ruby>長 見本 太郎"));
  CHECK(Contains(html, "<a href=\"chapter-1.html#sec-1-1\">1.1 目的</a>"));
  CHECK(Contains(html, "<li><a href=\"revisions.html\">改訂履歴</a></li>"));
}

TEST_CASE("every plan page shows the contact from the colophon", "[build]") {
  for (const char* page : {"sample/index.html", "sample/chapter-1.html", "sample/glossary.html", "sample/full.html"}) {
    INFO(page);
    CHECK(Contains(Page(page), "<h2 id=\"contact-heading\">問い合わせ先</h2>"));
    CHECK(Contains(Page(page), "<p>総務課 DX推進係</p>"));
  }
}

TEST_CASE("chapters have breadcrumbs and previous/next links", "[build]") {
  const std::string& html = Page("sample/chapter-1.html");
  CHECK(Contains(html, "<span aria-current=\"page\">第1章 計画の背景</span>"));
  CHECK(Contains(html, "<a href=\"index.html\" rel=\"prev\">"));
  CHECK(Contains(html, "<a href=\"chapter-2.html\" rel=\"next\">"));
  CHECK(Contains(Page("sample/chapter-2.html"), "<a href=\"measures.html\" rel=\"next\">"));
  CHECK(Contains(Page("sample/measures.html"), "<a href=\"glossary.html\" rel=\"next\">"));
}

TEST_CASE("each content element renders", "[build]") {
  const std::string& c1 = Page("sample/chapter-1.html");
  const std::string& c2 = Page("sample/chapter-2.html");
  // Tables: caption, column and row headers, spans, a focusable scrolling region.
  CHECK(Contains(c1, "<caption id=\"sec-1-1-1-b1\">推進体制の役割</caption>"));
  CHECK(Contains(c1, "<th scope=\"col\">機能</th>"));
  CHECK(Contains(c1, "<th scope=\"row\">DX推進部門</th>"));
  CHECK(Contains(c1, "<td colspan=\"2\">各担当部署</td>"));
  // A row header spanning rows covers the first column of the rows below it.
  CHECK(Contains(c1, "<tr><th scope=\"row\" rowspan=\"2\">プロジェクト</th><td>リーダー</td><td>意思決定</td></tr>"));
  CHECK(Contains(c1, "<tr><td>メンバー</td><td>実行</td></tr>"));
  CHECK(Contains(c1, "role=\"region\" aria-labelledby=\"sec-1-1-1-b1\" tabindex=\"0\""));
  // Figures without an image carry a description, number and source.
  CHECK(Contains(c1, "<span class=\"num\">図表-1</span> DXの概念図<span class=\"figure-source\">（出典：総務省 HP）</span>"));
  CHECK(Contains(c1, "<p>この図は元の計画では画像で示されています。</p>"));
  CHECK(Contains(c1, "<p class=\"callout-title\">基本理念</p>"));
  // Figures with an image: the file is copied beside the pages, with its alt text.
  CHECK(Contains(c1, "<img src=\"map.png\" alt=\"見本町の位置を示す地図\">"));
  CHECK(BasicSite().count("sample/map.png") == 1);
  // Glossary references link to the entry.
  // Glossary references link to the entry in the page's own term list, which links back.
  CHECK(Contains(c1, "（<a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX<span class=\"vh\">（用語解説）</span></a>）"));
  CHECK(Contains(c1, "<a class=\"term\" id=\"ref-term-bpr-1\" href=\"#term-bpr\">業務の見直し<span class=\"vh\">（用語解説）</span></a>"));
  CHECK(Contains(c1, "<h2 id=\"page-terms\">このページの用語</h2>"));
  CHECK(Contains(c1, "<dt id=\"term-dx\"><ruby>DX<rp>（</rp><rt aria-hidden=\"true\">でぃーえっくす</rt><rp>）</rp></ruby></dt>"));
  CHECK(Contains(c1, "<a href=\"#ref-term-dx-1\" aria-label=\"「DX」が使われている1か所目に戻る\">↩1</a>"));
  CHECK(Contains(c1, "<p class=\"term-more\"><a href=\"glossary.html#term-dx\">用語集で見る</a></p>"));
  // Each definition is written once per page, however often the term is used.
  CHECK(Count(c1, "<dt id=\"term-dx\">") == 1);
  // Measures: heading one level down, priority in words, fields.
  CHECK(Contains(c2, "<h3 id=\"sec-2-1-b1-1-h\"><span class=\"num\">重点施策①</span> 窓口のデジタル化</h3>"));
  CHECK(Contains(c2, "重点的に取り組む施策です。"));
  CHECK(Contains(c2, "<dt>担当所属</dt><dd>住民課</dd>"));
  // Field headings: the plan's own (measure_labels) or the defaults.
  CHECK(Contains(c2, "<dt>想定される主な取組</dt>"));
  CHECK(Contains(c2, "<dt>主な課題</dt><dd><p>窓口での待ち時間が長い。</p>"));
  CHECK(Contains(c2, "<dt>基本方針</dt><dd>行政のDX</dd>"));
  CHECK(Contains(c2, "<dt>R7目標</dt><dd>申請の50％をオンライン化</dd>"));
  // A measure with only text shows it under its heading, with no field label.
  CHECK(Contains(c2, "職員研修</h3>\n<p>全職員を対象に研修を行います。</p>"));
  // Schedules: column headings (the town's own or the defaults), fiscal-year columns, spans
  // in words, continuing and free text.
  // With year columns, each item's time in words is in its row header.
  CHECK(Contains(c2, "<thead><tr><th scope=\"col\">取組事項</th><th scope=\"col\">令和5年度"));
  CHECK(Contains(c2, "<th scope=\"col\">令和5年度<span class=\"seireki\">（2023年度）</span></th>"));
  CHECK(Contains(c2, "<th scope=\"row\">標準化<span class=\"schedule-when\">令和5年度（2023年度）から令和7年度（2025年度）まで</span></th>"));
  CHECK(Contains(c2, "<th scope=\"row\">移行<span class=\"schedule-when\">令和7年度（2025年度）（以降も継続）</span></th>"));
  CHECK(Contains(c2, "<th scope=\"row\">研修<span class=\"schedule-when\">随時</span></th>"));
  // A schedule with no spans and no times lists its items and gives the years in words.
  CHECK(Contains(c2, "<thead><tr><th scope=\"col\">項目</th></tr></thead>"));
  CHECK(Contains(c2, "<th scope=\"row\">住民への周知</th></tr>"));
  CHECK(Contains(c2, "<p class=\"table-note\">対象の年度：令和5年度（2023年度）から令和7年度（2025年度）まで</p>"));
  // Organisation, statistics, references, term boxes.
  CHECK(Contains(c2, "<tr><th scope=\"row\">CIO</th><td>副町長</td><td>全体方針の決定</td></tr>"));
  CHECK(Contains(c2, "<span class=\"unit-name\">作業部会</span>"));
  CHECK(Contains(c2, "<caption id=\"sec-2-1-b5\">年代別の回答（単位：人）</caption>"));
  CHECK(Contains(c2, "<tr><th scope=\"row\">20代</th><td>30</td></tr>"));
  CHECK(Contains(c2, "<cite>自治体DX推進計画</cite>（総務省、令和2年12月（2020年12月））"));
  CHECK(Contains(c2, "<p class=\"expansion\" lang=\"en\">Digital Transformation</p>"));
}

TEST_CASE("the glossary lists Latin-read terms A–Z first, then 五十音 order", "[build]") {
  const std::string& html = Page("sample/glossary.html");
  std::size_t bpr = html.find("id=\"term-bpr\""), dx = html.find("id=\"term-dx\""), a = html.find("id=\"term-3\"");
  REQUIRE(a != std::string::npos);
  CHECK(bpr < dx);
  CHECK(dx < a);
  CHECK(Contains(html, "<p class=\"expansion\" lang=\"en\">Business Process Re-engineering</p>"));
  CHECK(Contains(html, "関連する用語：<a href=\"#term-bpr\">BPR</a>"));
  // A kana index links to the groups that have terms; the others are shown as text.
  CHECK(Contains(html, "<li><a href=\"#index-latin\">英字</a></li>"));
  CHECK(Contains(html, "<li><a href=\"#index-a\">あ行</a></li>"));
  CHECK(Contains(html, "<li><span class=\"empty\">さ行<span class=\"vh\">（用語なし）</span></span></li>"));
  CHECK(Contains(html, "<h2 id=\"index-a\">あ行</h2>"));
  CHECK(html.find("id=\"index-latin\"") < bpr);
  // Each entry links to the first use on each page that uses it.
  CHECK(Contains(html, "使われているページ：<a href=\"chapter-1.html#ref-term-dx-1\">第1章 計画の背景</a>"));
}

TEST_CASE("a glossary entry that no page references is a warning", "[build]") {
  BasicSite();
  std::vector<std::string> unused;
  for (const auto& d : BasicDiagnostics().items()) {
    if (d.rule == "glossary.unused") unused.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + " " + d.message);
  }
  const std::string shared = (kRoot / "tests/sites/basic/glossary.yaml").lexically_normal().generic_string();
  const std::string own = (kRoot / "tests/sites/basic/plans/sample/glossary.yaml").lexically_normal().generic_string();
  CHECK(unused == std::vector<std::string>{
                      own + ":14 用語「アジャイル」は本文のどこからも参照されていません。",
                      shared + ":3 共通の用語「DX」はどの計画でも使われていません（参照がないか、計画の用語集で置き換えられています）。",
                      shared + ":12 共通の用語「使われない用語」はどの計画でも使われていません（参照がないか、計画の用語集で置き換えられています）。",
                  });
  CHECK_FALSE(BasicDiagnostics().has_errors());
}

TEST_CASE("a plan uses the shared glossary where its own has no such term", "[build]") {
  const std::string& glossary = Page("sample/glossary.html");
  const std::string& c1 = Page("sample/chapter-1.html");
  // The plan's own DX replaces the shared one.
  CHECK(Contains(glossary, "デジタル技術で社会をより良く変革すること。"));
  CHECK_FALSE(Contains(glossary, "共通の用語集の説明"));
  // A shared entry the plan references is listed, and so is the one its definition names;
  // the one no plan uses is not.
  CHECK(Contains(glossary, "<ruby>ガバメントクラウド<rp>"));
  CHECK(Contains(glossary, "<ruby>標準化<rp>"));
  CHECK_FALSE(Contains(glossary, "使われない用語"));
  CHECK(Contains(c1, "<a class=\"term\" id=\"ref-term-4-1\" href=\"#term-4\">ガバメントクラウド"));
  CHECK(Contains(c1, "<a class=\"term\" href=\"glossary.html#term-5\">標準化<span class=\"vh\">（用語解説）</span></a>"));
  CHECK(Contains(glossary, "<dt id=\"term-5\">"));
}

TEST_CASE("a plan can link the first occurrence of each term on each page automatically", "[build]") {
  TempSite site("auto", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml, d.yaml]\n"
                            "glossary: g.yaml\nauto_link_terms: first\n"},
      {"plans/x/g.yaml", "terms:\n  - {term: DX, reading: でぃーえっくす, definition: 変革}\n"
                         "  - {term: デジタル・トランスフォーメーション, reading: でじたる, definition: 長い名前の用語}\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n  - \"# DXの見出し\"\n  - 本町のDX推進とDXの計画。\n"
                         "  - table: {caption: 表, header: [見出し], rows: [[項目], [DXとデジタル・トランスフォーメーション]]}\n"},
      {"plans/x/d.yaml", "title: d\ncontent:\n  - 次の章でもDX。\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  const std::string& c = tree.at("x/c.html");
  const std::string link = "<a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX<span class=\"vh\">（用語解説）</span></a>";
  CHECK(Contains(c, ">DXの見出し</h"));                          // not in headings
  CHECK(Contains(c, "本町の" + link + "推進とDXの計画。"));       // the first occurrence only
  CHECK(Count(c, "href=\"#term-dx\"") == 1);
  CHECK(Contains(c, "<td>DXと<a class=\"term\" id=\"ref-term-2-1\" href=\"#term-2\">デジタル・トランスフォーメーション"));
  CHECK(Contains(c, "<h2 id=\"page-terms\">このページの用語</h2>"));
  // Each page has its own first occurrence.
  CHECK(Contains(tree.at("x/d.html"), "次の章でも" + link));
  CHECK(Contains(tree.at("x/glossary.html"), "使われているページ：<a href=\"c.html#ref-term-dx-1\">c</a>、<a href=\"d.html#ref-term-dx-1\">d</a>"));
  INFO(diags.Format());
  CHECK(diags.warning_count() == 0);
}

TEST_CASE("the full text holds every chapter with glossary links on the same page", "[build]") {
  const std::string& html = Page("sample/full.html");
  CHECK(Contains(html, "<h2 id=\"ch-1\"><span class=\"num\">第1章</span> 計画の背景</h2>"));
  CHECK(Contains(html, "<h3 id=\"sec-1-1\">"));
  CHECK(Contains(html, "<a class=\"term\" id=\"ref-term-dx-1\" href=\"#term-dx\">DX<span class=\"vh\">（用語解説）</span></a>"));
  CHECK(Contains(html, "<a href=\"#ref-term-dx-1\" aria-label=\"「DX」が使われている1か所目に戻る\">↩1</a>"));
  CHECK(Contains(html, "<h2 id=\"glossary\">用語集</h2>"));
}

TEST_CASE("content is escaped: no markup from content fields reaches the page", "[build]") {
  TempSite site("xss", {
      {"site.yaml", "title: \"<script>alert(1)</script>\"\n"},
      {"plans/x/plan.yaml", "municipality: {name: \"<img src=x onerror=alert(1)>\"}\ntitle: \"\\\"><b>t</b>\"\n"
                            "kind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: \"<i>c</i>\"\ncontent:\n  - \"<script>x()</script>\"\n"
                         "  - table: {caption: \"<b>\", rows: [[\"<u>u</u>\"]]}\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  for (const auto& [path, html] : tree) {
    if (path.find(".html") == std::string::npos) continue;
    INFO(path);
    CHECK_FALSE(Contains(html, "<script>"));  // only the theme's <script src="…" defer>
    CHECK_FALSE(Contains(html, "<img"));
    CHECK_FALSE(Contains(html, "<b>"));
    CHECK_FALSE(Contains(html, "<i>"));
    CHECK_FALSE(Contains(html, "<u>"));
  }
  CHECK(Contains(tree.at("x/c.html"), "&lt;i&gt;c&lt;/i&gt;"));
}

TEST_CASE("two builds of the same content are byte-identical", "[build]") {
  Diagnostics diags;
  OutputTree again = BuildTree(kRoot / "tests/sites/basic", diags);
  CHECK(again == BasicSite());
}

TEST_CASE("an unknown glossary reference fails the build with its position", "[build]") {
  TempSite site("ref", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n  - |\n    一行目\n    [[CIO]]を置く\n"},
  });
  Diagnostics diags = FailedBuild(site.dir());
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].pos.file == (site.dir() / "plans/x/c.yaml").generic_string());
  CHECK(diags.items()[0].pos.line == 5);
  CHECK(diags.items()[0].pos.column == 5);
  CHECK(diags.items()[0].rule == "ref.glossary");
}

TEST_CASE("furigana settings: the readings file everywhere, automatic furigana per plan and chapter", "[build][furigana]") {
  TempSite site("furigana", {
      {"site.yaml", "title: \"{試験|しけん}のサイト\"\nfurigana:\n  shown: false\n  readings: readings.yaml\n"},
      {"readings.yaml", "names:\n  - word: 見本町\n    reading: みほんちょう\n"},
      {"plans/x/plan.yaml", "municipality: {name: 見本町}\ntitle: 見本町の{計画|けいかく}\nkind: 計画\n"
                            "chapters: [a.yaml, b.yaml]\nfurigana: {auto: 3}\n"},
      {"plans/x/a.yaml", "title: 推進の方針\ncontent:\n  - 見本町は行政手続を推進する。\n"},
      {"plans/x/b.yaml", "title: 推進\nfurigana: {auto: \"off\"}\ncontent:\n  - 見本町は行政手続を推進する。\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  CHECK(diags.warning_count() == 0);
  const std::string& a = tree.at("x/a.html");
  const std::string& b = tree.at("x/b.html");
  const std::string name = "<span class=\"kana-sr\">みほんちょう</span><ruby aria-hidden=\"true\">見本町<rp>（</rp><rt>みほんちょう</rt><rp>）</rp></ruby>";
  const std::string suishin = "<ruby>推進<rp>（</rp><rt aria-hidden=\"true\">すいしん</rt><rp>）</rp></ruby>";
  // The plan asks for grade 3: 行政 (政: grade 5), 手続 (続: 4), 推進 and 方針 (6) get
  // readings, in the text and the heading; chapter b turns it off and keeps the names and
  // explicit ruby.
  auto rb = [](const char* base, const char* reading) {
    return std::string("<ruby>") + base + "<rp>（</rp><rt aria-hidden=\"true\">" + reading + "</rt><rp>）</rp></ruby>";
  };
  CHECK(Contains(a, "<p>" + name + "は" + rb("行政", "ぎょうせい") + rb("手続", "てつづき") + "を" + suishin + "する。</p>"));
  CHECK(Contains(a, suishin + "の" + rb("方針", "ほうしん") + "</h1>"));
  CHECK(Contains(b, "<p>" + name + "は行政手続を推進する。</p>"));
  // Titles: ruby in the page, base text in <title>.
  CHECK(Contains(a, "<title>推進の方針 | 見本町 見本町の計画 | 試験のサイト</title>"));
  CHECK(Contains(b, "<ruby>計画<rp>（</rp><rt aria-hidden=\"true\">けいかく</rt>"));
  CHECK(Contains(tree.at("index.html"), "<ruby>試験<rp>（</rp><rt aria-hidden=\"true\">しけん</rt>"));
  // shown: false — the site's default without JavaScript; the switch starts unpressed.
  CHECK(Contains(a, "<html lang=\"ja\" class=\"furigana-off\">"));
  CHECK(Contains(a, "<button type=\"button\" class=\"furigana-switch\" aria-pressed=\"false\" hidden>ふりがな</button>"));
}

TEST_CASE("the readings file is checked: hiragana readings, each name once", "[build][furigana]") {
  TempSite site("readings", {
      {"site.yaml", "title: t\nfurigana: {readings: readings.yaml}\n"},
      {"readings.yaml", "names:\n  - word: 見本町\n    reading: ミホン\n  - word: 見本町\n    reading: みほん\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\n"},
  });
  Diagnostics diags = FailedBuild(site.dir());
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.items()[0].rule == "readings.reading");
  CHECK(diags.items()[0].pos.line == 3);
  CHECK(diags.items()[0].pos.column == 14);
  CHECK(diags.items()[1].rule == "readings.duplicate");
  CHECK(diags.items()[1].pos.line == 4);
}

TEST_CASE("the bundled site: readings hidden from screen readers, names read as kana, rp around every rt", "[build][furigana]") {
  static Diagnostics diags;
  static OutputTree tree = BuildTree(kRoot / "content", diags);
  int ruby = 0, names = 0;
  for (const auto& [path, html] : tree) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    INFO(path);
    for (std::size_t at = html.find("<ruby"); at != std::string::npos; at = html.find("<ruby", at + 1)) {
      std::size_t end = html.find("</ruby>", at);
      REQUIRE(end != std::string::npos);
      std::string r = html.substr(at, end - at);
      INFO(r);
      const bool name = r.rfind("<ruby aria-hidden=\"true\">", 0) == 0;
      if (name) {
        // A whole ruby is hidden only right after the visually hidden kana of the name.
        std::size_t span = html.rfind("<span class=\"kana-sr\">", at);
        CHECK((span != std::string::npos && html.find("</span>", span) + 7 == at));
        CHECK(Count(r, "<rt>") == Count(r, "<rt"));
        ++names;
      } else {
        CHECK(r.rfind("<ruby>", 0) == 0);
        CHECK(Count(r, "<rt aria-hidden=\"true\">") == Count(r, "<rt"));
        ++ruby;
      }
      CHECK(Count(r, "<rp>（</rp><rt") == Count(r, "<rt"));
      CHECK(Count(r, "</rt><rp>）</rp>") == Count(r, "<rt"));
    }
  }
  // Names on every plan's pages; automatic furigana (grade 3) on 勝央町's.
  CHECK(names >= 200);
  CHECK(ruby >= 1000);
  CHECK(Contains(tree.at("shoo-dx-policy/chapter-2.html"), "<ruby>推進<rp>（</rp><rt aria-hidden=\"true\">すいしん</rt>"));
  CHECK_FALSE(Contains(tree.at("miki-dx-plan/chapter-2.html"), "<ruby>推進<rp>"));
  CHECK(Contains(tree.at("takahashi-dx-plan/index.html"), "<span class=\"kana-sr\">たかはしし</span>"));
}

TEST_CASE("drafts: checked always, published only in the preview", "[build][draft]") {
  TempSite site("draft", {
      {"site.yaml", "title: t\n"},
      {"plans/a/plan.yaml", "municipality: {name: 町}\ntitle: 公開する計画\nkind: k\nchapters: [c1.yaml, c2.yaml, c3.yaml]\n"},
      {"plans/a/c1.yaml", "title: 一章\nsections:\n  - title: 節\n"},
      {"plans/a/c2.yaml", "title: 書きかけの章\ndraft: true\nsections:\n  - title: 節\n"},
      {"plans/a/c3.yaml", "title: 三章\nsections:\n  - title: 節\n"},
      {"plans/b/plan.yaml", "municipality: {name: 町}\ntitle: 書きかけの計画\nkind: k\ndraft: true\nchapters: [c.yaml]\n"},
      {"plans/b/c.yaml", "title: 章\n"},
  });
  Diagnostics diags;
  OutputTree published = BuildTree(site.dir(), diags);
  CHECK(published.count("a/c1.html") == 1);
  CHECK(published.count("a/c2.html") == 0);
  CHECK(published.count("b/index.html") == 0);
  CHECK_FALSE(Contains(published.at("index.html"), "書きかけ"));
  CHECK_FALSE(Contains(published.at("a/index.html"), "書きかけ"));
  CHECK_FALSE(Contains(published.at("a/full.html"), "書きかけ"));
  CHECK(Contains(published.at("a/c1.html"), "c3.html\" rel=\"next\""));
  CHECK_FALSE(Contains(published.at("a/c1.html"), "draft-notice"));

  BuildOptions options;
  options.source = site.dir();
  options.drafts = true;
  OutputTree preview;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  REQUIRE(RenderToTree(options, preview, stats, sources, diags));
  CHECK(Contains(preview.at("a/c2.html"), "<p class=\"draft-notice\">この章は下書きです。"));
  CHECK(Contains(preview.at("b/c.html"), "<p class=\"draft-notice\">この計画は下書きです。"));
  CHECK(Contains(preview.at("b/index.html"), "<p class=\"draft-notice\">この計画は下書きです。"));
  CHECK_FALSE(Contains(preview.at("a/c1.html"), "draft-notice"));
  // Section anchors do not move when drafts are left out.
  CHECK(Contains(published.at("a/c3.html"), "id=\"sec-3-1\""));
  CHECK(Contains(preview.at("a/c3.html"), "id=\"sec-3-1\""));

  // A mistake in a draft still stops the build.
  std::ofstream(site.dir() / "plans/b/c.yaml") << "title: 章\ntitel: x\n";
  Diagnostics failed = FailedBuild(site.dir());
  REQUIRE(failed.error_count() == 1);
  CHECK(failed.items()[0].pos.file == (site.dir() / "plans/b/c.yaml").generic_string());
}

TEST_CASE("the accessibility statement shows the target, and the test results when the site has them", "[build][a11y]") {
  TempSite site("a11y", {
      {"site.yaml", "title: 見本町\naccessibility:\n  target: JIS X 8341-3:2016 の適合レベル AA に準拠\n"
                    "  results: results.json\n  contact: 見本町総務課（電話 000-0000）\n"},
      {"results.json", "{\"date\": \"2026-11-20\", \"pages\": [\"index.html\", \"old/page.html\"],\n"
                       " \"tools\": [{\"name\": \"axe-core\", \"version\": \"4.14.1\"}],\n"
                       " \"checks\": [{\"name\": \"<自動検査>\", \"pages\": 2, \"failures\": 0},\n"
                       "            {\"name\": \"重さ\", \"pages\": 2, \"failures\": 3}]}\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  const std::string& page = tree.at("accessibility.html");
  CHECK(Contains(page, "<p>JIS X 8341-3:2016 の適合レベル AA に準拠することを目標とします。</p>"));
  CHECK(Contains(page, "<time datetime=\"2026-11-20\">令和8年11月20日（2026年11月20日）</time>"));
  CHECK(Contains(page, "このサイトの 2 ページを自動試験しました"));
  CHECK(Contains(page, "<li>axe-core 4.14.1</li>"));
  CHECK(Contains(page, "<th scope=\"row\">&lt;自動検査&gt;</th><td>2</td><td>問題なし</td>"));
  CHECK(Contains(page, "<th scope=\"row\">重さ</th><td>2</td><td>問題 3 件</td>"));
  CHECK(Contains(page, "<li><a href=\"index.html\">index.html</a></li>"));
  CHECK(Contains(page, "<li>old/page.html（現在はありません）</li>"));
  CHECK(Contains(page, "見本町総務課（電話 000-0000）"));
  // Every page links the statement from its footer.
  CHECK(Contains(tree.at("x/c.html"), "<a href=\"../accessibility.html\">ウェブアクセシビリティ方針</a>"));

  // Without results the page says so; a broken results file is a content error.
  std::ofstream(site.dir() / "site.yaml") << "title: 見本町\n";
  Diagnostics plain;
  CHECK(Contains(BuildTree(site.dir(), plain).at("accessibility.html"), "試験の結果は、まだ公開していません。"));
  std::ofstream(site.dir() / "site.yaml") << "title: 見本町\naccessibility: {results: results.json}\n";
  std::ofstream(site.dir() / "results.json") << "{\"date\": \"いつか\", \"pages\": [], \"tools\": [], \"checks\": []}\n";
  Diagnostics failed = FailedBuild(site.dir());
  REQUIRE(failed.error_count() == 1);
  CHECK(failed.items()[0].rule == "schema.date");
}

TEST_CASE("documents and images the text names beside the plan are published", "[build][lint]") {
  const std::string pdf(3000, 'p');
  TempSite site("attach", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n  - |\n    [計画書](files/計画%20本文.pdf)と![町の地図](map.png)。\n"
                         "    [計画書](files/計画%20本文.pdf)（PDF、3KB）\n"},
      {"plans/x/files/計画 本文.pdf", pdf},
      {"plans/x/map.png", "png"},
      {"plans/x/unlinked.pdf", "not published"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  CHECK(tree.at("x/files/計画 本文.pdf") == pdf);
  CHECK(tree.at("x/map.png") == "png");
  CHECK(tree.count("x/unlinked.pdf") == 0);
  const std::string& c = tree.at("x/c.html");
  CHECK(Contains(c, "<a href=\"files/%E8%A8%88%E7%94%BB%20%E6%9C%AC%E6%96%87.pdf\">計画書（PDF、3KB）</a>と"));
  CHECK(Count(c, "（PDF、3KB）") == 2);  // not added twice where the text has it
  CHECK(diags.warning_count() == 0);
}

TEST_CASE("a missing document or image the text names is an error at the link", "[build][lint]") {
  TempSite site("attach-missing", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n  - |\n    本文\n    [計画書](nothing.pdf)\n\n    ![地図](../../site.yaml)\n"},
  });
  Diagnostics diags = FailedBuild(site.dir());
  std::vector<std::string> found;
  for (const auto& d : diags.Sorted()) {
    found.push_back(d.rule + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column));
  }
  CHECK(found == std::vector<std::string>{"content.missing-file@5:5", "content.outside-file@7:5"});
}

TEST_CASE("lint findings are reported by the build and silenced by a comment", "[build][lint]") {
  TempSite site("lint", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: 高 梁 市の計画\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c  # keikaku-ignore: lint.spaced-word\ncontent:\n  - |\n"
                         "    [こちら](https://example.jp/)\n"
                         "    <!-- keikaku-ignore: lint.link-text -->\n"
                         "    [こちら](https://example.jp/b)\n"},
  });
  Diagnostics diags;
  BuildTree(site.dir(), diags);
  std::vector<std::string> found;
  for (const auto& d : diags.Sorted()) {
    found.push_back(fs::path(d.pos.file).filename().string() + ":" + std::to_string(d.pos.line) + " " + d.rule);
  }
  CHECK(found == std::vector<std::string>{"c.yaml:4 lint.link-text", "plan.yaml:2 lint.spaced-word"});
}

namespace {

// The tree, the findings as printed and the figures of a build on `jobs` threads.
struct JobsBuild {
  OutputTree tree;
  std::string findings;
  int pages = 0, auto_ruby = 0;
  std::size_t markdown_reused = 0;
};
JobsBuild BuildWithJobs(const fs::path& source, int jobs, std::optional<fs::path> theme = std::nullopt,
                        bool reuse_markdown = true) {
  BuildOptions options;
  options.source = source;
  options.jobs = jobs;
  options.theme = theme;
  options.reuse_markdown = reuse_markdown;
  JobsBuild b;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  Diagnostics diags;
  RenderToTree(options, b.tree, stats, sources, diags);
  b.findings = diags.Format(sources);
  b.pages = stats.pages;
  b.auto_ruby = stats.auto_ruby;
  b.markdown_reused = stats.markdown_reused;
  return b;
}

}  // namespace

TEST_CASE("the site, its findings and figures do not depend on the number of threads", "[build][parallel]") {
  // The bundled content: four plans, one with automatic furigana (a MeCab tagger per thread).
  JobsBuild one = BuildWithJobs(kRoot / "content", 1);
  REQUIRE(one.pages > 30);
  REQUIRE(one.auto_ruby > 0);
  for (int jobs : {2, 3, 8}) {
    INFO("jobs " << jobs);
    JobsBuild many = BuildWithJobs(kRoot / "content", jobs);
    CHECK(many.tree == one.tree);
    CHECK(many.findings == one.findings);
    CHECK(many.pages == one.pages);
    CHECK(many.auto_ruby == one.auto_ruby);
  }
  // Findings in several plans, from loading and from rendering, in the same order. Plans
  // with a glossary of their own have their full text made on a thread of its own.
  std::map<std::string, std::string> files = {{"site.yaml", "title: t\n"}};
  for (int i = 0; i < 6; ++i) {
    std::string plan = "plans/p" + std::to_string(i) + "/";
    files[plan + "plan.yaml"] = "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n";
    files[plan + "c.yaml"] = i % 2 ? "title: c\ncontent:\n  - \"[[無い用語]]\"\n" : "title: c\ncontent:\n  - R5.4.1\n";
    if (i % 3 == 0) {
      files[plan + "plan.yaml"] += "glossary: g.yaml\n";
      files[plan + "g.yaml"] = "terms:\n  - term: 窓口\n    definition: 手続の場所（R5.4.1 から）。\n";
      files[plan + "c.yaml"] += "  - \"[[窓口]]で受け付けます（H31.4.1）。\"\n";
    }
  }
  TempSite site("jobs", files);
  JobsBuild serial = BuildWithJobs(site.dir(), 1);
  CHECK(serial.findings.find("[ref.glossary]") != std::string::npos);
  CHECK(serial.findings.find("[lint.date-form]") != std::string::npos);
  for (int jobs : {2, 4}) {
    INFO("jobs " << jobs);
    JobsBuild many = BuildWithJobs(site.dir(), jobs);
    CHECK(many.findings == serial.findings);
    CHECK(many.tree == serial.tree);
    CHECK(many.pages == serial.pages);
  }
  // One plan on two threads: its full text beside its other pages.
  TempSite one_plan("jobs-one", {{"site.yaml", "title: t\n"},
                                 {"plans/p/plan.yaml", files["plans/p0/plan.yaml"]},
                                 {"plans/p/c.yaml", files["plans/p0/c.yaml"] + "  - \"[[無い用語]]\"\n"},
                                 {"plans/p/g.yaml", files["plans/p0/g.yaml"]}});
  JobsBuild alone = BuildWithJobs(one_plan.dir(), 1);
  REQUIRE(alone.tree.count("p/full.html"));
  CHECK(alone.findings.find("[ref.glossary]") != std::string::npos);
  JobsBuild beside = BuildWithJobs(one_plan.dir(), 2);
  CHECK(beside.tree == alone.tree);
  CHECK(beside.findings == alone.findings);
  CHECK(beside.pages == alone.pages);
}

// A build takes a Markdown text rendered for one page of a plan into another where the page
// asks the same questions (render::RenderMemo): the full text takes its chapters', whose
// headings are a level lower there, whose footnotes have other ids and whose terms link
// elsewhere, and which 「最初だけ」 links once in the whole text. The pages, findings and
// figures are those of rendering every text, whether the plan is made on one thread (plans
// enough for every thread) or on several.
TEST_CASE("pages that take Markdown from other pages of the plan equal pages that render it", "[build][parallel]") {
  for (int jobs : {1, 2}) {
    INFO("content/, jobs " << jobs);
    JobsBuild reused = BuildWithJobs(kRoot / "content", jobs);
    JobsBuild rendered = BuildWithJobs(kRoot / "content", jobs, std::nullopt, /*reuse_markdown=*/false);
    CHECK(reused.markdown_reused > 0);
    CHECK(rendered.markdown_reused == 0);
    CHECK(reused.tree == rendered.tree);
    CHECK(reused.findings == rendered.findings);
    CHECK(reused.pages == rendered.pages);
    CHECK(reused.auto_ruby == rendered.auto_ruby);
  }
  std::map<std::string, std::string> files = {{"site.yaml", "title: t\n"}};
  const std::string same = "  - \"#### 小見出し\\n\\n窓口でDXを進める[^1]。\\n\\n[^1]: R5.4.1 からの注。\"\n";
  for (int i = 0; i < 9; ++i) {  // 9 plans: one thread each, also with two workers
    const std::string plan = "plans/p" + std::to_string(i) + "/";
    files[plan + "plan.yaml"] = "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [a.yaml, b.yaml, c.yaml]\n"
                                "glossary: g.yaml\nauto_link_terms: first\n";
    files[plan + "g.yaml"] = "terms:\n  - {term: 窓口, reading: まどぐち, definition: \"手続の場所（[[DX]]と）\"}\n"
                             "  - {term: DX, reading: でぃーえっくす, definition: 変革}\n";
    files[plan + "a.yaml"] = "title: 方針\ncontent:\n" + same + "  - 窓口は一つにする。\n";
    files[plan + "b.yaml"] = "title: 推進\ncontent:\n  - \"[[窓口]]とDXの話[^2]。\\n\\n[^2]: 二つ目の注。\"\n" + same +
                             "  - \"用語のない文[^3]。\\n\\n[^3]: 三つ目の注。\"\n";
    files[plan + "c.yaml"] = "title: 結び\nsections:\n  - title: 節\n    content:\n" + std::string("  ") + same +
                             "    - \"## 見出し\\n\\nDXを進める。\"\n";
  }
  TempSite site("reuse-markdown", files);
  for (int jobs : {1, 2, 8}) {
    INFO("jobs " << jobs);
    JobsBuild reused = BuildWithJobs(site.dir(), jobs);
    JobsBuild rendered = BuildWithJobs(site.dir(), jobs, std::nullopt, /*reuse_markdown=*/false);
    REQUIRE(rendered.pages == 9 * 6 + 3);  // each plan: overview, 3 chapters, full text, glossary
    CHECK(reused.markdown_reused > 0);
    CHECK(rendered.findings.find("[lint.date-form]") != std::string::npos);
    CHECK(reused.tree == rendered.tree);
    CHECK(reused.findings == rendered.findings);
    CHECK(reused.pages == rendered.pages);
  }
}

namespace {

// A build with `cache` (keikaku serve) and a full build of the same content, side by side.
struct Both {
  JobsBuild incremental, full;
};
Both BuildBoth(const fs::path& source, keikaku::pipeline::BuildCache& cache,
               std::optional<fs::path> theme = std::nullopt) {
  Both b;
  BuildOptions options;
  options.source = source;
  options.theme = theme;
  keikaku::load::SourceTexts sources;
  keikaku::render::Stats stats;
  Diagnostics diags;
  RenderToTree(options, b.incremental.tree, stats, sources, diags, nullptr, &cache);
  b.incremental.findings = diags.Format(sources);
  b.incremental.pages = stats.pages;
  b.incremental.auto_ruby = stats.auto_ruby;
  b.full = BuildWithJobs(source, 0, theme);
  return b;
}

void Append(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::app) << text;
}

}  // namespace

TEST_CASE("a build that reuses unchanged plans equals a full build, byte for byte", "[build][incremental]") {
  TempSite site("incremental", {});
  fs::copy(kRoot / "content", site.dir(), fs::copy_options::recursive);
  keikaku::pipeline::BuildCache cache;
  Both first = BuildBoth(site.dir(), cache);
  REQUIRE(first.full.pages > 30);
  CHECK(first.incremental.tree == first.full.tree);
  CHECK(cache.plans_rendered() == 4);
  CHECK(cache.plans_reused() == 0);

  // Nothing changed: every plan is replayed.
  Both same = BuildBoth(site.dir(), cache);
  CHECK(same.incremental.tree == first.full.tree);
  CHECK(cache.plans_rendered() == 0);
  CHECK(cache.plans_reused() == 4);

  // One chapter edited: a new paragraph using a glossary term, so the plan's glossary page,
  // full text and overview change too; only that plan is made again.
  Append(site.dir() / "plans/otaki-dx-plan/chapter-2.yaml", "  - 追記した段落です。[[DX]]を進めます。\n");
  Both edited = BuildBoth(site.dir(), cache);
  CHECK(edited.incremental.tree == edited.full.tree);
  CHECK(edited.incremental.findings == edited.full.findings);
  CHECK(edited.full.tree != first.full.tree);
  CHECK(cache.plans_rendered() == 1);
  CHECK(cache.plans_reused() == 3);

  // A mistake in one plan: the same findings as a full build; fixed again: the same site.
  const fs::path chapter = site.dir() / "plans/otaki-dx-plan/chapter-2.yaml";
  const std::string original = [&] {
    std::ifstream in(chapter);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  Append(chapter, "  - \"[[用語集にない言葉]]\"\n");
  Both broken = BuildBoth(site.dir(), cache);
  CHECK(broken.incremental.findings.find("[ref.glossary]") != std::string::npos);
  CHECK(broken.incremental.findings == broken.full.findings);
  std::ofstream(chapter, std::ios::trunc) << original;
  Both fixed = BuildBoth(site.dir(), cache);
  CHECK(fixed.incremental.tree == fixed.full.tree);
  CHECK(fixed.incremental.tree == edited.full.tree);
  CHECK(cache.plans_rendered() == 1);

  // Warnings, one silenced, in a plan that is then replayed: shown with their excerpts and
  // silenced as in a full build.
  Append(site.dir() / "plans/miki-dx-plan/plan.yaml",
         "# keikaku-ignore: lint.spaced-word\nsubtitle: 高 梁 市の計画（R5.4.1）\n");
  Both warned = BuildBoth(site.dir(), cache);
  REQUIRE(warned.full.findings.find("[lint.date-form]") != std::string::npos);
  CHECK(warned.full.findings.find("[lint.spaced-word]") == std::string::npos);
  Append(site.dir() / "plans/otaki-dx-plan/chapter-2.yaml", "  - もう一つ追記します。\n");
  Both replayed = BuildBoth(site.dir(), cache);
  CHECK(cache.plans_reused() == 3);
  CHECK(replayed.incremental.findings == replayed.full.findings);
  CHECK(replayed.incremental.tree == replayed.full.tree);

  // The site's own settings: every plan is made again.
  Append(site.dir() / "site.yaml", "base_url: https://www.example.jp/keikaku/\n");
  Both settings = BuildBoth(site.dir(), cache);
  CHECK(settings.incremental.tree == settings.full.tree);
  CHECK(cache.plans_rendered() == 4);

  // A plan removed from the site.
  fs::remove_all(site.dir() / "plans/shoo-dx-policy");
  std::string yaml;
  {
    std::ifstream in(site.dir() / "site.yaml");
    for (std::string line; std::getline(in, line);) {
      if (line != "  - shoo-dx-policy") yaml += line + "\n";
    }
  }
  std::ofstream(site.dir() / "site.yaml", std::ios::trunc) << yaml;
  Both fewer = BuildBoth(site.dir(), cache);
  CHECK(fewer.incremental.tree == fewer.full.tree);
  CHECK(fewer.incremental.findings == fewer.full.findings);
}

// Within a plan made again, a chapter page is made again only when something it shows
// changed, and a Markdown text only when it changed or when its page answers it differently:
// its n-th reference, 「最初だけ」 auto-links, its footnote ids, an attachment's size, the
// glossary's names, the readings.
TEST_CASE("a plan made again makes only its changed pages and Markdown and equals a full build",
          "[build][incremental]") {
  TempSite site("incremental-memo", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 見本町}\ntitle: t\nkind: k\nchapters: [a.yaml, b.yaml, c.yaml]\n"
                            "glossary: g.yaml\nauto_link_terms: first\nfurigana: {auto: 3}\n"},
      {"plans/x/g.yaml", "terms:\n  - {term: 窓口, reading: まどぐち, definition: 手続の場所}\n"
                         "  - {term: DX, reading: でぃーえっくす, definition: \"[[窓口]]も変える変革\"}\n"},
      {"plans/x/a.yaml", "title: 方針\ncontent:\n  - 見本町は行政手続を推進する。\n"},
      {"plans/x/b.yaml", "title: 推進\ncontent:\n  - \"[[窓口]]でDXを進める[^1]。\\n\\n[^1]: 注です。\"\n"
                         "  - \"[計画書](plan.pdf)を見る。[[窓口]]も。\"\n"},
      {"plans/x/c.yaml", "title: 結び\ncontent:\n  - \"DXと[[窓口]]の話[^2]。\\n\\n[^2]: 二つ目の注。\"\n"
                         "  - \"[[無い言葉]]\"\n"},
      {"plans/x/plan.pdf", std::string(3000, 'p')},
  });
  keikaku::pipeline::BuildCache cache;
  Both first = BuildBoth(site.dir(), cache);
  INFO(first.full.findings);
  REQUIRE(first.full.findings.find("[ref.glossary]") != std::string::npos);
  REQUIRE(first.full.auto_ruby > 0);
  CHECK(first.incremental.tree == first.full.tree);
  REQUIRE(cache.fragments_rendered() > 10);
  REQUIRE(cache.pages_made() == 3);

  auto check = [&](const char* what) {
    INFO(what);
    Both b = BuildBoth(site.dir(), cache);
    CHECK(b.incremental.tree == b.full.tree);
    CHECK(b.incremental.findings == b.full.findings);
    CHECK(b.incremental.auto_ruby == b.full.auto_ruby);
    CHECK(b.incremental.pages == b.full.pages);
    CHECK(cache.plans_rendered() == 1);
    return cache.fragments_rendered();
  };
  // A paragraph at the end: that chapter's page, and the new text alone, on that page and in
  // the full text.
  Append(site.dir() / "plans/x/c.yaml", "  - 結びの段落です。\n");
  CHECK(check("a new paragraph") == 2);
  CHECK(cache.pages_made() == 1);
  CHECK(cache.pages_reused() == 2);
  // One before the footnotes: chapter a's two texts (its page was taken whole last time, so
  // its texts left the memo), and in the full text the new one and the two footnoted ones,
  // whose ids moved.
  Append(site.dir() / "plans/x/a.yaml", "  - 方針を定める。\n");
  CHECK(check("a paragraph before the footnotes") == 5);
  CHECK(cache.pages_made() == 1);
  // A reference to 窓口 and DX before the others: every later reference gets another number,
  // and 「最初だけ」 no longer links the first DX of chapter b in the full text.
  Append(site.dir() / "plans/x/a.yaml", "  - \"[[窓口]]とDXを置く。\"\n");
  CHECK(check("earlier references") > 2);
  // A footnote before the others: the later footnote ids of the full text change.
  Append(site.dir() / "plans/x/a.yaml", "  - \"方針の注[^0]。\\n\\n[^0]: 最初の注。\"\n");
  check("an earlier footnote");
  // The attachment's size, the glossary's names, the readings (the grade, and the town's
  // name, read as plan.yaml gives it).
  std::ofstream(site.dir() / "plans/x/plan.pdf", std::ios::trunc) << std::string(9000, 'p');
  check("a larger attachment");
  Append(site.dir() / "plans/x/g.yaml", "  - {term: 手続, reading: てつづき, definition: 届け出のこと}\n");
  check("a new glossary term");
  std::ofstream(site.dir() / "plans/x/plan.yaml", std::ios::app) << "  ";  // the same plan, saved again
  check("plan.yaml saved");
  {
    std::ifstream in(site.dir() / "plans/x/plan.yaml");
    std::string plan(std::istreambuf_iterator<char>(in), {});
    plan.replace(plan.find("auto: 3"), 7, "auto: 6");
    std::ofstream(site.dir() / "plans/x/plan.yaml", std::ios::trunc) << plan;
  }
  check("another grade");
  {
    std::ifstream in(site.dir() / "plans/x/plan.yaml");
    std::string plan(std::istreambuf_iterator<char>(in), {});
    plan.replace(plan.find("{name: 見本町}"), std::string("{name: 見本町}").size(), "{name: 見本町, reading: みほんちょう}");
    std::ofstream(site.dir() / "plans/x/plan.yaml", std::ios::trunc) << plan;
  }
  check("the town's reading");
  // The unknown term fixed: its finding goes.
  {
    std::ifstream in(site.dir() / "plans/x/c.yaml");
    std::string c(std::istreambuf_iterator<char>(in), {});
    c.replace(c.find("無い言葉"), std::string("無い言葉").size(), "窓口");
    std::ofstream(site.dir() / "plans/x/c.yaml", std::ios::trunc) << c;
  }
  check("a reference fixed");
  Both last = BuildBoth(site.dir(), cache);
  CHECK(last.full.findings.find("[ref.glossary]") == std::string::npos);
  CHECK(cache.plans_reused() == 1);

  // What a chapter page shows of the others: its neighbours' titles (the pager) and where
  // the measures its schedules link to are.
  {
    std::ifstream in(site.dir() / "plans/x/b.yaml");
    std::string b(std::istreambuf_iterator<char>(in), {});
    b.replace(b.find("title: 推進"), std::string("title: 推進").size(), "title: 推進の体制");
    std::ofstream(site.dir() / "plans/x/b.yaml", std::ios::trunc) << b;
  }
  check("a chapter's new title");
  CHECK(cache.pages_made() == 3);  // b, and a and c, whose pagers name it
  const std::string measure = "  - measures:\n      - {id: m1, number: 施策1, title: 窓口の改善}\n";
  Append(site.dir() / "plans/x/a.yaml",
         "  - schedule:\n      caption: 予定\n      from: 2024\n      to: 2026\n"
         "      rows:\n        - {item: 窓口の改善, measure: m1, from: 2024, to: 2025}\n");
  Append(site.dir() / "plans/x/b.yaml", measure);
  Both linked = BuildBoth(site.dir(), cache);
  REQUIRE(Contains(linked.full.tree.at("x/a.html"), "b.html#m1"));
  CHECK(linked.incremental.tree == linked.full.tree);
  {
    std::ifstream in(site.dir() / "plans/x/b.yaml");
    std::string b(std::istreambuf_iterator<char>(in), {});
    b.erase(b.find(measure), measure.size());
    std::ofstream(site.dir() / "plans/x/b.yaml", std::ios::trunc) << b;
  }
  Append(site.dir() / "plans/x/c.yaml", measure);
  Both moved = BuildBoth(site.dir(), cache);
  REQUIRE(Contains(moved.full.tree.at("x/a.html"), "c.html#m1"));
  CHECK(moved.incremental.tree == moved.full.tree);
  CHECK(moved.incremental.findings == moved.full.findings);
}

// A plan of 8 chapters or more has the later half of its chapters filled on a thread of its
// own (render.cc, Helper); the pages, findings and figures are those of one thread, also where
// two neighbouring chapters on either side of the split have the same title (the glossary
// links such pages once), and with keikaku serve's memo.
TEST_CASE("a long plan's chapters on two threads equal one thread, also rebuilt", "[build][parallel][incremental]") {
  std::map<std::string, std::string> files = {
      {"site.yaml", "title: t\n"},
      {"plans/x/g.yaml", "terms:\n  - {term: 窓口, reading: まどぐち, definition: 手続の場所}\n"
                         "  - {term: DX, reading: でぃーえっくす, definition: 変革}\n"},
  };
  std::string chapters;
  for (int i = 1; i <= 10; ++i) {
    const std::string name = "c" + std::to_string(i) + ".yaml";
    chapters += (i > 1 ? ", " : "") + name;
    std::string title = i == 5 || i == 6 ? "同じ題" : "第" + std::to_string(i) + "の章";
    std::string text = i == 2 ? "R5.4.1 から行政手続を推進する。" : i == 7 ? "\"[[無い言葉]]\"" : "窓口でDXを進める。";
    files["plans/x/" + name] = "title: " + title + "\ncontent:\n  - " + text + "\n";
  }
  files["plans/x/plan.yaml"] = "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [" + chapters +
                               "]\nglossary: g.yaml\nauto_link_terms: first\nfurigana: {auto: 3}\n";
  TempSite site("long-plan", files);
  JobsBuild one = BuildWithJobs(site.dir(), 1);
  REQUIRE(one.pages >= 14);
  REQUIRE(one.auto_ruby > 0);
  CHECK(one.findings.find("[ref.glossary]") != std::string::npos);
  CHECK(one.findings.find("[lint.date-form]") != std::string::npos);
  const std::string& glossary = one.tree.at("x/glossary.html");
  CHECK(Contains(glossary, "c5.html#ref-term"));
  CHECK_FALSE(Contains(glossary, "c6.html#ref-term"));  // the same title as c5, just before it
  CHECK(Contains(glossary, "c8.html#ref-term"));
  JobsBuild two = BuildWithJobs(site.dir(), 2);
  CHECK(two.tree == one.tree);
  CHECK(two.findings == one.findings);
  CHECK(two.pages == one.pages);
  CHECK(two.auto_ruby == one.auto_ruby);

  keikaku::pipeline::BuildCache cache;
  Both first = BuildBoth(site.dir(), cache);
  CHECK(first.incremental.tree == one.tree);
  Append(site.dir() / "plans/x/c8.yaml", "  - 窓口を一つにする。\n");
  Both edited = BuildBoth(site.dir(), cache);
  CHECK(edited.incremental.tree == edited.full.tree);
  CHECK(edited.incremental.findings == edited.full.findings);
  CHECK(edited.incremental.auto_ruby == edited.full.auto_ruby);
  CHECK(cache.pages_made() == 1);
  CHECK(cache.pages_reused() == 9);
}

// keikaku serve prepares the theme (templates, stylesheet, scripts) once and keeps it while
// the theme's files stay the same; an edited theme file is taken up on the next save.
TEST_CASE("an incremental build takes up an edited theme file", "[build][incremental]") {
  TempSite site("incremental-theme", {{"theme/assets/scss/_tokens.scss", ""}});
  fs::copy(kRoot / "content", site.dir() / "content", fs::copy_options::recursive);
  const fs::path theme = site.dir() / "theme";
  std::ifstream tokens(kRoot / "assets/scss/_tokens.scss");
  std::ofstream(theme / "assets/scss/_tokens.scss") << tokens.rdbuf();
  auto stylesheet = [](const OutputTree& tree) {
    for (const auto& [path, bytes] : tree) {
      if (path.rfind("assets/style.", 0) == 0) return path;
    }
    return std::string();
  };
  keikaku::pipeline::BuildCache cache;
  Both first = BuildBoth(site.dir() / "content", cache, theme);
  REQUIRE_FALSE(stylesheet(first.full.tree).empty());
  CHECK(first.incremental.tree == first.full.tree);
  Both same = BuildBoth(site.dir() / "content", cache, theme);
  CHECK(same.incremental.tree == first.full.tree);
  CHECK(cache.plans_reused() == 4);

  Append(theme / "assets/scss/_tokens.scss", "\n$keikaku-test-unused: 1px;\nhtml { outline-offset: 3px; }\n");
  Both edited = BuildBoth(site.dir() / "content", cache, theme);
  CHECK(edited.incremental.tree == edited.full.tree);
  CHECK(stylesheet(edited.full.tree) != stylesheet(first.full.tree));
  CHECK(Contains(edited.incremental.tree.at(stylesheet(edited.full.tree)), "outline-offset:3px"));
  CHECK(cache.plans_rendered() == 4);  // every page names the stylesheet
}

namespace {

const OutputTree& ComponentsSite() {
  static Diagnostics diags;
  static OutputTree tree = BuildTree(kRoot / "tests/sites/components", diags);
  return tree;
}

}  // namespace

TEST_CASE("schedules: year bars, continuing items, milestones, links to measures, a list for phones", "[build][components]") {
  const std::string& c2 = ComponentsSite().at("demo/chapter-2.html");
  // Column headers: the item column, then each fiscal year in both forms (no 時期 column:
  // the words go under each item).
  CHECK(Contains(c2, "<thead><tr><th scope=\"col\">取組</th><th scope=\"col\">令和6年度<span class=\"seireki\">（2024年度）</span></th>"));
  CHECK(Contains(c2, "<th scope=\"col\">令和10年度<span class=\"seireki\">（2028年度）</span></th></tr></thead>"));
  // An item that carries out a measure links to it on its chapter's page.
  CHECK(Contains(c2, "<th scope=\"row\"><a href=\"chapter-1.html#online-procedures\">行政手続のオンライン化</a></th>"));
  // A span: one bar per year, the period in words under the item.
  CHECK(Contains(c2, "<tr class=\"depth-1\"><th scope=\"row\">対象手続の洗い出し<span class=\"schedule-when\">令和6年度（2024年度）</span></th>"
                     "<td class=\"on\"><span class=\"bar\">実施</span></td><td class=\"off\"></td>"));
  // Continuing: bars to the last year, an arrow for the eye and words for the ear; a milestone
  // in its year's cell and in the words.
  CHECK(Contains(c2, "電子申請の受付<span class=\"schedule-when\">令和7年度（2025年度）から令和10年度（2028年度）まで（以降も継続）。"
                     "令和8年度（2026年度）：主な手続の半数を受付</span></th><td class=\"off\"></td>"));
  CHECK(Contains(c2, "<td class=\"on\"><span class=\"bar\">実施</span><span class=\"milestone\"><span aria-hidden=\"true\">◆</span>主な手続の半数を受付</span></td>"));
  CHECK(Contains(c2, "<td class=\"on\"><span class=\"bar\">実施<span aria-hidden=\"true\">→</span><span class=\"vh\">（以降も継続）</span></span></td></tr>"));
  // Free text gets the 西暦 of the 和暦 it names.
  CHECK(Contains(c2, "<span class=\"schedule-when\">随時（令和7年度（2025年度）に全面改定）</span>"));
  // The same rows as nested lists, labelled by the caption.
  CHECK(Contains(c2, "<div class=\"schedule-list\" role=\"group\" aria-labelledby=\"sec-2-1-b1-l\">"));
  CHECK(Contains(c2, "<li><span class=\"schedule-item\"><a href=\"chapter-1.html#online-procedures\">行政手続のオンライン化</a></span>\n<ul>\n"
                     "<li><span class=\"schedule-item\">対象手続の洗い出し</span><span class=\"schedule-when\">令和6年度（2024年度）</span></li>"));
  CHECK(Count(c2, "<span class=\"schedule-item\">") == 6);
  // On the one-page full text the links stay on the page.
  CHECK(Contains(ComponentsSite().at("demo/full.html"), "<a href=\"#online-procedures\">行政手続のオンライン化</a>"));
}

TEST_CASE("measures: own anchors, and an index page grouped by policy", "[build][components]") {
  const std::string& c1 = ComponentsSite().at("demo/chapter-1.html");
  CHECK(Contains(c1, "<section class=\"measure\" id=\"online-procedures\" aria-labelledby=\"online-procedures-h\">"));
  // A measure without an id keeps the anchor of its place.
  CHECK(Contains(c1, "<section class=\"measure\" id=\"sec-1-2-b1-2\""));
  const std::string& index = ComponentsSite().at("demo/measures.html");
  CHECK(Contains(index, "<title>施策の一覧 | 見本町 見本町DX推進計画 | 部品の見本サイト</title>"));
  // The priority explained in words, not by a symbol.
  CHECK(Contains(index, "の施策5件を、基本方針ごとに並べています。"));
  CHECK(Contains(index, "「重点」と書いた2件は、計画が重点的に取り組むとしている施策です"));
  // Groups: the section holding the list, or the measure's own policy.
  CHECK(Contains(index, "<h2 id=\"group-1\">1.1 基本方針1 暮らしのDX</h2>"));
  CHECK(Contains(index, "<h2 id=\"group-2\">1.2 基本方針2 行政のDX</h2>"));
  CHECK(Contains(index, "<h2 id=\"group-3\">基本方針2 行政のDX</h2>"));
  CHECK(Contains(index, "<li><a href=\"chapter-1.html#online-procedures\"><span class=\"num\">施策1</span> 行政手続のオンライン化</a> <strong class=\"badge\">重点</strong>"));
  CHECK(Contains(index, "<dt>担当所属</dt><dd>住民課</dd>"));
  CHECK(Contains(index, "<dt>令和10年度の目標</dt><dd>主な手続の80％をオンラインで受け付ける</dd>"));
  CHECK(Contains(index, "<dt>実施時期</dt><dd>令和7年度末までに移行</dd>"));
  // A section that describes a measure is listed under the section above it.
  CHECK(Contains(index, "<h2 id=\"group-4\">1.3 基本方針3 地域のDX</h2>\n<ul class=\"measure-index\">\n"
                        "<li><a href=\"chapter-1.html#sec-1-3-1\"><span class=\"num\">施策5</span> 地域の見守り</a>"
                        "<span class=\"measure-chapter\">（第1章 施策）</span>\n</li>"));
  // The overview links to it; the reading order passes through it.
  CHECK(Contains(ComponentsSite().at("demo/index.html"), "<li><a href=\"measures.html\">施策の一覧</a></li>"));
  CHECK(Contains(ComponentsSite().at("demo/chapter-2.html"), "<a href=\"measures.html\" rel=\"next\">"));
  Diagnostics diags;
  keikaku::check::CheckLinks(ComponentsSite(), diags);
  INFO(diags.Format());
  CHECK(diags.items().empty());
}

TEST_CASE("measure ids and schedule links are checked where they are written", "[build][components]") {
  TempSite site("measure-ids", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n"
                         "  - measures:\n"
                         "      - {id: open-data, number: \"1\", title: a}\n"
                         "      - {id: open-data, number: \"2\", title: b}\n"
                         "      - {id: Sec-1, number: \"3\", title: c}\n"
                         "  - schedule:\n"
                         "      caption: s\n      from: 2023\n      to: 2025\n      rows:\n"
                         "        - {item: i, measure: opendata}\n"
                         "        - {item: j, continues: true}\n"
                         "        - {item: k, from: 2023, milestones: [{when: 2027, label: 稼働}]}\n"},
  });
  Diagnostics diags = FailedBuild(site.dir());
  REQUIRE(diags.error_count() == 5);
  std::vector<std::pair<std::string, int>> found;
  for (const auto& d : diags.items()) found.emplace_back(d.rule, d.pos.line);
  CHECK(found == std::vector<std::pair<std::string, int>>{{"content.measure-id", 5}, {"content.measure-id", 6},
                                                           {"ref.measure", 12}, {"schema.required", 13},
                                                           {"schema.year-order", 14}});
  CHECK(diags.items()[2].hint == "「open-data」のことですか？");
}

TEST_CASE("statistics: a chart drawn at build time above its data table", "[build][components]") {
  const std::string& c2 = ComponentsSite().at("demo/chapter-2.html");
  // The SVG is one image named by its caption and described as pointing to the table after it.
  std::size_t svg = c2.find("<svg");
  std::size_t table = c2.find("<caption id=\"sec-2-3-b1\">");
  REQUIRE(svg != std::string::npos);
  REQUIRE(table != std::string::npos);
  CHECK(svg < table);
  CHECK(Contains(c2.substr(svg, 400), "role=\"img\" aria-labelledby=\"sec-2-3-b1-chart-title\""));
  CHECK(Count(c2, "<svg") == 2);
  const std::string chart = c2.substr(svg, c2.find("</svg>", svg) - svg);
  CHECK_FALSE(Contains(chart, "<script"));
  CHECK_FALSE(Contains(chart, "href"));  // nothing loaded at run time
  // The table prints the values as the chart labels them: thousands separators, shared decimals.
  CHECK(Contains(c2, "<tr><th scope=\"row\">平成17年</th><td>28,790</td></tr>"));
  CHECK(Contains(c2, "<tr><th scope=\"row\">18〜29歳</th><td>48.5</td><td>61.0</td></tr>"));
}

TEST_CASE("a base_path that names another server is an error: the 404 page loads its script from it", "[build][hostile]") {
  // Browsers read "//host/" and "/\host/" as another server, and drop tabs from URLs.
  for (const char* value : {"//evil.example/", "\"/\\\\evil.example/\"", "\"/\\t/evil.example/\"", "'\\evil.example/'"}) {
    INFO(value);
    TempSite site("base-path", {
        {"site.yaml", std::string("title: t\nbase_path: ") + value + "\n"},
        {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
        {"plans/x/c.yaml", "title: c\n"},
    });
    Diagnostics diags = FailedBuild(site.dir());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].rule == "content.base-path");
    CHECK(diags.items()[0].pos.line == 2);
    CHECK(diags.items()[0].pos.column == 12);
  }
  // A path with markup in it stays a path on this server, escaped.
  TempSite site("base-path-ok", {
      {"site.yaml", "title: t\nbase_path: \"/\\\"><script>alert(1)</script>/\"\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  const std::string& page = tree.at("404.html");
  CHECK(Contains(page, "<script src=\"/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/assets/furigana."));
  CHECK(Count(page, "<script") == 1);
}

TEST_CASE("an image named with quotes and angle brackets stays inside its attribute", "[build][hostile]") {
  // Names no other system allows, so they are made here rather than kept in tests/sites/hostile.
  const std::string name = "a\" onerror=\"alert(1)<b>.png";
  TempSite site("image-name", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n"
                         "  - figure: {caption: f, alt: a, image: 'a\" onerror=\"alert(1)<b>.png'}\n"
                         "  - '![a](<a\" onerror=\"alert(1)\\<b\\>.png>)'\n"},
      {"plans/x/" + name, "not really a PNG"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  CHECK(tree.count("x/" + name) == 1);
  const std::string& page = tree.at("x/c.html");
  CHECK(Contains(page, "<img src=\"a&quot; onerror=&quot;alert(1)&lt;b&gt;.png\" alt=\"a\">"));
  CHECK(Contains(page, "<img src=\"a%22%20onerror=%22alert(1)%3Cb%3E.png\" alt=\"a\" />"));
  CHECK_FALSE(Contains(page, "\" onerror="));
}

TEST_CASE("only raster images are published: an SVG or HTML \"image\" is an error at its name", "[build][hostile]") {
  // Published beside the pages, an SVG drawing or an HTML page would run its scripts with the
  // site's address for a reader who opens it.
  TempSite site("image-type", {
      {"site.yaml", "title: t\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\ncontent:\n"
                         "  - figure: {caption: f, alt: a, image: map.svg}\n"
                         "  - |\n    ![地図](page.html) ![地図](MAP.PNG)\n"},
      {"plans/x/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"},
      {"plans/x/page.html", "<script>alert(1)</script>"},
      {"plans/x/MAP.PNG", "a raster image"},
  });
  Diagnostics diags = FailedBuild(site.dir());
  std::vector<std::string> found;
  for (const auto& d : diags.Sorted()) {
    found.push_back(d.rule + "@" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column));
  }
  CHECK(found == std::vector<std::string>{"content.image-type@3:41", "content.image-type@5:5"});
}

namespace {

// The content of <meta property|name="KEY" content="…">, or "" when the page has none.
std::string Meta(const std::string& html, const std::string& key) {
  std::smatch m;
  std::regex re("<meta (?:property|name)=\"" + key + "\" content=\"([^\"]*)\">");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

}  // namespace

TEST_CASE("sharing: every page has its title, description and town in Open Graph tags", "[build][share]") {
  Diagnostics diags;
  OutputTree tree = BuildTree(kRoot / "content", diags);
  const std::map<std::string, std::string> towns = {{"miki-dx-plan", "三木町"}, {"otaki-dx-plan", "大多喜町"},
                                                     {"shoo-dx-policy", "勝央町"}, {"takahashi-dx-plan", "高梁市"}};
  int pages = 0;
  for (const auto& [path, html] : tree) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    INFO(path);
    ++pages;
    CHECK(Meta(html, "og:site_name") == "自治体DX計画の公開サイト（見本）");
    CHECK(Meta(html, "og:locale") == "ja_JP");
    CHECK(Meta(html, "twitter:card") == "summary");
    CHECK_FALSE(Meta(html, "og:title").empty());
    CHECK(Meta(html, "twitter:title") == Meta(html, "og:title"));
    CHECK_FALSE(Meta(html, "og:description").empty());
    CHECK(Meta(html, "description") == Meta(html, "og:description"));
    CHECK_FALSE(Contains(html, "og:url"));  // no public address given
    std::string slug = path.substr(0, path.find('/'));
    if (auto town = towns.find(slug); town != towns.end()) {
      CHECK(Contains(Meta(html, "og:title"), town->second));
      CHECK(Meta(html, "og:description").rfind(town->second + "の", 0) == 0);
    }
  }
  CHECK(pages >= 38);  // every plan's overview, chapters, 施策の一覧, glossary and full text, and the site's own
  const std::string& chapter = tree.at("miki-dx-plan/chapter-3.html");
  CHECK(Meta(chapter, "og:title") == "第3章 重点施策 | 三木町 三木町DX推進計画");
  CHECK(Meta(chapter, "og:description") ==
        "三木町の推進計画「三木町DX推進計画」（令和6年度（2024年度）から令和10年度（2028年度）まで）の第3章 重点施策です。");
  CHECK(Meta(tree.at("miki-dx-plan/index.html"), "og:title") == "三木町 三木町DX推進計画");
  CHECK(tree.count("sitemap.xml") == 0);
}

TEST_CASE("sharing: with a public base URL, canonical addresses, sitemap.xml and robots.txt", "[build][share]") {
  TempSite site("share", {
      {"site.yaml", "title: 町の計画\nbase_url: https://www.town.example.jp/keikaku\n"},
      {"plans/x/plan.yaml", "municipality: {name: 見本町}\ntitle: 見本町DX推進計画\nkind: 推進計画\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "number: 第1章\ntitle: はじめに\ncontent:\n  - 本文です。\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  const std::string& chapter = tree.at("x/c.html");
  CHECK(Contains(chapter, "<link rel=\"canonical\" href=\"https://www.town.example.jp/keikaku/x/c.html\">"));
  CHECK(Meta(chapter, "og:url") == "https://www.town.example.jp/keikaku/x/c.html");
  CHECK(Meta(tree.at("x/index.html"), "og:url") == "https://www.town.example.jp/keikaku/x/");
  CHECK_FALSE(Contains(tree.at("404.html"), "canonical"));
  CHECK(tree.at("sitemap.xml") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<url><loc>https://www.town.example.jp/keikaku/</loc></url>\n"
        "<url><loc>https://www.town.example.jp/keikaku/x/</loc></url>\n"
        "<url><loc>https://www.town.example.jp/keikaku/x/c.html</loc></url>\n"
        "<url><loc>https://www.town.example.jp/keikaku/x/full.html</loc></url>\n"
        "<url><loc>https://www.town.example.jp/keikaku/accessibility.html</loc></url>\n</urlset>\n");
  CHECK(tree.at("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://www.town.example.jp/keikaku/sitemap.xml\n");

  TempSite bad("share-bad", {
      {"site.yaml", "title: t\nbase_url: \"javascript:alert(1)//\"\n"},
      {"plans/x/plan.yaml", "municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: c\n"},
  });
  Diagnostics errors = FailedBuild(bad.dir());
  REQUIRE(errors.error_count() == 1);
  CHECK(errors.items()[0].rule == "content.base-url");
  CHECK(errors.items()[0].pos.line == 2);
}

TEST_CASE("revisions: a history page in date order, an Atom feed and 最終更新日 on every page", "[build][revisions]") {
  // plan.yaml lists 2024-03 (第3章, 施策の追加) before 2023-05-16 (初版).
  const std::string& history = Page("sample/revisions.html");
  std::size_t first = history.find("<tr id=\"rev-2023-05-16\"><th scope=\"row\"><time datetime=\"2023-05-16\">令和5年5月16日（2023年5月16日）</time></th><td>—</td><td>初版</td></tr>");
  std::size_t second = history.find("<tr id=\"rev-2024-03\"><th scope=\"row\"><time datetime=\"2024-03\">令和6年3月（2024年3月）</time></th><td>第3章</td><td>施策の追加</td></tr>");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK(Contains(history, "<span aria-current=\"page\">改訂履歴</span>"));
  CHECK(Contains(history, "<a href=\"feed.xml\" type=\"application/atom+xml\">"));

  const std::string& feed = Page("sample/feed.xml");
  CHECK(feed.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n", 0) == 0);
  CHECK(Contains(feed, "<updated>2024-03-01T00:00:00+09:00</updated>\n<author>\n<name>"));
  CHECK(Contains(feed, "<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>"));
  // Newest first; without a public address, ids are URNs and links relative to the feed.
  std::size_t newest = feed.find("<title>令和6年3月（2024年3月） 施策の追加</title>");
  std::size_t oldest = feed.find("<title>令和5年5月16日（2023年5月16日） 初版</title>");
  CHECK(newest != std::string::npos);
  CHECK(oldest != std::string::npos);
  CHECK(newest < oldest);
  CHECK(Contains(feed, "<link rel=\"alternate\" type=\"text/html\" href=\"revisions.html#rev-2024-03\"/>\n<summary>"));
  CHECK(Contains(feed, "（改訂箇所：第3章）</summary>"));
  std::regex urn("<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</id>");
  CHECK(std::distance(std::sregex_iterator(feed.begin(), feed.end(), urn), std::sregex_iterator()) == 3);

  // Every page of the plan: the latest revision and a link to the history; the feed in <head>.
  const std::string updated = "<p class=\"page-updated\">最終更新日：<time datetime=\"2024-03\">令和6年3月（2024年3月）</time>";
  for (const char* page : {"sample/index.html", "sample/chapter-1.html", "sample/glossary.html", "sample/full.html"}) {
    INFO(page);
    CHECK(Contains(Page(page), updated + "（<a href=\"revisions.html\">改訂履歴</a>）</p>"));
    CHECK(Contains(Page(page), "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"見本町 見本町DX推進計画 改訂履歴\" href=\"feed.xml\">"));
  }
  CHECK(Contains(history, updated + "</p>"));  // no link to the page itself
  // The site's own pages: the latest revision of any plan.
  for (const char* page : {"index.html", "accessibility.html", "404.html"}) {
    INFO(page);
    CHECK(Contains(Page(page), updated + "</p>"));
  }
  // The printed full text carries its dates on the cover.
  CHECK(Contains(Page("sample/full.html"), "<dt>最終更新日</dt><dd><time datetime=\"2024-03\">令和6年3月（2024年3月）</time></dd>"));
}

TEST_CASE("revisions: made from 策定 and 改定 when not listed; none without dates", "[build][revisions]") {
  TempSite site("revisions", {
      {"site.yaml", "title: 町の計画\nbase_url: https://www.town.example.jp/keikaku/\n"},
      {"plans/x/plan.yaml", "municipality: {name: 見本町}\ntitle: 見本町DX推進計画\nkind: 推進計画\n"
                            "established: \"2021-10\"\nrevised: \"2026-03\"\nchapters: [c.yaml]\n"},
      {"plans/x/c.yaml", "title: はじめに\ncontent:\n  - 本文です。\n"},
      {"plans/y/plan.yaml", "municipality: {name: 別町}\ntitle: 別町の方針\nkind: 基本方針\nchapters: [c.yaml]\n"},
      {"plans/y/c.yaml", "title: はじめに\ncontent:\n  - 本文です。\n"},
      {"plans/z/plan.yaml", "municipality: {name: 三町}\ntitle: 三町の計画\nkind: 推進計画\nchapters: [c.yaml]\n"
                            "revisions:\n  - {date: \"2025-04-01\", description: 一部改定}\n  - {date: \"2025-04-01\", description: 誤字の訂正}\n"},
      {"plans/z/c.yaml", "title: はじめに\ncontent:\n  - 本文です。\n"},
  });
  Diagnostics diags;
  OutputTree tree = BuildTree(site.dir(), diags);
  const std::string& history = tree.at("x/revisions.html");
  CHECK(Contains(history, "<tr id=\"rev-2021-10\"><th scope=\"row\"><time datetime=\"2021-10\">令和3年10月（2021年10月）</time></th><td>—</td><td>策定</td></tr>"));
  CHECK(Contains(history, "<tr id=\"rev-2026-03\"><th scope=\"row\"><time datetime=\"2026-03\">令和8年3月（2026年3月）</time></th><td>—</td><td>改定</td></tr>"));
  // With a public address: ids and links are absolute; the history page is in the sitemap.
  const std::string& feed = tree.at("x/feed.xml");
  CHECK(Contains(feed, "<id>https://www.town.example.jp/keikaku/x/revisions.html</id>\n<updated>2026-03-01T00:00:00+09:00</updated>"));
  CHECK(Contains(feed, "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://www.town.example.jp/keikaku/x/feed.xml\"/>"));
  CHECK(Contains(feed, "<id>https://www.town.example.jp/keikaku/x/revisions.html#rev-2021-10</id>"));
  CHECK(Contains(tree.at("sitemap.xml"), "<loc>https://www.town.example.jp/keikaku/x/revisions.html</loc>"));
  // Two revisions on one day get distinct anchors, in the order written.
  const std::string& z = tree.at("z/revisions.html");
  std::size_t a = z.find("<tr id=\"rev-2025-04-01\">"), b = z.find("<tr id=\"rev-2025-04-01-2\">");
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(a < b);
  CHECK(z.find("一部改定") < z.find("誤字の訂正"));
  // A plan without any date has no history, feed or 最終更新日; the site's pages take the latest.
  CHECK(tree.count("y/revisions.html") == 0);
  CHECK(tree.count("y/feed.xml") == 0);
  CHECK_FALSE(Contains(tree.at("y/index.html"), "page-updated"));
  CHECK_FALSE(Contains(tree.at("y/index.html"), "改訂履歴"));
  CHECK(Contains(tree.at("index.html"), "最終更新日：<time datetime=\"2026-03\">"));
}
