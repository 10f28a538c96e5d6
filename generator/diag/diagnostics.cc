#include "diag/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "text/utf8.h"

namespace keikaku::diag {

bool Diagnostics::Add(Diagnostic d) {
  std::string key = d.pos.file + ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.column) +
                    ' ' + d.rule + ' ' + d.message;
  if (!seen_.insert(std::move(key)).second) return false;
  items_.push_back(std::move(d));
  return true;
}

namespace {

// The rule ids a line silences: those after "keikaku-ignore:", separated by commas or spaces.
std::vector<std::string> SilencedRules(const std::string& line) {
  std::vector<std::string> rules;
  std::size_t at = line.find(kSuppressionMarker);
  if (at == std::string::npos) return rules;
  std::size_t pos = at + std::string(kSuppressionMarker).size();
  for (;;) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == ',')) ++pos;
    std::size_t end = pos;
    while (end < line.size() && (std::islower(static_cast<unsigned char>(line[end])) ||
                                 std::isdigit(static_cast<unsigned char>(line[end])) || line[end] == '.' ||
                                 line[end] == '-')) {
      ++end;
    }
    if (end == pos) return rules;
    rules.push_back(line.substr(pos, end - pos));
    pos = end;
  }
}

}  // namespace

bool IsSuppressionComment(const std::string& html) {
  std::size_t start = html.find_first_not_of(" \t");
  if (start == std::string::npos || html.compare(start, 4, "<!--") != 0) return false;
  std::size_t marker = html.find_first_not_of(" \t", start + 4);
  return marker != std::string::npos && html.compare(marker, std::string(kSuppressionMarker).size(), kSuppressionMarker) == 0;
}

int Diagnostics::Suppress(const std::map<std::string, std::string>& sources) {
  std::vector<Diagnostic> kept;
  SourceLines lines(sources);
  std::map<std::string, bool> silences;  // per file, found once: whether it silences anything
  for (Diagnostic& d : items_) {
    bool silenced = false;
    auto source = sources.find(d.pos.file);
    if (d.severity != Severity::kWarning || source == sources.end()) {
      kept.push_back(std::move(d));
      continue;
    }
    auto [it, fresh] = silences.try_emplace(d.pos.file);
    if (fresh) it->second = source->second.find(kSuppressionMarker) != std::string::npos;
    if (it->second) {
      for (const ExcerptLine& line : lines.For(d.pos.file)->Excerpt(d.pos.line, 1)) {
        if (line.number > d.pos.line) continue;
        std::vector<std::string> rules = SilencedRules(line.text);
        silenced = silenced || std::find(rules.begin(), rules.end(), d.rule) != rules.end();
      }
    }
    if (!silenced) kept.push_back(std::move(d));
  }
  int dropped = static_cast<int>(items_.size() - kept.size());
  items_ = std::move(kept);
  return dropped;
}

void Diagnostics::Error(const SourcePos& pos, std::string rule, std::string message,
                        std::string hint) {
  if (Add({Severity::kError, pos, std::move(rule), std::move(message), std::move(hint)})) ++error_count_;
}

void Diagnostics::Merge(Diagnostics&& other) {
  for (Diagnostic& d : other.items_) {
    const bool error = d.severity == Severity::kError;
    if (Add(std::move(d)) && error) ++error_count_;
  }
  other = Diagnostics();
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) {
    if (Add(d) && d.severity == Severity::kError) ++error_count_;
  }
}

void Diagnostics::Warning(const SourcePos& pos, std::string rule, std::string message,
                          std::string hint) {
  Add({Severity::kWarning, pos, std::move(rule), std::move(message), std::move(hint)});
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.file != b.pos.file) return a.pos.file < b.pos.file;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
  return sorted;
}

std::string Diagnostics::Format(const std::map<std::string, std::string>& sources,
                                int context) const {
  SourceLines lines(sources);
  std::string out;
  for (const Diagnostic& d : Sorted()) out += FormatDiagnostic(d, lines.For(d.pos.file), context);
  return out;
}

std::vector<std::size_t> LineStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    starts.push_back(at + 1);
  }
  return starts;
}

LineIndex::LineIndex(const std::string& text) : text_(text), starts_(LineStarts(text)) {}

std::vector<ExcerptLine> LineIndex::Excerpt(int line, int context) const {
  std::vector<ExcerptLine> lines;
  int count = static_cast<int>(starts_.size());  // after a final line break, an empty last line
  if (line <= 0 || line > count) return lines;
  for (int n = std::max(1, line - context); n <= std::min(count, line + context); ++n) {
    std::size_t start = starts_[static_cast<std::size_t>(n - 1)];
    std::size_t end = static_cast<std::size_t>(n) < starts_.size() ? starts_[static_cast<std::size_t>(n)] - 1 : text_.size();
    std::string s = text_.substr(start, end - start);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    // A line that is not UTF-8 text (Shift_JIS, UTF-16 with its NUL bytes) is not shown.
    if (!text::IsValidUtf8(s) || s.find('\0') != std::string::npos) return {};
    lines.push_back({n, std::move(s)});
  }
  return lines;
}

const LineIndex* SourceLines::For(const std::string& file) {
  auto source = sources_.find(file);
  if (source == sources_.end()) return nullptr;
  return &indexes_.try_emplace(file, source->second).first->second;
}

std::vector<ExcerptLine> Excerpt(const std::string& text, int line, int context) {
  return LineIndex(text).Excerpt(line, context);
}

void ClipLine(std::string& line, int& column, std::size_t max_chars) {
  if (line.size() <= max_chars) return;  // fewer bytes than characters allowed
  std::vector<std::size_t> starts;       // byte offset of each character
  for (std::size_t pos = 0; pos < line.size();) {
    starts.push_back(pos);
    text::DecodeAt(line, pos);
  }
  std::size_t count = starts.size();
  if (count <= max_chars) return;
  std::size_t at = static_cast<std::size_t>(std::max(column, 1) - 1);
  std::size_t first = at > max_chars / 2 ? at - max_chars / 2 : 0;
  std::size_t last = std::min(count, first + max_chars);
  first = last - max_chars;
  std::string clipped = first > 0 ? "…" : "";
  std::size_t end = last < count ? starts[last] : line.size();
  clipped.append(line, starts[first], end - starts[first]);
  if (last < count) clipped += "…";
  column = static_cast<int>(std::min(at, count) - first) + (first > 0 ? 2 : 1);
  line = std::move(clipped);
}

std::string FormatDiagnostic(const Diagnostic& d, const std::string& text, int context) {
  LineIndex lines(text);
  return FormatDiagnostic(d, &lines, context);
}

std::string FormatDiagnostic(const Diagnostic& d, const LineIndex* index, int context) {
  std::ostringstream out;
  out << (d.pos.file.empty() ? "keikaku" : d.pos.file);
  if (d.pos.line > 0) out << ':' << d.pos.line << ':' << std::max(d.pos.column, 1);
  out << ": " << (d.severity == Severity::kError ? "error" : "warning") << " [" << d.rule << "] "
      << d.message << '\n';
  std::vector<ExcerptLine> lines = index ? index->Excerpt(d.pos.line, context) : std::vector<ExcerptLine>{};
  // Numbered lines when showing context, the bare line otherwise (as GCC does).
  int digits = static_cast<int>(std::to_string(d.pos.line + context).size());
  for (ExcerptLine& l : lines) {
    std::string number = std::to_string(l.number);
    std::string gutter = context > 0 ? std::string(digits - number.size(), ' ') + number + " | " : "";
    if (l.number == d.pos.line && l.text.empty() && context == 0) break;
    int column = std::max(d.pos.column, 1);
    ClipLine(l.text, column);
    out << "    " << gutter << l.text << '\n';
    if (l.number == d.pos.line) {
      // The caret sits under the column's character; wide characters take two cells.
      int width = text::DisplayWidth(l.text, column - 1);
      std::string blank_gutter = context > 0 ? std::string(digits, ' ') + " | " : "";
      out << "    " << blank_gutter << std::string(width, ' ') << "^\n";
    }
  }
  if (!d.hint.empty()) out << "    ヒント: " << d.hint << '\n';
  return out.str();
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const std::string& k : known) {
    std::size_t d = text::EditDistance(word, k);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  std::size_t limit = std::max<std::size_t>(1, text::CodepointCount(word) / 3 + 1);
  return best_distance <= limit ? best : std::string();
}

}  // namespace keikaku::diag
