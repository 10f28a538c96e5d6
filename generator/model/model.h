// The typed plan model: plain structs filled by the loader, read by the renderer.
// No YAML and no HTML here.
#ifndef KEIKAKU_MODEL_MODEL_H_
#define KEIKAKU_MODEL_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "diag/diagnostics.h"
#include "text/date.h"

namespace keikaku::model {

using diag::SourcePos;
using text::Date;

/// Byte `offset` of a Markdown text is at `line`:`column` of the file (1-based, columns in
/// code points). The bytes up to the next anchor are copied from there on, on that line, or
/// made from the escape or line break there.
struct SourceAnchor {
  std::size_t offset = 0;
  int line = 0, column = 0;
};

/// Markdown source text with the position of its YAML node in the content file.
struct Markdown {
  std::string text;
  SourcePos pos;  ///< The node: its quote or block indicator, not always the text's start.
  /// Where the text's bytes are in the file, in order of offset (load::MapScalar). Empty when
  /// unknown: the text is then taken as written verbatim from `pos`.
  std::vector<SourceAnchor> anchors = {};
  bool empty() const { return text.empty(); }
};

struct Municipality {
  std::string name, reading, prefecture;
};

struct Period {
  int from = 0, to = 0;  ///< Fiscal years (西暦 of the starting April).
  Markdown note;
};

struct Preface {
  std::string title;
  Markdown body;
  std::optional<Date> date;
  std::string signature;
};

struct Colophon {
  std::string publisher, department, address, phone, email, url;
};

/// A line of the plan's 改訂履歴. Without `revisions` in plan.yaml, the loader makes them from
/// `established` (策定) and `revised` (改定).
struct Revision {
  Date date;
  std::string part, description;
  std::string id;  ///< Anchor on the revision history page and in the feed ("rev-2023-05-16").
};

struct Figure {
  std::string number, caption, image, alt, source;
  Markdown description;
  SourcePos pos, image_pos;
};

struct TableCell {
  Markdown text;
  int rowspan = 1, colspan = 1;
};

struct Table {
  std::string number, caption, source;
  std::vector<std::string> header;
  bool row_header = false;
  std::vector<std::vector<TableCell>> rows;
  Markdown note;
  SourcePos pos;
};

struct Callout {
  std::string title;
  Markdown body;
};

struct Target {
  std::string label, value;
};

struct Measure {
  std::string id;  ///< Anchor the editor gave (`id:`), for links from schedules and text; may be empty.
  std::string number, title, policy, owner;
  bool priority = false;
  Markdown challenges, direction, actions, effects, period, body;
  std::vector<std::string> related;
  std::vector<Target> targets;
  SourcePos id_pos;
};

struct MeasureList {
  std::vector<Measure> items;
};

/// A point in a schedule (◆): something done or decided in one fiscal year.
struct Milestone {
  int year = 0;
  std::string label;
};

struct ScheduleRow {
  std::string item, text;
  std::optional<int> from, to;
  bool continues = false;
  std::vector<Milestone> milestones;
  std::string measure;  ///< The id of the measure this item carries out; may be empty.
  std::vector<ScheduleRow> rows;
  SourcePos item_pos;     ///< Where `item`'s value starts.
  SourcePos measure_pos;  ///< Where `measure`'s value starts.
};

struct Schedule {
  std::string caption;
  std::string item_label = "項目", when_label = "時期";
  int from = 0, to = 0;
  std::vector<ScheduleRow> rows;
  Markdown note;
};

struct Role {
  std::string function, assignee, role;
};

struct Unit {
  std::string name, description;
  std::vector<Unit> units;
};

struct Organization {
  std::string caption;
  std::vector<Role> roles;
  std::vector<Unit> units;
  Markdown note;
};

struct Series {
  std::string name;
  std::vector<double> values;
};

struct Statistics {
  std::string caption, unit, chart, source;
  std::vector<std::string> categories;
  std::vector<Series> series;
};

struct Reference {
  std::string title, issuer, url;
  std::optional<Date> date;
  Markdown note;
};

struct References {
  std::string caption;
  std::vector<Reference> items;
};

struct TermBox {
  std::vector<std::string> terms;
  std::vector<SourcePos> term_pos;  ///< Where each of `terms` is written.
};

using Block = std::variant<Markdown, Figure, Table, Callout, MeasureList, Schedule, Organization,
                           Statistics, References, TermBox>;

struct Section {
  std::string number, title;
  std::string id;  ///< Anchor, unique within the plan (assigned by the loader).
  bool measure = false;  ///< The section describes one measure (listed in 施策の一覧).
  std::vector<Block> content;
  std::vector<Section> sections;
};

/// Automatic furigana (furigana: auto): which kanji words get their reading from MeCab.
struct AutoFurigana {
  bool on = false;
  /// Kanji taught up to this grade need no reading: 0 none (every kanji word gets one),
  /// 1–6 the school grades, 7 every 常用漢字.
  int grade = 0;
};

/// A name whose reading is always shown (the site's readings file, a plan's municipality).
struct NameReading {
  std::string word, reading;
  SourcePos pos;
};

struct Chapter {
  std::string number, title;
  std::string slug;  ///< Output file stem, from the chapter file's name.
  std::vector<Block> content;
  std::vector<Section> sections;
  std::optional<AutoFurigana> auto_furigana;  ///< Unset: the plan's.
  bool draft = false;  ///< Shown by keikaku serve, left out by keikaku build.
  SourcePos pos;
  /// text::Fingerprint of the chapter file's name and bytes: two chapters with the same
  /// fingerprint (and place in the plan) are the same. Set only when keikaku serve loads
  /// (with a load::ParseCache), which reuses their pages.
  std::string fingerprint;
};

struct GlossaryEntry {
  std::string term, reading, expansion, mark;
  std::string id;  ///< Anchor on the glossary page.
  std::vector<std::string> aliases, related;
  Markdown definition;
  SourcePos pos, reading_pos;
  std::vector<SourcePos> alias_pos, related_pos;  ///< Where each alias and related term is written.
  /// From the site's shared glossary: listed in a plan's glossary only where the plan uses it.
  bool shared = false;
};

/// The headings of a measure's fields, as the town's plan words them.
struct MeasureLabels {
  std::string policy = "基本方針", challenges = "主な課題", direction = "方向性", actions = "主な取組",
              effects = "効果", period = "実施時期", body = "内容", owner = "担当所属",
              related = "関係所属";
};

/// The keys of plan.yaml's measure_labels (the measure fields they name) and their members:
/// the one list the schema and the loader both use.
inline constexpr std::pair<const char*, std::string MeasureLabels::*> kMeasureLabelKeys[] = {
    {"policy", &MeasureLabels::policy},   {"challenges", &MeasureLabels::challenges},
    {"direction", &MeasureLabels::direction}, {"actions", &MeasureLabels::actions},
    {"effects", &MeasureLabels::effects}, {"period", &MeasureLabels::period},
    {"body", &MeasureLabels::body},       {"owner", &MeasureLabels::owner},
    {"related", &MeasureLabels::related},
};

/// Which glossary names in a plan's text become references without [[ ]].
enum class AutoLink {
  kOff,    ///< Only explicit references (the default).
  kFirst,  ///< The first occurrence of each term on each page.
  kEvery,  ///< Every occurrence.
};

struct Plan {
  std::string slug;
  Municipality municipality;
  std::string title, kind, slogan, subtitle, version;
  std::optional<Date> established, revised;
  std::optional<Period> period;
  std::optional<Preface> preface;
  std::optional<Colophon> colophon;
  std::vector<Revision> revisions;  ///< Oldest first (the loader sorts them by date).
  MeasureLabels measure_labels;
  std::vector<Chapter> chapters;
  std::vector<GlossaryEntry> glossary;
  AutoLink auto_link = AutoLink::kOff;
  std::optional<AutoFurigana> auto_furigana;  ///< Unset: the site's.
  bool draft = false;  ///< Shown by keikaku serve, left out by keikaku build.
  SourcePos pos;
  /// Files the text links to (a PDF beside the chapters), by the link as written, with
  /// their size in bytes: published beside the pages (filled in by the build).
  std::map<std::string, std::uintmax_t> attachments;
  /// text::Fingerprint of plan.yaml and of the plan's glossary file (names and bytes):
  /// with the site's own files, what every page of the plan depends on besides its chapters.
  /// Set only when keikaku serve loads (with a load::ParseCache).
  std::string fingerprint;
};

/// The date of the plan's latest revision (its 最終更新日); nothing when it has none.
inline std::optional<Date> LastRevised(const Plan& plan) {
  if (plan.revisions.empty()) return std::nullopt;
  return plan.revisions.back().date;
}

/// Calls `fn` for every block of the plan (chapters and all nested sections), in order.
template <typename Fn>
void ForEachBlock(const Plan& plan, Fn&& fn) {
  struct Walk {
    Fn& fn;
    void Sections(const std::vector<Section>& sections) {
      for (const Section& s : sections) {
        for (const Block& b : s.content) fn(b);
        Sections(s.sections);
      }
    }
  } walk{fn};
  for (const Chapter& c : plan.chapters) {
    for (const Block& b : c.content) fn(b);
    walk.Sections(c.sections);
  }
}

/// Calls `fn` for every Markdown text of the plan: the preface, the period's note, every
/// block's (bodies, descriptions, cells, notes, measure fields) and the glossary's.
template <typename Fn>
void ForEachMarkdown(const Plan& plan, Fn&& fn) {
  auto visit = [&fn](const Markdown& md) {
    if (!md.empty()) fn(md);
  };
  if (plan.preface) visit(plan.preface->body);
  if (plan.period) visit(plan.period->note);
  ForEachBlock(plan, [&](const Block& block) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, Markdown>) {
            visit(b);
          } else if constexpr (std::is_same_v<T, Figure>) {
            visit(b.description);
          } else if constexpr (std::is_same_v<T, Table>) {
            for (const auto& row : b.rows) {
              for (const TableCell& cell : row) visit(cell.text);
            }
            visit(b.note);
          } else if constexpr (std::is_same_v<T, Callout>) {
            visit(b.body);
          } else if constexpr (std::is_same_v<T, MeasureList>) {
            for (const Measure& m : b.items) {
              for (const Markdown* md : {&m.challenges, &m.direction, &m.actions, &m.effects, &m.period, &m.body}) {
                visit(*md);
              }
            }
          } else if constexpr (std::is_same_v<T, Schedule> || std::is_same_v<T, Organization>) {
            visit(b.note);
          } else if constexpr (std::is_same_v<T, References>) {
            for (const Reference& r : b.items) visit(r.note);
          }
        },
        block);
  });
  for (const GlossaryEntry& e : plan.glossary) visit(e.definition);
}

/// What the accessibility test suite found (tests/browser/pages.test.mjs writes it).
struct AccessibilityResults {
  struct Check {
    std::string name;
    int pages = 0, failures = 0;
  };
  text::Date date;
  std::vector<std::string> pages;
  std::vector<std::pair<std::string, std::string>> tools;  ///< Name, version.
  std::vector<Check> checks;
};

/// The ウェブアクセシビリティ方針 page.
struct Accessibility {
  std::string target = "JIS X 8341-3:2016 の適合レベル AA に準拠";
  std::string exceptions, contact;
  std::optional<AccessibilityResults> results;
};

/// The license the site's open data (each plan's data/ files) is published under.
struct DataLicense {
  std::string name, url;  ///< "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.ja".
};

struct Site {
  std::string title, description, base_path, base_url;
  std::optional<DataLicense> data_license;  ///< Unset: the data files name no license.
  /// The shared glossary (site.yaml's glossary); each plan holds copies of the entries it
  /// does not override.
  std::vector<GlossaryEntry> glossary;
  std::vector<Plan> plans;
  /// Whether readings are shown before a reader uses the ふりがな switch.
  bool furigana_shown = true;
  AutoFurigana auto_furigana;
  /// The readings file: names read out wherever they appear.
  std::vector<NameReading> readings;
  Accessibility accessibility;
};

/// The latest revision of any plan of `site`: the 最終更新日 of the site's own pages.
inline std::optional<Date> LastRevised(const Site& site) {
  std::optional<Date> last;
  for (const Plan& plan : site.plans) {
    std::optional<Date> d = LastRevised(plan);
    if (d && (!last || *last < *d)) last = d;
  }
  return last;
}

}  // namespace keikaku::model

#endif  // KEIKAKU_MODEL_MODEL_H_
