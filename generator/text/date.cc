#include "text/date.h"

#include <cstdio>

namespace keikaku::text {
namespace {

struct Era {
  const char* name;
  const char* letter;  // Latin initial used in abbreviations such as R5.
  int start_year, start_month, start_day;
};

// Newest first.
constexpr Era kEras[] = {
    {"令和", "R", 2019, 5, 1},
    {"平成", "H", 1989, 1, 8},
    {"昭和", "S", 1926, 12, 25},
    {"大正", "T", 1912, 7, 30},
    {"明治", "M", 1868, 1, 25},
};

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// Reads ASCII or full-width digits; returns -1 when there are none.
int ConsumeNumber(std::string_view& s) {
  int value = -1;
  while (!s.empty()) {
    int digit = -1;
    if (s[0] >= '0' && s[0] <= '9') {
      digit = s[0] - '0';
      s.remove_prefix(1);
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF &&
               static_cast<unsigned char>(s[1]) == 0xBC &&
               static_cast<unsigned char>(s[2]) >= 0x90 &&
               static_cast<unsigned char>(s[2]) <= 0x99) {
      digit = static_cast<unsigned char>(s[2]) - 0x90;
      s.remove_prefix(3);
    } else {
      break;
    }
    if (value > 100000) return -1;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}

// Reads an era name and its year ("令和3", "令和元", "R5"); returns the 西暦 year or -1,
// and the era read in `which`.
int ConsumeEraYear(std::string_view& s, const Era** which = nullptr) {
  for (const Era& era : kEras) {
    std::string_view rest = s;
    if (ConsumePrefix(rest, era.name) || ConsumePrefix(rest, era.letter)) {
      int n = ConsumePrefix(rest, "元") ? 1 : ConsumeNumber(rest);
      if (n < 1) return -1;
      s = rest;
      if (which) *which = &era;
      return era.start_year + n - 1;
    }
  }
  return -1;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The first year with a 和暦 to show (明治): FormatWareki has no era for an earlier one.
constexpr int kFirstYear = kEras[sizeof(kEras) / sizeof(kEras[0]) - 1].start_year;

bool Valid(const Date& d) {
  if (d.year < kFirstYear || d.year > 9999) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysInMonth(d.year, d.month));
}

// The era in force on the given day.
const Era& EraOn(int year, int month, int day) {
  for (const Era& era : kEras) {
    if (year > era.start_year ||
        (year == era.start_year &&
         (month > era.start_month || (month == era.start_month && day >= era.start_day)))) {
      return era;
    }
  }
  return kEras[sizeof(kEras) / sizeof(kEras[0]) - 1];
}

// True if `era` is in force on some day of the period `d` names (a year, month or day).
bool EraCovers(const Era& era, const Date& d) {
  int first_month = d.month ? d.month : 1, last_month = d.month ? d.month : 12;
  int first_day = d.day ? d.day : 1;
  int last_day = d.day ? d.day : DaysInMonth(d.year, last_month);
  return &EraOn(d.year, first_month, first_day) == &era ||
         &EraOn(d.year, last_month, last_day) == &era;
}

std::string EraYear(const Era& era, int year) {
  int n = year - era.start_year + 1;
  return std::string(era.name) + (n == 1 ? std::string("元") : std::to_string(n));
}

}  // namespace

std::optional<Date> ParseDate(std::string_view s) {
  Date d;
  std::string_view rest = s;
  const Era* era = nullptr;
  int era_year = ConsumeEraYear(rest, &era);
  if (era_year > 0) {
    d.year = era_year;
    if (!ConsumePrefix(rest, "年")) return std::nullopt;
  } else {
    d.year = ConsumeNumber(rest);
    if (d.year < 0) return std::nullopt;
    if (ConsumePrefix(rest, "-")) {
      // A month or day that is written must be one (month 0 would mean "year only").
      d.month = ConsumeNumber(rest);
      if (d.month < 1) return std::nullopt;
      if (ConsumePrefix(rest, "-")) {
        d.day = ConsumeNumber(rest);
        if (d.day < 1) return std::nullopt;
      }
      if (!rest.empty() || !Valid(d)) return std::nullopt;
      return d;
    }
    ConsumePrefix(rest, "年");
  }
  if (!rest.empty()) {
    d.month = ConsumeNumber(rest);
    if (d.month < 1 || !ConsumePrefix(rest, "月")) return std::nullopt;
    if (!rest.empty()) {
      d.day = ConsumeNumber(rest);
      if (d.day < 1 || !ConsumePrefix(rest, "日")) return std::nullopt;
    }
  }
  if (!rest.empty() || !Valid(d)) return std::nullopt;
  if (era_year > 0 && !EraCovers(*era, d)) return std::nullopt;  // e.g. 平成32年
  return d;
}

std::optional<int> ParseFiscalYear(std::string_view s) {
  std::string_view rest = s;
  int year = ConsumeEraYear(rest);
  if (year < 0) year = ConsumeNumber(rest);
  if (year < kFirstYear || year > 9999) return std::nullopt;
  if (!ConsumePrefix(rest, "年度")) ConsumePrefix(rest, "年");
  if (!rest.empty()) return std::nullopt;
  return year;
}

std::string FormatWareki(const Date& d) {
  const Era& era = d.month ? EraOn(d.year, d.month, d.day ? d.day : 1) : EraOn(d.year, 12, 31);
  std::string out = EraYear(era, d.year) + "年";
  if (d.month) out += std::to_string(d.month) + "月";
  if (d.day) out += std::to_string(d.day) + "日";
  return out;
}

std::string FormatSeireki(const Date& d) {
  std::string out = std::to_string(d.year) + "年";
  if (d.month) out += std::to_string(d.month) + "月";
  if (d.day) out += std::to_string(d.day) + "日";
  return out;
}

std::string FormatDateBoth(const Date& d) {
  return FormatWareki(d) + "（" + FormatSeireki(d) + "）";
}

std::string FormatFiscalWareki(int fiscal_year) {
  return EraYear(EraOn(fiscal_year, 12, 31), fiscal_year) + "年度";
}

std::string FormatFiscalBoth(int fiscal_year) {
  return FormatFiscalWareki(fiscal_year) + "（" + std::to_string(fiscal_year) + "年度）";
}

std::string WithSeireki(std::string_view s) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::string_view rest = s.substr(i);
    const Era* era = nullptr;
    bool kanji_era = false;
    for (const Era& e : kEras) kanji_era = kanji_era || rest.substr(0, 6) == e.name;
    int year = kanji_era ? ConsumeEraYear(rest, &era) : -1;
    if (year < 0) {
      ++i;
      continue;
    }
    std::string added;
    if (ConsumePrefix(rest, "年度")) {
      added = std::to_string(year) + "年度";
    } else if (ConsumePrefix(rest, "年")) {
      Date d{year, 0, 0};
      std::string_view after_year = rest;
      if (int month = ConsumeNumber(rest); month > 0 && ConsumePrefix(rest, "月")) {
        d.month = month;
        std::string_view after_month = rest;
        if (int day = ConsumeNumber(rest); day > 0 && ConsumePrefix(rest, "日")) {
          d.day = day;
        } else {
          rest = after_month;
        }
      } else {
        rest = after_year;
      }
      if (Valid(d) && EraCovers(*era, d)) added = FormatSeireki(d);
    }
    std::size_t end = s.size() - rest.size();
    bool written = rest.substr(0, 3) == "（" || rest.substr(0, 1) == "(";
    if (!added.empty() && !written) {
      out.append(s.substr(copied, end - copied));
      out += "（" + added + "）";
      copied = end;
    }
    i = end;
  }
  out.append(s.substr(copied));
  return out;
}

std::string FormatIso(const Date& d) {
  char buf[16];
  if (d.day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

}  // namespace keikaku::text
