#include <catch2/catch.hpp>

#include <string>

#include "render/page_context.h"

using keikaku::render::PageContext;
using keikaku::render::RenderMemo;

namespace {

struct Glossary {
  Glossary() {
    plan.glossary.resize(2);
    plan.glossary[0].term = "窓口";
    plan.glossary[0].id = "term-madoguchi";
    plan.glossary[1].term = "DX";
    plan.glossary[1].id = "term-dx";
    for (const auto& e : plan.glossary) terms.emplace(e.term, &e);
  }
  keikaku::model::Plan plan;
  keikaku::render::TermIndex terms;
};

keikaku::model::Markdown Text(const std::string& text) { return {text, {"plans/p/a.yaml", 3, 5}}; }

}  // namespace

TEST_CASE("A page takes a kept fragment whose glossary links it numbers otherwise", "[render][memo]") {
  Glossary g;
  const keikaku::model::Markdown first = Text("[[窓口]]で受け付けます。");
  const keikaku::model::Markdown shared = Text("[[窓口]]と[[DX]]、また[[窓口]]。");
  RenderMemo memo(/*across_builds=*/false);
  keikaku::diag::Diagnostics diags;

  // The chapter page: the shared text's references are the first on the page.
  PageContext chapter(&g.plan, &g.terms, "glossary.html", diags, &memo);
  chapter.SetTermsOnPage(true);
  const std::string on_chapter = chapter.Markdown(shared, 2);
  CHECK(on_chapter.find("id=\"ref-term-madoguchi-1\"") != std::string::npos);
  CHECK(on_chapter.find("id=\"ref-term-madoguchi-2\"") != std::string::npos);

  // The full text has referred to 窓口 once before: its numbers are one higher.
  PageContext full(&g.plan, &g.terms, "", diags, &memo);
  full.SetTermsOnPage(true);
  full.Markdown(first, 2);
  const std::size_t reused_before = memo.counts().fragments_reused;
  const std::string on_full = full.Markdown(shared, 2);
  CHECK(memo.counts().fragments_reused == reused_before + 1);

  // The same as rendering it on such a page.
  PageContext fresh(&g.plan, &g.terms, "", diags, nullptr);
  fresh.SetTermsOnPage(true);
  fresh.Markdown(first, 2);
  CHECK(on_full == fresh.Markdown(shared, 2));
  CHECK(on_full.find("id=\"ref-term-madoguchi-3\"") != std::string::npos);
  CHECK(on_full != on_chapter);
  // And the page counts the references it took: 窓口 three times, DX once.
  REQUIRE(full.uses().size() == 2);
  CHECK(full.uses()[0].ref_ids.size() == 3);
  CHECK(full.uses()[1].ref_ids.size() == 1);
}
