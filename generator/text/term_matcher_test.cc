#include "text/term_matcher.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>

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

namespace {

// What Find must return, by its definition: at the leftmost character start (a byte that is
// not a UTF-8 continuation byte) where some name matches and is not glued to Latin letters,
// the longest such name (of equal lengths, the first in byte order).
std::optional<keikaku::text::TermMatch> Reference(Names names, std::string_view text, std::size_t from) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  for (std::size_t i = from; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    for (const std::string& name : names) {
      if (name.empty() || text.compare(i, name.size(), name) != 0) continue;
      std::size_t end = i + name.size();
      if (word(name.front()) && i > 0 && word(text[i - 1])) continue;
      if (word(name.back()) && end < text.size() && word(text[end])) continue;
      return keikaku::text::TermMatch{i, end, name};
    }
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("matching agrees with its definition on random texts, broken UTF-8 included", "[autolink]") {
  // Pieces that share first bytes and first characters, Latin letters, and bytes that do not
  // form characters (a lone lead byte, a lone continuation byte, a cut-off sequence).
  const std::vector<std::string> pieces = {"デ", "ジ", "タ", "ル", "・", "ト", "D", "X", "A", "I", "1", "-",
                                           "本", "町", "\xE3", "\x83", "\xE3\x83", "\xF0\x9F\x98\x80", "\xC3\xA9", " "};
  std::mt19937 random(20261124);
  auto pick = [&](std::size_t count) {
    std::string s;
    for (std::size_t k = 0; k < count; ++k) s += pieces[random() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    Names names;
    for (int k = 0; k < 6; ++k) names.push_back(pick(1 + random() % 3));
    TermMatcher m(names);
    std::string text = pick(random() % 40);
    for (std::size_t from = 0; from <= text.size(); ++from) {
      auto want = Reference(names, text, from);
      auto got = m.Find(text, from);
      INFO("names " << names.size() << " text " << text << " from " << from);
      REQUIRE(got.has_value() == want.has_value());
      if (got) {
        CHECK(got->begin == want->begin);
        CHECK(got->end == want->end);
        CHECK(got->name == want->name);
      }
    }
  }
}
