#include "load/loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "io/file.h"
#include "parallel/parallel.h"
#include "lint/text_rules.h"
#include "load/fast_yaml.h"
#include "load/scalar_map.h"
#include "load/validate.h"
#include "load/yaml_doctor.h"
#include "markdown/markdown.h"
#include "text/hash.h"
#include "text/kana.h"
#include "text/utf8.h"

namespace keikaku::load {

namespace fs = std::filesystem;
using diag::SourcePos;

namespace {

// yaml-cpp's English parser messages, in words an editor can act on.
std::string TranslateYamlError(const std::string& msg, std::string* hint) {
  struct Entry {
    const char* en;
    const char* ja;
    const char* hint;
  };
  static const Entry kEntries[] = {
      {"illegal map value", "ここに「キー: 値」は書けません。",
       "インデント（行頭のスペースの数）と、値の中のコロン「: 」を確かめてください。コロンを含む値は \"…\" で囲みます。"},
      {"illegal block entry", "ここにリストの項目「- 」は書けません。",
       "インデントを前の行とそろえてください。"},
      {"end of map not found", "字下げがそろっていません（キーの並びの途中で字下げが変わっています）。",
       "同じまとまりのキーは、同じ数の半角スペースで字下げしてください。"},
      {"end of sequence not found", "字下げがそろっていません（リストの途中で字下げが変わっています）。",
       "同じリストの「- 」は、同じ数の半角スペースで字下げしてください。"},
      {"end of map flow not found", "マップの終わり「}」が見つかりません。", "{ と } の対応を確かめてください。"},
      {"end of sequence flow not found", "リストの終わり「]」が見つかりません。", "[ と ] の対応を確かめてください。"},
      {"end of string not found", "文字列の終わりの引用符が見つかりません。", "\" や ' を閉じてください。"},
      {"unknown token", "読めない記号があります。", "値が記号で始まる場合は \"…\" で囲んでください。"},
      {"the referenced anchor is not defined", "参照しているアンカー（*名前）が定義されていません。",
       "&名前 で定義してから *名前 で参照してください。"},
      {"unexpected end of", "ファイルが途中で終わっています。", "閉じていない括弧や引用符がないか確かめてください。"},
  };
  for (const Entry& e : kEntries) {
    if (msg.find(e.en) != std::string::npos) {
      *hint = e.hint;
      return e.ja;
    }
  }
  *hint = "YAML の書き方を確かめてください（yaml-cpp: " + msg + "）。";
  return "YAML として読めません。";
}

// Reports tabs in indentation, which YAML forbids and editors cannot see.
bool CheckIndentation(const std::string& file, const std::string& text, diag::Diagnostics& diags) {
  bool ok = true;
  int line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    for (std::size_t i = start; i < end && (text[i] == ' ' || text[i] == '\t'); ++i) {
      if (text[i] == '\t') {
        diags.Error({file, line, static_cast<int>(i - start) + 1}, "yaml.tab",
                    "インデントにタブ文字が使われています。",
                    "YAML ではインデントにタブを使えません。スペースに置き換えてください。");
        ok = false;
        break;
      }
    }
    start = end + 1;
    ++line;
  }
  return ok;
}

// "UTF-16" or "UTF-32" for a file saved in one of them (a byte order mark, or NUL bytes,
// which UTF-8 text never holds; ASCII-only UTF-16 is valid UTF-8 otherwise), or null.
const char* WideEncoding(std::string_view text) {
  using namespace std::string_view_literals;
  auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv)) return "UTF-32";
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
  if (text.find('\0') == std::string_view::npos) return nullptr;
  // UTF-32 spends four bytes on each character, the high two 0 for any below U+10000.
  bool utf32 = text.size() % 4 == 0 && ((text[0] == 0 && text[1] == 0) || (text[2] == 0 && text[3] == 0));
  return utf32 ? "UTF-32" : "UTF-16";
}

bool CheckEncoding(const std::string& file, const std::string& text, diag::Diagnostics& diags) {
  if (const char* encoding = WideEncoding(text)) {
    diags.Error({file, 1, 1}, "encoding.utf8", std::string("このファイルは ") + encoding + " で保存されています。",
                std::string("ファイルを UTF-8 で保存し直してください（") + encoding + " や Shift_JIS などは使えません）。");
    return false;
  }
  std::size_t bad = 0;
  if (text::IsValidUtf8(text, &bad)) return true;
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
  std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
  line_start = line_start == std::string::npos || bad == 0 ? 0 : line_start + 1;
  int column = 1 + static_cast<int>(text::CodepointCount(
                       std::string_view(text).substr(line_start, bad - line_start)));
  diags.Error({file, line, column}, "encoding.utf8", "UTF-8 として読めない文字があります。",
              "ファイルを UTF-8 で保存し直してください（Shift_JIS などは使えません）。");
  return false;
}

// furigana: auto: of a site, plan or chapter; nullopt when not written.
std::optional<model::AutoFurigana> AutoFuriganaOf(NodeView n) {
  const NodeView setting = n.Child("furigana").Child("auto");
  if (!setting.IsScalar()) return std::nullopt;
  const std::string level = setting.Scalar();
  if (level == "off") return model::AutoFurigana{};
  if (level == "all") return model::AutoFurigana{true, 0};
  if (level == "joyo") return model::AutoFurigana{true, 7};
  return model::AutoFurigana{true, std::stoi(level)};
}

// Reads model values from YAML that Validate() has accepted.
class Reader {
 public:
  Reader(const std::string& file, const std::string& text) : positions_(file, text) {}

  std::string Str(NodeView n, const char* key) const {
    NodeView v = n.Child(key);
    return v && v.IsScalar() ? v.Scalar() : std::string();
  }
  bool Bool(NodeView n, const char* key) const { return Str(n, key) == "true"; }
  int Int(NodeView n, const char* key, int fallback) const {
    std::string s = Str(n, key);
    return s.empty() ? fallback : std::stoi(s);
  }
  std::optional<int> Fiscal(NodeView n, const char* key) const {
    std::string s = Str(n, key);
    if (s.empty()) return std::nullopt;
    return text::ParseFiscalYear(s);
  }
  std::optional<text::Date> OptDate(NodeView n, const char* key) const {
    std::string s = Str(n, key);
    if (s.empty()) return std::nullopt;
    return text::ParseDate(s);
  }
  std::vector<std::string> Strings(NodeView n, const char* key) const {
    std::vector<std::string> out;
    NodeView v = n.Child(key);
    if (v && v.IsSequence()) {
      for (NodeView item : v) out.push_back(item.Scalar());
    }
    return out;
  }
  model::Markdown Md(NodeView n, const char* key) const {
    NodeView v = n.Child(key);
    return v ? MdOf(v) : model::Markdown{};
  }
  model::Markdown MdOf(NodeView v) const {
    model::Markdown md;
    if (!v.IsScalar()) return md;
    md.text = v.Scalar();
    md.pos = positions_.At(v.Mark());
    md.anchors = MapScalar(positions_.text(), v.Mark(), md.text);
    return md;
  }
  SourcePos Pos(NodeView n) const { return positions_.At(n.Mark()); }
  /// Where the value of `key` is written, or where `n` is when it has none.
  SourcePos PosOf(NodeView n, const char* key) const {
    NodeView v = n.Child(key);
    return v ? Pos(v) : Pos(n);
  }
  /// Where each item of the list `key` is written (as Strings() reads them).
  std::vector<SourcePos> Positions(NodeView n, const char* key) const {
    std::vector<SourcePos> out;
    NodeView v = n.Child(key);
    if (v && v.IsSequence()) {
      for (NodeView item : v) out.push_back(Pos(item));
    }
    return out;
  }

 private:
  PositionMap positions_;
};

// The text rules (lint/text_rules.h) on every value a resident reads, at the finding's
// place in the file.
void LintTexts(const Reader& r, const std::vector<NodeView>& texts, diag::Diagnostics& diags) {
  for (NodeView node : texts) {
    std::vector<lint::Finding> findings = lint::CheckText(node.Scalar());
    if (findings.empty()) continue;
    model::Markdown md = r.MdOf(node);
    for (const lint::Finding& f : findings) {
      diags.Warning(markdown::PositionIn(md, f.offset), f.rule, f.message, f.hint);
    }
  }
}

std::vector<model::Block> BuildBlocks(const Reader& r, NodeView list);

model::Figure BuildFigure(const Reader& r, NodeView n) {
  model::Figure f;
  f.number = r.Str(n, "number");
  f.caption = r.Str(n, "caption");
  f.image = r.Str(n, "image");
  f.alt = r.Str(n, "alt");
  f.source = r.Str(n, "source");
  f.description = r.Md(n, "description");
  f.pos = r.Pos(n);
  f.image_pos = r.PosOf(n, "image");
  return f;
}

model::Table BuildTable(const Reader& r, NodeView n) {
  model::Table t;
  t.number = r.Str(n, "number");
  t.caption = r.Str(n, "caption");
  t.source = r.Str(n, "source");
  t.header = r.Strings(n, "header");
  t.row_header = r.Bool(n, "row_header");
  t.note = r.Md(n, "note");
  t.pos = r.Pos(n);
  for (NodeView row : n.Child("rows")) {
    std::vector<model::TableCell> cells;
    for (NodeView c : row) {
      model::TableCell cell;
      if (c.IsScalar()) {
        cell.text = r.MdOf(c);
      } else {
        cell.text = r.Md(c, "text");
        cell.rowspan = r.Int(c, "rowspan", 1);
        cell.colspan = r.Int(c, "colspan", 1);
      }
      cells.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

model::MeasureList BuildMeasures(const Reader& r, NodeView list) {
  model::MeasureList out;
  for (NodeView n : list) {
    model::Measure m;
    m.id = r.Str(n, "id");
    m.id_pos = r.PosOf(n, "id");
    m.number = r.Str(n, "number");
    m.title = r.Str(n, "title");
    m.policy = r.Str(n, "policy");
    m.owner = r.Str(n, "owner");
    m.priority = r.Bool(n, "priority");
    m.challenges = r.Md(n, "challenges");
    m.direction = r.Md(n, "direction");
    m.actions = r.Md(n, "actions");
    m.effects = r.Md(n, "effects");
    m.period = r.Md(n, "period");
    m.body = r.Md(n, "body");
    m.related = r.Strings(n, "related");
    for (NodeView t : n.Child("targets")) m.targets.push_back({r.Str(t, "label"), r.Str(t, "value")});
    out.items.push_back(std::move(m));
  }
  return out;
}

std::vector<model::ScheduleRow> BuildScheduleRows(const Reader& r, NodeView list) {
  std::vector<model::ScheduleRow> rows;
  if (!list) return rows;
  for (NodeView n : list) {
    model::ScheduleRow row;
    row.item = r.Str(n, "item");
    row.text = r.Str(n, "text");
    row.from = r.Fiscal(n, "from");
    row.to = r.Fiscal(n, "to");
    row.continues = r.Bool(n, "continues");
    for (NodeView m : n.Child("milestones")) {
      row.milestones.push_back({r.Fiscal(m, "when").value_or(0), r.Str(m, "label")});
    }
    row.measure = r.Str(n, "measure");
    row.measure_pos = r.PosOf(n, "measure");
    row.rows = BuildScheduleRows(r, n.Child("rows"));
    row.item_pos = r.Pos(n.Child("item"));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<model::Unit> BuildUnits(const Reader& r, NodeView list) {
  std::vector<model::Unit> units;
  if (!list) return units;
  for (NodeView n : list) {
    units.push_back({r.Str(n, "name"), r.Str(n, "description"), BuildUnits(r, n.Child("units"))});
  }
  return units;
}

model::Block BuildBlock(const Reader& r, NodeView n) {
  if (n.IsScalar()) return r.MdOf(n);
  if (NodeView v = n.Child("figure")) return BuildFigure(r, v);
  if (NodeView v = n.Child("table")) return BuildTable(r, v);
  if (NodeView v = n.Child("callout")) return model::Callout{r.Str(v, "title"), r.Md(v, "body")};
  if (NodeView v = n.Child("measures")) return BuildMeasures(r, v);
  if (NodeView v = n.Child("schedule")) {
    model::Schedule s;
    s.caption = r.Str(v, "caption");
    s.from = r.Fiscal(v, "from").value_or(0);
    s.to = r.Fiscal(v, "to").value_or(0);
    s.rows = BuildScheduleRows(r, v.Child("rows"));
    if (v.Child("item_label")) s.item_label = r.Str(v, "item_label");
    if (v.Child("when_label")) s.when_label = r.Str(v, "when_label");
    s.note = r.Md(v, "note");
    return s;
  }
  if (NodeView v = n.Child("organization")) {
    model::Organization o;
    o.caption = r.Str(v, "caption");
    for (NodeView x : v.Child("roles")) {
      o.roles.push_back({r.Str(x, "function"), r.Str(x, "assignee"), r.Str(x, "role")});
    }
    o.units = BuildUnits(r, v.Child("units"));
    o.note = r.Md(v, "note");
    return o;
  }
  if (NodeView v = n.Child("statistics")) {
    model::Statistics s;
    s.caption = r.Str(v, "caption");
    s.unit = r.Str(v, "unit");
    s.chart = r.Str(v, "chart").empty() ? "bar" : r.Str(v, "chart");
    s.source = r.Str(v, "source");
    s.categories = r.Strings(v, "categories");
    for (NodeView x : v.Child("series")) {
      model::Series series{r.Str(x, "name"), {}};
      for (NodeView value : x.Child("values")) series.values.push_back(std::stod(value.Scalar()));
      s.series.push_back(std::move(series));
    }
    return s;
  }
  if (NodeView v = n.Child("references")) {
    model::References refs;
    refs.caption = r.Str(v, "caption");
    for (NodeView x : v.Child("items")) {
      refs.items.push_back(
          {r.Str(x, "title"), r.Str(x, "issuer"), r.Str(x, "url"), r.OptDate(x, "date"), r.Md(x, "note")});
    }
    return refs;
  }
  model::TermBox box;
  box.terms = r.Strings(n, "terms");
  box.term_pos = r.Positions(n, "terms");
  return box;
}

std::vector<model::Block> BuildBlocks(const Reader& r, NodeView list) {
  std::vector<model::Block> blocks;
  if (!list) return blocks;
  for (NodeView n : list) blocks.push_back(BuildBlock(r, n));
  return blocks;
}

std::vector<model::Section> BuildSections(const Reader& r, NodeView list) {
  std::vector<model::Section> sections;
  if (!list) return sections;
  for (NodeView n : list) {
    model::Section s;
    s.number = r.Str(n, "number");
    s.title = r.Str(n, "title");
    s.measure = r.Bool(n, "measure");
    s.content = BuildBlocks(r, n.Child("content"));
    s.sections = BuildSections(r, n.Child("sections"));
    sections.push_back(std::move(s));
  }
  return sections;
}

// Measure ids are anchors: lowercase letters, digits and hyphens, unique within the plan
// and unlike the anchors keikaku assigns. Each schedule item's `measure` names one of them,
// its milestones fall within the schedule's years, and an item that continues has a start.
bool CheckMeasuresAndSchedules(const model::Plan& plan, diag::Diagnostics& diags) {
  bool ok = true;
  std::map<std::string, const model::Measure*> ids;
  model::ForEachBlock(plan, [&](const model::Block& block) {
    const auto* list = std::get_if<model::MeasureList>(&block);
    if (!list) return;
    for (const model::Measure& m : list->items) {
      if (m.id.empty()) continue;
      bool well_formed = std::all_of(m.id.begin(), m.id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
      if (!well_formed || !(m.id[0] >= 'a' && m.id[0] <= 'z') || m.id.rfind("sec-", 0) == 0 ||
          m.id.rfind("ch-", 0) == 0 || m.id.rfind("term-", 0) == 0 || m.id.rfind("ref-", 0) == 0) {
        diags.Error(m.id_pos, "content.measure-id", "施策の id「" + m.id + "」は使えません。",
                    "英小文字で始め、英小文字・数字・ハイフンだけで書いてください（例: smart-industry）。"
                    "sec-、ch-、term-、ref- で始まる名前は keikaku が使います。");
        ok = false;
      } else if (auto [it, fresh] = ids.emplace(m.id, &m); !fresh) {
        diags.Error(m.id_pos, "content.measure-id",
                    "施策の id「" + m.id + "」は、施策「" + it->second->number + " " + it->second->title + "」（" +
                        it->second->id_pos.file + ":" + std::to_string(it->second->id_pos.line) + "）と同じです。",
                    "id は計画の中で施策ごとに別の名前にしてください。");
        ok = false;
      }
    }
  });
  std::vector<std::string> known;
  for (const auto& [id, m] : ids) known.push_back(id);
  std::function<void(const model::Schedule&, const std::vector<model::ScheduleRow>&)> rows =
      [&](const model::Schedule& s, const std::vector<model::ScheduleRow>& list) {
        for (const model::ScheduleRow& row : list) {
          if (!row.measure.empty() && !ids.count(row.measure)) {
            std::string guess = diag::DidYouMean(row.measure, known);
            diags.Error(row.measure_pos, "ref.measure", "施策の id「" + row.measure + "」はこの計画にありません。",
                        !guess.empty() ? "「" + guess + "」のことですか？"
                                       : "施策（measures）の項目に id: を書き、同じ名前をここに書いてください。");
            ok = false;
          }
          if (row.continues && !row.from) {
            diags.Error(row.item_pos, "schema.required",
                        "項目「" + row.item + "」に continues: true がありますが、始まりの年度（from）がありません。",
                        "年度の欄に続く印を付けるには from: に始まりの年度を書いてください。時期が言葉でしか分からない"
                        "ときは continues を消し、text: に書いてください。");
            ok = false;
          }
          for (const model::Milestone& m : row.milestones) {
            if (m.year >= s.from && m.year <= s.to) continue;
            diags.Error(row.item_pos, "schema.year-order",
                        "項目「" + row.item + "」の節目「" + m.label + "」の年度（" + std::to_string(m.year) +
                            "年度）が、スケジュールの年度（" + std::to_string(s.from) + "～" + std::to_string(s.to) +
                            "年度）の外です。",
                        "節目の when: をスケジュールの from から to までの年度にしてください。");
            ok = false;
          }
          rows(s, row.rows);
        }
      };
  model::ForEachBlock(plan, [&](const model::Block& block) {
    if (const auto* s = std::get_if<model::Schedule>(&block)) rows(*s, s->rows);
  });
  return ok;
}

// Anchors: sec-<chapter>-<i>-<j>…, unique within the plan and stable across builds.
void AssignSectionIds(std::vector<model::Section>& sections, const std::string& prefix) {
  for (std::size_t i = 0; i < sections.size(); ++i) {
    sections[i].id = prefix + "-" + std::to_string(i + 1);
    AssignSectionIds(sections[i].sections, sections[i].id);
  }
}

void AssignGlossaryIds(std::vector<model::GlossaryEntry>& entries) {
  std::set<std::string> used;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string id;
    for (char c : entries[i].term) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) id += c;
      else if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
      else if (c == ' ' || c == '-' || c == '.') id += '-';
      else { id.clear(); break; }
    }
    id = id.empty() ? "term-" + std::to_string(i + 1) : "term-" + id;
    while (!used.insert(id).second) id += "-" + std::to_string(i + 1);
    entries[i].id = id;
  }
}

std::string DisplayName(const fs::path& p) { return p.lexically_normal().generic_string(); }

// A content file larger than this is refused before it is read: a 50 MB chapter would take
// about 20 s and 1.3 GB to build (docs/robustness.md).
constexpr std::uintmax_t kMaxContentBytes = 32u * 1024 * 1024;

// Reads and parses one content file; records its text for excerpts.
// With `missing`, a path that is no regular file is not reported but told there.
std::optional<YamlDoc> LoadFile(const fs::path& path, const schema::Type& type,
                                   SourceTexts& sources, diag::Diagnostics& diags,
                                   std::string** text_out, ParseCache* cache = nullptr, bool* missing = nullptr) {
  std::string name = DisplayName(path);
  std::uintmax_t size = 0;
  io::ReadLimits limits;
  limits.max_bytes = kMaxContentBytes;
  std::optional<std::string> bytes = io::ReadFile(path, limits, &size);
  if (!bytes && size > kMaxContentBytes) {
    diags.Error({name, 0, 0}, "content.too-large",
                "ファイルが大きすぎます（" + std::to_string(size / (1024 * 1024)) + " MB。上限は " +
                    std::to_string(kMaxContentBytes / (1024 * 1024)) + " MB）。",
                "章を複数のファイルに分けてください。計画の1章は、ふつう 1 MB もありません。");
    return std::nullopt;
  }
  if (!bytes && missing && !fs::is_regular_file(path)) {
    *missing = true;
    return std::nullopt;
  }
  if (!bytes) {
    diags.Error({name, 0, 0}, "content.file", "ファイルを読めません。",
                "ファイルがあるか、読み取りの権限があるかを確かめてください。");
    return std::nullopt;
  }
  std::string& stored = sources[name] = std::move(*bytes);
  *text_out = &stored;
  return cache ? cache->Parse(name, stored, type, diags) : ParseContent(name, stored, type, diags);
}

// Loads the file that a setting names (`name`, written at `pos`, a file directly in its
// folder, at `path`): a missing one is reported as the `what` that belongs in `where`.
std::optional<YamlDoc> LoadNamedFile(const fs::path& path, const std::string& name, const SourcePos& pos,
                                        const std::string& what, const std::string& where, const schema::Type& type,
                                        SourceTexts& sources, diag::Diagnostics& diags, std::string** text,
                                        ParseCache* cache = nullptr) {
  if (!fs::is_regular_file(path) || fs::path(name).has_parent_path()) {
    diags.Error(pos, "content.missing-file", what + "「" + name + "」が見つかりません。",
                where + "にファイルを置くか、名前を直してください。");
    return std::nullopt;
  }
  return LoadFile(path, type, sources, diags, text, cache);
}

// Loads glossary file `name` of folder `dir` (named `where` in messages), checked.
std::optional<std::vector<model::GlossaryEntry>> LoadGlossary(const fs::path& dir, const std::string& name,
                                                              const SourcePos& pos, const std::string& where,
                                                              SourceTexts& sources, diag::Diagnostics& diags,
                                                              ParseCache* cache = nullptr) {
  fs::path path = dir / name;
  std::string* text = nullptr;
  auto node = LoadNamedFile(path, name, pos, "用語集のファイル", where, *schema::ContentSchema().glossary, sources, diags,
                            &text, cache);
  if (!node) return std::nullopt;
  std::vector<model::GlossaryEntry> entries = BuildGlossary(node->root(), DisplayName(path), *text);
  if (!load::CheckGlossary(entries, diags)) return std::nullopt;
  return entries;
}

// A file that site.yaml names, beside it in the content folder: parsed and validated.
struct SiteFile {
  YamlDoc doc;
  Reader reader;
};
std::optional<SiteFile> LoadSiteFile(const fs::path& dir, const std::string& name, const SourcePos& pos,
                                     const std::string& what, const schema::Type& type, SourceTexts& sources,
                                     diag::Diagnostics& diags) {
  fs::path path = dir / name;
  std::string* text = nullptr;
  auto node = LoadNamedFile(path, name, pos, what, "コンテンツのフォルダ（site.yaml と同じ場所）", type, sources, diags, &text);
  if (!node) return std::nullopt;
  return SiteFile{*node, Reader(DisplayName(path), *text)};
}

// Loads the accessibility test results file `name` of the content folder.
std::optional<model::AccessibilityResults> LoadA11yResults(const fs::path& dir, const std::string& name,
                                                          const SourcePos& pos, SourceTexts& sources,
                                                          diag::Diagnostics& diags) {
  auto file = LoadSiteFile(dir, name, pos, "アクセシビリティ試験の結果のファイル", *schema::ContentSchema().a11y_results,
                           sources, diags);
  if (!file) return std::nullopt;
  const NodeView node = file->doc.root();
  const Reader& r = file->reader;
  model::AccessibilityResults results;
  results.date = *r.OptDate(node, "date");
  results.pages = r.Strings(node, "pages");
  for (NodeView t : node.Child("tools")) results.tools.emplace_back(r.Str(t, "name"), r.Str(t, "version"));
  for (NodeView c : node.Child("checks")) {
    results.checks.push_back({r.Str(c, "name"), r.Int(c, "pages", 0), r.Int(c, "failures", 0)});
  }
  return results;
}

// Loads the readings file `name` of the content folder, checked: readings in hiragana, each
// name once.
std::optional<std::vector<model::NameReading>> LoadReadings(const fs::path& dir, const std::string& name,
                                                            const SourcePos& pos, SourceTexts& sources,
                                                            diag::Diagnostics& diags) {
  auto file = LoadSiteFile(dir, name, pos, "読みのファイル", *schema::ContentSchema().readings, sources, diags);
  if (!file) return std::nullopt;
  const NodeView node = file->doc.root();
  const Reader& r = file->reader;
  std::vector<model::NameReading> names;
  std::map<std::string, SourcePos> seen;
  bool ok = true;
  for (NodeView x : node.Child("names")) {
    model::NameReading n{r.Str(x, "word"), r.Str(x, "reading"), r.Pos(x)};
    if (!text::IsHiraganaReading(n.reading) || n.reading.empty()) {
      diags.Error(r.Pos(x.Child("reading")), "readings.reading", "「" + n.word + "」のよみ「" + n.reading + "」がひらがなではありません。",
                  "よみはひらがなで書いてください（例: しょうおうちょう）。");
      ok = false;
    }
    auto [it, fresh] = seen.emplace(n.word, n.pos);
    if (!fresh) {
      diags.Error(n.pos, "readings.duplicate", "名前「" + n.word + "」が2回書かれています（" + std::to_string(it->second.line) + "行目にもあります）。",
                  "どちらか一方を消してください。");
      ok = false;
    }
    names.push_back(std::move(n));
  }
  if (!ok) return std::nullopt;
  return names;
}

// Adds to a plan's glossary the entries of the site's shared glossary that it does not
// override: a plan entry with the same term or alias replaces the shared one.
void UseSharedGlossary(std::vector<model::GlossaryEntry>& glossary, const std::vector<model::GlossaryEntry>& shared) {
  std::set<std::string> names;
  for (const model::GlossaryEntry& e : glossary) {
    names.insert(e.term);
    names.insert(e.aliases.begin(), e.aliases.end());
  }
  for (const model::GlossaryEntry& e : shared) {
    bool overridden = names.count(e.term) > 0;
    for (const std::string& a : e.aliases) overridden = overridden || names.count(a) > 0;
    if (overridden) continue;
    glossary.push_back(e);
    glossary.back().shared = true;
  }
  AssignGlossaryIds(glossary);
}

}  // namespace

std::optional<YamlDoc> ParseCache::Parse(const std::string& file, const std::string& text,
                                            const schema::Type& type, diag::Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    entry = files_[file];
  }
  if (!entry || entry->text != text || entry->type != &type) {
    entry = std::make_shared<Entry>();  // parsed outside the lock: other threads go on
    entry->text = text;
    entry->type = &type;
    entry->doc = ParseContent(file, text, type, entry->diags);
    std::lock_guard<std::mutex> lock(mutex_);
    files_[file] = entry;
  }
  diags.Merge(entry->diags);
  // The same document, not a copy. A file belongs to one plan,
  // and a plan loads on one thread, so no two threads read it at once.
  return entry->doc;
}

model::Chapter ParseCache::Chapter(const std::string& file, const std::string& text, const YamlDoc& doc) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // The entry Parse gave `doc` from: the same document, not an equal one.
    if (auto it = files_.find(file); it != files_.end() && it->second->doc && it->second->doc->is(doc)) {
      entry = it->second;
    }
  }
  // Like the node, the entry is read by the one thread that loads the file's plan.
  std::optional<model::Chapter> built;
  std::optional<model::Chapter>& chapter = entry ? entry->chapter : built;
  if (!chapter) {
    chapter = BuildChapter(doc.root(), file, text);
    chapter->fingerprint = text::Fingerprint(file + '\0' + text);
  }
  return *chapter;
}

std::optional<model::Plan> LoadPlan(const fs::path& dir, const std::string& slug,
                                    SourceTexts& sources, diag::Diagnostics& diags, ParseCache* cache) {
  const schema::Schema& schema = schema::ContentSchema();
  std::string* text = nullptr;
  fs::path plan_path = dir / "plan.yaml";
  auto node = LoadFile(plan_path, *schema.plan, sources, diags, &text, cache);
  if (!node) return std::nullopt;
  std::string plan_file = DisplayName(plan_path);
  const NodeView root = node->root();
  model::Plan plan = BuildPlan(root, plan_file, *text);
  plan.slug = slug;
  if (cache) plan.fingerprint = text::Fingerprint(plan_file + '\0' + *text);
  Reader r(plan_file, *text);
  bool ok = true;

  std::set<std::string> referenced = {"plan.yaml"};
  std::set<std::string> slugs;
  for (NodeView entry : root.Child("chapters")) {
    std::string name = entry.Scalar();
    fs::path chapter_path = dir / name;
    std::string stem = fs::path(name).stem().string();
    if (!IsSlug(stem) || fs::path(name).has_parent_path()) {
      diags.Error(r.Pos(entry), "content.file-name",
                  "章のファイル名「" + name + "」は使えません。",
                  "計画フォルダの中のファイルを、半角英数字とハイフンの名前で指定してください（例: chapter-1.yaml）。");
      ok = false;
      continue;
    }
    if (!slugs.insert(stem).second || stem == "index" || stem == "glossary" || stem == "full" ||
        stem == "measures") {
      diags.Error(r.Pos(entry), "content.file-name",
                  "章のファイル名「" + name + "」は、ほかのページと同じ名前になります。",
                  "別の名前にしてください（index, glossary, full, measures は使えません）。");
      ok = false;
      continue;
    }
    // Read first: the file is looked up once, and only a missing one again.
    std::string* chapter_text = nullptr;
    bool missing = false;
    auto chapter_node = LoadFile(chapter_path, *schema.chapter, sources, diags, &chapter_text, cache, &missing);
    if (missing) {
      std::vector<std::string> candidates;
      for (const auto& e : fs::directory_iterator(dir)) candidates.push_back(e.path().filename().string());
      std::sort(candidates.begin(), candidates.end());
      std::string guess = diag::DidYouMean(name, candidates);
      diags.Error(r.Pos(entry), "content.missing-file",
                  "章のファイル「" + name + "」が見つかりません。",
                  guess.empty() ? "計画フォルダにファイルを置くか、名前を直してください。"
                                : "「" + guess + "」のことですか？");
      ok = false;
      continue;
    }
    referenced.insert(name);
    if (!chapter_node) {
      ok = false;
      continue;
    }
    const std::string chapter_file = DisplayName(chapter_path);
    model::Chapter chapter = cache ? cache->Chapter(chapter_file, *chapter_text, *chapter_node)
                                   : BuildChapter(chapter_node->root(), chapter_file, *chapter_text);
    chapter.slug = stem;
    AssignSectionIds(chapter.sections, "sec-" + std::to_string(plan.chapters.size() + 1));
    plan.chapters.push_back(std::move(chapter));
  }

  if (NodeView g = root.Child("glossary")) {
    referenced.insert(g.Scalar());
    if (auto glossary = LoadGlossary(dir, g.Scalar(), r.Pos(g), "計画フォルダ", sources, diags, cache)) {
      plan.glossary = std::move(*glossary);
      if (cache) {
        const std::string glossary_file = DisplayName(dir / g.Scalar());
        plan.fingerprint += text::Fingerprint(glossary_file + '\0' + sources[glossary_file]);
      }
    } else {
      ok = false;
    }
  }

  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    std::string ext = e.path().extension().string();
    if ((ext == ".yaml" || ext == ".yml") && !referenced.count(name)) {
      diags.Warning({DisplayName(e.path()), 0, 0}, "content.unused-file",
                    "このファイルは plan.yaml の chapters にも glossary にも書かれていないため、使われません。",
                    "使うなら plan.yaml の chapters に加えてください。");
    }
  }
  if (!CheckMeasuresAndSchedules(plan, diags)) ok = false;
  if (!ok) return std::nullopt;
  return plan;
}


namespace {

// An absolute http(s) address with a host and nothing that would need escaping in an
// attribute or XML (quotes, brackets, spaces, control characters, backslashes).
bool IsWebAddress(const std::string& u) {
  bool scheme = u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0;
  if (!scheme) return false;
  std::size_t host = u.find("://") + 3;
  if (host >= u.size() || u[host] == '/') return false;
  return std::none_of(u.begin(), u.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' ||
           c == '\\' || c == '`';
  });
}

// False when base_path (which the 404 page puts before its stylesheet, script and links)
// would name another server: "//host/" and "/\host/" do in browsers, which also drop tabs
// and line breaks from a URL ("/<tab>/host/").
bool IsSitePath(const std::string& path) {
  std::string p = path.empty() || path.front() != '/' ? "/" + path : path;
  if (p.rfind("//", 0) == 0) return false;
  return std::none_of(p.begin(), p.end(), [](char c) {
    return c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
}

}  // namespace

bool IsSlug(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
  });
}

// Every term and alias names one entry (error); readings are hiragana, and every term not
// read in Latin letters has one, or the glossary cannot be put in 五十音 order (warnings).
bool CheckGlossary(const std::vector<model::GlossaryEntry>& entries, diag::Diagnostics& diags) {
  bool ok = true;
  std::map<std::string, const model::GlossaryEntry*> names;
  for (const model::GlossaryEntry& e : entries) {
    std::vector<std::string> own = {e.term};
    own.insert(own.end(), e.aliases.begin(), e.aliases.end());
    for (std::size_t i = 0; i < own.size(); ++i) {
      const std::string& name = own[i];
      auto [it, fresh] = names.emplace(name, &e);
      if (fresh || it->second == &e) continue;
      diags.Error(i > 0 && i - 1 < e.alias_pos.size() ? e.alias_pos[i - 1] : e.pos, "glossary.duplicate",
                  "「" + name + "」は用語集の別の用語（" + std::to_string(it->second->pos.line) + "行目の「" +
                      it->second->term + "」）にもあります。",
                  "用語と別名は用語集全体で1回だけ書いてください。");
      ok = false;
    }
    if (!e.reading.empty() && !text::IsHiraganaReading(e.reading)) {
      diags.Warning(e.reading_pos, "glossary.reading", "用語「" + e.term + "」のよみ「" + e.reading + "」がひらがなではありません。",
                    "reading はひらがなで書いてください（五十音順の並びに使います）。");
    } else if (e.reading.empty() && !text::IsLatinLetter(text::FirstCodepoint(e.term))) {
      diags.Warning(e.pos, "glossary.reading", "用語「" + e.term + "」によみがないため、五十音順に並べられません。",
                    "reading: にひらがなでよみを書いてください。");
    }
  }
  return ok;
}

std::optional<YamlDoc> ParseContent(const std::string& file, const std::string& text,
                                       const schema::Type& type, diag::Diagnostics& diags) {
  if (!CheckEncoding(file, text, diags)) return std::nullopt;
  if (!CheckIndentation(file, text, diags)) return std::nullopt;
  // Mistakes that yaml-cpp reports on a later line or not at all; the certain ones are
  // reported whatever yaml-cpp makes of the text, the others explain a yaml-cpp error.
  YamlCheckup checkup = ExamineYaml(text, type);
  auto report = [&](const YamlFinding& f) { diags.Error({file, f.line, f.column}, f.rule, f.message, f.hint); };
  bool certain = false;
  for (const YamlFinding& f : checkup.findings) {
    if (f.certain) report(f);
    certain = certain || f.certain;
  }
  if (certain) return std::nullopt;
  // Flow nesting deeper than yaml-cpp can read is parsed cut (same positions up to the cut):
  // the validator then reports it where it passes its limit, as for any deep nesting.
  const std::string shallow = checkup.cuts.empty() ? std::string() : checkup.Shallow(text);
  const std::string& parsed = checkup.cuts.empty() ? text : shallow;
  PositionMap positions(file, parsed);
  YamlDoc doc;
  bool aliases = true;  // unless libyaml's reading tells there are none
  try {
    // libyaml reads valid YAML into the same tree; yaml-cpp reads what libyaml cannot, and
    // its errors are the ones explained below.
    std::optional<YamlDoc> fast = LoadFast(parsed, &aliases);
    doc = fast ? std::move(*fast) : YamlDoc::FromYamlCpp(YAML::Load(parsed));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp stops at about 500 levels (its message, "bad file", says nothing).
    diags.Error(positions.At(e.mark), "schema.too-deep", "入れ子が深すぎて読めません。",
                "リストやマップの入れ子を浅くしてください（節は4段、全体では64段まで）。");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    if (const YamlFinding* cause = checkup.Explaining(e.mark.line + 1)) {
      report(*cause);
      return std::nullopt;
    }
    std::string hint;
    std::string message = TranslateYamlError(e.msg, &hint);
    diags.Error(positions.At(e.mark), "yaml.syntax", message, hint);
    return std::nullopt;
  }
  const NodeView node = doc.root();
  if (!node || node.IsNull()) {
    diags.Error({file, 1, 1}, "content.empty", "ファイルが空です。", type.doc + "を書いてください。");
    return std::nullopt;
  }
  // Only aliases share nodes: without one, the tree is no larger than the text.
  if (std::optional<YamlFinding> blowup = aliases ? CheckAliasExpansion(node, positions) : std::nullopt) {
    report(*blowup);
    return std::nullopt;
  }
  std::vector<NodeView> texts;
  if (!Validate(node, type, positions, diags, &texts)) return std::nullopt;
  LintTexts(Reader(file, parsed), texts, diags);
  return doc;
}

namespace {

// Orders the revision history oldest first (editors list it either way) and gives each line
// its anchor: the date, with "-2", "-3" for a second and third revision on one date.
void NameRevisions(std::vector<model::Revision>& revisions) {
  std::stable_sort(revisions.begin(), revisions.end(),
                   [](const model::Revision& a, const model::Revision& b) { return a.date < b.date; });
  std::map<std::string, int> seen;
  for (model::Revision& r : revisions) {
    std::string id = "rev-" + text::FormatIso(r.date);
    int n = ++seen[id];
    r.id = n == 1 ? id : id + "-" + std::to_string(n);
  }
}

}  // namespace

model::Plan BuildPlan(NodeView n, const std::string& file, const std::string& text) {
  Reader r(file, text);
  model::Plan p;
  p.pos = {file, 1, 1};
  NodeView m = n.Child("municipality");
  p.municipality = {r.Str(m, "name"), r.Str(m, "reading"), r.Str(m, "prefecture")};
  p.title = r.Str(n, "title");
  p.kind = r.Str(n, "kind");
  p.slogan = r.Str(n, "slogan");
  p.subtitle = r.Str(n, "subtitle");
  p.version = r.Str(n, "version");
  p.established = r.OptDate(n, "established");
  p.revised = r.OptDate(n, "revised");
  if (NodeView v = n.Child("period")) {
    p.period = model::Period{r.Fiscal(v, "from").value_or(0), r.Fiscal(v, "to").value_or(0), r.Md(v, "note")};
  }
  if (NodeView v = n.Child("preface")) {
    std::string title = r.Str(v, "title");
    p.preface = model::Preface{title.empty() ? "はじめに" : title, r.Md(v, "body"), r.OptDate(v, "date"),
                               r.Str(v, "signature")};
  }
  if (NodeView v = n.Child("colophon")) {
    p.colophon = model::Colophon{r.Str(v, "publisher"), r.Str(v, "department"), r.Str(v, "address"),
                                 r.Str(v, "phone"),     r.Str(v, "email"),      r.Str(v, "url")};
  }
  p.auto_furigana = AutoFuriganaOf(n);
  p.draft = r.Bool(n, "draft");
  std::string auto_link = r.Str(n, "auto_link_terms");
  p.auto_link = auto_link == "first" ? model::AutoLink::kFirst
                : auto_link == "every" ? model::AutoLink::kEvery
                                       : model::AutoLink::kOff;
  if (NodeView v = n.Child("measure_labels")) {
    for (const auto& [key, member] : model::kMeasureLabelKeys) {
      if (v.Child(key)) p.measure_labels.*member = r.Str(v, key);
    }
  }
  if (NodeView v = n.Child("revisions")) {
    for (NodeView x : v) {
      p.revisions.push_back({*text::ParseDate(r.Str(x, "date")), r.Str(x, "part"), r.Str(x, "description"), ""});
    }
  } else {
    // The history a plan without one has: when it was made and last revised.
    if (p.established) p.revisions.push_back({*p.established, "", "策定", ""});
    if (p.revised) p.revisions.push_back({*p.revised, "", "改定", ""});
  }
  NameRevisions(p.revisions);
  return p;
}

model::Chapter BuildChapter(NodeView n, const std::string& file, const std::string& text) {
  Reader r(file, text);
  model::Chapter c;
  c.pos = {file, 1, 1};
  c.number = r.Str(n, "number");
  c.title = r.Str(n, "title");
  c.content = BuildBlocks(r, n.Child("content"));
  c.sections = BuildSections(r, n.Child("sections"));
  c.auto_furigana = AutoFuriganaOf(n);
  c.draft = r.Bool(n, "draft");
  return c;
}

std::vector<model::GlossaryEntry> BuildGlossary(NodeView n, const std::string& file,
                                                const std::string& text) {
  Reader r(file, text);
  std::vector<model::GlossaryEntry> entries;
  for (NodeView x : n.Child("terms")) {
    model::GlossaryEntry e;
    e.term = r.Str(x, "term");
    e.reading = r.Str(x, "reading");
    e.expansion = r.Str(x, "expansion");
    e.mark = r.Str(x, "mark");
    e.aliases = r.Strings(x, "aliases");
    e.alias_pos = r.Positions(x, "aliases");
    e.related = r.Strings(x, "related");
    e.related_pos = r.Positions(x, "related");
    e.definition = r.Md(x, "definition");
    e.pos = r.Pos(x);
    e.reading_pos = r.PosOf(x, "reading");
    entries.push_back(std::move(e));
  }
  AssignGlossaryIds(entries);
  return entries;
}

std::optional<model::Site> LoadSite(const fs::path& source_dir, SourceTexts& sources,
                                    diag::Diagnostics& diags, bool include_drafts, int jobs,
                                    const PlanLoader& load_plan) {
  const schema::Schema& schema = schema::ContentSchema();
  fs::path site_path = source_dir / "site.yaml";
  if (!fs::is_regular_file(site_path)) {
    diags.Error({DisplayName(site_path), 0, 0}, "content.missing-file", "サイトの設定ファイルがありません。",
                "コンテンツのフォルダに site.yaml を置いてください（--source でフォルダを指定できます）。");
    return std::nullopt;
  }
  std::string* text = nullptr;
  auto node = LoadFile(site_path, *schema.site, sources, diags, &text);
  model::Site site;
  std::vector<std::string> order;
  std::vector<SourcePos> order_pos;
  if (node) {
    Reader r(DisplayName(site_path), *text);
    const NodeView root = node->root();
    site.title = r.Str(root, "title");
    site.description = r.Str(root, "description");
    site.base_path = r.Str(root, "base_path");
    if (!IsSitePath(site.base_path)) {
      diags.Error(r.PosOf(root, "base_path"), "content.base-path",
                  "base_path「" + site.base_path + "」は、ほかのサーバーを指すため使えません。",
                  "/keikaku/ のように、/ で始まるサーバーの中のパスを書いてください（// で始まるもの、\\ やタブ・改行を含むものは使えません）。");
    }
    site.base_url = r.Str(root, "base_url");
    if (!site.base_url.empty()) {
      // Shared links, canonical URLs and the sitemap start with it: a folder's address.
      const std::string& u = site.base_url;
      if (!IsWebAddress(u) || u.find_first_of("?#") != std::string::npos) {
        diags.Error(r.PosOf(root, "base_url"), "content.base-url", "base_url「" + u + "」は公開URLとして使えません。",
                    "https://www.town.example.jp/keikaku/ のように、https:// で始まるサイトのフォルダのURLを書いてください。");
      } else if (u.back() != '/') {
        site.base_url += '/';
      }
    }
    order = r.Strings(root, "plans");
    if (NodeView plans = root.Child("plans")) {
      for (NodeView p : plans) order_pos.push_back(r.Pos(p));
    }
    if (NodeView g = root.Child("glossary")) {
      if (auto glossary = LoadGlossary(source_dir, g.Scalar(), r.Pos(g), "コンテンツのフォルダ（site.yaml と同じ場所）", sources, diags)) {
        site.glossary = std::move(*glossary);
      }
    }
    if (NodeView f = root.Child("furigana")) {
      site.furigana_shown = r.Str(f, "shown") != "false";
      site.auto_furigana = AutoFuriganaOf(root).value_or(model::AutoFurigana{});
      if (NodeView file = f.Child("readings")) {
        if (auto names = LoadReadings(source_dir, file.Scalar(), r.Pos(file), sources, diags)) {
          site.readings = std::move(*names);
        }
      }
    }
    if (NodeView l = root.Child("data_license")) {
      site.data_license = model::DataLicense{r.Str(l, "name"), r.Str(l, "url")};
      if (!site.data_license->url.empty() && !IsWebAddress(site.data_license->url)) {
        diags.Error(r.PosOf(l, "url"), "content.license-url",
                    "ライセンスの url「" + site.data_license->url + "」はウェブのアドレスとして使えません。",
                    "https://creativecommons.org/licenses/by/4.0/deed.ja のように、https:// で始まるアドレスを書いてください。");
      }
    }
    if (NodeView a = root.Child("accessibility")) {
      if (a.Child("target")) site.accessibility.target = r.Str(a, "target");
      site.accessibility.exceptions = r.Str(a, "exceptions");
      site.accessibility.contact = r.Str(a, "contact");
      if (NodeView file = a.Child("results")) {
        site.accessibility.results = LoadA11yResults(source_dir, file.Scalar(), r.Pos(file), sources, diags);
      }
    }
  }
  if (site.base_path.empty()) site.base_path = "/";
  if (site.base_path.back() != '/') site.base_path += '/';
  if (site.base_path.front() != '/') site.base_path.insert(site.base_path.begin(), '/');

  fs::path plans_dir = source_dir / "plans";
  std::vector<std::string> slugs;
  if (fs::is_directory(plans_dir)) {
    for (const auto& e : fs::directory_iterator(plans_dir)) {
      if (e.is_directory() && e.path().filename().string()[0] != '.') {
        slugs.push_back(e.path().filename().string());
      }
    }
  }
  std::sort(slugs.begin(), slugs.end());
  // Site order first, then the rest by name.
  std::vector<std::string> ordered;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string& s = order[i];
    if (std::find(slugs.begin(), slugs.end(), s) == slugs.end()) {
      std::string guess = diag::DidYouMean(s, slugs);
      diags.Error(order_pos[i], "content.unknown-plan",
                  "site.yaml の plans にある「" + s + "」という計画フォルダがありません。",
                  guess.empty() ? "content/plans/ の下のフォルダ名を書いてください。"
                                : "「" + guess + "」のことですか？");
    } else if (std::find(ordered.begin(), ordered.end(), s) == ordered.end()) {
      ordered.push_back(s);
    }
  }
  for (const std::string& s : slugs) {
    if (std::find(ordered.begin(), ordered.end(), s) == ordered.end()) ordered.push_back(s);
  }
  std::vector<std::string> loadable;
  for (const std::string& slug : ordered) {
    fs::path dir = plans_dir / slug;
    if (!IsSlug(slug)) {
      diags.Error({DisplayName(dir), 0, 0}, "content.file-name", "計画フォルダの名前「" + slug + "」は使えません。",
                  "半角英数字とハイフンの名前にしてください（例: miki-dx-plan）。");
    } else if (slug == "assets") {
      diags.Error({DisplayName(dir), 0, 0}, "content.file-name", "計画フォルダの名前「assets」は使えません。",
                  "別の名前にしてください。");
    } else if (!fs::is_regular_file(dir / "plan.yaml")) {
      diags.Error({DisplayName(dir / "plan.yaml"), 0, 0}, "content.missing-file",
                  "計画フォルダに plan.yaml がありません。", "plan.yaml を置くか、フォルダを消してください。");
    } else {
      loadable.push_back(slug);
    }
  }
  // Plans are loaded on several threads, each into its own part; the parts are joined in
  // the site's order, so the result does not depend on the thread count.
  struct Part {
    std::optional<model::Plan> plan;
    SourceTexts sources;
    diag::Diagnostics diags;
  };
  std::vector<Part> parts(loadable.size());
  parallel::ForEach(loadable.size(), jobs, [&](std::size_t i, int) {
    Part& part = parts[i];
    part.plan = load_plan ? load_plan(plans_dir / loadable[i], loadable[i], part.sources, part.diags)
                          : LoadPlan(plans_dir / loadable[i], loadable[i], part.sources, part.diags);
  });
  for (Part& part : parts) {
    diags.Merge(std::move(part.diags));
    sources.merge(part.sources);
    if (!part.plan) continue;
    model::Plan& plan = *part.plan;
    // Drafts are checked like the rest, then left out; their anchors were numbered with
    // them, so the published pages link the same as the preview.
    if (!include_drafts) {
      if (plan.draft) continue;
      auto& chapters = plan.chapters;
      chapters.erase(std::remove_if(chapters.begin(), chapters.end(), [](const model::Chapter& c) { return c.draft; }),
                     chapters.end());
    }
    UseSharedGlossary(plan.glossary, site.glossary);
    site.plans.push_back(std::move(plan));
  }
  if (diags.has_errors()) return std::nullopt;
  return site;
}

}  // namespace keikaku::load
