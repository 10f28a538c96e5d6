// Statistics blocks drawn at build time as small inline SVG bar and line charts.
#ifndef KEIKAKU_RENDER_CHART_H_
#define KEIKAKU_RENDER_CHART_H_

#include <string>
#include <vector>

#include "model/model.h"

namespace keikaku::render {

/// The chart of a statistics block as one inline <svg> element (HTML5, no XML declaration,
/// no script, nothing to load), or "" when `s.chart` is neither "bar" nor "line" or there is
/// no finite value to draw. The data table stays the accessible version: the SVG is
/// role="img" named by its caption, and its description points to the table below.
/// `id` prefixes every id inside (title, desc, patterns, markers): it must be unique on the
/// page and differ from the table caption's id. The same input gives the same bytes.
///
/// Bar charts draw vertical columns when every category label fits under its column in at
/// most three lines and every value label fits above its bar; otherwise horizontal bars, one
/// row per category with its label on the left (wrapped to two lines, then cut with …). Line
/// charts wrap category labels to three lines, or else turn them 45° (cut with …, and only
/// every k-th when the points are close); value labels turn 90° when they cannot all sit level
/// beside their points without overlapping.
std::string ChartSvg(const model::Statistics& s, const std::string& id);

/// The values of `s` as text, [series][category] ("" where there is none), sharing the
/// fewest decimals (at most `max_decimals`) that show every value, with thousands
/// separators: what the chart (2 decimals) and the data table beside it print.
std::vector<std::vector<std::string>> ValueLabels(const model::Statistics& s, int max_decimals);

// Exposed for tests.
namespace chart_internal {

/// Round ticks of a value axis: (first + k) * step for k in [0, count).
struct Ticks {
  double step = 1;
  double first = 0;
  int count = 0;
  int decimals = 0;  // digits after the point that the step needs
  double Value(int k) const { return (first + k) * step; }
  double Min() const { return Value(0); }
  double Max() const { return Value(count - 1); }
};

/// The fewest round ticks (1, 2 or 5 × 10^n apart), at most `max_ticks` (at least 2), whose
/// range covers [lo, hi]. An empty range is widened around its value.
Ticks NiceTicks(double lo, double hi, int max_ticks);

/// `v` with `decimals` digits after the point and thousands separators (28,790, -1,234.5),
/// independent of the locale; never "-0".
std::string FormatNumber(double v, int decimals);

}  // namespace chart_internal

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_CHART_H_
