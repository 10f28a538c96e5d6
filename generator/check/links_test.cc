#include "check/links.h"

#include <catch2/catch.hpp>

using keikaku::check::CheckLinks;
using keikaku::diag::Diagnostics;

TEST_CASE("links: every relative link names a file and every anchor an id", "[check]") {
  keikaku::output::OutputTree site = {
      {"index.html", "<a href=\"plan/index.html\">計画</a>\n<a href=\"plan/\">計画</a>"},
      {"plan/index.html", "<h1 id=\"top\">t</h1>\n<a href=\"c.html#sec-1\">1</a> <a href=\"#top\">上</a>\n"
                          "<a href=\"%E5%9B%B3.png\">図</a> <img src=\"../assets/x.css\">"},
      {"plan/c.html", "<h2 id=\"sec-1\">s</h2>\n<a href=\"https://example.jp/a\">外</a> <a href=\"mailto:a@b\">m</a>\n"
                      "<a href=\"tel:000\">t</a> <a href=\"c.html#gone\">x</a>\n<a href=\"missing.html\">y</a>\n"
                      "<a href=\"/abs.html\">z</a> <a href=\"https://example.jp/a\">again</a>"},
      {"plan/図.png", "png"},
      {"assets/x.css", ""},
      {"404.html", "<a href=\"/nowhere/index.html\">top</a>"},
  };
  Diagnostics diags;
  auto report = CheckLinks(site, diags);
  CHECK(report.checked == 8);
  CHECK(report.external == std::set<std::string>{"https://example.jp/a"});
  REQUIRE(diags.items().size() == 3);
  auto sorted = diags.Sorted();
  CHECK(sorted[0].rule == "link.anchor");
  CHECK(sorted[0].pos.file == "<output>/plan/c.html");
  CHECK(sorted[0].pos.line == 3);
  CHECK(sorted[1].rule == "link.broken");
  CHECK(sorted[1].pos.line == 4);
  CHECK(sorted[2].rule == "link.absolute");
  CHECK(sorted[2].severity == keikaku::diag::Severity::kWarning);
  CHECK(diags.error_count() == 2);
}
