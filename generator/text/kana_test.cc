#include "text/kana.h"

#include <catch2/catch.hpp>

using keikaku::text::IsHiraganaReading;
using keikaku::text::KanaRowOf;

TEST_CASE("a kana falls in its 五十音 row, voiced and small forms included", "[kana]") {
  CHECK(KanaRowOf(U'あ') == 0);
  CHECK(KanaRowOf(U'ぉ') == 0);
  CHECK(KanaRowOf(U'ゔ') == 0);
  CHECK(KanaRowOf(U'か') == 1);
  CHECK(KanaRowOf(U'ご') == 1);
  CHECK(KanaRowOf(U'ぞ') == 2);
  CHECK(KanaRowOf(U'っ') == 3);
  CHECK(KanaRowOf(U'の') == 4);
  CHECK(KanaRowOf(U'ぽ') == 5);
  CHECK(KanaRowOf(U'も') == 6);
  CHECK(KanaRowOf(U'ょ') == 7);
  CHECK(KanaRowOf(U'ろ') == 8);
  CHECK(KanaRowOf(U'を') == 9);
  CHECK(KanaRowOf(U'ん') == 9);
  CHECK(KanaRowOf(U'デ') == 3);  // katakana
  CHECK(KanaRowOf(U'ヴ') == 0);
  CHECK(KanaRowOf(U'漢') == -1);
  CHECK(KanaRowOf(U'D') == -1);
}

TEST_CASE("a reading must be hiragana", "[kana]") {
  CHECK(IsHiraganaReading("でじたるとらんすふぉーめーしょん"));
  CHECK(IsHiraganaReading("あいしーてぃー（つーる）"));
  CHECK_FALSE(IsHiraganaReading("デジタル"));
  CHECK_FALSE(IsHiraganaReading("電子"));
  CHECK_FALSE(IsHiraganaReading("dx"));
}
