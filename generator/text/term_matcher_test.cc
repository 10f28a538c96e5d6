#include "text/term_matcher.h"

#include <catch2/catch.hpp>

using keikaku::text::TermMatcher;

namespace {

// Every match in `text`, in order, each as the name found.
std::vector<std::string> All(const TermMatcher& m, std::string_view text) {
  std::vector<std::string> found;
  for (auto match = m.Find(text); match; match = m.Find(text, match->end)) found.push_back(match->name);
  return found;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("the longest name at a position wins", "[autolink]") {
  TermMatcher m({"デジタル", "デジタル・トランスフォーメーション", "DX"});
  auto match = m.Find("本町のデジタル・トランスフォーメーション（DX）");
  REQUIRE(match);
  CHECK(match->name == "デジタル・トランスフォーメーション");
  CHECK(match->begin == std::string("本町の").size());
  CHECK(All(m, "本町のデジタル・トランスフォーメーション（DX）とデジタル化") ==
        Names{"デジタル・トランスフォーメーション", "DX", "デジタル"});
}

TEST_CASE("overlapping names: the leftmost wins, then matching goes on after it", "[autolink]") {
  TermMatcher m({"行政DX", "DX推進", "推進計画"});
  CHECK(All(m, "行政DX推進計画") == Names{"行政DX", "推進計画"});
  CHECK(All(m, "DX推進計画") == Names{"DX推進"});
}

TEST_CASE("Japanese needs no word boundaries; Latin names do not match inside Latin words", "[autolink]") {
  TermMatcher m({"DX", "AI", "ICT"});
  CHECK(All(m, "本町のDX推進計画") == Names{"DX"});
  CHECK(All(m, "DX。") == Names{"DX"});
  CHECK(All(m, "IDXやDXAやDX2") == Names{});
  CHECK(All(m, "DXDX") == Names{});
  CHECK(All(m, "DX・DX") == Names{"DX", "DX"});
  CHECK(All(m, "AI-OCRとICT") == Names{"AI", "ICT"});  // a hyphen is a boundary
  CHECK(All(m, "dx") == Names{});                      // exact bytes, no case folding
}

TEST_CASE("matches are whole characters and found up to the end of the text", "[autolink]") {
  TermMatcher m({"クラウド", "ド"});
  CHECK(All(m, "ガバメントクラウド") == Names{"クラウド"});
  TermMatcher empty({"", "DX"});
  CHECK(All(empty, "DX") == Names{"DX"});
  CHECK_FALSE(empty.Find("DX", 2));
  TermMatcher one({"A"});  // a name of one byte, also as the text's last
  CHECK(All(one, "A・本A") == Names{"A", "A"});
}
