// Statistics blocks drawn at build time as small inline SVG bar and line charts.
//
// Sizes are in viewBox units. The viewBox is 320 wide and the SVG takes the width of its
// column, so 12-unit labels are 11.25 px on a 300 px phone column and larger elsewhere.
// Colours are presentation attributes (the chart needs no CSS) and classes for forced colours
// and print: each series is a group with class sN and color="…", and paints currentColor.
// Series differ by pattern (bars) or marker and dash (lines) as well as by colour.
#include "render/chart.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "text/escape.h"
#include "text/utf8.h"

namespace keikaku::render {

namespace chart_internal {

std::string FormatNumber(double v, int decimals) {
  char buf[400];  // the largest double has 309 digits
  decimals = std::clamp(decimals, 0, 20);
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "";
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.find_first_not_of("0.") == std::string_view::npos) negative = false;  // -0.00
  std::size_t point = std::min(s.find('.'), s.size());
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) out += ',';
    out += s[i];
  }
  out.append(s.substr(point));
  return out;
}

Ticks NiceTicks(double lo, double hi, int max_ticks) {
  Ticks t;
  t.count = 2;
  if (!std::isfinite(lo) || !std::isfinite(hi)) return t;
  max_ticks = std::max(max_ticks, 2);
  if (lo > hi) std::swap(lo, hi);
  if (!(hi > lo)) {
    double d = lo != 0 ? std::abs(lo) * 0.1 : 1;
    lo -= d;
    hi += d;
  }
  // The power of ten at or below the smallest step, by repeated ×10 and ÷10 so that the
  // result is the same on every machine.
  double raw = (hi - lo) / (max_ticks - 1);
  double power = 1;
  int exponent = 0;
  while (power * 10 <= raw && exponent < 400) power *= 10, ++exponent;
  while (power > raw && exponent > -400) power /= 10, --exponent;
  for (int i = 0; i < 2000; ++i) {
    static constexpr double kMantissas[] = {1, 2, 5};
    double step = kMantissas[i % 3] * power;
    double a = lo / step, b = hi / step;
    double first = std::floor(a + 1e-9 * std::max(1.0, std::abs(a)));
    double last = std::ceil(b - 1e-9 * std::max(1.0, std::abs(b)));
    if (last <= first) last = first + 1;
    if (last - first + 1 <= max_ticks) {
      t.step = step;
      t.first = first;
      t.count = static_cast<int>(last - first + 1);
      t.decimals = std::max(0, -exponent);
      return t;
    }
    if (i % 3 == 2) power *= 10, ++exponent;
  }
  return t;
}

}  // namespace chart_internal

namespace {

using chart_internal::FormatNumber;
using chart_internal::NiceTicks;
using chart_internal::Ticks;

constexpr double kWidth = 320;
constexpr double kMargin = 4;
constexpr double kFont = 12;
constexpr double kTitleFont = 14;
constexpr double kPitch = 15;     // between the lines of a wrapped label
constexpr double kMarker = 4;     // half the size of a point marker
constexpr double kBar = 14;       // thickness of a horizontal bar
constexpr double kCos45 = 0.7071;
constexpr const char* kText = "#222";
constexpr const char* kGrid = "#ccc";

// Colours have at least 4.5:1 against white, so they serve for text too.
struct Style {
  const char* color;
  const char* pattern;    // content of a 6×6 tile on white; nullptr: a solid fill
  const char* transform;  // of the tile
  const char* marker;     // content of a 10×10 marker centred on (5, 5)
  const char* dash;       // stroke-dasharray; nullptr: solid
};
constexpr Style kStyles[] = {
    {"#1f5fa8", nullptr, nullptr, "<circle cx=\"5\" cy=\"5\" r=\"3.5\"/>", nullptr},
    {"#b3541e", "<path d=\"M3 0v6\" stroke=\"currentColor\" stroke-width=\"2.5\"/>", "rotate(45)",
     "<path d=\"M1.5 1.5h7v7h-7z\"/>", "6 3"},
    {"#2e7d32", "<circle cx=\"3\" cy=\"3\" r=\"1.6\"/>", nullptr, "<path d=\"M5 .5l4.5 8h-9z\"/>",
     "2 3"},
    {"#6a3d9a", "<path d=\"M3 0v6\" stroke=\"currentColor\" stroke-width=\"2.5\"/>", "rotate(-45)",
     "<path d=\"M5 0l5 5-5 5-5-5z\"/>", "9 3 2 3"},
    {"#8a6d00", "<path d=\"M0 3h6M3 0v6\" stroke=\"currentColor\" stroke-width=\"1.5\"/>", nullptr,
     "<path d=\"M5 9.5l4.5-8h-9z\"/>", "12 4"},
    {"#444", "<path d=\"M0 3h6\" stroke=\"currentColor\" stroke-width=\"2.5\"/>", nullptr,
     "<path d=\"M1.5 1.5l7 7m0-7-7 7\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>",
     "4 2 1 2"},
};
constexpr std::size_t kStyleCount = sizeof kStyles / sizeof kStyles[0];

// Beyond six series the styles repeat.
std::size_t StyleIndex(std::size_t series) { return series % kStyleCount; }

// Coordinates to one decimal, without a trailing ".0" and never "-0".
void AppendNum(std::string& out, double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.remove_suffix(2);
  if (s == "-0") s = "0";
  out += s;
}

void AppendAttr(std::string& out, const char* name, double v) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendNum(out, v);
  out += '"';
}

// A <text> element; `extra` is more attributes, starting with a space.
void AppendText(std::string& out, double x, double y, std::string_view s, std::string_view extra = {}) {
  out += "<text";
  AppendAttr(out, "x", x);
  AppendAttr(out, "y", y);
  out += extra;
  out += '>';
  text::AppendEscapedHtml(out, s);
  out += "</text>";
}

// Estimated width: wide characters are 1 em, others 0.62 em (digits and Latin letters of the
// page's sans-serif faces are narrower). … is full width in Japanese faces.
double TextWidth(std::string_view s, double font = kFont) {
  double w = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t c = text::DecodeAt(s, pos);
    w += text::IsWide(c) || c == U'…' ? font : 0.62 * font;
  }
  return w;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Characters a line must not start with (closing marks, small kana, the prolonged sound mark).
bool NoBreakBefore(char32_t c) {
  static constexpr std::u32string_view kChars =
      U"、。，．,.:;!?%)]}）」』】〕〉》・ー〜～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…％";
  return kChars.find(c) != std::u32string_view::npos;
}

// Characters a line must not end with: opening brackets; also digits, so that 12月 and
// 29歳 stay whole.
bool NoBreakAfter(char32_t c) {
  static constexpr std::u32string_view kChars = U"([{（「『【〔〈《";
  return (c >= '0' && c <= '9') || kChars.find(c) != std::u32string_view::npos;
}

struct Wrapped {
  std::vector<std::string> lines;
  bool split = false;  // a word wider than the line had to be broken
};

// Breaks `s` into lines no wider than `width`, between characters as Japanese allows, but
// not inside runs of Latin letters and digits. Beyond `max_lines` the last line ends with ….
Wrapped Wrap(std::string_view s, double width, std::size_t max_lines, double font = kFont) {
  std::vector<std::string> units;  // pieces that stay on one line
  char32_t prev = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t start = pos;
    char32_t c = text::DecodeAt(s, pos);
    std::string_view piece = s.substr(start, pos - start);
    bool join = !units.empty() &&
                ((IsAsciiAlnum(prev) && IsAsciiAlnum(c)) || NoBreakBefore(c) || NoBreakAfter(prev));
    if (join) {
      units.back().append(piece);
    } else {
      units.emplace_back(piece);
    }
    prev = c;
  }
  Wrapped w;
  for (const std::string& unit : units) {
    std::vector<std::string> parts;
    if (TextWidth(unit, font) > width) {
      w.split = true;
      for (std::size_t pos = 0; pos < unit.size();) {
        std::size_t start = pos;
        text::DecodeAt(unit, pos);
        parts.push_back(unit.substr(start, pos - start));
      }
    } else {
      parts.push_back(unit);
    }
    for (const std::string& part : parts) {
      if (w.lines.empty() || TextWidth(w.lines.back() + part, font) > width) {
        if (part == " " || part == "　") continue;  // no space at the start of a line
        w.lines.push_back(part);
      } else {
        w.lines.back() += part;
      }
    }
  }
  if (w.lines.size() > max_lines && max_lines > 0) {
    w.lines.resize(max_lines);
    std::string& last = w.lines.back();
    while (!last.empty() && TextWidth(last + "…", font) > width) last.resize(text::LastCodepointStart(last));
    last += "…";
  }
  return w;
}

std::string OneLine(std::string_view s, double width, double font = kFont) {
  Wrapped w = Wrap(s, width, 1, font);
  return w.lines.empty() ? std::string() : w.lines[0];
}

struct Box {
  double x0, y0, x1, y1;
  bool Overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct Point {
  double x, y;
};

// Whether the segment p–q crosses the box (Liang–Barsky clipping).
bool SegmentHits(const Box& b, Point p, Point q) {
  double t0 = 0, t1 = 1;
  auto clip = [&](double den, double num) {  // den · t <= num
    if (den == 0) return num >= 0;
    double t = num / den;
    if (den < 0) {
      if (t > t1) return false;
      t0 = std::max(t0, t);
    } else {
      if (t < t0) return false;
      t1 = std::min(t1, t);
    }
    return true;
  };
  double dx = q.x - p.x, dy = q.y - p.y;
  return clip(-dx, p.x - b.x0) && clip(dx, b.x1 - p.x) && clip(-dy, p.y - b.y0) && clip(dy, b.y1 - p.y);
}

// Maps values to positions along an axis.
struct Scale {
  double v0 = 0, v1 = 1, p0 = 0, p1 = 1;
  double operator()(double v) const { return p0 + (v - v0) / (v1 - v0) * (p1 - p0); }
};

// The statistics with missing and non-finite values as NaN, and their labels.
struct Data {
  const model::Statistics& s;
  std::size_t series = 0, categories = 0;
  std::vector<std::vector<double>> values;
  std::vector<std::vector<std::string>> labels;
  double min = 0, max = 0;
  bool any = false;
  bool any_negative = false, any_nonnegative = false;

  explicit Data(const model::Statistics& stats) : s(stats), series(stats.series.size()), categories(stats.categories.size()) {
    values.assign(series, std::vector<double>(categories, std::numeric_limits<double>::quiet_NaN()));
    for (std::size_t i = 0; i < series; ++i) {
      for (std::size_t c = 0; c < categories && c < s.series[i].values.size(); ++c) {
        double v = s.series[i].values[c];
        if (!std::isfinite(v)) continue;
        values[i][c] = v;
        min = any ? std::min(min, v) : v;
        max = any ? std::max(max, v) : v;
        any = true;
        (v < 0 ? any_negative : any_nonnegative) = true;
      }
    }
    labels = ValueLabels(stats, 2);
  }

  bool Has(std::size_t i, std::size_t c) const { return !std::isnan(values[i][c]); }

  double MaxLabelWidth(bool negative) const {
    double w = 0;
    for (std::size_t i = 0; i < series; ++i) {
      for (std::size_t c = 0; c < categories; ++c) {
        if (Has(i, c) && (values[i][c] < 0) == negative) w = std::max(w, TextWidth(labels[i][c]));
      }
    }
    return w;
  }
};

// The parts of the document, gathered while laying out and joined at the end.
struct Parts {
  std::string grid, axis;           // path data
  std::vector<std::string> shapes;  // per series: bars, or the line and legend paths
  std::string text;                 // title, legend, axes: <text> in the text colour
  std::string values;               // value labels, on a white halo
  std::vector<std::string> series_values;  // line charts: value labels in the series colour
  bool values_turned = false;              // … turned 90°, anchored at their start
  double height = 0;
  std::string kind;  // for the description: 棒グラフ, 横棒グラフ, 折れ線グラフ
};

// The title (the caption, up to three lines) and, for two series or more, the legend.
// Returns the y where the chart starts.
double DrawHeader(const Data& d, bool bars, Parts& p) {
  double y = 0;
  Wrapped title = Wrap(d.s.caption, kWidth - 2 * kMargin, 3, kTitleFont);
  for (const std::string& line : title.lines) {
    y += 18;
    AppendText(p.text, kMargin, y - 3, line, " font-size=\"14\" font-weight=\"bold\"");
  }
  y += title.lines.empty() ? 2 : 6;
  if (d.series < 2) return y;
  double swatch = bars ? 12 : 28;
  double x = kMargin;
  for (std::size_t i = 0; i < d.series; ++i) {
    std::string name = OneLine(d.s.series[i].name, kWidth - 2 * kMargin - swatch - 4);
    double item = swatch + 4 + TextWidth(name);
    if (x > kMargin && x + item > kWidth - kMargin) {
      x = kMargin;
      y += 18;
    }
    std::string& shape = p.shapes[i];
    if (bars) {
      shape += "<rect";
      AppendAttr(shape, "x", x + 0.5);
      AppendAttr(shape, "y", y + 2.5);
      shape += " width=\"11\" height=\"11\"/>";
    } else {
      shape += "<path d=\"M";
      AppendNum(shape, x + kMarker);
      shape += ' ';
      AppendNum(shape, y + 8);
      shape += "h20\"/>";
    }
    AppendText(p.text, x + swatch + 4, y + 12.5, name);
    x += item + 12;
  }
  return y + 22;
}

// The value axis and category slots of column and line charts.
struct Frame {
  Ticks ticks;
  std::vector<std::string> tick_labels;
  double left = 0, right = kWidth - kMargin, slot = 0;
  double plot_top = 0, data_top = 0, data_bottom = 0, plot_bottom = 0;
  Scale y;
  double X(std::size_t c) const { return left + slot * (static_cast<double>(c) + 0.5); }
};

// `zero`: the axis includes 0 (bars). Otherwise 0 is included when leaving it out would not
// even halve the axis. `pad_top` and `pad_bottom` leave room for value labels.
Frame MakeFrame(const Data& d, double top, bool zero, double pad_top, double pad_bottom, double height) {
  Frame f;
  double lo = d.min, hi = d.max;
  if (zero || (lo > 0 && lo <= hi / 2)) lo = std::min(lo, 0.0);
  if (zero || (hi < 0 && hi >= lo / 2)) hi = std::max(hi, 0.0);
  f.ticks = NiceTicks(lo, hi, 6);
  double label_width = 0;
  for (int k = 0; k < f.ticks.count; ++k) {
    f.tick_labels.push_back(FormatNumber(f.ticks.Value(k), f.ticks.decimals));
    label_width = std::max(label_width, TextWidth(f.tick_labels.back()));
  }
  f.left = kMargin + label_width + 6;
  f.slot = (f.right - f.left) / static_cast<double>(d.categories);
  f.plot_top = top;
  f.data_top = top + std::max(pad_top, 8.0);
  f.data_bottom = f.data_top + height;
  f.plot_bottom = f.data_bottom + std::max(pad_bottom, 6.0);
  f.y = {f.ticks.Min(), f.ticks.Max(), f.data_bottom, f.data_top};
  return f;
}

// Gridlines and tick labels of a vertical value axis.
void DrawValueAxis(const Frame& f, Parts& p) {
  p.text += "<g text-anchor=\"end\">";
  for (int k = 0; k < f.ticks.count; ++k) {
    double y = f.y(f.ticks.Value(k));
    p.grid += 'M';
    AppendNum(p.grid, f.left);
    p.grid += ' ';
    AppendNum(p.grid, y);
    p.grid += 'H';
    AppendNum(p.grid, f.right);
    AppendText(p.text, f.left - 5, y + 4, f.tick_labels[static_cast<std::size_t>(k)]);
  }
  p.text += "</g>";
}

void DrawHorizontalLine(std::string& path, double x0, double x1, double y) {
  path += 'M';
  AppendNum(path, x0);
  path += ' ';
  AppendNum(path, y);
  path += 'H';
  AppendNum(path, x1);
}

// The unit above a vertical value axis: （人）. Returns the y below it.
double DrawUnitAbove(const Data& d, double y, Parts& p) {
  if (d.s.unit.empty()) return y;
  AppendText(p.text, kMargin, y + 11, OneLine("（" + d.s.unit + "）", kWidth - 2 * kMargin));
  return y + 15;
}

// Category labels under the slots, wrapped to at most three lines when every label fits so.
// Returns the height they take, or a negative number when they do not fit.
double DrawCategoriesLevel(const Data& d, const Frame& f, Parts* p) {
  std::vector<Wrapped> labels;
  std::size_t lines = 1;
  for (const std::string& category : d.s.categories) {
    labels.push_back(Wrap(category, f.slot - 4, 0));
    if (labels.back().split || labels.back().lines.size() > 3) return -1;
    lines = std::max(lines, labels.back().lines.size());
  }
  if (p) {
    p->text += "<g text-anchor=\"middle\">";
    for (std::size_t c = 0; c < d.categories; ++c) {
      for (std::size_t k = 0; k < labels[c].lines.size(); ++k) {
        AppendText(p->text, f.X(c), f.plot_bottom + 13 + kPitch * static_cast<double>(k), labels[c].lines[k]);
      }
    }
    p->text += "</g>";
  }
  return 13 + kPitch * static_cast<double>(lines - 1) + 6;
}

// Category labels turned 45°, every k-th one when the slots are narrower than a line of
// text. Returns the height they take.
double DrawCategoriesTurned(const Data& d, const Frame& f, Parts& p) {
  std::size_t every = static_cast<std::size_t>(std::ceil(18 / f.slot - 1e-9));
  every = std::max<std::size_t>(every, 1);
  double longest = 0;
  p.text += "<g text-anchor=\"end\">";
  for (std::size_t c = 0; c < d.categories; c += every) {
    double x = f.X(c) + 4, y = f.plot_bottom + 8;
    std::string label = OneLine(d.s.categories[c], std::min(96.0, (x - 1) / kCos45 - kFont));
    longest = std::max(longest, TextWidth(label));
    std::string transform = " transform=\"rotate(-45 ";
    AppendNum(transform, x);
    transform += ' ';
    AppendNum(transform, y);
    transform += ")\"";
    AppendText(p.text, x, y, label, transform);
  }
  p.text += "</g>";
  return 8 + longest * kCos45 + 8;
}

// Vertical columns, when every category label and value label fits its column.
bool DrawColumns(const Data& d, double top, Parts& p) {
  double n = static_cast<double>(d.series);
  double label_width = std::max(d.MaxLabelWidth(false), d.MaxLabelWidth(true));
  double chart_top = d.s.unit.empty() ? top : top + 15;
  Frame f = MakeFrame(d, chart_top, true, d.any_nonnegative ? kFont + 3 : 0, d.any_negative ? kFont + 3 : 0, 150);
  double group = std::min(f.slot * (d.series == 1 ? 0.6 : 0.8), n * 36);
  double pitch = group / n;
  double bar = d.series == 1 ? group : pitch - 2;
  if (bar < 3 || label_width + 2 > (d.series == 1 ? f.slot : pitch)) return false;
  if (DrawCategoriesLevel(d, f, nullptr) < 0) return false;

  DrawUnitAbove(d, top, p);
  DrawValueAxis(f, p);
  DrawHorizontalLine(p.axis, f.left, f.right, f.y(0));
  p.values += "<g text-anchor=\"middle\">";
  for (std::size_t c = 0; c < d.categories; ++c) {
    for (std::size_t i = 0; i < d.series; ++i) {
      if (!d.Has(i, c)) continue;
      double v = d.values[i][c];
      double x = f.X(c) - group / 2 + pitch * static_cast<double>(i) + (pitch - bar) / 2;
      double y0 = f.y(std::max(v, 0.0)), y1 = f.y(std::min(v, 0.0));
      std::string& shape = p.shapes[i];
      shape += "<rect";
      AppendAttr(shape, "x", x);
      AppendAttr(shape, "y", y0);
      AppendAttr(shape, "width", bar);
      AppendAttr(shape, "height", y1 - y0);
      shape += "/>";
      AppendText(p.values, x + bar / 2, v < 0 ? y1 + 12 : y0 - 3, d.labels[i][c]);
    }
  }
  p.values += "</g>";
  p.height = f.plot_bottom + DrawCategoriesLevel(d, f, &p);
  p.kind = "棒グラフ";
  return true;
}

// Horizontal bars: a row per category, its label on the left, values at the bar ends.
void DrawRows(const Data& d, double top, Parts& p) {
  std::vector<Wrapped> labels;
  double column = 0;
  std::size_t lines = 1;
  for (const std::string& category : d.s.categories) {
    labels.push_back(Wrap(category, kWidth * 0.4, 2));
    for (const std::string& line : labels.back().lines) column = std::max(column, TextWidth(line));
    lines = std::max(lines, labels.back().lines.size());
  }
  double bar_left = kMargin + column + 6, bar_right = kWidth - kMargin;
  double pad_right = d.any_nonnegative ? d.MaxLabelWidth(false) + 4 : 0;
  double pad_left = d.any_negative ? d.MaxLabelWidth(true) + 4 : 0;
  double x0 = bar_left + pad_left, x1 = bar_right - pad_right;
  double lo = std::min(d.min, 0.0), hi = std::max(d.max, 0.0);
  // As many ticks as their labels leave room for.
  Ticks ticks;
  std::vector<std::string> tick_labels;
  for (int max_ticks = 6; max_ticks >= 2; --max_ticks) {
    ticks = NiceTicks(lo, hi, max_ticks);
    tick_labels.clear();
    double widest = 0;
    for (int k = 0; k < ticks.count; ++k) {
      tick_labels.push_back(FormatNumber(ticks.Value(k), ticks.decimals));
      widest = std::max(widest, TextWidth(tick_labels.back()));
    }
    if (ticks.count < 2 || (x1 - x0) / (ticks.count - 1) >= widest + 8) break;
  }
  Scale x{ticks.Min(), ticks.Max(), x0, x1};

  double n = static_cast<double>(d.series);
  double group = n * kBar + (n - 1) * 2;
  double row = std::max(group, kPitch * static_cast<double>(lines)) + 8;
  double rows_top = top + 2;
  double rows_bottom = rows_top + row * static_cast<double>(d.categories);
  std::string negative;  // value labels of negative bars, anchored at their end
  p.text += "<g text-anchor=\"end\">";
  for (std::size_t c = 0; c < d.categories; ++c) {
    double group_top = rows_top + row * static_cast<double>(c) + (row - group) / 2;
    double middle = group_top + group / 2;
    const std::vector<std::string>& label = labels[c].lines;
    for (std::size_t k = 0; k < label.size(); ++k) {
      double y = middle - kPitch * (static_cast<double>(label.size()) - 1) / 2 + kPitch * static_cast<double>(k) + 4;
      AppendText(p.text, kMargin + column, y, label[k]);
    }
    for (std::size_t i = 0; i < d.series; ++i) {
      if (!d.Has(i, c)) continue;
      double v = d.values[i][c];
      double y = group_top + (kBar + 2) * static_cast<double>(i);
      double left = x(std::min(v, 0.0)), right = x(std::max(v, 0.0));
      std::string& shape = p.shapes[i];
      shape += "<rect";
      AppendAttr(shape, "x", left);
      AppendAttr(shape, "y", y);
      AppendAttr(shape, "width", right - left);
      AppendAttr(shape, "height", kBar);
      shape += "/>";
      if (v < 0) {
        AppendText(negative, left - 3, y + kBar / 2 + 4, d.labels[i][c]);
      } else {
        AppendText(p.values, right + 3, y + kBar / 2 + 4, d.labels[i][c]);
      }
    }
  }
  p.text += "</g>";
  if (!negative.empty()) p.values += "<g text-anchor=\"end\">" + negative + "</g>";

  p.text += "<g text-anchor=\"middle\">";
  double label_end = -kWidth;
  for (int k = 0; k < ticks.count; ++k) {
    double tx = x(ticks.Value(k));
    p.grid += 'M';
    AppendNum(p.grid, tx);
    p.grid += ' ';
    AppendNum(p.grid, rows_top);
    p.grid += 'V';
    AppendNum(p.grid, rows_bottom);
    // Labels too long for their spacing skip ticks, left to right.
    const std::string& label = tick_labels[static_cast<std::size_t>(k)];
    double half = TextWidth(label) / 2;
    double lx = std::clamp(tx, half + 1, kWidth - half - 1);
    if (lx - half < label_end + 6) continue;
    AppendText(p.text, lx, rows_bottom + 14, label);
    label_end = lx + half;
  }
  p.text += "</g>";
  p.axis += 'M';
  AppendNum(p.axis, x(0));
  p.axis += ' ';
  AppendNum(p.axis, rows_top);
  p.axis += 'V';
  AppendNum(p.axis, rows_bottom);
  double bottom = rows_bottom + 14;
  if (!d.s.unit.empty()) {
    std::string unit = OneLine("（" + d.s.unit + "）", kWidth - 2 * kMargin);
    AppendText(p.text, kWidth - kMargin, bottom + 15, unit, " text-anchor=\"end\"");
    bottom += 15;
  }
  p.height = bottom + 6;
  p.kind = "横棒グラフ";
}

// A value label of a line chart placed so as not to cover another label or point.
struct Placed {
  Box box;
  double x, y;  // where the <text> is anchored
};

// Where a line chart's value label may go, best first: on the preferred side of the point
// (above or below), centred or shifted left or right, then further out. Crossing a line
// costs 2, so a label rather crosses a line than moves away from its point.
struct Candidate {
  bool same_side;  // the preferred side
  int shift;       // -1: left of the point, 1: right
  int ring;        // 0: next to the point, 1 and 2: further out
  double cost;
};
constexpr Candidate kCandidates[] = {
    {true, 0, 0, 0},   {false, 0, 0, 1},  {true, -1, 0, 3}, {true, 1, 0, 3},
    {false, -1, 0, 4}, {false, 1, 0, 4},  {true, 0, 1, 10}, {false, 0, 1, 11},
    {true, 0, 2, 20},  {false, 0, 2, 21},
};

// Places the value labels of a line chart: above or below each point, then further out,
// preferring the side away from the other series and from the line. Labels are level, or
// turned 90° when `turned`. Returns how many labels still overlap another.
int PlaceLabels(const Data& d, const Frame& f, bool turned, std::vector<std::vector<Placed>>& placed) {
  std::vector<std::vector<Point>> points(d.series, std::vector<Point>(d.categories));
  std::vector<Box> markers;  // their middle: a label may touch a marker's edge
  for (std::size_t i = 0; i < d.series; ++i) {
    for (std::size_t c = 0; c < d.categories; ++c) {
      if (!d.Has(i, c)) continue;
      points[i][c] = {f.X(c), f.y(d.values[i][c])};
      const Point& q = points[i][c];
      markers.push_back({q.x - kMarker + 1, q.y - kMarker + 1, q.x + kMarker - 1, q.y + kMarker - 1});
    }
  }
  placed.assign(d.series, std::vector<Placed>(d.categories));
  std::vector<Box> labels;
  int overlaps = 0;
  for (std::size_t c = 0; c < d.categories; ++c) {
    // Higher points first, and the upper half of the series prefers labels above.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < d.series; ++i) {
      if (d.Has(i, c)) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return d.values[a][c] > d.values[b][c]; });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      std::size_t i = order[rank];
      Point q = points[i][c];
      bool above = 2 * rank < order.size();
      if (order.size() == 1) {  // one series: away from the neighbours
        double sum = 0, count = 0;
        for (std::size_t nc : {c - 1, c + 1}) {
          if (nc < d.categories && d.Has(i, nc)) sum += d.values[i][nc], ++count;
        }
        above = count == 0 || d.values[i][c] >= sum / count;
      }
      double w = TextWidth(d.labels[i][c]);
      double length = turned ? w : kFont;  // along y
      double breadth = turned ? 0.9 * kFont : w;         // along x
      double best_cost = std::numeric_limits<double>::infinity();
      Placed best{};
      int best_overlaps = 0;
      for (const Candidate& candidate : kCandidates) {
        bool up = candidate.same_side == above;
        double offset = kMarker + 3 + (length + 2) * candidate.ring;
        Box b{};
        b.x0 = q.x - breadth / 2 + candidate.shift * (breadth / 2 - 2);
        b.x0 = std::clamp(b.x0, f.left, kWidth - 1 - breadth);  // clear of the ticks
        b.x1 = b.x0 + breadth;
        b.y0 = up ? q.y - offset - length : q.y + offset;
        b.y1 = b.y0 + length;
        if (b.y0 < f.plot_top || b.y1 > f.plot_bottom) continue;
        Box margin{b.x0 - 1, b.y0 - 1, b.x1 + 1, b.y1 + 1};
        int hits = 0;
        for (const Box& other : labels) hits += margin.Overlaps(other);
        for (const Box& other : markers) hits += b.Overlaps(other);
        double cost = candidate.cost + 100.0 * hits;
        for (std::size_t j = 0; j < d.series; ++j) {
          for (std::size_t nc = 1; nc < d.categories; ++nc) {
            if (d.Has(j, nc - 1) && d.Has(j, nc) && SegmentHits(b, points[j][nc - 1], points[j][nc])) cost += 2;
          }
        }
        if (cost < best_cost) {
          best_cost = cost;
          best_overlaps = hits;
          best.box = b;
          best.x = turned ? b.x0 + 0.8 * kFont : b.x0 + breadth / 2;
          best.y = turned ? b.y1 : b.y1 - 0.2 * kFont;
        }
      }
      if (std::isinf(best_cost)) {  // no room at all: on the point's own side
        best.box = {q.x, q.y, q.x, q.y};
        best.x = q.x;
        best.y = q.y;
        best_overlaps = 1;
      }
      overlaps += best_overlaps;
      labels.push_back(best.box);
      placed[i][c] = best;
    }
  }
  return overlaps;
}

void DrawLines(const Data& d, double top, Parts& p) {
  double chart_top = d.s.unit.empty() ? top : top + 15;
  double label_width = std::max(d.MaxLabelWidth(false), d.MaxLabelWidth(true));
  Frame f;
  std::vector<std::vector<Placed>> placed;
  bool turned = false;
  for (bool turn : {false, true}) {
    turned = turn;
    double pad = kMarker + 3 + (turn ? label_width : kFont) + 2;
    f = MakeFrame(d, chart_top, false, pad, pad, 140);
    if (PlaceLabels(d, f, turn, placed) == 0) break;
  }
  p.values_turned = turned;
  DrawUnitAbove(d, top, p);
  DrawValueAxis(f, p);
  DrawHorizontalLine(p.axis, f.left, f.right, f.data_bottom);
  if (f.ticks.Min() < 0 && f.ticks.Max() > 0) DrawHorizontalLine(p.axis, f.left, f.right, f.y(0));
  for (std::size_t i = 0; i < d.series; ++i) {
    std::string path;
    for (std::size_t c = 0; c < d.categories; ++c) {
      if (!d.Has(i, c)) continue;
      bool starts = c == 0 || !d.Has(i, c - 1);
      bool alone = starts && (c + 1 == d.categories || !d.Has(i, c + 1));
      path += starts ? "M" : " ";
      AppendNum(path, f.X(c));
      path += ' ';
      AppendNum(path, f.y(d.values[i][c]));
      if (alone) path += "h0";  // a point between gaps still gets its marker
      const Placed& label = placed[i][c];
      std::string extra;
      if (turned) {
        extra = " transform=\"rotate(-90 ";
        AppendNum(extra, label.x);
        extra += ' ';
        AppendNum(extra, label.y);
        extra += ")\"";
      }
      AppendText(p.series_values[i], label.x, label.y, d.labels[i][c], extra);
    }
    p.shapes[i] = "<path d=\"" + path + "\"/>" + p.shapes[i];
  }
  double below = DrawCategoriesLevel(d, f, &p);
  if (below < 0) below = DrawCategoriesTurned(d, f, p);
  p.height = f.plot_bottom + below;
  p.kind = "折れ線グラフ";
}

void AppendSeriesClass(std::string& out, std::size_t style) {
  out += " class=\"s";
  out += std::to_string(style + 1);
  out += "\" color=\"";
  out += kStyles[style].color;
  out += '"';
}

// A reference to a pattern or marker; `prefix` is the escaped id of the chart.
void AppendRef(std::string& out, const std::string& prefix, char kind, std::size_t style) {
  out += "url(#";
  out += prefix;
  out += '-';
  out += kind;
  out += std::to_string(style + 1);
  out += ')';
}

}  // namespace

std::vector<std::vector<std::string>> ValueLabels(const model::Statistics& s, int max_decimals) {
  int decimals = 0;
  for (const model::Series& series : s.series) {
    for (double v : series.values) {
      if (!std::isfinite(v)) continue;
      while (decimals < max_decimals) {
        double scaled = v * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled))) break;
        ++decimals;
      }
    }
  }
  std::vector<std::vector<std::string>> labels(s.series.size(), std::vector<std::string>(s.categories.size()));
  for (std::size_t i = 0; i < s.series.size(); ++i) {
    for (std::size_t c = 0; c < s.categories.size() && c < s.series[i].values.size(); ++c) {
      double v = s.series[i].values[c];
      if (std::isfinite(v)) labels[i][c] = chart_internal::FormatNumber(v, decimals);
    }
  }
  return labels;
}

std::string ChartSvg(const model::Statistics& s, const std::string& id) {
  bool bars = s.chart == "bar";
  if (!bars && s.chart != "line") return "";
  Data d(s);
  if (!d.any || d.categories == 0) return "";
  Parts p;
  p.shapes.resize(d.series);
  p.series_values.resize(d.series);
  double top = DrawHeader(d, bars, p);
  if (!bars) {
    DrawLines(d, top, p);
  } else if (!DrawColumns(d, top, p)) {
    DrawRows(d, top, p);
  }
  double height = std::ceil(p.height);
  std::size_t styles = std::min(d.series, kStyleCount);

  const std::string prefix = text::EscapeHtml(id);

  std::string out = "<svg class=\"chart\" viewBox=\"0 0 320 ";
  AppendNum(out, height);
  out += "\" width=\"100%\" role=\"img\" aria-labelledby=\"" + prefix + "-title\" aria-describedby=\"" + prefix +
         "-desc\"><title id=\"" + prefix + "-title\">";
  text::AppendEscapedHtml(out, s.caption);
  out += "</title><desc id=\"" + prefix + "-desc\">";
  out += p.kind;
  out += "。数値";
  if (!s.unit.empty()) {
    out += "（単位：";
    text::AppendEscapedHtml(out, s.unit);
    out += "）";
  }
  out += "は下の表のとおりです。</desc>";

  std::string defs;
  for (std::size_t k = 0; k < styles; ++k) {
    const Style& style = kStyles[k];
    if (bars && style.pattern) {
      defs += "<pattern id=\"" + prefix + "-p" + std::to_string(k + 1) + '"';
      AppendSeriesClass(defs, k);
      defs += " width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"";
      if (style.transform) defs += std::string(" patternTransform=\"") + style.transform + '"';
      defs += " fill=\"currentColor\"><rect class=\"bg\" width=\"6\" height=\"6\" fill=\"#fff\"/>";
      defs += style.pattern;
      defs += "</pattern>";
    } else if (!bars) {
      defs += "<marker id=\"" + prefix + "-m" + std::to_string(k + 1) + '"';
      AppendSeriesClass(defs, k);
      defs += " fill=\"currentColor\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\""
              " refX=\"5\" refY=\"5\">";
      defs += style.marker;
      defs += "</marker>";
    }
  }
  if (!defs.empty()) out += "<defs>" + defs + "</defs>";

  out += "<g aria-hidden=\"true\"><rect class=\"bg\" width=\"320\" height=\"";
  AppendNum(out, height);
  out += "\" fill=\"#fff\"/>";
  if (!p.grid.empty()) out += "<path class=\"grid\" stroke=\"" + std::string(kGrid) + "\" d=\"" + p.grid + "\"/>";
  for (std::size_t i = 0; i < d.series; ++i) {
    std::size_t k = StyleIndex(i);
    const Style& style = kStyles[k];
    out += "<g";
    AppendSeriesClass(out, k);
    if (bars) {
      out += " fill=\"";
      if (style.pattern) {
        AppendRef(out, prefix, 'p', k);
      } else {
        out += "currentColor";
      }
      out += "\" stroke=\"currentColor\">";
    } else {
      out += " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\"";
      if (style.dash) out += std::string(" stroke-dasharray=\"") + style.dash + '"';
      for (const char* end : {"start", "mid", "end"}) {
        out += " marker-";
        out += end;
        out += "=\"";
        AppendRef(out, prefix, 'm', k);
        out += '"';
      }
      out += '>';
    }
    out += p.shapes[i];
    out += "</g>";
  }
  out += "<path class=\"axis\" stroke=\"" + std::string(kText) + "\" d=\"" + p.axis + "\"/>";
  out += "<g class=\"label\" fill=\"" + std::string(kText) + "\" font-size=\"12\">";
  out += p.text;
  out += "<g class=\"value\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">";
  out += p.values;
  for (std::size_t i = 0; i < d.series; ++i) {
    if (p.series_values[i].empty()) continue;
    out += "<g";
    AppendSeriesClass(out, StyleIndex(i));
    out += p.values_turned ? " fill=\"currentColor\">" : " fill=\"currentColor\" text-anchor=\"middle\">";
    out += p.series_values[i];
    out += "</g>";
  }
  out += "</g></g></g></svg>";
  return out;
}

}  // namespace keikaku::render
