#include "text/date.h"

#include <catch2/catch.hpp>

using keikaku::text::Date;
using keikaku::text::FormatDateBoth;
using keikaku::text::FormatFiscalBoth;
using keikaku::text::FormatFiscalWareki;
using keikaku::text::FormatWareki;
using keikaku::text::ParseDate;
using keikaku::text::ParseFiscalYear;
using keikaku::text::WithSeireki;

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

TEST_CASE("free text gets the 西暦 of each 和暦 it names", "[date]") {
  CHECK(WithSeireki("令和5年度～随時実施") == "令和5年度（2023年度）～随時実施");
  CHECK(WithSeireki("令和5年度から令和7年度まで") == "令和5年度（2023年度）から令和7年度（2025年度）まで");
  CHECK(WithSeireki("令和6年3月末までに移行") == "令和6年3月（2024年3月）末までに移行");
  CHECK(WithSeireki("令和元年5月1日に施行") == "令和元年5月1日（2019年5月1日）に施行");
  CHECK(WithSeireki("平成17年の国勢調査") == "平成17年（2005年）の国勢調査");
  CHECK(WithSeireki("令和７年度末") == "令和７年度（2025年度）末");  // full-width digits
  // Already given, or not a date: unchanged.
  CHECK(WithSeireki("令和2（2020）年") == "令和2（2020）年");
  CHECK(WithSeireki("令和5年度（2023年度）") == "令和5年度（2023年度）");
  CHECK(WithSeireki("令和5年度(2023)") == "令和5年度(2023)");
  CHECK(WithSeireki("令和の時代") == "令和の時代");
  CHECK(WithSeireki("随時") == "随時");
  CHECK(WithSeireki("R5年度") == "R5年度");  // Latin abbreviations stay as written in prose
  // A month the era did not have is left alone rather than converted wrongly.
  CHECK(WithSeireki("平成31年5月") == "平成31年5月");
  CHECK(WithSeireki("令和元年4月") == "令和元年4月");
  CHECK(WithSeireki("平成31年4月") == "平成31年4月（2019年4月）");
  CHECK(WithSeireki("昭和64年1月7日") == "昭和64年1月7日（1989年1月7日）");
  CHECK(WithSeireki("") == "");
}

TEST_CASE("fiscal years and dates at the era boundaries", "[date]") {
  // 2019-04-30 is 平成, 2019-05-01 令和; fiscal 2019 (April 2019 – March 2020) is 令和元年度.
  CHECK(FormatDateBoth({2019, 4, 30}) == "平成31年4月30日（2019年4月30日）");
  CHECK(FormatDateBoth({2019, 5, 0}) == "令和元年5月（2019年5月）");
  CHECK(FormatFiscalBoth(2019) == "令和元年度（2019年度）");
  CHECK(FormatFiscalBoth(2018) == "平成30年度（2018年度）");
  CHECK(FormatFiscalBoth(1988) == "昭和63年度（1988年度）");
  CHECK(FormatFiscalBoth(1989) == "平成元年度（1989年度）");
  CHECK(ParseFiscalYear("平成31年度") == 2019);
  CHECK(ParseFiscalYear("昭和63年度") == 1988);
  CHECK(ParseFiscalYear("S63") == 1988);
  CHECK(ParseFiscalYear("H30年度") == 2018);
  CHECK(ParseFiscalYear("２０２３年度") == 2023);
  CHECK_FALSE(ParseFiscalYear("令和0年度"));
  CHECK_FALSE(ParseFiscalYear("令和5年度から"));
  CHECK_FALSE(ParseFiscalYear(""));
  CHECK(ParseDate("2024-03") == Date{2024, 3, 0});
  CHECK(ParseDate("令和6年3月") == Date{2024, 3, 0});
  CHECK(FormatDateBoth(*ParseDate("令和6年3月")) == "令和6年3月（2024年3月）");
  CHECK_FALSE(ParseDate("2024-02-30"));
  CHECK(ParseDate("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(ParseDate("2023-02-29"));
}
