#include "render/urls.h"

#include <catch2/catch.hpp>

using keikaku::render::RelativeUrl;
using keikaku::render::RootPrefix;

TEST_CASE("relative links work from pages at any depth", "[urls]") {
  CHECK(RootPrefix("index.html") == "");
  CHECK(RootPrefix("plan/index.html") == "../");
  CHECK(RootPrefix("plan/chapter-4/4-1.html") == "../../");
  CHECK(RelativeUrl("index.html", "plan/index.html") == "plan/index.html");
  CHECK(RelativeUrl("plan/index.html", "plan/chapter-1.html") == "chapter-1.html");
  CHECK(RelativeUrl("plan/chapter-1.html", "index.html") == "../index.html");
  CHECK(RelativeUrl("plan/a/b.html", "plan/c/d.html") == "../c/d.html");
  CHECK(RelativeUrl("plan/a/b.html", "assets/style.css") == "../../assets/style.css");
  CHECK(RelativeUrl("a/index.html", "b/index.html") == "../b/index.html");
}
