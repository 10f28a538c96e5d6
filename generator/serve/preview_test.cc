// The preview's pure parts: request targets to site files, the reload feed, and what the
// preview adds to pages. The running server is tested over HTTP in tests/serve/.
#include <catch2/catch.hpp>

#include <set>
#include <thread>

#include "serve/preview_page.h"
#include "serve/reload.h"
#include "serve/route.h"

using keikaku::serve::ResolveTarget;
using keikaku::serve::Route;
using Kind = keikaku::serve::Route::Kind;

namespace {

const std::set<std::string> kSite = {"index.html", "404.html", "plan/index.html", "plan/chapter-1.html",
                                     "assets/style.css", "計画/index.html", "plan/図 1.png"};

Route Resolve(std::string_view target, std::string_view base = "/") {
  return ResolveTarget(target, base, [](const std::string& f) { return kSite.count(f) > 0; });
}

}  // namespace

TEST_CASE("site files are found by their URL paths", "[serve][route]") {
  CHECK(Resolve("/").file == "index.html");
  CHECK(Resolve("/plan/").file == "plan/index.html");
  CHECK(Resolve("/plan/chapter-1.html").file == "plan/chapter-1.html");
  CHECK(Resolve("/plan/chapter-1.html?x=1#top").file == "plan/chapter-1.html");
  CHECK(Resolve("/%E8%A8%88%E7%94%BB/").file == "計画/index.html");
  CHECK(Resolve("/plan/%E5%9B%B3%201.png").file == "plan/図 1.png");
  CHECK(Resolve("/plan//chapter-1.html").file == "plan/chapter-1.html");
  CHECK(Resolve("/plan/./chapter-1.html").file == "plan/chapter-1.html");
  // `..` that stays inside the site is plain path arithmetic.
  CHECK(Resolve("/plan/../index.html").file == "index.html");
  CHECK(Resolve("/nothing.html").kind == Kind::kNotFound);
  CHECK(Resolve("/plan/chapter-1.html/").kind == Kind::kNotFound);
}

TEST_CASE("a folder without its slash redirects, keeping the query", "[serve][route]") {
  Route r = Resolve("/plan?from=toc");
  CHECK(r.kind == Kind::kRedirect);
  CHECK(r.location == "/plan/?from=toc");
  CHECK(Resolve("/%E8%A8%88%E7%94%BB").location == "/%E8%A8%88%E7%94%BB/");
  CHECK(Resolve("/assets").kind == Kind::kNotFound);  // no assets/index.html
}

TEST_CASE("nothing outside the site can be named", "[serve][route]") {
  for (const char* target :
       {"/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/etc/passwd", "/..%2fetc/passwd", "/%2e%2e%2fetc%2fpasswd",
        "/plan/../../etc/passwd", "/.%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/..", "/plan/%2e%2e/%2e%2e/x"}) {
    INFO(target);
    CHECK(Resolve(target).kind == Kind::kBadRequest);
  }
  for (const char* target : {"/index.html%00.txt", "/%00", "/plan%5c..%5c..%5cetc", "/plan\\..\\x", "/%0d%0aSet-Cookie:x",
                             "/%ff%fe", "/%", "/%4", "/%zz", "etc/passwd", "", "*", "http://example.com/"}) {
    INFO(target);
    CHECK(Resolve(target).kind == Kind::kBadRequest);
  }
  // Names that look like escapes but are not: stay inside and simply do not exist.
  CHECK(Resolve("/....//etc/passwd").kind == Kind::kNotFound);
  CHECK(Resolve("//etc/passwd").kind == Kind::kNotFound);
}

TEST_CASE("a site under a sub-path is served there", "[serve][route]") {
  CHECK(Resolve("/keikaku/plan/", "/keikaku/").file == "plan/index.html");
  CHECK(Resolve("/keikaku/", "/keikaku/").file == "index.html");
  CHECK(Resolve("/keikaku", "/keikaku/").location == "/keikaku/");
  CHECK(Resolve("/", "/keikaku/").location == "/keikaku/");
  CHECK(Resolve("/plan/", "/keikaku/").kind == Kind::kNotFound);
  CHECK(Resolve("/keikaku/../index.html", "/keikaku/").kind == Kind::kNotFound);
}

TEST_CASE("redirect locations are percent-encoded", "[serve][route]") {
  CHECK(keikaku::serve::EncodePath("/a b/計/") == "/a%20b/%E8%A8%88/");
  CHECK(keikaku::serve::EncodePath("/\r\n") == "/%0D%0A");
}

TEST_CASE("the reload feed hands each stream every event once", "[serve][reload]") {
  keikaku::serve::ReloadFeed feed;
  std::uint64_t seen = 0;
  CHECK(feed.WaitAfter(seen, std::chrono::milliseconds(1)).events.empty());
  feed.Publish("a");
  feed.Publish("b");
  auto wait = feed.WaitAfter(seen, std::chrono::milliseconds(1));
  CHECK(wait.events == std::vector<std::string>{"a", "b"});
  CHECK(seen == 2);
  CHECK(feed.WaitAfter(seen, std::chrono::milliseconds(1)).events.empty());

  // A waiting stream wakes as soon as an event arrives.
  std::thread publisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    feed.Publish("c");
  });
  auto woken = feed.WaitAfter(seen, std::chrono::seconds(10));
  publisher.join();
  CHECK(woken.events == std::vector<std::string>{"c"});

  // A stream that fell behind the history gets one event that reloads everything.
  std::uint64_t behind = 0;
  for (int i = 0; i < 100; ++i) feed.Publish("x");
  auto lost = feed.WaitAfter(behind, std::chrono::milliseconds(1));
  REQUIRE(lost.events.size() == 1);
  CHECK(lost.events[0] == "{\"build\":103,\"all\":true}");

  feed.Close();
  CHECK(feed.WaitAfter(seen, std::chrono::seconds(10)).closed);
}

TEST_CASE("the feed counts streams against a limit", "[serve][reload]") {
  keikaku::serve::ReloadFeed feed;
  CHECK(feed.TryOpenStream(2));
  CHECK(feed.TryOpenStream(2));
  CHECK_FALSE(feed.TryOpenStream(2));
  feed.CloseStream();
  CHECK(feed.TryOpenStream(2));
  CHECK(feed.open_streams() == 2);
}

TEST_CASE("served pages get the live-reload script and the overlay", "[serve][preview]") {
  keikaku::serve::PageState state{7, "/keikaku/", false, "<div id=\"keikaku-error\">x</div>"};
  std::string html = keikaku::serve::InjectPreview(
      "<!DOCTYPE html><html><head><title>t</title></head><body class=\"a\"><p>本文</p></body></html>", state);
  CHECK(html ==
        "<!DOCTYPE html><html><head><title>t</title><link rel=\"stylesheet\" href=\"/__keikaku/preview.css\"></head>"
        "<body class=\"a\"><div id=\"keikaku-error\">x</div><p>本文</p><script src=\"/__keikaku/live-reload.js\" "
        "data-build=\"7\" data-base=\"/keikaku/\"></script></body></html>");
  state.overlay.clear();
  state.missing = true;
  CHECK(keikaku::serve::InjectPreview("<p>x</p>", state) ==
        "<link rel=\"stylesheet\" href=\"/__keikaku/preview.css\"><p>x</p><script src=\"/__keikaku/live-reload.js\" "
        "data-build=\"7\" data-base=\"/keikaku/\" data-missing=\"\"></script>");
}

TEST_CASE("the error overlay shows position, message and the lines around, escaped", "[serve][preview]") {
  keikaku::diag::Diagnostics diags;
  diags.Error({"content/plans/p/plan.yaml", 3, 8}, "yaml.syntax", "<script>alert(1)</script> が閉じていません。",
              "\"引用符\" を閉じてください。");
  diags.Warning({"content/site.yaml", 1, 1}, "x.warn", "警告は表示しない");
  std::map<std::string, std::string> sources = {
      {"content/plans/p/plan.yaml", "a: 1\nb: 2\ntitle: \"<b>&\nd: 4\ne: 5\nf: 6\n"}};
  std::string html = keikaku::serve::ErrorOverlay(diags, sources);
  CHECK_THAT(html, Catch::Contains("エラー 1 件"));
  CHECK_THAT(html, Catch::Contains("<code>content/plans/p/plan.yaml:3:8</code>"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; が閉じていません。"));
  CHECK_THAT(html, Catch::Contains("[yaml.syntax]"));
  CHECK_THAT(html, Catch::Contains("ヒント: &quot;引用符&quot; を閉じてください。"));
  CHECK_THAT(html, Catch::Contains("<span><span class=\"keikaku-error__ln\">1</span> a: 1</span>"));
  CHECK_THAT(html, Catch::Contains("<mark><span class=\"keikaku-error__ln\">3</span> title: &quot;&lt;b&gt;&amp;</mark>"));
  CHECK_THAT(html, Catch::Contains("<span class=\"keikaku-error__ln\">5</span> e: 5"));
  CHECK_THAT(html, !Catch::Contains("f: 6"));
  CHECK_THAT(html, !Catch::Contains("<script>"));
  CHECK_THAT(html, !Catch::Contains("警告は表示しない"));
}
