#include "render/render.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>

#include <algorithm>
#include <cctype>
#include <future>
#include <map>
#include <set>
#include <memory>

#include "assetpipe/script.h"
#include "assetpipe/scss.h"
#include "furigana/morphology.h"
#include "parallel/parallel.h"
#include "render/content_text.h"
#include "render/feed.h"
#include "render/page_context.h"
#include "render/term_order.h"
#include "render/urls.h"
#include "text/date.h"
#include "text/escape.h"
#include "text/utf8.h"

namespace keikaku::render {

namespace {

constexpr const char* kStylesheetEntry = "assets/scss/style.scss";
constexpr const char* kGlossaryScript = "assets/js/glossary.js";
constexpr const char* kFuriganaScript = "assets/js/furigana.js";

struct Link {
  std::string href, label;
};

// For each glossary entry, the pages that use it: links to the first use on each page.
using UsedOn = std::map<const model::GlossaryEntry*, std::vector<Link>>;

// Adds a page's link to an entry it uses to `used_on`: one link per page (by its label).
void AddUse(UsedOn& used_on, const model::GlossaryEntry* entry, const Link& link) {
  std::vector<Link>& pages = used_on[entry];
  if (pages.empty() || pages.back().label != link.label) pages.push_back(link);
}

// The first reference or term box of each entry a page (`href`, relative to the plan's
// folder) uses, as links to it.
std::vector<std::pair<const model::GlossaryEntry*, std::string>> FirstUses(const PageContext& ctx,
                                                                         const std::string& href) {
  std::vector<std::pair<const model::GlossaryEntry*, std::string>> first;
  std::set<const model::GlossaryEntry*> seen;
  for (const auto* list : {&ctx.uses(), &ctx.shown()}) {
    for (const TermUse& use : *list) {
      if (seen.insert(use.entry).second) first.emplace_back(use.entry, href + "#" + use.ref_ids.front());
    }
  }
  return first;
}

// Adds the references and term boxes of a page to `used_on`, linking the first of each.
void RecordUses(UsedOn& used_on, const PageContext& ctx, const std::string& href, const std::string& label) {
  for (const auto& [entry, link] : FirstUses(ctx, href)) AddUse(used_on, entry, {link, label});
}

// Output paths of one plan's pages.
struct PlanPaths {
  explicit PlanPaths(const model::Plan& p) : slug(p.slug) {}
  std::string Overview() const { return slug + "/index.html"; }
  std::string Chapter(const model::Chapter& c) const { return slug + "/" + c.slug + ".html"; }
  std::string Glossary() const { return slug + "/glossary.html"; }
  std::string Full() const { return slug + "/full.html"; }
  std::string Measures() const { return slug + "/measures.html"; }
  std::string Revisions() const { return slug + "/revisions.html"; }
  std::string Feed() const { return slug + "/feed.xml"; }
  std::string slug;
};

std::optional<int> GradeOf(const model::AutoFurigana& a) { return a.on ? std::optional<int>(a.grade) : std::nullopt; }

// The glossary's readings of terms with kanji: automatic furigana prefers them to MeCab's.
std::vector<furigana::KnownReading> GlossaryReadings(const model::Plan& plan) {
  std::vector<furigana::KnownReading> words;
  for (const model::GlossaryEntry& e : plan.glossary) {
    if (!e.reading.empty()) words.push_back({e.term, e.reading});
  }
  return words;
}


}  // namespace

// What every page shares, made once before any page: the theme's templates, the hashed
// names of the stylesheet and scripts, and their files.
struct PreparedTheme::Assets {
  ctemplate::TemplateCache cache;
  std::string stylesheet;
  std::string glossary_script;  // empty when a theme leaves the script out
  std::string furigana_script;  // the ふりがな switch; empty when a theme leaves it out
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
};

namespace {

using SiteAssets = PreparedTheme::Assets;

// Minifies script `path` of the theme into assets/NAME.HASH.js; "" when the theme has none.
std::string AddScript(const theme::Theme& theme, const char* path, const char* name, SiteAssets& assets) {
  std::optional<std::string> js = theme.Read(path);
  if (!js) return "";
  std::string bytes = assetpipe::StripScript(*js);
  std::string file = std::string("assets/") + name + "." + assetpipe::ContentHash(bytes) + ".js";
  assets.files.emplace_back(file, std::move(bytes));
  return file;
}

// The plan's glossary terms and aliases, each naming its entry (the first entry wins).
TermIndex TermsOf(const model::Plan& plan) {
  TermIndex terms;
  for (const model::GlossaryEntry& e : plan.glossary) {
    terms.emplace(e.term, &e);
    for (const std::string& a : e.aliases) terms.emplace(a, &e);
  }
  return terms;
}

// MeCab is loaded only if some page asks for automatic furigana.
bool WantsMorphology(const model::Site& site) {
  bool wanted = site.auto_furigana.on;
  for (const model::Plan& plan : site.plans) {
    wanted = wanted || (plan.auto_furigana && plan.auto_furigana->on);
    for (const model::Chapter& c : plan.chapters) wanted = wanted || (c.auto_furigana && c.auto_furigana->on);
  }
  return wanted;
}

std::unique_ptr<furigana::Morphology> OpenMorphology(diag::Diagnostics& diags) {
  std::string error;
  auto morphology = furigana::Morphology::Open(furigana::Morphology::DefaultDictionary(), error);
  if (!morphology) {
    diags.Error({"site.yaml", 0, 0}, "furigana.dictionary",
                std::string("自動ふりがなの辞書（") + furigana::Morphology::DefaultDictionary() + "）を読み込めません: " + error,
                "辞書をインストールしてください（sudo apt install mecab-ipadic-utf8）。自動ふりがなを使わないなら furigana: auto: off にしてください。");
  }
  return morphology;
}

// Renders pages into a sink. One renderer per thread: the site's own pages are made by one,
// each plan's pages by another (each with its own findings, figures and MeCab tagger).
class PageRenderer {
 public:
  // `site_updated`: model::LastRevised(site), the 最終更新日 of the site's own pages.
  PageRenderer(const model::Site& site, const std::optional<text::Date>& site_updated, const SiteAssets& assets,
               furigana::Morphology* morphology, output::Sink& out, Stats& stats, diag::Diagnostics& diags)
      : site_(site), assets_(assets), morphology_(morphology), out_(out), stats_(stats), diags_(diags),
        site_updated_(site_updated) {}

  // The names of the readings file (and the plan's municipality), and `words` for
  // automatic furigana; the previous annotator's figures are added to the stats.
  void UseAnnotator(std::vector<furigana::KnownReading> names, std::vector<furigana::KnownReading> words) {
    CountAnnotator();
    text_memo_.clear();  // it holds the old annotator's texts
    annotator_ = std::make_unique<furigana::Annotator>(std::move(names), std::move(words), morphology_);
  }
  void CountAnnotator() {
    if (!annotator_) return;
    const furigana::AnnotatorStats& a = annotator_->stats();
    stats_.names += a.names;
    stats_.auto_ruby += a.ruby;
    stats_.auto_words += a.words;
    stats_.unread += a.unread;
  }
  void UseSiteAnnotator() {
    UseAnnotator(SiteNames(), {});
    style_ = {annotator_.get(), GradeOf(site_.auto_furigana), &diags_, {"site.yaml", 0, 0}};
  }
  std::vector<furigana::KnownReading> SiteNames() const {
    std::vector<furigana::KnownReading> names;
    for (const model::NameReading& n : site_.readings) names.push_back({n.word, n.reading});
    return names;
  }

  // The site's index and 404 page, made before the plans.
  void RenderSiteStart() {
    UseSiteAnnotator();
    RenderIndex();
    Render404();
  }

  // Keeps the plan's Markdown fragments in `memo` and reuses those it holds (keikaku serve).
  void UseMemo(RenderMemo* memo) { memo_ = memo; }
  // Makes the full text on a second thread and fills the later half of a long plan's
  // chapters on a third, with `taggers` for their automatic furigana (null when no page asks
  // for it), while this renderer makes the plan's other pages.
  void AllowAside(furigana::Morphology* full_tagger, furigana::Morphology* chapters_tagger) {
    aside_ = true;
    aside_tagger_ = full_tagger;
    helper_tagger_ = chapters_tagger;
  }

  // All pages of `plan`; the terms of the shared glossary they show are added to used_shared().
  void RenderPlanPages(const model::Plan& plan, const std::vector<DataLink>& data) {
    data_ = &data;
    RenderPlan(plan);
    CountAnnotator();
  }
  const std::set<std::string>& used_shared() const { return used_shared_; }

  // The pages made after the plans (the accessibility page links those that exist), and
  // the shared glossary's terms that no plan shows (`used_shared`, from all plans).
  void RenderSiteEnd(const std::set<std::string>& used_shared) {
    UseSiteAnnotator();
    RenderAccessibility();
    CountAnnotator();
    if (!site_.base_url.empty()) RenderSitemap();
    for (const model::GlossaryEntry& e : site_.glossary) {
      if (used_shared.count(e.term) == 0) {
        diags_.Warning(e.pos, "glossary.unused", "共通の用語「" + e.term + "」はどの計画でも使われていません（参照がないか、計画の用語集で置き換えられています）。",
                       "計画の本文で [[" + e.term + "]] と書いて参照するか、使わない用語なら共通の用語集から消してください。");
      }
    }
  }

 private:
  // A page: the layout with the body template included; returns the body dictionary.
  struct Page {
    std::string path;
    std::unique_ptr<Dictionary> layout;
    Dictionary* body;
    TextStyle text;  // readings of the page's x-text variables
    std::string description;  // for search engines and shared links
    std::string history;      // the plan's revision history page, beside 最終更新日
    std::optional<text::Date> updated;  // 最終更新日: the plan's, or for the site's own pages the site's
    // A chapter page keikaku serve keeps (RenderMemo): `kept`, taken from the memo instead
    // of being made (it has no dictionaries), or `made`, recorded while it is made and
    // stored by Finish.
    std::shared_ptr<const RenderMemo::Page> kept;
    std::shared_ptr<RenderMemo::Page> made;
    std::string body_template;  // what kind of page it is
  };

  // The full text up to its glossary, which follows from the other pages.
  struct FullText {
    Page page;
    std::unique_ptr<PageContext> ctx;
  };

  Page StartPage(const std::string& path, const std::string& body_template, const std::string& title,
                 const std::string& root) {
    Page page{path, std::make_unique<Dictionary>(), nullptr, style_, site_.description, "",
              site_updated_, nullptr, nullptr, body_template};
    Dictionary& d = *page.layout;
    // The ふりがな switch appears (and works) only with its script; without JavaScript the
    // site's default applies.
    if (!site_.furigana_shown) d.ShowSection("FURIGANA_OFF");
    if (!assets_.furigana_script.empty()) {
      d.AddSectionDictionary("SCRIPT")->SetValue("SRC", assets_.furigana_script);
      d.AddSectionDictionary("FURIGANA_SWITCH")->SetValue("PRESSED", site_.furigana_shown ? "true" : "false");
    }
    d.SetTemplateGlobalValue("ROOT", root);
    d.SetTemplateGlobalValue("SITE_TITLE", site_.title);
    d.SetValue("PAGE_TITLE", title);
    d.SetValue("SHARE_TITLE", title);
    d.SetValue("STYLESHEET", assets_.stylesheet);
    // The address a shared link and search engines should use, when the site has one.
    if (!site_.base_url.empty() && path != "404.html") d.AddSectionDictionary("CANONICAL")->SetValue("URL", PublicUrl(path));
    page.body = d.AddIncludeDictionary("BODY");
    page.body->SetFilename(body_template);
    return page;
  }

  void Finish(Page& page) {
    if (page.kept) {
      diags_.Merge(page.kept->expanded);
      out_.PutShared(page.path, page.kept->html);
      ++stats_.pages;
      return;
    }
    SetOptional(page.layout.get(), "DESCRIPTION", page.description);
    if (page.updated) {
      Dictionary* u = page.layout->AddSectionDictionary("UPDATED");
      SetDate(u, *page.updated);
      if (!page.history.empty()) u->AddSectionDictionary("HISTORY")->SetValue("HREF", page.history);
    }
    // About as long as the longest page of its kind so far: the page is not copied as it
    // grows (the last page's length let one in four grow).
    std::size_t& size = page_sizes_[page.body_template];
    std::string html;
    html.reserve(size + size / 8);
    ctemplate::PerExpandData data;
    diag::Diagnostics expanded;  // a page to keep: its own findings, joined after
    if (page.made) page.text.diags = &expanded;
    const furigana::AnnotatorStats before = AnnotatorFigures();
    page.text.memo = &text_memo_;
    AttachTextStyle(data, &page.text);
    if (!assets_.cache.ExpandNoLoad("layout.tpl", ctemplate::STRIP_BLANK_LINES, page.layout.get(), &data, &html)) {
      diags_.Merge(std::move(expanded));
      diags_.Error({"templates/layout.tpl", 0, 0}, "theme.template", "ページ " + page.path + " を作れません。",
                   "テンプレートの {{>…}} と {{#…}}…{{/…}} の対応を確かめてください。");
      return;
    }
    ++stats_.pages;
    size = std::max(size, html.size());
    if (!page.made) return out_.Put(page.path, std::move(html));
    RenderMemo::Page& made = *page.made;
    made.expanded = std::move(expanded);
    diags_.Merge(made.expanded);
    made.annotated += AnnotatorFigures() - before;
    made.html = std::make_shared<const std::string>(std::move(html));
    out_.PutShared(page.path, made.html);
    memo_->StorePage(page.path, std::move(page.made));
  }

  furigana::AnnotatorStats AnnotatorFigures() const {
    return annotator_ ? annotator_->stats() : furigana::AnnotatorStats{};
  }

  static void SetDate(Dictionary* d, const text::Date& date) {
    d->SetValue("TEXT", text::FormatDateBoth(date));
    d->SetValue("ISO", text::FormatIso(date));
  }

  // The notice on pages that only keikaku serve shows.
  static void SetDraft(Page& page, const std::string& text) {
    page.layout->AddSectionDictionary("DRAFT")->SetValue("TEXT", text);
  }

  // トップ › … › the page itself (the last of `crumbs`, not linked).
  void SetBreadcrumbs(Page& page, const std::vector<Link>& crumbs) {
    Dictionary* bc = page.layout->AddSectionDictionary("BREADCRUMBS");
    Dictionary* home = bc->AddSectionDictionary("CRUMB")->AddSectionDictionary("LINK");
    home->SetValue("HREF", RootPrefix(page.path) + "index.html");
    home->SetValue("LABEL", "トップ");
    for (std::size_t i = 0; i < crumbs.size(); ++i) {
      Dictionary* c = bc->AddSectionDictionary("CRUMB");
      bool current = i + 1 == crumbs.size();
      Dictionary* cd = c->AddSectionDictionary(current ? "CURRENT" : "LINK");
      cd->SetValue("LABEL", crumbs[i].label);
      cd->SetValue("HREF", crumbs[i].href);
    }
  }

  void SetPlanChrome(Page& page, const model::Plan& plan, const std::vector<Link>& crumbs) {
    Dictionary& d = *page.layout;
    std::string overview = RelativeUrl(page.path, PlanPaths(plan).Overview());
    d.SetTemplateGlobalValue("PLAN_ROOT", overview.substr(0, overview.size() - std::string("index.html").size()));
    if (plan.draft) SetDraft(page, "この計画は下書きです。keikaku build では書き出されません。");
    Dictionary* p = d.AddSectionDictionary("PLAN");
    p->SetValue("MUNICIPALITY", plan.municipality.name);
    p->SetValue("TITLE", plan.title);
    SetBreadcrumbs(page, crumbs);
    const std::string plan_name = plan.municipality.name + " " + plan.title;
    page.updated = model::LastRevised(plan);
    if (page.updated) {
      d.AddSectionDictionary("FEED")->SetValue("TITLE", plan_name + " 改訂履歴");
      page.history = RelativeUrl(page.path, PlanPaths(plan).Revisions());
    }
    // What a link pasted into LINE or social media shows: the page, the plan and the town.
    const std::string& label = crumbs.back().label;
    bool is_overview = crumbs.size() == 1;
    d.SetValue("SHARE_TITLE", is_overview ? plan_name : label + " | " + plan_name);
    std::string about = plan.municipality.name + "の" + plan.kind + "「" + plan.title + "」";
    if (plan.period) about += "（" + PeriodText(plan.period->from, plan.period->to) + "）";
    std::string description = is_overview ? about + "の概要と目次です。" : about + "の" + label + "です。";
    if (is_overview && !plan.slogan.empty()) description += plan.slogan;
    page.description = description;
    Dictionary* contact = d.AddSectionDictionary("CONTACT");
    if (plan.colophon) {
      const model::Colophon& c = *plan.colophon;
      SetOptional(contact, "PUBLISHER", c.publisher.empty() ? plan.municipality.name : c.publisher);
      SetOptional(contact, "DEPARTMENT", c.department);
      SetOptional(contact, "ADDRESS", c.address);
      if (!c.phone.empty()) {
        Dictionary* phone = contact->AddSectionDictionary("PHONE");
        phone->SetValue("TEXT", c.phone);
        std::string tel;
        for (char ch : c.phone) {
          if ((ch >= '0' && ch <= '9') || ch == '+') tel += ch;
        }
        phone->SetValue("TEL", tel);
      }
      SetOptional(contact, "EMAIL", c.email);
      SetOptional(contact, "URL", c.url);
    } else {
      SetOptional(contact, "PUBLISHER", plan.municipality.name);
    }
  }

  void SetPager(Page& page, const Link* prev, const Link* next) {
    if ((!prev && !next) || page.kept) return;  // a kept page has the same pager (PageKey)
    Dictionary* pager = page.layout->AddSectionDictionary("PAGER");
    for (auto [name, link] : {std::pair{"PREV", prev}, std::pair{"NEXT", next}}) {
      if (!link) continue;
      Dictionary* d = pager->AddSectionDictionary(name);
      d->SetValue("HREF", link->href);
      d->SetValue("LABEL", link->label);
    }
  }

  void RenderIndex() {
    Page page = StartPage("index.html", "index.tpl", site_.title, "");
    SetOptional(page.body, "SITE_DESCRIPTION", site_.description);
    for (const model::Plan& plan : site_.plans) {
      Dictionary* item = page.body->AddSectionDictionary("PLAN_ITEM");
      item->SetValue("HREF", PlanPaths(plan).Overview());
      item->SetValue("MUNICIPALITY", plan.municipality.name);
      item->SetValue("TITLE", plan.title);
      item->SetValue("KIND", plan.kind);
      if (plan.period) SetOptional(item, "PERIOD", PeriodText(plan.period->from, plan.period->to));
      if (plan.revised) {
        SetOptional(item, "DATE", text::FormatDateBoth(*plan.revised) + "改定");
      } else if (plan.established) {
        SetOptional(item, "DATE", text::FormatDateBoth(*plan.established) + "策定");
      }
    }
    Finish(page);
  }

  void Render404() {
    // Servers show 404.html at any depth, so its links start from the site's base path.
    Page page = StartPage("404.html", "404.tpl", "ページが見つかりません | " + site_.title, site_.base_path);
    Finish(page);
  }

  // The public address of page `path`: a folder's index page as the folder.
  std::string PublicUrl(const std::string& path) const {
    static const std::string kIndex = "index.html";
    std::string url = site_.base_url + path;
    if (url.size() >= kIndex.size() && url.compare(url.size() - kIndex.size(), kIndex.size(), kIndex) == 0) {
      url.resize(url.size() - kIndex.size());
    }
    return url;
  }

  // sitemap.xml (every page but 404.html, at its public address) and robots.txt naming it;
  // only with a public base URL, which a sitemap must use.
  void RenderSitemap() {
    std::vector<std::string> pages = {"index.html"};
    for (const model::Plan& plan : site_.plans) {
      PlanPaths paths(plan);
      pages.push_back(paths.Overview());
      for (const model::Chapter& c : plan.chapters) pages.push_back(paths.Chapter(c));
      for (const std::string& p : {paths.Measures(), paths.Glossary(), paths.Full(), paths.Revisions()}) {
        if (out_.Has(p)) pages.push_back(p);
      }
    }
    pages.push_back("accessibility.html");
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const std::string& p : pages) {
      xml += "<url><loc>";
      text::AppendEscapedHtml(xml, PublicUrl(p));
      xml += "</loc></url>\n";
    }
    xml += "</urlset>\n";
    out_.Put("sitemap.xml", std::move(xml));
    out_.Put("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + site_.base_url + "sitemap.xml\n");
  }

  // The ウェブアクセシビリティ方針 page; rendered last, so it links the tested pages that exist.
  void RenderAccessibility() {
    const model::Accessibility& a = site_.accessibility;
    Page page = StartPage("accessibility.html", "accessibility.tpl", "ウェブアクセシビリティ方針 | " + site_.title, "");
    SetBreadcrumbs(page, {{"", "ウェブアクセシビリティ方針"}});
    Dictionary* d = page.body;
    d->SetValue("TARGET", a.target);
    SetOptional(d, "EXCEPTIONS", a.exceptions);
    SetOptional(d, "CONTACT", a.contact);
    if (!a.results) {
      d->ShowSection("NO_RESULTS");
      Finish(page);
      return;
    }
    const model::AccessibilityResults& r = *a.results;
    if (!page.updated || *page.updated < r.date) page.updated = r.date;  // the page changes with its test results
    Dictionary* rd = d->AddSectionDictionary("RESULTS");
    rd->SetValue("DATE", text::FormatDateBoth(r.date));
    rd->SetValue("ISO", text::FormatIso(r.date));
    rd->SetIntValue("PAGE_COUNT", static_cast<long>(r.pages.size()));
    for (const auto& [name, version] : r.tools) {
      Dictionary* t = rd->AddSectionDictionary("TOOL");
      t->SetValue("NAME", name);
      t->SetValue("VERSION", version);
    }
    for (const model::AccessibilityResults::Check& c : r.checks) {
      Dictionary* cd = rd->AddSectionDictionary("CHECK");
      cd->SetValue("NAME", c.name);
      cd->SetIntValue("PAGES", c.pages);
      cd->SetValue("RESULT", c.failures == 0 ? "問題なし" : "問題 " + std::to_string(c.failures) + " 件");
    }
    for (const std::string& path : r.pages) {
      Dictionary* pd = rd->AddSectionDictionary("PAGE");
      bool exists = out_.Has(path) || path == "accessibility.html";
      Dictionary* link = pd->AddSectionDictionary(exists ? "LINK" : "GONE");
      link->SetValue("PATH", path);
      if (exists) link->SetValue("HREF", path);
    }
    Finish(page);
  }

  // This renderer's matcher of the plan's `terms`, readings and measures for the plan's pages.
  void UsePlan(const model::Plan& plan, const TermIndex& terms) {
    std::vector<std::string> names;
    for (const auto& [name, entry] : terms) names.push_back(name);
    auto_terms_ = std::make_unique<text::TermMatcher>(names);
    // The municipality's name is read as the readings file has it, if it lists the name.
    std::vector<furigana::KnownReading> readings = SiteNames();
    if (!plan.municipality.reading.empty()) readings.push_back({plan.municipality.name, plan.municipality.reading});
    UseAnnotator(std::move(readings), GlossaryReadings(plan));
    style_ = {annotator_.get(), GradeOf(plan.auto_furigana.value_or(site_.auto_furigana)), &diags_, plan.pos};
    measures_ = std::make_unique<MeasureIndex>(plan);
  }

  // The full text, made by a renderer of its own on another thread (its findings and figures
  // are joined where the full text's come when one thread makes every page). It waits for
  // the plan's glossary, which this renderer works out from the other pages.
  struct Aside {
    Stats stats;
    diag::Diagnostics diags;
    std::unique_ptr<PageRenderer> renderer;
    FullText full;
    std::future<void> done;
    // Declared after `done`, so destroyed before it: a glossary never given (an exception)
    // ends the thread, which `done` waits for, instead of leaving it waiting.
    std::promise<std::vector<const model::GlossaryEntry*>> glossary;
  };

  // Chapters filled by a renderer of their own on another thread and finished by this one
  // (their findings are joined after this renderer's chapters, where one thread has them).
  struct Helper {
    Stats stats;
    diag::Diagnostics diags;
    std::unique_ptr<PageRenderer> renderer;
    std::vector<Page> pages;
    UsedOn used_on;
    std::set<const model::GlossaryEntry*> linked;
    std::future<void> done;
  };
  // A plan with at least this many chapters has the later half filled by a Helper.
  static constexpr std::size_t kHelperChapters = 8;

  // A renderer for another thread of this plan, with its own MeCab `tagger`, figures and
  // findings, putting pages where this one does and sharing its memo.
  std::unique_ptr<PageRenderer> Sibling(furigana::Morphology* tagger, Stats& stats, diag::Diagnostics& diags) const {
    auto sibling = std::make_unique<PageRenderer>(site_, site_updated_, assets_, tagger, out_, stats, diags);
    sibling->UseMemo(memo_);
    return sibling;
  }

  // A page another renderer filled, to be finished by this one: its text variables are read
  // with this renderer's readings and report to its findings.
  void Adopt(Page& page) {
    page.text.annotator = annotator_.get();
    page.text.diags = &diags_;
  }

  void RenderPlan(const model::Plan& plan) {
    const TermIndex terms = TermsOf(plan);
    UsePlan(plan, terms);
    PlanPaths paths(plan);
    const std::string plan_title = plan.municipality.name + " " + plan.title;
    const std::string suffix = " | " + plan_title + " | " + site_.title;

    // The full text repeats every chapter: it takes about as long as the chapter pages, and
    // depends on them only for its glossary at the end. Whether it has a glossary at all
    // (which its term references follow) is known now when the plan has entries of its own;
    // then it is made beside the other pages.
    const bool own_entries = std::any_of(plan.glossary.begin(), plan.glossary.end(),
                                         [](const model::GlossaryEntry& e) { return !e.shared; });
    std::unique_ptr<Aside> aside;
    if (aside_ && own_entries) {
      aside = std::make_unique<Aside>();
      aside->renderer = Sibling(aside_tagger_, aside->stats, aside->diags);
      Aside* a = aside.get();
      a->done = std::async(std::launch::async, [a, &plan, &terms, suffix, glossary = a->glossary.get_future()]() mutable {
        a->renderer->UsePlan(plan, terms);
        a->full = a->renderer->StartFull(plan, terms, "全文" + suffix, true);
        a->renderer->FinishFull(a->full, glossary.get());
        a->renderer->CountAnnotator();
      });
    }
    // Reading order for previous/next: overview, chapters, measures, glossary.
    auto reading_order = [&](bool glossary) {
      std::vector<Link> sequence = {{"index.html", "概要・目次"}};
      for (const model::Chapter& c : plan.chapters) sequence.push_back({c.slug + ".html", ChapterLabel(c)});
      if (!measures_->entries().empty()) sequence.push_back({"measures.html", "施策の一覧"});
      if (glossary) sequence.push_back({"glossary.html", "用語集"});
      return sequence;
    };
    // With a memo, chapter pages are kept by a key that includes their pager: known now when
    // the plan has entries of its own (then it has a glossary).
    const std::size_t chapters = plan.chapters.size();
    std::vector<std::string> keys(chapters);
    if (memo_ && memo_->across_builds() && own_entries) {
      const std::vector<Link> sequence = reading_order(true);
      const std::string inputs = PlanInputs(plan);
      for (std::size_t i = 0; i < chapters; ++i) {
        keys[i] = PageKey(inputs, plan.chapters[i], i, &sequence[i], i + 2 < sequence.size() ? &sequence[i + 2] : nullptr);
      }
    }
    const std::size_t split = aside_ && chapters >= kHelperChapters ? chapters / 2 : chapters;
    std::unique_ptr<Helper> helper;
    if (split < chapters) {
      helper = std::make_unique<Helper>();
      helper->renderer = Sibling(helper_tagger_, helper->stats, helper->diags);
      Helper* h = helper.get();
      h->done = std::async(std::launch::async, [h, &plan, &terms, &suffix, &keys, split, chapters] {
        h->renderer->UsePlan(plan, terms);
        for (std::size_t i = split; i < chapters; ++i) {
          h->pages.push_back(h->renderer->RenderChapter(plan, i, terms, suffix, h->used_on, h->linked, keys[i]));
        }
        h->renderer->CountAnnotator();
      });
    }

    // The overview and chapters are filled first and finished once the glossary is known:
    // shared entries are in it only if these pages use them, and the pages link to it.
    UsedOn used_on;
    std::set<const model::GlossaryEntry*> linked;
    std::vector<Page> pages;
    pages.push_back(RenderOverview(plan, terms, plan.title + " | " + plan.municipality.name + " | " + site_.title,
                                   used_on, linked));
    for (std::size_t i = 0; i < split; ++i) {
      pages.push_back(RenderChapter(plan, i, terms, suffix, used_on, linked, keys[i]));
    }
    if (helper) {
      helper->done.get();
      for (Page& page : helper->pages) {
        Adopt(page);
        pages.push_back(std::move(page));
      }
      for (const auto& [entry, links] : helper->used_on) {
        for (const Link& link : links) AddUse(used_on, entry, link);
      }
      linked.insert(helper->linked.begin(), helper->linked.end());
      stats_ += helper->stats;
      diags_.Merge(std::move(helper->diags));
    }
    std::vector<const model::GlossaryEntry*> glossary = ShownGlossary(plan, terms, used_on, linked);
    if (aside) aside->glossary.set_value(glossary);

    if (!measures_->entries().empty()) {
      pages.push_back(RenderMeasures(plan, suffix));
      pages.front().body->AddSectionDictionary("MEASURES")->SetValue("HREF", "measures.html");
    }

    const std::vector<Link> sequence = reading_order(!glossary.empty());
    if (!glossary.empty()) pages.front().body->AddSectionDictionary("GLOSSARY")->SetValue("HREF", "glossary.html");
    if (!plan.revisions.empty()) pages.front().body->AddSectionDictionary("REVISIONS")->SetValue("HREF", "revisions.html");
    for (std::size_t i = 0; i < pages.size(); ++i) {
      SetPager(pages[i], i > 0 ? &sequence[i - 1] : nullptr, i + 1 < sequence.size() ? &sequence[i + 1] : nullptr);
      Finish(pages[i]);
    }
    if (!glossary.empty()) RenderGlossary(plan, glossary, terms, suffix, sequence, used_on);
    if (aside) {
      aside->done.get();
      stats_ += aside->stats;
      diags_.Merge(std::move(aside->diags));
    } else {
      FullText full = StartFull(plan, terms, "全文" + suffix, !glossary.empty());
      FinishFull(full, glossary);
    }
    if (!plan.revisions.empty()) RenderRevisions(plan, suffix);
  }

  // The revision history page and its Atom feed.
  void RenderRevisions(const model::Plan& plan, const std::string& suffix) {
    PlanPaths paths(plan);
    Page page = StartPage(paths.Revisions(), "revisions.tpl", "改訂履歴" + suffix, "../");
    SetPlanChrome(page, plan, {{"index.html", plan.title}, {"", "改訂履歴"}});
    page.history.clear();  // this is the page
    Dictionary* d = page.body;
    d->SetValue("PLAN_TITLE", plan.title);
    d->SetValue("LAST", text::FormatDateBoth(*page.updated));
    d->SetValue("LAST_ISO", text::FormatIso(*page.updated));
    for (const model::Revision& r : plan.revisions) {
      Dictionary* rd = d->AddSectionDictionary("REVISION");
      rd->SetValue("ID", r.id);
      rd->SetValue("DATE", text::FormatDateBoth(r.date));
      rd->SetValue("ISO", text::FormatIso(r.date));
      rd->SetValue("PART", r.part.empty() ? "—" : r.part);
      rd->SetValue("DESCRIPTION", r.description);
    }
    Finish(page);
    std::string plan_url = site_.base_url.empty() ? "" : site_.base_url + plan.slug + "/";
    out_.Put(paths.Feed(), AtomFeed(plan, {site_.title, plan_url}));
  }

  // The plan's glossary as its pages show it: its own entries, and the shared entries that
  // its pages use or link to, or that those entries' definitions and related terms name.
  // Warns about own entries that no page uses.
  std::vector<const model::GlossaryEntry*> ShownGlossary(const model::Plan& plan, const TermIndex& terms,
                                                         const UsedOn& used_on,
                                                         std::set<const model::GlossaryEntry*> linked) {
    for (const auto& [entry, pages] : used_on) linked.insert(entry);
    std::vector<const model::GlossaryEntry*> pending(linked.begin(), linked.end());
    while (!pending.empty()) {
      const model::GlossaryEntry* e = pending.back();
      pending.pop_back();
      diag::Diagnostics scratch;  // definitions are checked where they are rendered for real
      PageContext ctx(&plan, &terms, "", scratch, memo_);
      ctx.Markdown(e->definition, 2);
      std::vector<const model::GlossaryEntry*> named(ctx.linked().begin(), ctx.linked().end());
      for (const std::string& r : e->related) named.push_back(ctx.FindTerm(r));
      for (const model::GlossaryEntry* n : named) {
        if (n && linked.insert(n).second) pending.push_back(n);
      }
    }
    std::vector<const model::GlossaryEntry*> shown;
    for (const model::GlossaryEntry& e : plan.glossary) {
      if (!e.shared && used_on.count(&e) == 0) {
        diags_.Warning(e.pos, "glossary.unused", "用語「" + e.term + "」は本文のどこからも参照されていません。",
                       "本文で [[" + e.term + "]] と書いて参照するか、使わない用語なら用語集から消してください。");
      }
      if (!e.shared || linked.count(&e)) shown.push_back(&e);
      if (e.shared && linked.count(&e)) used_shared_.insert(e.term);
    }
    return shown;
  }

  // The readings of a chapter's text: the plan's, unless the chapter sets its own grade.
  TextStyle ChapterStyle(const model::Chapter& c) const {
    TextStyle style = style_;
    style.pos = c.pos;
    if (c.auto_furigana) style.auto_grade = GradeOf(*c.auto_furigana);
    return style;
  }

  // Everything a chapter page shows (RenderMemo::Page::key) but the site's own files and
  // the theme, on which keikaku serve keeps no memo: plan.yaml and the glossary, the chapter
  // and its place, its neighbours (the pager), and where its links to measures and
  // attachments lead. `plan_inputs`: PlanInputs().
  static std::string PageKey(const std::string& plan_inputs, const model::Chapter& c, std::size_t i, const Link* prev,
                             const Link* next) {
    std::string key = plan_inputs + c.fingerprint + '\n' + std::to_string(i) + '\n';
    for (const Link* link : {prev, next}) key += link ? link->href + '\0' + link->label + '\n' : "-\n";
    return key;
  }
  std::string PlanInputs(const model::Plan& plan) const {
    std::string key = plan.fingerprint + '\n' + measures_->LinksKey() + '\n';
    for (const auto& [url, size] : plan.attachments) key += url + '\0' + std::to_string(size) + '\n';
    return key;
  }

  // A chapter page; with a `key` (PageKey), taken from the memo when it holds the page made
  // with that key, and else recorded into it.
  Page RenderChapter(const model::Plan& plan, std::size_t i, const TermIndex& terms, const std::string& suffix,
                     UsedOn& used_on, std::set<const model::GlossaryEntry*>& linked, const std::string& key = "") {
    const model::Chapter& c = plan.chapters[i];
    const std::string path = PlanPaths(plan).Chapter(c);
    if (auto kept = key.empty() ? nullptr : memo_->FindPage(path, key)) {
      diags_.Merge(kept->filled);
      if (annotator_) annotator_->Count(kept->annotated);
      for (const auto& [entry, href] : kept->uses) AddUse(used_on, &plan.glossary.at(entry), {href, ChapterLabel(c)});
      for (std::size_t entry : kept->linked) linked.insert(&plan.glossary.at(entry));
      Page page;
      page.path = path;
      page.kept = std::move(kept);
      return page;
    }
    Page page = StartPage(path, "chapter.tpl", ChapterLabel(c) + suffix, "../");
    SetPlanChrome(page, plan, {{"index.html", plan.title}, {"", ChapterLabel(c)}});
    if (c.draft && !plan.draft) SetDraft(page, "この章は下書きです。keikaku build では書き出されません。");
    page.text = ChapterStyle(c);
    diag::Diagnostics filled;  // a page to keep: its own findings, joined after
    const furigana::AnnotatorStats before = AnnotatorFigures();
    PageContext ctx(&plan, &terms, "glossary.html", key.empty() ? diags_ : filled, memo_);
    ctx.SetFurigana(page.text);
    ctx.SetTermsOnPage(true);
    ctx.SetAutoLink(auto_terms_.get(), plan.auto_link);
    ctx.SetMeasures(measures_.get(), false);
    Dictionary* d = page.body;
    std::string id = "ch-" + std::to_string(i + 1);
    d->SetValue("ID", id);
    d->SetValue("TITLE", c.title);
    SetOptional(d, "NUMBER", c.number);
    if (c.sections.size() > 1) {
      Dictionary* toc = d->AddSectionDictionary("HAS_TOC");
      for (const model::Section& s : c.sections) {
        Dictionary* item = toc->AddSectionDictionary("TOC_ITEM");
        item->SetValue("ID", s.id);
        item->SetValue("LABEL", SectionLabel(s));
      }
    }
    FillBlocks(d->AddIncludeDictionary("CONTENT"), c.content, 1, id, ctx);
    FillSections(d, c.sections, 2, ctx);
    FillPageTerms(page, ctx);
    const auto first_uses = FirstUses(ctx, c.slug + ".html");
    for (const auto& [entry, link] : first_uses) AddUse(used_on, entry, {link, ChapterLabel(c)});
    linked.insert(ctx.linked().begin(), ctx.linked().end());
    if (key.empty()) return page;
    page.made = std::make_shared<RenderMemo::Page>();
    RenderMemo::Page& made = *page.made;
    made.key = key;
    made.filled = std::move(filled);
    diags_.Merge(made.filled);
    made.annotated = AnnotatorFigures() - before;
    auto index = [&plan](const model::GlossaryEntry* e) { return static_cast<std::size_t>(e - plan.glossary.data()); };
    for (const auto& [entry, link] : first_uses) made.uses.emplace_back(index(entry), link);
    for (const model::GlossaryEntry* entry : ctx.linked()) made.linked.push_back(index(entry));
    return page;
  }

  Page RenderOverview(const model::Plan& plan, const TermIndex& terms, const std::string& title, UsedOn& used_on,
                      std::set<const model::GlossaryEntry*>& linked) {
    PlanPaths paths(plan);
    Page page = StartPage(paths.Overview(), "overview.tpl", title, "../");
    SetPlanChrome(page, plan, {{"", plan.title}});
    PageContext ctx(&plan, &terms, "glossary.html", diags_, memo_);
    ctx.SetFurigana(page.text);
    ctx.SetTermsOnPage(true);
    ctx.SetAutoLink(auto_terms_.get(), plan.auto_link);
    Dictionary* d = page.body;
    FillCover(d, plan, ctx, false);
    FillPreface(d, plan, ctx);
    for (const model::Chapter& c : plan.chapters) {
      Dictionary* cd = d->AddSectionDictionary("CHAPTER");
      std::string href = RelativeUrl(paths.Overview(), paths.Chapter(c));
      cd->SetValue("HREF", href);
      cd->SetValue("LABEL", ChapterLabel(c));
      if (c.sections.empty()) continue;
      Dictionary* hs = cd->AddSectionDictionary("HAS_SECTIONS");
      for (const model::Section& s : c.sections) {
        Dictionary* sd = hs->AddSectionDictionary("SECTION");
        sd->SetValue("HREF", href + "#" + s.id);
        sd->SetValue("LABEL", SectionLabel(s));
      }
    }
    d->SetValue("FULL_HREF", "full.html");
    FillDataLinks(d);
    FillPageTerms(page, ctx);
    RecordUses(used_on, ctx, "index.html", "概要・目次");
    linked.insert(ctx.linked().begin(), ctx.linked().end());
    return page;
  }

  // The plan's title page: town, title, slogan, kind, dates and period (plan_cover.tpl), on
  // the overview and atop the full text, which also gives the 最終更新日 (`updated`) that
  // a printed copy needs.
  void FillCover(Dictionary* page_body, const model::Plan& plan, PageContext& ctx, bool updated) {
    Dictionary* d = page_body->AddIncludeDictionary("COVER");
    d->SetFilename("plan_cover.tpl");
    d->SetValue("MUNICIPALITY", plan.municipality.name);
    SetOptional(d, "PREFECTURE", plan.municipality.prefecture);
    d->SetValue("TITLE", plan.title);
    d->SetValue("KIND", plan.kind);
    SetOptional(d, "SUBTITLE", plan.subtitle);
    SetOptional(d, "SLOGAN", plan.slogan);
    SetOptional(d, "VERSION", plan.version);
    const std::optional<text::Date> last = updated ? model::LastRevised(plan) : std::nullopt;
    for (auto [name, date] : {std::pair{"ESTABLISHED", &plan.established}, std::pair{"REVISED", &plan.revised},
                              std::pair{"UPDATED", &last}}) {
      if (*date) SetDate(d->AddSectionDictionary(name), **date);
    }
    if (plan.period) {
      Dictionary* p = d->AddSectionDictionary("PERIOD");
      p->SetValue("TEXT", PeriodText(plan.period->from, plan.period->to));
      if (!plan.period->note.empty()) p->AddSectionDictionary("NOTE")->SetValue("HTML", ctx.Markdown(plan.period->note, 2));
    }
  }

  // The overview's 「データ（オープンデータ）」: a link to each open data file with its type
  // and size, and the license the site publishes them under.
  void FillDataLinks(Dictionary* d) {
    if (!data_ || data_->empty()) return;
    Dictionary* section = d->AddSectionDictionary("DATA");
    for (const DataLink& link : *data_) {
      Dictionary* f = section->AddSectionDictionary("FILE");
      f->SetValue("HREF", link.href);
      f->SetValue("LABEL", link.label + "（" + markdown::DocumentLabel(link.type, link.bytes) + "）");
    }
    if (!site_.data_license) return;
    Dictionary* l = section->AddSectionDictionary("LICENSE");
    l->SetValue("NAME", site_.data_license->name);
    if (!site_.data_license->url.empty()) l->AddSectionDictionary("URL")->SetValue("HREF", site_.data_license->url);
  }

  void FillPreface(Dictionary* d, const model::Plan& plan, PageContext& ctx) {
    if (!plan.preface) return;
    const model::Preface& p = *plan.preface;
    Dictionary* pd = d->AddSectionDictionary("PREFACE")->AddIncludeDictionary("PREFACE_BODY");
    pd->SetFilename("preface.tpl");
    pd->SetValue("TITLE", p.title);
    pd->SetValue("BODY", ctx.Markdown(p.body, 2));
    if (p.date || !p.signature.empty()) {
      Dictionary* s = pd->AddSectionDictionary("SIGNED");
      s->SetValue("SIGNATURE", p.signature);
      if (p.date) {
        Dictionary* dd = s->AddSectionDictionary("DATE");
        dd->SetValue("TEXT", text::FormatDateBoth(*p.date));
        dd->SetValue("ISO", text::FormatIso(*p.date));
      }
    }
  }

  // Fills glossary_list.tpl with `entries`. Each entry links back to its references on this
  // page, to the glossary page (`list.glossary_href`, for a page's own term list) and to the
  // pages that use it (`list.pages`, on the glossary page). Definitions are rendered with
  // references to the glossary page, not to this page's list.
  struct TermList {
    int level = 2;
    std::string glossary_href;
    const UsedOn* pages = nullptr;
  };
  void FillTermList(Dictionary* include, const std::vector<const model::GlossaryEntry*>& entries,
                    PageContext& ctx, const TermList& list) {
    include->SetFilename("glossary_list.tpl");
    const std::vector<TermUse> uses = ctx.uses();
    ctx.SetTermsOnPage(false);
    for (const model::GlossaryEntry* e : entries) {
      Dictionary* ed = include->AddSectionDictionary("ENTRY");
      ed->SetValue("ID", e->id);
      Dictionary* term = ed->AddSectionDictionary(e->reading.empty() ? "TERM" : "TERM_RUBY");
      term->SetValue("TERM", e->term);
      term->SetValue("READING", e->reading);
      SetOptional(ed, "EXPANSION", e->expansion);
      std::string aliases;
      for (const std::string& a : e->aliases) aliases += (aliases.empty() ? "" : "、") + a;
      SetOptional(ed, "ALIASES", aliases);
      ed->SetValue("DEFINITION", ctx.Markdown(e->definition, list.level));
      for (const TermUse& use : uses) {
        if (use.entry != e) continue;
        Dictionary* ud = ed->AddSectionDictionary("USES");
        for (std::size_t i = 0; i < use.ref_ids.size(); ++i) {
          Dictionary* link = ud->AddSectionDictionary("USE");
          link->SetValue("ID", use.ref_ids[i]);
          link->SetIntValue("N", static_cast<int>(i + 1));
          link->SetValue("LABEL", "「" + e->term + "」が使われている" + std::to_string(i + 1) + "か所目に戻る");
        }
      }
      if (!list.glossary_href.empty()) {
        ed->AddSectionDictionary("IN_GLOSSARY")->SetValue("HREF", list.glossary_href + "#" + e->id);
      }
      if (list.pages) {
        auto it = list.pages->find(e);
        if (it != list.pages->end()) {
          Dictionary* pd = ed->AddSectionDictionary("PAGES");
          for (const Link& page : it->second) {
            Dictionary* link = pd->AddSectionDictionary("PAGE");
            link->SetValue("HREF", page.href);
            link->SetValue("LABEL", page.label);
          }
        }
      }
      std::vector<const model::GlossaryEntry*> related;
      for (std::size_t i = 0; i < e->related.size(); ++i) {
        const std::string& r = e->related[i];
        if (const model::GlossaryEntry* re = ctx.FindTerm(r)) {
          related.push_back(re);
        } else {
          diags_.Error(i < e->related_pos.size() ? e->related_pos[i] : e->pos, "ref.glossary",
                       "関連する用語「" + r + "」が用語集にありません。",
                       "related には用語集の用語か別名を書いてください。");
        }
      }
      if (related.empty()) continue;
      Dictionary* rd = ed->AddSectionDictionary("RELATED");
      for (const model::GlossaryEntry* re : related) {
        Dictionary* link = rd->AddSectionDictionary("LINK");
        link->SetValue("HREF", list.glossary_href + "#" + re->id);
        link->SetValue("TERM", re->term);
      }
    }
  }

  // The term list at the end of a chapter or overview page: the entries referenced on it,
  // and the script that turns the references into pop-ups.
  void FillPageTerms(Page& page, PageContext& ctx) {
    if (ctx.uses().empty()) return;
    std::vector<const model::GlossaryEntry*> entries;
    for (const TermUse& use : ctx.uses()) entries.push_back(use.entry);
    FillTermList(page.body->AddSectionDictionary("PAGE_TERMS")->AddIncludeDictionary("GLOSSARY_LIST"), entries,
                 ctx, {2, "glossary.html", nullptr});
    AddGlossaryScript(page);
  }

  void AddGlossaryScript(Page& page) {
    if (!assets_.glossary_script.empty()) {
      page.layout->AddSectionDictionary("SCRIPT")->SetValue("SRC", assets_.glossary_script);
    }
  }

  // The glossary page: an index of 英字 and the kana rows, then the entries of each group,
  // each with links to the pages that use it.
  // 施策の一覧: every measure of the plan, grouped by policy, with what a resident looks for
  // first (priority in words, owner, period, targets) and a link to the measure itself.
  Page RenderMeasures(const model::Plan& plan, const std::string& suffix) {
    Page page = StartPage(PlanPaths(plan).Measures(), "measures.tpl", "施策の一覧" + suffix, "../");
    SetPlanChrome(page, plan, {{"index.html", plan.title}, {"", "施策の一覧"}});
    diag::Diagnostics scratch;  // the measures' text is checked where the chapters render it
    PageContext ctx(&plan, nullptr, "glossary.html", scratch, memo_);
    ctx.SetFurigana(page.text);
    Dictionary* d = page.body;
    d->SetValue("PLAN_TITLE", plan.title);
    d->SetIntValue("COUNT", static_cast<long>(measures_->entries().size()));
    const model::MeasureLabels& labels = plan.measure_labels;
    std::map<std::string, Dictionary*> groups;
    int priority = 0;
    for (const MeasureEntry& e : measures_->entries()) {
      Dictionary*& group = groups[e.group];
      if (!group) {
        group = d->AddSectionDictionary("GROUP");
        group->SetValue("ID", "group-" + std::to_string(groups.size()));
        group->SetValue("TITLE", e.group);
      }
      Dictionary* item = group->AddSectionDictionary("ITEM");
      item->SetValue("HREF", e.chapter->slug + ".html#" + e.anchor);
      SetOptional(item, "NUMBER", e.number());
      item->SetValue("TITLE", e.title());
      item->SetValue("CHAPTER", ChapterLabel(*e.chapter));
      if (!e.measure) continue;  // a section: its text says the rest
      const model::Measure& m = *e.measure;
      if (m.priority) {
        item->ShowSection("PRIORITY");
        ++priority;
      }
      Dictionary* facts = nullptr;
      auto fact = [&](const std::string& label) {
        if (!facts) facts = item->AddSectionDictionary("FACTS");
        Dictionary* f = facts->AddSectionDictionary("FACT");
        f->SetValue("LABEL", label);
        return f;
      };
      if (!m.owner.empty()) SetOptional(fact(labels.owner), "TEXT", m.owner);
      if (!m.period.empty()) fact(labels.period)->SetValue("HTML", ctx.Markdown(m.period, 3, /*unwrap=*/true));
      for (const model::Target& t : m.targets) SetOptional(fact(t.label), "TEXT", t.value);
    }
    if (priority > 0) d->AddSectionDictionary("HAS_PRIORITY")->SetIntValue("N", priority);
    return page;
  }

  void RenderGlossary(const model::Plan& plan, const std::vector<const model::GlossaryEntry*>& glossary,
                      const TermIndex& terms, const std::string& suffix, const std::vector<Link>& sequence,
                      const UsedOn& used_on) {
    PlanPaths paths(plan);
    Page page = StartPage(paths.Glossary(), "glossary.tpl", "用語集" + suffix, "../");
    SetPlanChrome(page, plan, {{"index.html", plan.title}, {"", "用語集"}});
    SetPager(page, &sequence[sequence.size() - 2], nullptr);
    PageContext ctx(&plan, &terms, "", diags_, memo_);
    ctx.SetFurigana(page.text);
    page.body->SetValue("HEADING", "用語集");
    page.body->SetValue("PLAN_TITLE", plan.title);
    for (const TermGroup& g : GroupGlossary(SortedGlossary(glossary))) {
      if (g.entries.empty() && g.id == "index-other") continue;
      Dictionary* index = page.body->AddSectionDictionary("INDEX");
      index->AddSectionDictionary(g.entries.empty() ? "EMPTY" : "LINK")->SetValue("LABEL", g.label);
      index->SetValue("ID", g.id);
      if (g.entries.empty()) continue;
      Dictionary* gd = page.body->AddSectionDictionary("GROUP");
      gd->SetValue("ID", g.id);
      gd->SetValue("LABEL", g.label);
      FillTermList(gd->AddIncludeDictionary("GLOSSARY_LIST"), g.entries, ctx, {3, "", &used_on});
    }
    Finish(page);
  }

  // The full text but its glossary; `terms_on_page` when it will have one.
  FullText StartFull(const model::Plan& plan, const TermIndex& terms, const std::string& title, bool terms_on_page) {
    PlanPaths paths(plan);
    FullText full{StartPage(paths.Full(), "full.tpl", title, "../"),
                  std::make_unique<PageContext>(&plan, &terms, "", diags_, memo_)};
    Page& page = full.page;
    PageContext& ctx = *full.ctx;
    SetPlanChrome(page, plan, {{"index.html", plan.title}, {"", "全文"}});
    ctx.SetFurigana(page.text);
    ctx.SetTermsOnPage(terms_on_page);
    ctx.SetAutoLink(auto_terms_.get(), plan.auto_link);
    ctx.SetMeasures(measures_.get(), true);
    Dictionary* d = page.body;
    FillCover(d, plan, ctx, true);
    if (!site_.base_url.empty()) d->AddSectionDictionary("SOURCE")->SetValue("URL", PublicUrl(paths.Full()));
    FillPreface(d, plan, ctx);
    for (std::size_t i = 0; i < plan.chapters.size(); ++i) {
      const model::Chapter& c = plan.chapters[i];
      Dictionary* cd = d->AddSectionDictionary("CHAPTER");
      std::string id = "ch-" + std::to_string(i + 1);
      cd->SetValue("ID", id);
      cd->SetValue("TITLE", c.title);
      SetOptional(cd, "NUMBER", c.number);
      ctx.SetFurigana(ChapterStyle(c));
      FillBlocks(cd->AddIncludeDictionary("CONTENT"), c.content, 2, id, ctx);
      FillSections(cd, c.sections, 3, ctx);
    }
    ctx.SetFurigana(page.text);
    return full;
  }

  void FinishFull(FullText& full, const std::vector<const model::GlossaryEntry*>& glossary) {
    if (!glossary.empty()) {
      FillTermList(full.page.body->AddSectionDictionary("GLOSSARY")->AddIncludeDictionary("GLOSSARY_LIST"),
                   SortedGlossary(glossary), *full.ctx, {3, "", nullptr});
      if (!full.ctx->uses().empty()) AddGlossaryScript(full.page);
    }
    Finish(full.page);
  }

  const model::Site& site_;
  const SiteAssets& assets_;
  furigana::Morphology* morphology_;  // null unless a page asks for automatic furigana
  output::Sink& out_;
  Stats& stats_;
  diag::Diagnostics& diags_;
  std::unique_ptr<furigana::Annotator> annotator_;    // the current plan's (or the site's) readings
  TextMemo text_memo_;             // the texts of the pages this renderer finished (content_text.h)
  std::map<std::string, std::size_t> page_sizes_;  // bytes of the longest page of each body template
  TextStyle style_;                // readings of the pages started now
  std::set<std::string> used_shared_;  // terms of the shared glossary some plan shows
  std::unique_ptr<text::TermMatcher> auto_terms_;  // the current plan's terms and aliases
  std::unique_ptr<MeasureIndex> measures_;         // the current plan's measures
  const std::vector<DataLink>* data_ = nullptr;    // the current plan's open data files
  const std::optional<text::Date> site_updated_;   // 最終更新日 of the site's own pages
  bool aside_ = false;                             // the full text on a second thread
  furigana::Morphology* aside_tagger_ = nullptr;   // its MeCab tagger
  furigana::Morphology* helper_tagger_ = nullptr;  // the MeCab tagger of the chapters' third thread
  RenderMemo* memo_ = nullptr;                     // what earlier builds made of the plan
};

}  // namespace

Stats& Stats::operator+=(const Stats& o) {
  pages += o.pages;
  names += o.names;
  auto_ruby += o.auto_ruby;
  auto_words += o.auto_words;
  unread += o.unread;
  markdown_rendered += o.markdown_rendered;
  markdown_reused += o.markdown_reused;
  return *this;
}

PreparedTheme::PreparedTheme() : assets_(std::make_unique<Assets>()) {}
PreparedTheme::~PreparedTheme() = default;

// Parses the templates and compiles the stylesheet. Null when the theme has errors
// (content errors found before do not stop the pages: rendering them reports the rest of
// the content's findings).
std::shared_ptr<const PreparedTheme> PreparedTheme::Prepare(const theme::Theme& theme, diag::Diagnostics& diags) {
  const int errors_before = diags.error_count();
  std::shared_ptr<PreparedTheme> prepared(new PreparedTheme());
  SiteAssets& assets = *prepared->assets_;
  RegisterTextModifiers();
  for (const auto& [path, text] : theme.ReadAll("templates/")) {
    std::string name = path.substr(std::string("templates/").size());
    if (!assets.cache.StringToTemplateCache(name, text, ctemplate::STRIP_BLANK_LINES)) {
      diags.Error({theme.Origin(path), 0, 0}, "theme.template", "テンプレート " + name + " を読み込めません。",
                  "{{ }} の書き方と、各ファイルの1行目の {{%AUTOESCAPE context=\"HTML\"}} を確かめてください。");
    }
  }
  assets.cache.Freeze();  // read-only from now on: the pages expand it on several threads
  auto css = assetpipe::CompileScss(kStylesheetEntry, theme.ReadAll("assets/"), diags);
  if (!css) return nullptr;
  assets.stylesheet = "assets/style." + assetpipe::ContentHash(*css) + ".css";
  assets.files.emplace_back(assets.stylesheet, std::move(*css));
  assets.glossary_script = AddScript(theme, kGlossaryScript, "glossary", assets);
  assets.furigana_script = AddScript(theme, kFuriganaScript, "furigana", assets);
  if (diags.error_count() != errors_before) return nullptr;
  return prepared;
}

struct SiteRenderer::State {
  std::shared_ptr<const PreparedTheme> theme;
  std::optional<text::Date> site_updated;  // model::LastRevised(site)
  std::unique_ptr<furigana::Morphology> morphology;
  std::vector<std::unique_ptr<furigana::Morphology>> taggers;  // TaggersPerWorker() per worker
  std::unique_ptr<PageRenderer> site_pages;
  bool aside = false;  // each plan's full text on a second thread
  std::size_t workers = 1;
  // Plans per worker from which a build makes each plan on one thread.
  static constexpr std::size_t kPlansPerThread = 4;
  // A MeCab tagger for each worker, and two more for its full text and chapters threads.
  std::size_t TaggersPerWorker() const { return aside ? 3 : 1; }
  bool ok = false;
};

SiteRenderer::SiteRenderer(const model::Site& site, std::shared_ptr<const PreparedTheme> theme, output::Sink& out,
                           Stats& stats, diag::Diagnostics& diags, int workers, int threads)
    : site_(site), state_(std::make_unique<State>()) {
  if (!theme) return;
  state_->aside = threads > 1;
  state_->workers = static_cast<std::size_t>(std::max(workers, 1));
  state_->theme = std::move(theme);
  state_->site_updated = model::LastRevised(site);
  for (const auto& [path, bytes] : state_->theme->assets().files) out.Put(path, bytes);
  if (WantsMorphology(site) && !(state_->morphology = OpenMorphology(diags))) return;
  state_->taggers.resize(state_->TaggersPerWorker() * state_->workers);
  for (auto& tagger : state_->taggers) tagger = state_->morphology ? state_->morphology->Fork() : nullptr;
  state_->site_pages = std::make_unique<PageRenderer>(site, state_->site_updated, state_->theme->assets(),
                                                      state_->morphology.get(), out, stats, diags);
  state_->ok = true;
}

SiteRenderer::~SiteRenderer() = default;

bool SiteRenderer::ok() const { return state_->ok; }

void SiteRenderer::RenderStart() { state_->site_pages->RenderSiteStart(); }

std::set<std::string> SiteRenderer::RenderPlan(std::size_t i, int worker, output::Sink& out, Stats& stats,
                                               diag::Diagnostics& diags, const std::vector<DataLink>& data,
                                               RenderMemo* memo) const {
  const std::size_t w = state_->TaggersPerWorker() * static_cast<std::size_t>(worker);
  PageRenderer renderer(site_, state_->site_updated, state_->theme->assets(), state_->taggers.at(w).get(), out, stats,
                        diags);
  // With a build's own memo and plans enough for every thread, each plan is made on one
  // thread: the full text after the chapter pages, whose Markdown it takes where it can.
  // With few plans, or for keikaku serve's edits (one plan made again), the plan's own
  // threads give more.
  if (state_->aside &&
      (!memo || memo->across_builds() || site_.plans.size() < State::kPlansPerThread * state_->workers)) {
    renderer.AllowAside(state_->taggers.at(w + 1).get(), state_->taggers.at(w + 2).get());
  }
  renderer.UseMemo(memo);
  renderer.RenderPlanPages(site_.plans.at(i), data);
  return renderer.used_shared();
}

void SiteRenderer::RenderEnd(const std::set<std::string>& used_shared) {
  state_->site_pages->RenderSiteEnd(used_shared);
}

}  // namespace keikaku::render
