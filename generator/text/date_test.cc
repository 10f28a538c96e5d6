#include "text/date.h"

#include <catch2/catch.hpp>

using keikaku::text::Date;
using keikaku::text::FormatDateBoth;
using keikaku::text::FormatFiscalBoth;
using keikaku::text::FormatFiscalWareki;
using keikaku::text::FormatWareki;
using keikaku::text::ParseDate;
using keikaku::text::ParseFiscalYear;

TEST_CASE("dates parse in ISO, 西暦 and 和暦 forms", "[date]") {
  CHECK(ParseDate("2021-10") == Date{2021, 10, 0});
  CHECK(ParseDate("2023-05-16") == Date{2023, 5, 16});
  CHECK(ParseDate("2024") == Date{2024, 0, 0});
  CHECK(ParseDate("令和3年10月") == Date{2021, 10, 0});
  CHECK(ParseDate("令和5年5月16日") == Date{2023, 5, 16});
  CHECK(ParseDate("令和元年5月1日") == Date{2019, 5, 1});
  CHECK(ParseDate("平成31年4月") == Date{2019, 4, 0});
  CHECK(ParseDate("2024年3月") == Date{2024, 3, 0});
  CHECK(ParseDate("令和６年３月") == Date{2024, 3, 0});
}

TEST_CASE("impossible dates are rejected", "[date]") {
  CHECK_FALSE(ParseDate("2021-13"));
  CHECK_FALSE(ParseDate("2024-00"));        // a written month must be 1–12
  CHECK_FALSE(ParseDate("2024-01-00"));
  CHECK_FALSE(ParseDate("令和6年0月"));
  CHECK_FALSE(ParseDate("2024年1月0日"));
  CHECK_FALSE(ParseDate("2023-02-29"));
  CHECK(ParseDate("2024-02-29"));
  CHECK_FALSE(ParseDate("平成32年1月"));   // 平成 ended in 2019
  CHECK_FALSE(ParseDate("令和元年4月"));   // 令和 began on 2019-05-01
  CHECK_FALSE(ParseDate("令和3年10月ごろ"));
  CHECK_FALSE(ParseDate(""));
  CHECK_FALSE(ParseDate("abc"));
}

TEST_CASE("dates show 和暦 with 西暦", "[date]") {
  CHECK(FormatDateBoth({2021, 10, 0}) == "令和3年10月（2021年10月）");
  CHECK(FormatDateBoth({2023, 5, 16}) == "令和5年5月16日（2023年5月16日）");
  CHECK(FormatWareki({2019, 4, 30}) == "平成31年4月30日");
  CHECK(FormatWareki({2019, 5, 1}) == "令和元年5月1日");
  CHECK(FormatWareki({1989, 1, 7}) == "昭和64年1月7日");
  CHECK(FormatWareki({1989, 1, 8}) == "平成元年1月8日");
}

TEST_CASE("fiscal years parse and show both forms", "[date]") {
  CHECK(ParseFiscalYear("2023") == 2023);
  CHECK(ParseFiscalYear("令和5年度") == 2023);
  CHECK(ParseFiscalYear("R5") == 2023);
  CHECK(ParseFiscalYear("2023年度") == 2023);
  CHECK(ParseFiscalYear("令和元年度") == 2019);
  CHECK_FALSE(ParseFiscalYear("来年度"));
  CHECK(FormatFiscalBoth(2023) == "令和5年度（2023年度）");
  CHECK(FormatFiscalWareki(2019) == "令和元年度");
  CHECK(FormatFiscalWareki(2018) == "平成30年度");
}
