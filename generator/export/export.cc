// Open data of a plan: plan.json and the CSV files (docs/open-data.md).
#include "export/export.h"

#include <utility>
#include <variant>

#include "markdown/markdown.h"
#include "render/measures.h"
#include "render/page_context.h"
#include "text/date.h"
#include "text/json.h"

namespace keikaku::exports {

namespace {

using text::JsonWriter;

// Text that is not Markdown (titles, names) without its ruby syntax: {漢字|かんじ} → 漢字.
using render::PlainText;

// Where a chapter's page is, relative to the plan's folder.
std::string ChapterUrl(const model::Chapter& c) { return c.slug + ".html"; }

std::string MeasureUrl(const render::MeasureEntry& e) { return ChapterUrl(*e.chapter) + "#" + e.anchor; }

// The plan's own glossary (the shared entries it copies are listed on its page only where
// it uses them, which only the renderer knows; docs/open-data.md).
std::vector<const model::GlossaryEntry*> OwnGlossary(const model::Plan& plan) {
  std::vector<const model::GlossaryEntry*> own;
  for (const model::GlossaryEntry& e : plan.glossary) {
    if (!e.shared) own.push_back(&e);
  }
  return own;
}

// ---- plan.json ----

class PlanJsonWriter {
 public:
  PlanJsonWriter(const model::Plan& plan, const render::MeasureIndex& measures) : plan_(plan), measures_(measures) {}

  std::string Write(const model::Site& site) {
    const model::Plan& p = plan_;
    w_.BeginObject();
    w_.Key("schema").String(kPlanSchemaId);
    w_.Key("schema_version").Int(kPlanSchemaVersion);
    w_.Key("generated_by").String("keikaku");
    w_.Key("license");
    if (site.data_license) {
      w_.BeginObject();
      w_.Key("name").String(site.data_license->name);
      w_.Key("url").String(site.data_license->url);
      w_.EndObject();
    } else {
      w_.Null();
    }
    w_.Key("slug").String(p.slug);
    w_.Key("municipality").BeginObject();
    Str("name", p.municipality.name);
    Str("reading", p.municipality.reading);
    Str("prefecture", p.municipality.prefecture);
    w_.EndObject();
    Str("title", p.title);
    Str("kind", p.kind);
    Str("subtitle", p.subtitle);
    Str("slogan", p.slogan);
    Str("version", p.version);
    Date("established", p.established);
    Date("revised", p.revised);
    w_.Key("period");
    if (p.period) {
      w_.BeginObject();
      FiscalYear("from", p.period->from);
      FiscalYear("to", p.period->to);
      Md("note", p.period->note);
      w_.EndObject();
    } else {
      w_.Null();
    }
    w_.Key("preface");
    if (p.preface) {
      w_.BeginObject();
      Str("title", p.preface->title);
      Md("body", p.preface->body);
      Date("date", p.preface->date);
      Str("signature", p.preface->signature);
      w_.EndObject();
    } else {
      w_.Null();
    }
    w_.Key("colophon");
    if (p.colophon) {
      const model::Colophon& c = *p.colophon;
      w_.BeginObject();
      for (auto [key, value] : {std::pair{"publisher", &c.publisher}, {"department", &c.department},
                                {"address", &c.address}, {"phone", &c.phone}, {"email", &c.email}, {"url", &c.url}}) {
        Str(key, *value);
      }
      w_.EndObject();
    } else {
      w_.Null();
    }
    w_.Key("revisions").BeginArray();
    for (const model::Revision& r : p.revisions) {
      w_.BeginObject();
      Date("date", r.date);
      Str("part", r.part);
      Str("description", r.description);
      w_.EndObject();
    }
    w_.EndArray();
    w_.Key("measure_labels").BeginObject();
    for (const auto& [key, member] : model::kMeasureLabelKeys) Str(key, p.measure_labels.*member);
    w_.EndObject();
    w_.Key("chapters").BeginArray();
    for (std::size_t i = 0; i < p.chapters.size(); ++i) Chapter(p.chapters[i], i);
    w_.EndArray();
    w_.Key("measures").BeginArray();
    for (const render::MeasureEntry& e : measures_.entries()) {
      w_.BeginObject();
      Str("number", e.number());
      Str("title", e.title());
      Str("group", e.group);
      w_.Key("priority").Bool(e.measure && e.measure->priority);
      Str("anchor", e.anchor);
      Str("url", MeasureUrl(e));
      w_.EndObject();
    }
    w_.EndArray();
    w_.Key("glossary").BeginArray();
    for (const model::GlossaryEntry* e : OwnGlossary(p)) {
      w_.BeginObject();
      Str("term", e->term);
      Str("reading", e->reading);
      Strings("aliases", e->aliases);
      Str("expansion", e->expansion);
      Str("mark", e->mark);
      Md("definition", e->definition);
      Strings("related", e->related);
      Str("anchor", e->id);
      Str("url", "glossary.html#" + e->id);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
    return w_.Take();
  }

 private:
  void Str(const char* key, std::string_view value) { w_.Key(key).String(value); }
  void Md(const char* key, const model::Markdown& md) { w_.Key(key).String(md.text); }
  void Strings(const char* key, const std::vector<std::string>& values) {
    w_.Key(key).BeginArray();
    for (const std::string& v : values) w_.String(v);
    w_.EndArray();
  }
  void Date(const char* key, const text::Date& d) {
    w_.Key(key).BeginObject();
    Str("iso", text::FormatIso(d));
    Str("wareki", text::FormatWareki(d));
    w_.EndObject();
  }
  void Date(const char* key, const std::optional<text::Date>& d) {
    if (d) {
      Date(key, *d);
    } else {
      w_.Key(key).Null();
    }
  }
  // A fiscal year as "from": 2023 and "from_wareki": "令和5年度".
  void FiscalYear(const std::string& key, std::optional<int> year) {
    if (!year) {
      w_.Key(key).Null();
      w_.Key(key + "_wareki").Null();
      return;
    }
    w_.Key(key).Int(*year);
    w_.Key(key + "_wareki").String(text::FormatFiscalWareki(*year));
  }

  void Chapter(const model::Chapter& c, std::size_t i) {
    w_.BeginObject();
    Str("number", c.number);
    Str("title", c.title);
    Str("slug", c.slug);
    Str("url", ChapterUrl(c));
    page_ = ChapterUrl(c);
    Blocks(c.content, "ch-" + std::to_string(i + 1));
    Sections(c.sections);
    w_.EndObject();
  }

  void Sections(const std::vector<model::Section>& sections) {
    w_.Key("sections").BeginArray();
    for (const model::Section& s : sections) {
      w_.BeginObject();
      Str("number", s.number);
      Str("title", s.title);
      Str("anchor", s.id);
      Str("url", page_ + "#" + s.id);
      w_.Key("measure").Bool(s.measure);
      Blocks(s.content, s.id);
      Sections(s.sections);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Blocks(const std::vector<model::Block>& blocks, const std::string& base) {
    w_.Key("blocks").BeginArray();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      w_.BeginObject();
      std::visit([&](const auto& b) { Block(b, render::BlockAnchor(base, i)); }, blocks[i]);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Block(const model::Markdown& md, const std::string&) {
    Str("type", "markdown");
    Md("markdown", md);
  }
  void Block(const model::Figure& f, const std::string&) {
    Str("type", "figure");
    Str("number", f.number);
    Str("caption", f.caption);
    Str("image", f.image);
    Str("alt", f.alt);
    Md("description", f.description);
    Str("source", f.source);
  }
  void Block(const model::Table& t, const std::string&) {
    Str("type", "table");
    Str("number", t.number);
    Str("caption", t.caption);
    Strings("header", t.header);
    w_.Key("row_header").Bool(t.row_header);
    w_.Key("rows").BeginArray();
    for (const auto& row : t.rows) {
      w_.BeginArray();
      for (const model::TableCell& cell : row) {
        w_.BeginObject();
        Md("markdown", cell.text);
        w_.Key("rowspan").Int(cell.rowspan);
        w_.Key("colspan").Int(cell.colspan);
        w_.EndObject();
      }
      w_.EndArray();
    }
    w_.EndArray();
    Md("note", t.note);
    Str("source", t.source);
  }
  void Block(const model::Callout& c, const std::string&) {
    Str("type", "callout");
    Str("title", c.title);
    Md("body", c.body);
  }
  void Block(const model::MeasureList& list, const std::string& anchor) {
    Str("type", "measures");
    w_.Key("items").BeginArray();
    for (std::size_t n = 0; n < list.items.size(); ++n) {
      const model::Measure& m = list.items[n];
      w_.BeginObject();
      Str("id", m.id);
      Str("anchor", render::MeasureAnchor(anchor, n, m));
      Str("url", page_ + "#" + render::MeasureAnchor(anchor, n, m));
      Str("number", m.number);
      Str("title", m.title);
      Str("policy", m.policy);
      w_.Key("priority").Bool(m.priority);
      Str("owner", m.owner);
      Strings("related", m.related);
      w_.Key("targets").BeginArray();
      for (const model::Target& t : m.targets) {
        w_.BeginObject();
        Str("label", t.label);
        Str("value", t.value);
        w_.EndObject();
      }
      w_.EndArray();
      Md("challenges", m.challenges);
      Md("direction", m.direction);
      Md("actions", m.actions);
      Md("effects", m.effects);
      Md("period", m.period);
      Md("body", m.body);
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Block(const model::Schedule& s, const std::string&) {
    Str("type", "schedule");
    Str("caption", s.caption);
    Str("item_label", s.item_label);
    Str("when_label", s.when_label);
    FiscalYear("from", s.from);
    FiscalYear("to", s.to);
    ScheduleRows(s.rows);
    Md("note", s.note);
  }
  void ScheduleRows(const std::vector<model::ScheduleRow>& rows) {
    w_.Key("rows").BeginArray();
    for (const model::ScheduleRow& r : rows) {
      w_.BeginObject();
      Str("item", r.item);
      FiscalYear("from", r.from);
      FiscalYear("to", r.to);
      w_.Key("continues").Bool(r.continues);
      Str("text", r.text);
      w_.Key("milestones").BeginArray();
      for (const model::Milestone& m : r.milestones) {
        w_.BeginObject();
        FiscalYear("year", m.year);
        Str("label", m.label);
        w_.EndObject();
      }
      w_.EndArray();
      Str("measure", r.measure);
      const render::MeasureEntry* target = r.measure.empty() ? nullptr : measures_.FindId(r.measure);
      w_.Key("measure_url");
      if (target) {
        w_.String(MeasureUrl(*target));
      } else {
        w_.Null();
      }
      ScheduleRows(r.rows);
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Block(const model::Organization& o, const std::string&) {
    Str("type", "organization");
    Str("caption", o.caption);
    w_.Key("roles").BeginArray();
    for (const model::Role& r : o.roles) {
      w_.BeginObject();
      Str("function", r.function);
      Str("assignee", r.assignee);
      Str("role", r.role);
      w_.EndObject();
    }
    w_.EndArray();
    Units(o.units);
    Md("note", o.note);
  }
  void Units(const std::vector<model::Unit>& units) {
    w_.Key("units").BeginArray();
    for (const model::Unit& u : units) {
      w_.BeginObject();
      Str("name", u.name);
      Str("description", u.description);
      Units(u.units);
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Block(const model::Statistics& s, const std::string&) {
    Str("type", "statistics");
    Str("caption", s.caption);
    Str("unit", s.unit);
    Str("chart", s.chart);
    Str("source", s.source);
    Strings("categories", s.categories);
    w_.Key("series").BeginArray();
    for (const model::Series& series : s.series) {
      w_.BeginObject();
      Str("name", series.name);
      w_.Key("values").BeginArray();
      for (double v : series.values) w_.Number(v);
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Block(const model::References& refs, const std::string&) {
    Str("type", "references");
    Str("caption", refs.caption);
    w_.Key("items").BeginArray();
    for (const model::Reference& r : refs.items) {
      w_.BeginObject();
      Str("title", r.title);
      Str("issuer", r.issuer);
      Date("date", r.date);
      Str("url", r.url);
      Md("note", r.note);
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Block(const model::TermBox& box, const std::string&) {
    Str("type", "terms");
    Strings("terms", box.terms);
  }

  const model::Plan& plan_;
  const render::MeasureIndex& measures_;
  JsonWriter w_;
  std::string page_;  // the current chapter's page
};

// ---- CSV ----

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::string MeasuresCsv(const render::MeasureIndex& measures) {
  std::vector<std::vector<std::string>> rows = {
      {"番号", "施策", "基本方針等", "重点", "担当所属", "関係所属", "実施時期", "目標", "URL"}};
  for (const render::MeasureEntry& e : measures.entries()) {
    const model::Measure* m = e.measure;
    std::vector<std::string> targets, related;
    if (m) {
      for (const model::Target& t : m->targets) targets.push_back(PlainText(t.label) + ": " + PlainText(t.value));
      for (const std::string& r : m->related) related.push_back(PlainText(r));
    }
    rows.push_back({PlainText(e.number()), PlainText(e.title()), PlainText(e.group), m && m->priority ? "重点" : "",
                    m ? PlainText(m->owner) : "", Join(related, "、"), m ? MarkdownPlainText(m->period) : "",
                    Join(targets, "; "), MeasureUrl(e)});
  }
  return Csv(rows);
}

struct ScheduleCsv {
  const render::MeasureIndex& measures;
  std::vector<std::vector<std::string>> rows = {{"スケジュール", "階層", "上位の項目", "項目", "開始年度", "開始年度（和暦）",
                                                 "終了年度", "終了年度（和暦）", "継続", "節目", "時期", "施策ID", "施策URL"}};

  void Rows(const std::string& caption, const std::vector<model::ScheduleRow>& items, int depth,
            const std::string& parent) {
    for (const model::ScheduleRow& r : items) {
      std::vector<std::string> milestones;
      for (const model::Milestone& m : r.milestones) {
        milestones.push_back(text::FormatFiscalBoth(m.year) + ": " + PlainText(m.label));
      }
      const render::MeasureEntry* target = r.measure.empty() ? nullptr : measures.FindId(r.measure);
      auto year = [](std::optional<int> y) { return y ? std::to_string(*y) : std::string(); };
      auto wareki = [](std::optional<int> y) { return y ? text::FormatFiscalWareki(*y) : std::string(); };
      rows.push_back({caption, std::to_string(depth), parent, PlainText(r.item), year(r.from), wareki(r.from), year(r.to),
                      wareki(r.to), r.continues ? "継続" : "", Join(milestones, "; "), text::WithSeireki(PlainText(r.text)),
                      r.measure, target ? MeasureUrl(*target) : ""});
      Rows(caption, r.rows, depth + 1, PlainText(r.item));
    }
  }
};

std::string GlossaryCsv(const std::vector<const model::GlossaryEntry*>& entries) {
  std::vector<std::vector<std::string>> rows = {{"用語", "よみ", "別名", "正式名称", "説明", "URL"}};
  for (const model::GlossaryEntry* e : entries) {
    std::vector<std::string> aliases;
    for (const std::string& a : e->aliases) aliases.push_back(PlainText(a));
    rows.push_back({PlainText(e->term), e->reading, Join(aliases, "、"), e->expansion, MarkdownPlainText(e->definition),
                    "glossary.html#" + e->id});
  }
  return Csv(rows);
}

// The text of HTML `html` that markdown::Render made: tags dropped, ruby readings and text
// only for screen readers skipped, the entities it writes decoded, block ends as line breaks.
std::string HtmlText(std::string_view html) {
  std::string out;
  int skip = 0;  // inside <rt>, <rp> or <span class="vh">
  std::vector<bool> spans;  // per open <span>: whether it is skipped
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      i = end + 1;
      bool closing = !tag.empty() && tag[0] == '/';
      std::string_view name = tag.substr(closing ? 1 : 0);
      name = name.substr(0, name.find_first_of(" \t\n/"));
      if (name == "rt" || name == "rp") {
        skip += closing ? -1 : 1;
      } else if (name == "span") {
        if (closing) {
          if (!spans.empty()) {
            if (spans.back()) --skip;
            spans.pop_back();
          }
        } else {
          bool hidden = tag.find("class=\"vh\"") != std::string_view::npos ||
                        tag.find("class=\"kana-sr\"") != std::string_view::npos;
          spans.push_back(hidden);
          if (hidden) ++skip;
        }
      } else if (skip == 0 && (name == "br" || (closing && (name == "p" || name == "li" || name == "tr" ||
                                                          name == "h1" || name == "h2" || name == "h3" ||
                                                          name == "h4" || name == "h5" || name == "h6" ||
                                                          name == "blockquote" || name == "pre")))) {
        out += '\n';
      } else if (skip == 0 && (name == "td" || name == "th") && closing) {
        out += ' ';
      }
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}};
      bool decoded = false;
      for (const auto& [entity, ch] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          if (skip == 0) out += ch;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    if (skip == 0) out += c;
    ++i;
  }
  // Blank lines and the line ends of the last block dropped.
  std::string text;
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    std::string_view line(out.data() + start, nl - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) {
      if (!text.empty()) text += '\n';
      text += line;
    }
    start = nl + 1;
  }
  return text;
}

}  // namespace

std::string MarkdownPlainText(const model::Markdown& md) {
  if (md.empty()) return "";
  markdown::Options options;
  options.unwrap_paragraph = true;
  // Every glossary reference is taken as known: its words stay, the link is dropped.
  options.term_link = [](const std::string&) { return std::optional<markdown::TermLink>(markdown::TermLink{"#", ""}); };
  diag::Diagnostics scratch;  // the text is checked where the pages render it
  return HtmlText(markdown::Render(md, options, scratch).html);
}

std::string Csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const std::vector<std::string>& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      const std::string& field = row[i];
      if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        continue;
      }
      out += '"';
      for (char c : field) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

std::string PlanJson(const model::Site& site, const model::Plan& plan) {
  render::MeasureIndex measures(plan);
  return PlanJsonWriter(plan, measures).Write(site);
}

std::vector<ExportFile> ExportPlan(const model::Site& site, const model::Plan& plan) {
  render::MeasureIndex measures(plan);
  std::vector<ExportFile> files;
  files.push_back({"data/plan.json", "計画の全体", "JSON", PlanJsonWriter(plan, measures).Write(site)});
  if (!measures.entries().empty()) {
    files.push_back({"data/measures.csv", "施策の一覧", "CSV", MeasuresCsv(measures)});
  }
  ScheduleCsv schedules{measures};
  model::ForEachBlock(plan, [&](const model::Block& block) {
    if (const auto* s = std::get_if<model::Schedule>(&block)) schedules.Rows(PlainText(s->caption), s->rows, 1, "");
  });
  if (schedules.rows.size() > 1) {
    files.push_back({"data/schedules.csv", "スケジュールの一覧", "CSV", Csv(schedules.rows)});
  }
  std::vector<const model::GlossaryEntry*> glossary = OwnGlossary(plan);
  if (!glossary.empty()) files.push_back({"data/glossary.csv", "用語集", "CSV", GlossaryCsv(glossary)});
  return files;
}

}  // namespace keikaku::exports
