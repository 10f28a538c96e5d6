// Calendar dates and fiscal years as Japanese plans write them (和暦 and 西暦).
#ifndef KEIKAKU_TEXT_DATE_H_
#define KEIKAKU_TEXT_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace keikaku::text {

/// A date with optional month and day (0 = not given).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
  /// Earlier first; a date without its month or day before the dates it contains.
  bool operator<(const Date& o) const {
    if (year != o.year) return year < o.year;
    if (month != o.month) return month < o.month;
    return day < o.day;
  }
};

/// Parses "2021", "2021-10", "2021-10-01", "2021年10月1日", "令和3年10月", "令和元年5月1日",
/// "平成31年4月". Returns nothing for anything else or an impossible date, including one
/// before 1868 (明治), which has no 和暦 to show.
std::optional<Date> ParseDate(std::string_view s);

/// Parses a fiscal year (年度) as the 西暦 year of the April it starts in:
/// "2023", "2023年度", "令和5年度", "R5", "R5年度", "令和元年度"; 1868 to 9999.
std::optional<int> ParseFiscalYear(std::string_view s);

/// "令和3年10月" / "令和元年5月1日" / "平成31年" (era year of the date; for a year alone,
/// the era in force at the end of that year).
std::string FormatWareki(const Date& d);
/// "2021年10月1日" / "2021年10月" / "2021年".
std::string FormatSeireki(const Date& d);
/// "令和3年10月（2021年10月）".
std::string FormatDateBoth(const Date& d);

/// "令和5年度" for 2023 (era in force at the end of that calendar year: 2019 → 令和元年度).
std::string FormatFiscalWareki(int fiscal_year);
/// "令和5年度（2023年度）".
std::string FormatFiscalBoth(int fiscal_year);

/// `s` with the 西暦 after each 和暦 year, month or fiscal year it names, unless it is
/// already followed by a bracket: "令和5年度～随時" → "令和5年度（2023年度）～随時",
/// "令和6年3月末" → "令和6年3月（2024年3月）末".
std::string WithSeireki(std::string_view s);

/// ISO form "2021-10-01", "2021-10" or "2021", for machine-readable attributes.
std::string FormatIso(const Date& d);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_DATE_H_
