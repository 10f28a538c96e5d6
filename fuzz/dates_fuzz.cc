// fuzz_dates: text::ParseDate, ParseFiscalYear and WithSeireki on any bytes, and the
// round trips of what they read (generator/text/date.h).
//   - a date read parses back to itself from FormatWareki, FormatSeireki and FormatIso;
//   - a fiscal year read parses back from FormatFiscalWareki and its 西暦 number;
//   - WithSeireki only adds 「（…）」 after 和暦: with them removed the input comes back,
//     and adding them again changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "text/date.h"

namespace {

using keikaku::text::Date;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the 西暦 that WithSeireki adds at the start of `s`: 「（2023年度）」,
// 「（2021年）」, 「（2021年10月）」 or 「（2021年10月1日）」; 0 if `s` does not start with one.
std::size_t AddedLength(std::string_view s) {
  const std::string_view open = "（", close = "）", year = "年", fiscal = "年度", month = "月", day = "日";
  auto digits = [&](std::size_t& p) {
    std::size_t start = p;
    while (p < s.size() && IsDigit(s[p])) ++p;
    return p > start;
  };
  auto word = [&](std::size_t& p, std::string_view w) {
    if (s.substr(p, w.size()) != w) return false;
    p += w.size();
    return true;
  };
  std::size_t p = 0;
  if (!word(p, open) || !digits(p)) return 0;
  if (!word(p, fiscal)) {
    if (!word(p, year)) return 0;
    std::size_t q = p;
    if (digits(q) && word(q, month)) {
      p = q;
      if (digits(q) && word(q, day)) p = q;
    }
  }
  return word(p, close) ? p : 0;
}

void CheckDate(std::string_view input) {
  std::optional<Date> d = keikaku::text::ParseDate(input);
  if (!d) return;
  FUZZ_CHECK(d->year >= 1 && d->year <= 9999 && d->month >= 0 && d->month <= 12 && d->day >= 0 && d->day <= 31,
             "ParseDate gave an impossible date for", input);
  for (const std::string& written :
       {keikaku::text::FormatWareki(*d), keikaku::text::FormatSeireki(*d), keikaku::text::FormatIso(*d)}) {
    std::optional<Date> again = keikaku::text::ParseDate(written);
    FUZZ_CHECK(again && *again == *d, "a formatted date does not parse back: input", input, "formatted", written);
  }
}

void CheckFiscalYear(std::string_view input) {
  std::optional<int> y = keikaku::text::ParseFiscalYear(input);
  if (!y) return;
  FUZZ_CHECK(*y >= 1 && *y <= 9999, "ParseFiscalYear out of range for", input);
  for (const std::string& written : {keikaku::text::FormatFiscalWareki(*y), std::to_string(*y) + "年度"}) {
    std::optional<int> again = keikaku::text::ParseFiscalYear(written);
    FUZZ_CHECK(again && *again == *y, "a formatted fiscal year does not parse back: input", input, "formatted",
               written);
  }
}

void CheckWithSeireki(std::string_view input) {
  const std::string out = keikaku::text::WithSeireki(input);
  // Walk both: every byte of the input is in the output, in order, and what is between
  // them is one added 「（西暦）」 at a time, never before a bracket the input has.
  std::size_t i = 0, j = 0;
  while (j < out.size()) {
    bool input_bracket = input.substr(i, 3) == "（" || input.substr(i, 1) == "(";
    if (!input_bracket) {
      if (std::size_t n = AddedLength(std::string_view(out).substr(j))) {
        FUZZ_CHECK(i >= 3 && (input.substr(i - 3, 3) == "年" || input.substr(i - 3, 3) == "度" ||
                              input.substr(i - 3, 3) == "月" || input.substr(i - 3, 3) == "日"),
                   "WithSeireki added a year that does not follow a 和暦: input", input, "output", out);
        j += n;
        continue;
      }
    }
    FUZZ_CHECK(i < input.size() && input[i] == out[j], "WithSeireki changed the text: input", input, "output", out);
    ++i;
    ++j;
  }
  FUZZ_CHECK(i == input.size(), "WithSeireki dropped the end of the text: input", input, "output", out);
  FUZZ_CHECK(keikaku::text::WithSeireki(out) == out, "WithSeireki is not idempotent: input", input, "output", out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckDate(input);
  CheckFiscalYear(input);
  CheckWithSeireki(input);
  // A content value is one line; dates written in running text are found by WithSeireki,
  // and each line on its own is tried as a date too (more round trips per input).
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    if (end > start && end - start < input.size()) {
      CheckDate(input.substr(start, end - start));
      CheckFiscalYear(input.substr(start, end - start));
    }
    start = end + 1;
  }
  return 0;
}
