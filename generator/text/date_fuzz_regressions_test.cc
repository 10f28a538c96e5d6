// Inputs fuzz_dates (fuzz/dates_fuzz.cc) found, kept as regression tests.
#include <catch2/catch.hpp>

#include "text/date.h"

using keikaku::text::Date;
using keikaku::text::FormatFiscalWareki;
using keikaku::text::FormatWareki;
using keikaku::text::ParseDate;
using keikaku::text::ParseFiscalYear;

// A year before 明治 has no 和暦: FormatWareki wrote "明治-1665年2月23日" for "202-02-23" (a
// year with a digit missing), which then did not parse back. Such dates are refused, so the
// validator reports the typo instead of publishing the made-up era year.
TEST_CASE("fuzz_dates: a date before 明治 is not read", "[date][fuzz]") {
  CHECK_FALSE(ParseDate("202-02-23"));  // the input fuzz_dates found
  CHECK_FALSE(ParseDate("1867-12-31"));
  CHECK_FALSE(ParseDate("1"));
  CHECK_FALSE(ParseDate("0202年2月"));
  CHECK_FALSE(ParseFiscalYear("202"));
  CHECK_FALSE(ParseFiscalYear("1867年度"));
  // From 1868 on, every date read is shown in 和暦 that reads back to it.
  REQUIRE(ParseDate("1868-01-01") == Date{1868, 1, 1});
  CHECK(FormatWareki({1868, 1, 1}) == "明治元年1月1日");
  CHECK(ParseDate(FormatWareki({1868, 1, 1})) == Date{1868, 1, 1});
  CHECK(ParseDate("1868") == Date{1868, 0, 0});
  CHECK(ParseFiscalYear("1868") == 1868);
  CHECK(FormatFiscalWareki(1868) == "明治元年度");
  CHECK(ParseDate("9999-12-31") == Date{9999, 12, 31});
}
