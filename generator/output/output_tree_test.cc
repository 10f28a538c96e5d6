#include "output/output_tree.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using keikaku::diag::Diagnostics;
using keikaku::output::OutputTree;
using keikaku::output::Publish;

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
