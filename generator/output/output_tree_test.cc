#include "output/output_tree.h"

#include <sys/stat.h>

#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "output/precompress.h"
#include "output/site_writer.h"
#include "parallel/parallel.h"

namespace fs = std::filesystem;
using keikaku::diag::Diagnostics;
using keikaku::output::OutputTree;
using keikaku::output::SiteWriter;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty folder under the system temp dir, removed at the end of the test.
struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("keikaku-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path path;
  static inline int counter = 0;
};

// Files and folders next to `site` (temporary folders left behind, for instance).
int EntriesBeside(const fs::path& site) {
  int entries = 0;
  for (const auto& e : fs::directory_iterator(site.parent_path())) entries += e.path() != site;
  return entries;
}

// Writes `tree` as the whole site at `site` (as keikaku build does, file by file).
bool Publish(const OutputTree& tree, const fs::path& site, Diagnostics& diags, bool precompress = false) {
  SiteWriter writer(site, precompress);
  if (!writer.Open(diags)) return false;
  for (const auto& [path, bytes] : tree) writer.Put(path, bytes);
  return writer.Commit(diags);
}

}  // namespace

TEST_CASE("publishing writes the tree and replaces the previous site whole", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"index.html", "one"}, {"plan/old.html", "old"}}, site, diags));
  CHECK(Slurp(site / "index.html") == "one");
  REQUIRE(Publish({{"index.html", "two"}, {"plan/new.html", "new"}}, site, diags));
  CHECK(Slurp(site / "index.html") == "two");
  CHECK(fs::exists(site / "plan/new.html"));
  CHECK_FALSE(fs::exists(site / "plan/old.html"));
  // Nothing is left beside the site.
  CHECK(EntriesBeside(site) == 0);
}

TEST_CASE("a failed write leaves the previous site untouched", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"index.html", "good"}}, site, diags));
  // "a" is written as a file, so the folder "a/" cannot be made.
  CHECK_FALSE(Publish({{"a", "file"}, {"a/b.html", "x"}, {"index.html", "bad"}}, site, diags));
  CHECK(diags.has_errors());
  CHECK(diags.items().back().rule == "output.write");
  CHECK(Slurp(site / "index.html") == "good");
  CHECK(EntriesBeside(site) == 0);
}

TEST_CASE("a folder keikaku did not create is never replaced", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "documents";
  fs::create_directories(site);
  std::ofstream(site / "important.txt") << "keep";
  Diagnostics diags;
  CHECK_FALSE(Publish({{"index.html", "x"}}, site, diags));
  CHECK(diags.items().at(0).rule == "output.not-ours");
  CHECK(Slurp(site / "important.txt") == "keep");
  CHECK_FALSE(fs::exists(site / "index.html"));
}

TEST_CASE("an interrupted swap is repaired before the next build", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"index.html", "previous"}}, site, diags));
  // Simulate a kill between the two renames: the old site moved aside, a partial new one.
  fs::rename(site, tmp.path / "site.old-99999");
  fs::create_directories(tmp.path / "site.tmp-99999");
  std::ofstream(tmp.path / "site.tmp-99999" / "index.html") << "partial";
  REQUIRE(Publish({{"index.html", "next"}}, site, diags));
  CHECK(Slurp(site / "index.html") == "next");
  CHECK_FALSE(fs::exists(tmp.path / "site.old-99999"));
  CHECK_FALSE(fs::exists(tmp.path / "site.tmp-99999"));
}

namespace {

// Inode and modification time: the identity of a file as rsync and web servers see it.
std::pair<ino_t, fs::file_time_type> Identity(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return {st.st_ino, fs::last_write_time(p)};
}

}  // namespace

TEST_CASE("a file whose bytes did not change keeps its identity; the changes are listed", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"index.html", "same"}, {"a/page.html", "before"}, {"a/gone.html", "x"}}, site, diags));
  CHECK(Slurp(site / keikaku::output::kChangesFile).find("A a/gone.html\nA a/page.html\nA index.html\n") !=
        std::string::npos);
  auto same = Identity(site / "index.html");
  auto page = Identity(site / "a/page.html");
  fs::last_write_time(site / "index.html", same.second - std::chrono::hours(24));  // an old file
  same.second = fs::last_write_time(site / "index.html");

  SiteWriter writer(site, false);
  REQUIRE(writer.Open(diags));
  writer.Put("index.html", "same");
  writer.Put("a/page.html", "after!");  // same size is not enough
  writer.Put("a/new.html", "new");
  REQUIRE(writer.Commit(diags));
  CHECK(Identity(site / "index.html") == same);
  CHECK(Identity(site / "a/page.html").first != page.first);
  CHECK(Slurp(site / "a/page.html") == "after!");
  CHECK(writer.changes().added == std::vector<std::string>{"a/new.html"});
  CHECK(writer.changes().changed == std::vector<std::string>{"a/page.html"});
  CHECK(writer.changes().removed == std::vector<std::string>{"a/gone.html"});
  CHECK(writer.changes().unchanged == 1);
  std::string list = Slurp(site / keikaku::output::kChangesFile);
  CHECK(list.substr(list.find('\n') + 1) == "A a/new.html\nM a/page.html\nD a/gone.html\n");
  CHECK(EntriesBeside(site) == 0);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("precompressed variants are written beside text files and kept with them", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  const std::string page(4000, 'a');
  REQUIRE(Publish({{"index.html", page}, {"tiny.html", "x"}, {"logo.png", page}}, site, diags, true));
  CHECK(fs::exists(site / "index.html.gz"));
  CHECK(fs::exists(site / "index.html.br"));
  CHECK(keikaku::output::Gzip(page) == Slurp(site / "index.html.gz"));
  CHECK_FALSE(fs::exists(site / "tiny.html.gz"));  // not smaller: left out
  CHECK_FALSE(fs::exists(site / "logo.png.gz"));   // not a text file
  auto gz = Identity(site / "index.html.gz");
  SiteWriter writer(site, true);
  REQUIRE(writer.Open(diags));
  writer.Put("index.html", page);
  writer.Put("tiny.html", "x");
  REQUIRE(writer.Commit(diags));
  CHECK(writer.compressed() == 2);
  CHECK(writer.changes().unchanged == 4);  // index.html, its .gz and .br, tiny.html
  CHECK(Identity(site / "index.html.gz") == gz);
  CHECK_FALSE(fs::exists(site / "logo.png"));
}

TEST_CASE("a site writer that is not committed leaves the previous site; Put works from many threads", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"index.html", "previous"}}, site, diags));
  {
    SiteWriter writer(site, false);
    REQUIRE(writer.Open(diags));
    writer.Put("index.html", "next");
  }  // destroyed without Commit: aborted
  CHECK(Slurp(site / "index.html") == "previous");
  CHECK(EntriesBeside(site) == 0);

  SiteWriter writer(site, true);
  REQUIRE(writer.Open(diags));
  keikaku::parallel::ForEach(300, 4, [&](std::size_t i, int) {
    writer.Put("p" + std::to_string(i % 7) + "/page-" + std::to_string(i) + ".html", std::string(300 + i, 'x'));
  });
  CHECK(writer.Has("p3/page-3.html"));
  REQUIRE(writer.Commit(diags));
  for (std::size_t i = 0; i < 300; ++i) {
    std::string path = "p" + std::to_string(i % 7) + "/page-" + std::to_string(i) + ".html";
    REQUIRE(Slurp(site / path) == std::string(300 + i, 'x'));
    REQUIRE(fs::exists(site / (path + ".br")));
  }
  CHECK(writer.changes().added.size() == 900);
  CHECK(writer.changes().removed == std::vector<std::string>{"index.html"});
}

TEST_CASE("a file put twice is replaced, and the previous site's file is never written through", "[output]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  Diagnostics diags;
  REQUIRE(Publish({{"map.png", "image"}}, site, diags));
  {
    SiteWriter writer(site, false);
    REQUIRE(writer.Open(diags));
    writer.Put("map.png", "image");  // kept: a link to the previous file
    writer.Put("map.png", "image");  // the same file named twice (a figure and a Markdown image)
    writer.Put("map.png", "other");  // a new version replaces the link, not the file behind it
    CHECK(Slurp(site / "map.png") == "image");
  }  // aborted
  CHECK(Slurp(site / "map.png") == "image");
  CHECK_FALSE(diags.has_errors());
}


// keikaku serve keeps the files of a plan that did not change shared between builds; other
// sinks take a copy.
TEST_CASE("a shared tree keeps shared bytes without a copy; a plain tree copies them", "[output]") {
  using keikaku::output::SharedBytes;
  const SharedBytes page = std::make_shared<const std::string>("<p>ページ</p>");
  keikaku::output::SharedTree shared;
  keikaku::output::SharedTreeSink shared_sink(shared);
  shared_sink.PutShared("a.html", page);
  shared_sink.Put("b.html", "made now");
  CHECK(shared.at("a.html") == page);  // the same bytes, not equal ones
  CHECK(*shared.at("b.html") == "made now");
  CHECK(shared_sink.Has("a.html"));
  CHECK_FALSE(shared_sink.Has("c.html"));

  OutputTree plain;
  keikaku::output::TreeSink plain_sink(plain);
  plain_sink.PutShared("a.html", page);
  plain_sink.Put("b.html", "made now");
  CHECK(plain.at("a.html") == *page);
  CHECK(plain.at("a.html").data() != page->data());
  CHECK(plain.at("b.html") == "made now");
}
