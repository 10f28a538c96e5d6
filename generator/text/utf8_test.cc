#include "text/utf8.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <string>
#include <vector>

using keikaku::text::DecodeAt;
using keikaku::text::DecodeAtSlow;
using keikaku::text::IsValidUtf8;

TEST_CASE("DecodeAt reads kana, kanji and ASCII and advances past them", "[utf8]") {
  const std::string s = "a計画で\xEF\xBF\xBD";
  std::size_t pos = 0;
  CHECK(DecodeAt(s, pos) == U'a');
  CHECK(pos == 1);
  CHECK(DecodeAt(s, pos) == U'計');
  CHECK(DecodeAt(s, pos) == U'画');
  CHECK(DecodeAt(s, pos) == U'で');
  CHECK(DecodeAt(s, pos) == 0xFFFD);  // U+FFFD itself
  CHECK(pos == s.size());
  CHECK(IsValidUtf8(s));
}

// The inline part of DecodeAt decodes ASCII and 3-byte sequences itself; for every lead byte
// of those, every two bytes after it, and the sequence cut short, it gives what the whole
// decoder gives: overlong forms, surrogates and bad continuation bytes are U+FFFD.
TEST_CASE("DecodeAt's inline part agrees with the whole decoder", "[utf8]") {
  int differences = 0;
  for (int b0 = 0; b0 < 0x100; ++b0) {
    if (b0 >= 0x80 && (b0 & 0xF0) != 0xE0) continue;
    for (int b1 = 0; b1 < 0x100; ++b1) {
      for (int b2 = 0; b2 < 0x100; ++b2) {
        const std::string s = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        std::size_t fast = 0, slow = 0;
        if (DecodeAt(s, fast) != DecodeAtSlow(s, slow) || fast != slow) ++differences;
      }
      const std::string cut = {static_cast<char>(b0), static_cast<char>(b1)};
      std::size_t fast = 0, slow = 0;
      if (DecodeAt(cut, fast) != DecodeAtSlow(cut, slow) || fast != slow) ++differences;
    }
  }
  CHECK(differences == 0);
  std::size_t pos = 0;
  CHECK(DecodeAt("\xE0\x80\x80", pos) == 0xFFFD);  // overlong: the whole sequence
  CHECK(pos == 3);
  pos = 0;
  CHECK(DecodeAt("\xED\xA0\x80", pos) == 0xFFFD);  // a surrogate
  pos = 0;
  CHECK(DecodeAt("\xE8\xA8", pos) == 0xFFFD);  // cut short
  CHECK(pos == 1);
  CHECK_FALSE(IsValidUtf8("計\xE8\xA8"));
}

TEST_CASE("CharFilter lets through every character of its set, and few others", "[utf8]") {
  const std::vector<char32_t> set = {'R', U'令', U'図', 0xFF10, U'𠮷'};
  const keikaku::text::CharFilter filter(set);
  const std::string text = "R令図０𠮷 r表今０１ａ😀";
  std::vector<char32_t> passed;
  for (std::size_t pos = 0; pos < text.size();) {
    const bool maybe = filter.MayBe(text, pos);
    const std::size_t before = pos;
    const char32_t c = keikaku::text::DecodeAt(text, pos);
    CHECK(pos - before == keikaku::text::SequenceLength(static_cast<unsigned char>(text[before])));
    if (std::find(set.begin(), set.end(), c) != set.end()) CHECK(maybe);
    if (maybe) passed.push_back(c);
  }
  // The set, and characters that share the first two bytes of one (今 and 令: E4 BB; ０
  // and １: EF BC), not others (r, 表, ａ, 😀).
  CHECK(passed == std::vector<char32_t>{'R', U'令', U'図', 0xFF10, U'𠮷', U'今', 0xFF10, 0xFF11});
  CHECK_FALSE(keikaku::text::CharFilter().MayBe(text, 0));
}

TEST_CASE("IsValidUtf8 finds the first bad byte after ASCII runs of any length", "[utf8]") {
  for (std::size_t ascii = 0; ascii < 20; ++ascii) {
    for (const std::string bad : {"\xFF", "\xE8\xA8", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
      const std::string text = std::string(ascii, 'a') + "計" + bad + "後";
      std::size_t offset = 0;
      INFO(ascii);
      CHECK_FALSE(IsValidUtf8(text, &offset));
      CHECK(offset == ascii + 3);
    }
    CHECK(IsValidUtf8(std::string(ascii, 'a') + "計画\xEF\xBF\xBD" + std::string(ascii, 'b')));
  }
}

TEST_CASE("CodepointCount counts the characters of any length of text", "[utf8]") {
  const std::string sample = "計画a𠮷ｶ\x80é 😀\xE8\xA8";  // with a stray continuation byte and a cut kanji
  for (std::size_t from = 0; from < sample.size(); ++from) {
    for (std::size_t length = 0; from + length <= sample.size(); ++length) {
      const std::string_view s = std::string_view(sample).substr(from, length);
      std::size_t expected = 0;
      for (unsigned char c : s) expected += (c >> 6) != 2;
      CHECK(keikaku::text::CodepointCount(s) == expected);
    }
  }
  CHECK(keikaku::text::CodepointCount("三木町のDX推進計画、令和5年度から") == 18);
}

TEST_CASE("IsValidUtf8 agrees with decoding on random bytes", "[utf8]") {
  // The definition: every character decodes (a decoded U+FFFD must be written as one).
  auto reference = [](std::string_view s, std::size_t* bad) {
    for (std::size_t pos = 0; pos < s.size();) {
      const std::size_t start = pos;
      const char32_t c = keikaku::text::DecodeAt(s, pos);
      if (c == 0xFFFD && s.substr(start, pos - start) != "\xEF\xBF\xBD") {
        *bad = start;
        return false;
      }
    }
    return true;
  };
  const std::vector<std::string> pieces = {"a", "abcdefgh", " ", "計", "画", "ア", "é", "😀", "\xEF\xBF\xBD", "\xE0\xA0\x80",
                                           "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                                           "\xC0\xAF", "\xC2", "\xE3\x81", "\x80", "\xFF", "\xF0\x9F\x98"};
  std::mt19937 random(8);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (std::size_t k = random() % 12; k > 0; --k) s += pieces[random() % pieces.size()];
    std::size_t want_bad = 0, got_bad = 0;
    const bool want = reference(s, &want_bad);
    INFO(s);
    REQUIRE(IsValidUtf8(s, &got_bad) == want);
    if (!want) CHECK(got_bad == want_bad);
  }
}
