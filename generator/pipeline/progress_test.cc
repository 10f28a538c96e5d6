#include "pipeline/progress.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "parallel/parallel.h"

using keikaku::output::OutputTree;
using keikaku::output::TreeSink;
using keikaku::pipeline::ProgressSink;

TEST_CASE("the progress line counts pages, passes every file on and is erased at the end", "[build]") {
  OutputTree tree;
  TreeSink inner(tree);
  std::ostringstream terminal;
  {
    ProgressSink progress(inner, 3, terminal, std::chrono::milliseconds(0));
    progress.Put("assets/style.css", "css");
    CHECK(terminal.str().empty());  // not a page
    progress.Put("index.html", "a");
    CHECK(terminal.str() == "\r\033[Kページを作っています: 1 / 3（0.0 秒）");
    progress.Put("p/index.html", "b");
    CHECK(progress.Has("p/index.html"));
  }
  CHECK(tree.size() == 3);
  const std::string shown = terminal.str();
  CHECK(shown.find("2 / 3") != std::string::npos);
  CHECK(shown.substr(shown.size() - 4) == "\r\033[K");  // erased
}

TEST_CASE("the progress line is shown at most once an interval, from any thread", "[build]") {
  OutputTree tree;
  TreeSink inner(tree);
  std::ostringstream terminal;
  {
    ProgressSink progress(inner, 1000, terminal, std::chrono::hours(1));
    keikaku::parallel::ForEach(1000, 4, [&](std::size_t i, int) { progress.Put(std::to_string(i) + ".html", "x"); });
  }
  CHECK(tree.size() == 1000);
  CHECK(terminal.str().empty());  // never due, so never shown and nothing to erase
}
