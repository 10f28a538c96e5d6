#include "render/chart.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <regex>
#include <set>

using keikaku::model::Series;
using keikaku::model::Statistics;
using keikaku::render::ChartSvg;
using keikaku::render::chart_internal::FormatNumber;
using keikaku::render::chart_internal::NiceTicks;
using keikaku::render::chart_internal::Ticks;

namespace {

Statistics Stats(const std::string& chart, std::vector<std::string> categories, std::vector<Series> series,
                 const std::string& unit = "人") {
  Statistics s;
  s.caption = "年齢別の人口";
  s.unit = unit;
  s.chart = chart;
  s.categories = std::move(categories);
  s.series = std::move(series);
  return s;
}

Statistics Years(const std::string& chart, std::vector<Series> series) {
  return Stats(chart, {"令和2年", "令和3年", "令和4年", "令和5年", "令和6年"}, std::move(series));
}

// A regex match, copied out of the searched string.
struct Match {
  std::vector<std::string> groups;
  const std::string& operator[](std::size_t i) const { return groups[i]; }
  const std::string& str(std::size_t i = 0) const { return groups[i]; }
};

std::vector<Match> Matches(const std::string& s, const std::string& pattern) {
  std::regex re(pattern);
  std::vector<Match> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    Match m;
    for (const auto& group : *it) m.groups.push_back(group.str());
    out.push_back(m);
  }
  return out;
}

// Each piece of `s` from `open` to the next `close`, both included. (libstdc++ regexes recurse
// per character matched, so long spans are cut out with plain searches.)
std::vector<std::string> Between(const std::string& s, const std::string& open, const std::string& close) {
  std::vector<std::string> out;
  for (std::size_t pos = s.find(open); pos != std::string::npos; pos = s.find(open, pos)) {
    std::size_t end = s.find(close, pos + open.size());
    if (end == std::string::npos) break;
    out.push_back(s.substr(pos, end + close.size() - pos));
    pos = end + close.size();
  }
  return out;
}

// The values of every attribute `name` in `s`, in order.
std::vector<std::string> Attrs(const std::string& s, const std::string& name) {
  std::vector<std::string> out;
  std::string key = " " + name + "=\"";
  for (std::size_t pos = s.find(key); pos != std::string::npos; pos = s.find(key, pos)) {
    pos += key.size();
    out.push_back(s.substr(pos, s.find('"', pos) - pos));
  }
  return out;
}

// The value of the first attribute `name` in `s`, or "" without one.
std::string Attr(const std::string& s, const std::string& name) {
  std::vector<std::string> values = Attrs(s, name);
  return values.empty() ? "" : values[0];
}

std::size_t Count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = s.find(needle); pos != std::string::npos; pos = s.find(needle, pos + needle.size())) ++n;
  return n;
}

// The drawing groups of the series: <g class="sN" …>…</g> outside <defs> and before the
// labels (line charts repeat the classes on their value labels).
std::vector<std::string> SeriesGroups(const std::string& svg) {
  return Between(svg.substr(0, svg.find("<g class=\"label\"")), "<g class=\"s", "</g>");
}

struct ViewBox {
  double width = 0, height = 0;
};

ViewBox ReadViewBox(const std::string& svg) {
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 ([\\d.]+) ([\\d.]+)\"")));
  return {std::stod(m[1]), std::stod(m[2])};
}

// The points of path data made of M, H, V, h, v and implicit pairs.
std::vector<std::pair<double, double>> PathPoints(const std::string& d) {
  std::vector<std::pair<double, double>> points;
  std::regex token("[MHVhvLlz]|-?[\\d.]+");
  std::vector<std::string> tokens;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), token); it != std::sregex_iterator(); ++it) tokens.push_back(it->str());
  char command = 'M';
  double x = 0, y = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    if (std::isalpha(static_cast<unsigned char>(tokens[i][0]))) {
      command = tokens[i++][0];
      if (command == 'z') continue;
    }
    switch (command) {
      case 'M': case 'L':
        REQUIRE(i + 1 < tokens.size());
        x = std::stod(tokens[i]);
        y = std::stod(tokens[i + 1]);
        i += 2;
        break;
      case 'H': x = std::stod(tokens[i++]); break;
      case 'V': y = std::stod(tokens[i++]); break;
      case 'h': x += std::stod(tokens[i++]); break;
      case 'v': y += std::stod(tokens[i++]); break;
      default: FAIL("unexpected path command " << command);
    }
    points.emplace_back(x, y);
  }
  return points;
}

// Every coordinate drawn (outside the pattern and marker tiles) lies inside the viewBox.
void CheckInsideViewBox(const std::string& svg) {
  ViewBox box = ReadViewBox(svg);
  std::string body = svg;
  if (std::size_t defs = body.find("<defs>"); defs != std::string::npos) body.erase(defs, body.find("</defs>") - defs);
  for (const Match& m : Matches(body, " (x|cx)=\"(-?[\\d.]+)\"")) {
    double v = std::stod(m[2]);
    INFO(m[0]);
    CHECK(v >= 0);
    CHECK(v <= box.width);
  }
  for (const Match& m : Matches(body, " (y|cy)=\"(-?[\\d.]+)\"")) {
    double v = std::stod(m[2]);
    INFO(m[0]);
    CHECK(v >= 0);
    CHECK(v <= box.height);
  }
  for (const Match& m : Matches(body, "<rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" width=\"([-\\d.]+)\" height=\"([-\\d.]+)\"")) {
    INFO(m[0]);
    CHECK(std::stod(m[3]) >= 0);
    CHECK(std::stod(m[4]) >= 0);
    CHECK(std::stod(m[1]) + std::stod(m[3]) <= box.width + 1e-9);
    CHECK(std::stod(m[2]) + std::stod(m[4]) <= box.height + 1e-9);
  }
  for (const std::string& d : Attrs(body, "d")) {
    for (auto [x, y] : PathPoints(d)) {
      INFO(d << " at " << x << "," << y);
      CHECK(x >= 0);
      CHECK(x <= box.width);
      CHECK(y >= 0);
      CHECK(y <= box.height);
    }
  }
  for (const Match& m : Matches(body, "rotate\\(-?\\d+ ([-\\d.]+) ([-\\d.]+)\\)")) {
    CHECK(std::stod(m[1]) >= 0);
    CHECK(std::stod(m[2]) <= box.height);
  }
}

// The texts of the first <g text-anchor="end"> of the labels: the value axis of column and
// line charts.
std::vector<double> VerticalTicks(const std::string& svg) {
  std::size_t start = svg.find("<g text-anchor=\"end\">", svg.find("<g class=\"label\""));
  REQUIRE(start != std::string::npos);
  std::string group = svg.substr(start, svg.find("</g>", start) - start);
  std::vector<double> ticks;
  for (const Match& m : Matches(group, "<text[^>]*>([^<]*)</text>")) {
    std::string s = m[1];
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    ticks.push_back(std::stod(s));
  }
  return ticks;
}

// Whether `step` is 1, 2 or 5 × 10^n.
bool IsRound(double step) {
  double power = std::pow(10.0, std::floor(std::log10(step)));
  double mantissa = step / power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (std::abs(mantissa - m) < 1e-6) return true;
  }
  return false;
}

void CheckTicks(const std::vector<double>& ticks, double lo, double hi) {
  INFO("ticks for " << lo << ".." << hi);
  REQUIRE(ticks.size() >= 2);
  REQUIRE(ticks.size() <= 6);
  std::vector<double> sorted = ticks;
  std::sort(sorted.begin(), sorted.end());
  double step = sorted[1] - sorted[0];
  CHECK(IsRound(step));
  for (std::size_t k = 1; k < sorted.size(); ++k) CHECK(sorted[k] - sorted[k - 1] == Approx(step));
  for (double t : sorted) CHECK(std::abs(t / step - std::round(t / step)) < 1e-6);
  CHECK(sorted.front() <= lo);
  CHECK(sorted.back() >= hi);
  CHECK(sorted.front() > lo - step);  // no needless tick below …
  CHECK(sorted.back() < hi + step);   // … or above
}

}  // namespace

TEST_CASE("no chart is drawn unless one is asked for and there are values", "[chart]") {
  Statistics s = Years("", {{"人口", {1, 2, 3, 4, 5}}});
  CHECK(ChartSvg(s, "c1").empty());
  s.chart = "pie";
  CHECK(ChartSvg(s, "c1").empty());
  s.chart = "bar";
  CHECK_FALSE(ChartSvg(s, "c1").empty());
  double nan = std::numeric_limits<double>::quiet_NaN();
  s.series[0].values = {nan, nan, nan, nan, nan};
  CHECK(ChartSvg(s, "c1").empty());
  s.series.clear();
  CHECK(ChartSvg(s, "c1").empty());
}

TEST_CASE("a chart is one accessible svg element named by its caption", "[chart]") {
  for (const char* kind : {"bar", "line"}) {
    INFO(kind);
    std::string svg = ChartSvg(Years(kind, {{"男性", {100, 200, 300, 400, 500}}, {"女性", {1, 2, 3, 4, 5}}}), "s3-chart");
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.size() - svg.rfind("</svg>") == 6);
    CHECK(Count(svg, "<svg") == 1);
    CHECK(svg.find("<?xml") == std::string::npos);
    CHECK(svg.find('\n') == std::string::npos);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("aria-labelledby=\"s3-chart-title\"") != std::string::npos);
    CHECK(svg.find("aria-describedby=\"s3-chart-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"s3-chart-title\">年齢別の人口</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"s3-chart-desc\">") != std::string::npos);
    CHECK(svg.find("数値（単位：人）は下の表のとおりです。</desc>") != std::string::npos);
    // Responsive: scales with its column, no fixed pixel size.
    CHECK(svg.find("width=\"100%\"") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 320 ") != std::string::npos);
    std::string start_tag = svg.substr(0, svg.find('>'));
    CHECK(start_tag.find(" height=") == std::string::npos);
    CHECK(start_tag.find("px") == std::string::npos);
    // What is drawn is hidden from assistive technology: the table below is the text.
    CHECK(svg.find("<g aria-hidden=\"true\">") != std::string::npos);
    CHECK(svg.find("<text") > svg.find("<g aria-hidden=\"true\">"));
    // Every id carries the prefix, once; every reference resolves.
    std::set<std::string> ids;
    for (const Match& m : Matches(svg, " id=\"([^\"]*)\"")) {
      CHECK(m.str(1).rfind("s3-chart-", 0) == 0);
      CHECK(ids.insert(m[1]).second);
    }
    for (const Match& m : Matches(svg, "url\\(#([^)]*)\\)")) CHECK(ids.count(m[1]) == 1);
  }
}

TEST_CASE("two charts on a page share no id", "[chart]") {
  Statistics s = Years("bar", {{"a", {1, 2, 3, 4, 5}}, {"b", {1, 2, 3, 4, 5}}, {"c", {1, 2, 3, 4, 5}}});
  std::set<std::string> first;
  for (const Match& m : Matches(ChartSvg(s, "b1-chart"), " id=\"([^\"]*)\"")) first.insert(m[1]);
  CHECK(first.size() >= 4);  // title, desc, two patterns
  for (const Match& m : Matches(ChartSvg(s, "b2-chart"), " id=\"([^\"]*)\"")) CHECK(first.count(m[1]) == 0);
}

TEST_CASE("the description gives the unit only when there is one", "[chart]") {
  Statistics s = Years("line", {{"人口", {1, 2, 3, 4, 5}}});
  s.unit = "";
  std::string svg = ChartSvg(s, "c");
  CHECK(svg.find("<desc id=\"c-desc\">折れ線グラフ。数値は下の表のとおりです。</desc>") != std::string::npos);
  CHECK(svg.find("（") == std::string::npos);  // no unit label on the axis either
  s.unit = "%";
  CHECK(ChartSvg(s, "c").find(">（%）</text>") != std::string::npos);
}

TEST_CASE("bar charts draw one bar per series and category", "[chart]") {
  SECTION("one series in columns") {
    std::string svg = ChartSvg(Years("bar", {{"人口", {28790, 28500, 28120, 27800, 27400}}}), "c");
    CHECK(svg.find(">棒グラフ。") != std::string::npos);
    std::vector<std::string> groups = SeriesGroups(svg);
    REQUIRE(groups.size() == 1);
    CHECK(Count(groups[0], "<rect") == 5);
    CHECK(svg.find(">28,790</text>") != std::string::npos);
    CheckInsideViewBox(svg);
  }
  SECTION("two series: horizontal bars and a legend") {
    std::string svg = ChartSvg(Years("bar", {{"男性", {14100, 13900, 13700, 13500, 13300}},
                                             {"女性", {14690, 14600, 14420, 14300, 14100}}}), "c");
    std::vector<std::string> groups = SeriesGroups(svg);
    REQUIRE(groups.size() == 2);
    for (const std::string& g : groups) CHECK(Count(g, "<rect") == 5 + 1);  // and the legend swatch
    CHECK(svg.find(">男性</text>") != std::string::npos);
    CHECK(svg.find(">女性</text>") != std::string::npos);
    CheckInsideViewBox(svg);
  }
  SECTION("six series, twenty long categories") {
    std::vector<std::string> categories;
    for (int c = 0; c < 20; ++c) categories.push_back("第" + std::to_string(c + 1) + "地区（たいへん長い名前の地区で、二行にも収まらないもの）");
    std::vector<Series> series;
    for (int i = 0; i < 6; ++i) {
      Series one{"系列" + std::to_string(i + 1), {}};
      for (int c = 0; c < 20; ++c) one.values.push_back((c * 37 + i * 11) % 50 - 10);
      series.push_back(one);
    }
    std::string svg = ChartSvg(Stats("bar", categories, series), "c");
    CHECK(svg.find(">横棒グラフ。") != std::string::npos);
    std::vector<std::string> groups = SeriesGroups(svg);
    REQUIRE(groups.size() == 6);
    for (const std::string& g : groups) CHECK(Count(g, "<rect") == 20 + 1);
    CHECK(svg.find("…</text>") != std::string::npos);  // long labels cut
    CheckInsideViewBox(svg);
  }
  SECTION("missing and non-finite values draw no bar") {
    Statistics s = Years("bar", {{"人口", {1, std::numeric_limits<double>::infinity(), 3, 4,
                                           std::numeric_limits<double>::quiet_NaN()}}});
    s.series[0].values.pop_back();  // one value short as well
    std::string svg = ChartSvg(s, "c");
    CHECK(Count(SeriesGroups(svg).at(0), "<rect") == 3);
    CHECK(svg.find("inf") == std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
  }
}

TEST_CASE("bars grow from zero, down for negative values", "[chart]") {
  std::string svg = ChartSvg(Years("bar", {{"増減", {120, -80, 40, 0, -150}}}), "c");
  std::vector<Match> bars = Matches(SeriesGroups(svg).at(0), "<rect x=\"[\\d.]+\" y=\"([\\d.]+)\" width=\"[\\d.]+\" height=\"([\\d.]+)\"");
  REQUIRE(bars.size() == 5);
  std::string axis = Attr(svg.substr(svg.find("class=\"axis\"")), "d");
  REQUIRE(axis.find('H') != std::string::npos);
  double zero = PathPoints(axis).at(0).second;
  auto top = [&](int k) { return std::stod(bars[k][1]); };
  auto bottom = [&](int k) { return std::stod(bars[k][1]) + std::stod(bars[k][2]); };
  CHECK(bottom(0) == Approx(zero).margin(0.1));
  CHECK(top(1) == Approx(zero).margin(0.1));
  CHECK(top(4) == Approx(zero).margin(0.1));
  CHECK(std::stod(bars[3][2]) == 0);
  CHECK(bottom(4) > bottom(1));  // -150 reaches further down than -80
  CHECK(svg.find(">-150</text>") != std::string::npos);
  CheckTicks(VerticalTicks(svg), -150, 120);
  CHECK(VerticalTicks(svg).end() != std::find(VerticalTicks(svg).begin(), VerticalTicks(svg).end(), 0.0));
  CheckInsideViewBox(svg);
}

TEST_CASE("line charts draw a point per value", "[chart]") {
  std::vector<std::string> categories;
  std::vector<double> values;
  for (int c = 0; c < 10; ++c) {
    categories.push_back("令和" + std::to_string(c + 1) + "年");
    values.push_back(28790 - 310 * c + (c % 3) * 120);
  }
  std::string svg = ChartSvg(Stats("line", categories, {{"人口", values}}), "c");
  CHECK(svg.find(">折れ線グラフ。") != std::string::npos);
  std::vector<std::string> groups = SeriesGroups(svg);
  REQUIRE(groups.size() == 1);
  std::string d = Attr(groups[0], "d");
  CHECK(PathPoints(d).size() == 10);
  CHECK(Count(d, "M") == 1);
  CHECK(svg.find(">28,790</text>") != std::string::npos);
  CHECK(svg.find("<legend") == std::string::npos);
  // A line axis need not start at zero.
  std::vector<double> ticks = VerticalTicks(svg);
  CheckTicks(ticks, *std::min_element(values.begin(), values.end()), *std::max_element(values.begin(), values.end()));
  CHECK(*std::min_element(ticks.begin(), ticks.end()) > 0);
  CheckInsideViewBox(svg);

  SECTION("a gap splits the line and a lone point keeps its marker") {
    Statistics s = Years("line", {{"a", {1, std::numeric_limits<double>::quiet_NaN(), 3, std::numeric_limits<double>::quiet_NaN(), 5}}});
    std::string d = Attr(SeriesGroups(ChartSvg(s, "c")).at(0), "d");
    CHECK(Count(d, "M") == 3);
    CHECK(Count(d, "h0") == 3);
  }
}

TEST_CASE("many points and long labels stay inside the chart", "[chart]") {
  std::vector<std::string> categories;
  std::vector<Series> series{{"市全体", {}}, {"中心部", {}}, {"周辺部<script>", {}}};
  for (int c = 0; c < 20; ++c) {
    categories.push_back(std::to_string(2005 + c) + "年度（平成" + std::to_string(17 + c) + "年度）");
    for (std::size_t i = 0; i < series.size(); ++i) series[i].values.push_back(1000.5 * (i + 1) + 97.25 * c * (i % 2 ? -1 : 1));
  }
  std::string svg = ChartSvg(Stats("line", categories, series), "c");
  std::vector<std::string> groups = SeriesGroups(svg);
  REQUIRE(groups.size() == 3);
  for (const std::string& g : groups) {
    CHECK(PathPoints(Attr(g, "d")).size() == 20);
  }
  CHECK(svg.find("rotate(-45") != std::string::npos);  // category labels turned
  CheckInsideViewBox(svg);
}

TEST_CASE("value labels stay clear of the category labels", "[chart]") {
  auto baselines = [](const std::string& s) {
    std::vector<double> ys;
    for (const Match& m : Matches(s, "<text x=\"[-\\d.]+\" y=\"([-\\d.]+)\"")) ys.push_back(std::stod(m[1]));
    return ys;
  };
  std::vector<std::string> categories;
  for (int c = 0; c < 8; ++c) categories.push_back(std::to_string(c + 1) + "月");
  std::vector<Statistics> charts = {
      Years("bar", {{"増減", {40, -120, 35, -8, -150}}}),  // -150 is the lowest tick
      Years("line", {{"a", {-5, 3, -5, 3, -5}}, {"b", {-4, 2, -4.5, 2.5, -5}}}),
      Stats("line", categories, {{"a", {10, 9, 8, 7, 6, 5, 4, 3}}}),
  };
  for (const Statistics& s : charts) {
    std::string svg = ChartSvg(s, "c");
    std::size_t values = svg.find("<g class=\"value\"");
    std::size_t categories_start = svg.rfind("<g text-anchor=\"middle\">", values);
    REQUIRE(categories_start != std::string::npos);
    std::vector<double> category_ys = baselines(svg.substr(categories_start, values - categories_start));
    std::vector<double> value_ys = baselines(svg.substr(values));
    REQUIRE(!category_ys.empty());
    REQUIRE(!value_ys.empty());
    double lowest_value = *std::max_element(value_ys.begin(), value_ys.end());
    double highest_category = *std::min_element(category_ys.begin(), category_ys.end());
    INFO(svg);
    CHECK(lowest_value + 3 <= highest_category - 10);  // descent, then the cap height
  }
}

TEST_CASE("ticks are round and cover the values", "[chart]") {
  struct Case {
    double lo, hi;
    int max;
  };
  for (Case c : std::vector<Case>{{0, 28790, 6}, {0, 1, 6}, {-150, 120, 6}, {27120, 28790, 6}, {0.12, 0.87, 5},
                                  {-0.031, -0.002, 6}, {0, 1e9, 3}, {5, 5, 6}, {0, 0, 6}, {-3, 0, 2}, {1234567, 1234568, 6}}) {
    Ticks t = NiceTicks(c.lo, c.hi, c.max);
    INFO(c.lo << ".." << c.hi << " step " << t.step << " first " << t.first << " count " << t.count);
    CHECK(t.count >= 2);
    CHECK(t.count <= std::max(c.max, 2));
    CHECK(IsRound(t.step));
    CHECK(t.Min() <= c.lo);
    CHECK(t.Max() >= c.hi);
    if (c.hi > c.lo) CHECK(t.Max() - t.Min() < (c.hi - c.lo) * 5 + 2 * t.step);
  }
  Ticks t = NiceTicks(0, 28790, 6);
  CHECK(t.step == 10000);
  CHECK(t.Max() == 30000);
  CHECK(t.decimals == 0);
  t = NiceTicks(0.12, 0.87, 5);
  CHECK(t.step == Approx(0.5));
  t = NiceTicks(0.12, 0.87, 6);
  CHECK(t.step == Approx(0.2));
  CHECK(t.decimals == 1);
  CHECK(FormatNumber(t.Value(3), t.decimals) == "0.6");
}

TEST_CASE("numbers have thousands separators and no needless decimals", "[chart]") {
  CHECK(FormatNumber(28790, 0) == "28,790");
  CHECK(FormatNumber(999, 0) == "999");
  CHECK(FormatNumber(1000, 0) == "1,000");
  CHECK(FormatNumber(1234567.891, 2) == "1,234,567.89");
  CHECK(FormatNumber(-1234.5, 1) == "-1,234.5");
  CHECK(FormatNumber(-0.001, 2) == "0.00");
  CHECK(FormatNumber(-0.4, 0) == "0");
  CHECK(FormatNumber(0, 0) == "0");
  // Labels share the fewest decimals that show every value, at most two.
  std::string svg = ChartSvg(Years("bar", {{"割合", {45.2, 50, 12.25, 3.14159, 100}}}), "c");
  for (const char* label : {">45.20<", ">50.00<", ">12.25<", ">3.14<", ">100.00<"}) CHECK(svg.find(label) != std::string::npos);
  svg = ChartSvg(Years("bar", {{"割合", {45.2, 50, 12, 3, 100}}}), "c");
  for (const char* label : {">45.2<", ">50.0<", ">100.0<"}) CHECK(svg.find(label) != std::string::npos);
}

TEST_CASE("text is escaped", "[chart]") {
  Statistics s = Years("bar", {{"<script>alert(1)</script>", {1, 2, 3, 4, 5}}, {"A&B \"q\"", {1, 2, 3, 4, 5}}});
  s.caption = "</title><script>x</script>";
  s.unit = "<b>";
  s.categories[0] = "<img src=x onerror=alert(1)>";
  for (const char* kind : {"bar", "line"}) {
    s.chart = kind;
    std::string svg = ChartSvg(s, "c\"x");
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<img") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("c\"x") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("A&amp;B &quot;q&quot;") != std::string::npos);
    CHECK(Count(svg, "</title>") == 1);
  }
}

TEST_CASE("the same statistics give the same bytes", "[chart]") {
  for (const char* kind : {"bar", "line"}) {
    Statistics s = Years(kind, {{"男性", {14100.5, 13900, 13700, 13500, 13300}}, {"女性", {14690, 14600, 14420, 14300, 14100}}});
    Statistics copy = s;
    std::string first = ChartSvg(s, "c");
    CHECK(ChartSvg(s, "c") == first);
    CHECK(ChartSvg(copy, "c") == first);
  }
}

TEST_CASE("a legend appears with two series or more", "[chart]") {
  for (const char* kind : {"bar", "line"}) {
    INFO(kind);
    std::string one = ChartSvg(Years(kind, {{"総数の系列", {1, 2, 3, 4, 5}}}), "c");
    CHECK(one.find("総数の系列") == std::string::npos);
    CHECK(Count(SeriesGroups(one).at(0), "<rect") == (std::string(kind) == "bar" ? 5u : 0u));
    std::string two = ChartSvg(Years(kind, {{"男性", {1, 2, 3, 4, 5}}, {"女性", {2, 3, 4, 5, 6}}}), "c");
    CHECK(two.find(">男性</text>") != std::string::npos);
    CHECK(two.find(">女性</text>") != std::string::npos);
  }
}

TEST_CASE("series differ by more than colour", "[chart]") {
  std::vector<Series> six;
  for (int i = 0; i < 6; ++i) six.push_back({"系列" + std::to_string(i), {1, 2, 3, 4, 5}});
  SECTION("bars: solid and five patterns") {
    std::string svg = ChartSvg(Years("bar", six), "c");
    std::set<std::string> fills, tiles, colours;
    for (const std::string& g : SeriesGroups(svg)) {
      fills.insert(Attr(g, "fill"));
      colours.insert(Attr(g, "color"));
    }
    CHECK(fills.size() == 6);
    CHECK(colours.size() == 6);
    CHECK(fills.count("currentColor") == 1);
    for (const std::string& pattern : Between(svg, "<pattern ", "</pattern>")) tiles.insert(pattern.substr(pattern.find(" width")));
    CHECK(tiles.size() == 5);
  }
  SECTION("lines: six markers and dashes") {
    std::string svg = ChartSvg(Years("line", six), "c");
    std::set<std::string> markers, dashes, refs;
    for (const std::string& marker : Between(svg, "<marker ", "</marker>")) markers.insert(marker.substr(marker.find('>')));
    CHECK(markers.size() == 6);
    for (const std::string& g : SeriesGroups(svg)) {
      dashes.insert(Attr(g, "stroke-dasharray"));
      refs.insert(Attr(g, "marker-mid"));
      CHECK(Attr(g, "marker-mid").rfind("url(#c-m", 0) == 0);
    }
    CHECK(dashes.size() == 6);
    CHECK(refs.size() == 6);
  }
}

TEST_CASE("colours contrast with white by at least 3:1", "[chart]") {
  auto luminance = [](const std::string& hex) {
    std::string h = hex.substr(1);
    if (h.size() == 3) h = {h[0], h[0], h[1], h[1], h[2], h[2]};
    double rgb[3];
    for (int k = 0; k < 3; ++k) {
      double c = std::stoi(h.substr(2 * k, 2), nullptr, 16) / 255.0;
      rgb[k] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  };
  std::vector<Series> six;
  for (int i = 0; i < 6; ++i) six.push_back({"系列" + std::to_string(i), {1, 2, 3, 4, 5}});
  std::string svg = ChartSvg(Years("line", six), "c") + ChartSvg(Years("bar", six), "c");
  std::size_t checked = 0;
  for (const Match& m : Matches(svg, "(color|stroke|fill)=\"(#[0-9a-f]+)\"")) {
    std::string colour = m[2];
    if (colour == "#fff" || colour == "#ccc") continue;  // the background and the gridlines
    INFO(m[0]);
    CHECK((1.05) / (luminance(colour) + 0.05) >= 4.5);  // enough even for text
    ++checked;
  }
  CHECK(checked > 12);
}
