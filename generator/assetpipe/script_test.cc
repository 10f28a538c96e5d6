#include "assetpipe/script.h"

#include <catch2/catch.hpp>

using keikaku::assetpipe::StripScript;

TEST_CASE("a script loses comment lines, blank lines and indentation only", "[assetpipe]") {
  CHECK(StripScript("// about\n(function () {\n\n  var a = \"//x\"; // kept\n    // gone\n})();\n") ==
        "(function () {\nvar a = \"//x\"; // kept\n})();\n");
  CHECK(StripScript("a();\r\n  b();") == "a();\nb();\n");
  CHECK(StripScript("").empty());
}
