// Content blocks and sections → template dictionaries (blocks.tpl, section.tpl, heading.tpl).
#include <algorithm>
#include <cstdint>

#include "render/chart.h"
#include "render/page_context.h"
#include "text/date.h"
#include "text/escape.h"

namespace keikaku::render {

std::string PageContext::Markdown(const model::Markdown& md, int level, bool unwrap) {
  markdown::Options options;
  options.heading_offset = level;
  options.unwrap_paragraph = unwrap;
  options.id_prefix = "f" + std::to_string(++fragments_) + "-";
  // The key's buffer is kept for the thread's next text: looking a text up allocates nothing.
  thread_local std::string key;
  if (memo_) {
    MemoKey(md, unwrap, key);
    if (auto kept = memo_->Find(key, level)) {
      if (std::optional<std::string> html = Replay(*kept, options.id_prefix)) return std::move(*html);
    }
  }
  // Rendered: with a memo, the questions the text asks and the answers are kept with it.
  std::shared_ptr<RenderMemo::Fragment> fragment = memo_ ? std::make_shared<RenderMemo::Fragment>() : nullptr;
  std::vector<RenderMemo::Call>* calls = fragment ? &fragment->calls : nullptr;
  options.term_link = [this, calls](const std::string& name) {
    auto link = LinkTerm(name);
    if (calls) calls->push_back({RenderMemo::Call::Kind::kTerm, name, link, std::nullopt});
    return link;
  };
  options.known_terms = &names_;
  options.annotator = annotator_;
  options.auto_grade = auto_grade_;
  if (plan_ && !plan_->attachments.empty()) {
    options.attachment_size = [this, calls](const std::string& url) {
      std::optional<std::uintmax_t> size = AttachmentSize(url);
      if (calls) calls->push_back({RenderMemo::Call::Kind::kAttachment, url, std::nullopt, size});
      return size;
    };
  }
  if (terms_on_page_ && auto_terms_ && auto_mode_ != model::AutoLink::kOff) {
    options.auto_terms = auto_terms_;
    options.auto_link = [this, calls](const std::string& name) {
      auto link = AutoLinkTerm(name);
      if (calls) calls->push_back({RenderMemo::Call::Kind::kAutoTerm, name, link, std::nullopt});
      return link;
    };
  }
  if (!fragment) return markdown::Render(md, options, diags_).html;
  const furigana::AnnotatorStats before = annotator_ ? annotator_->stats() : furigana::AnnotatorStats{};
  markdown::Fragment rendered = markdown::Render(md, options, fragment->diags);
  fragment->html = std::move(rendered.html);
  if (annotator_) fragment->annotated = annotator_->stats() - before;
  if (rendered.footnotes) fragment->id_prefix = options.id_prefix;  // in footnote ids only
  fragment->headings = rendered.headings;
  diags_.Merge(fragment->diags);
  memo_->Store(key, level, fragment);
  return fragment->html;
}

// Everything a fragment's HTML depends on besides the answers of the page and the heading
// level (RenderMemo::Find): the text and where it is (for findings), the readings and the
// glossary's names.
void PageContext::MemoKey(const model::Markdown& md, bool unwrap, std::string& key) {
  const bool auto_link = terms_on_page_ && auto_terms_ && auto_mode_ != model::AutoLink::kOff;
  const int numbers[] = {unwrap,
                         plan_ && !plan_->attachments.empty(),
                         auto_grade_ ? *auto_grade_ : -1,
                         annotator_ ? SettingsId(annotator_, [this] { return annotator_->key(); }) : -1,
                         SettingsId(&names_,
                                    [this] {
                                      std::string names;
                                      for (const std::string& n : names_) names += n + '\0';
                                      return names;
                                    }),
                         auto_link ? SettingsId(auto_terms_, [this] { return auto_terms_->key(); }) : -1,
                         md.pos.line,
                         md.pos.column,
                         static_cast<int>(md.anchors.size())};
  // Binary, not text: only this process reads it.
  key.clear();
  if (!memo_->across_builds()) {
    // A build's memo lives no longer than the build's model, which does not change: the text
    // is the one at this address, and its place and content need not be spelt out.
    const model::Markdown* text = &md;
    key.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
    key.append(reinterpret_cast<const char*>(&text), sizeof text);
    return;
  }
  key.reserve(sizeof numbers + md.pos.file.size() + md.anchors.size() * 16 + md.text.size() + 2);
  key.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
  key += md.pos.file;
  key += '\0';
  for (const model::SourceAnchor& a : md.anchors) {
    const std::uint64_t offset = a.offset;
    const std::int32_t place[] = {a.line, a.column};
    key.append(reinterpret_cast<const char*>(&offset), sizeof offset);
    key.append(reinterpret_cast<const char*>(place), sizeof place);
  }
  key += '\n';
  key += md.text;
}

int PageContext::SettingsId(const void* source, const std::function<std::string()>& key) {
  for (const auto& [from, id] : settings_ids_) {
    if (from == source) return id;
  }
  const int id = memo_->Intern(key());
  settings_ids_.emplace_back(source, id);
  return id;
}

std::optional<std::uintmax_t> PageContext::AttachmentSize(const std::string& url) const {
  if (!plan_) return std::nullopt;
  auto it = plan_->attachments.find(url);
  if (it == plan_->attachments.end()) return std::nullopt;
  return it->second;
}

// Asks this page the kept fragment's questions again, in order. With the same answers the
// fragment is what rendering would give, and the page has recorded its references; on the
// first other answer, what the replay recorded is undone.
//
// A page answers a fragment's questions with other links than the page it was rendered
// for when it counts references to a term from another start (the full text counts through
// every chapter: ref-…-5 where the chapter page has ref-…-2), or links its terms elsewhere.
// Where every answer is the same or such a link (to the same terms, and no link where there
// was none), the text renders to the same HTML but for those links' opening tags, and only
// those are replaced, in order.
std::optional<std::string> PageContext::Replay(const RenderMemo::Fragment& fragment, const std::string& id_prefix) {
  if (!fragment.id_prefix.empty() && fragment.id_prefix != id_prefix) return std::nullopt;
  journal_.emplace();
  bool same = true, relink = false;
  std::vector<std::optional<markdown::TermLink>> links;  // the page's answers, in order
  for (const RenderMemo::Call& call : fragment.calls) {
    if (call.kind == RenderMemo::Call::Kind::kAttachment) {
      same = AttachmentSize(call.arg) == call.size;
      links.emplace_back();
    } else {
      std::optional<markdown::TermLink> link =
          call.kind == RenderMemo::Call::Kind::kTerm ? LinkTerm(call.arg) : AutoLinkTerm(call.arg);
      same = link.has_value() == call.link.has_value();
      relink = relink || (link && (link->href != call.link->href || link->id != call.link->id));
      links.push_back(std::move(link));
    }
    if (!same) break;
  }
  std::optional<std::string> html;
  if (same && !relink) html = fragment.html;
  if (same && relink) {
    // Every link's tag, changed or not, so that each is found after the one before it.
    std::vector<std::pair<std::string, std::string>> tags;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (links[i]) tags.emplace_back(markdown::TermLinkOpen(*fragment.calls[i].link), markdown::TermLinkOpen(*links[i]));
    }
    html = Relink(fragment.html, tags);
  }
  std::vector<Change> changes = std::move(*journal_);
  journal_.reset();
  if (!html) {
    for (auto c = changes.rbegin(); c != changes.rend(); ++c) {
      if (c->new_link) linked_.erase(c->entry);
      if (!c->use) continue;
      if (c->new_use) {
        uses_.erase(uses_.begin() + static_cast<std::ptrdiff_t>(*c->use));
      } else {
        uses_[*c->use].ref_ids.pop_back();
      }
    }
    return std::nullopt;
  }
  diags_.Merge(fragment.diags);
  if (annotator_) annotator_->Count(fragment.annotated);
  memo_->NoteReused();
  return html;
}

std::optional<std::string> PageContext::Relink(const std::string& html,
                                               const std::vector<std::pair<std::string, std::string>>& relinked) {
  std::string out;
  out.reserve(html.size() + 64);
  std::size_t at = 0;
  for (const auto& [before, after] : relinked) {
    const std::size_t found = html.find(before, at);
    if (found == std::string::npos) return std::nullopt;  // not as expected: render it again
    out.append(html, at, found - at);
    out += after;
    at = found + before.size();
  }
  out.append(html, at, std::string::npos);
  return out;
}

PageContext::PageContext(const model::Plan* plan, const TermIndex* terms, std::string glossary_url,
                         diag::Diagnostics& diags, RenderMemo* memo)
    : plan_(plan), terms_(terms), glossary_url_(std::move(glossary_url)), diags_(diags), memo_(memo) {
  if (terms_) {
    for (const auto& entry : *terms_) names_.push_back(entry.first);
  }
}

std::optional<markdown::TermLink> PageContext::LinkTerm(const std::string& name) {
  const model::GlossaryEntry* e = FindTerm(name);
  if (!e) return std::nullopt;
  const bool new_link = linked_.insert(e).second;
  if (!terms_on_page_) {
    if (journal_) journal_->push_back({e, std::nullopt, false, new_link});
    return markdown::TermLink{TermHref(*e), ""};
  }
  auto use = std::find_if(uses_.begin(), uses_.end(), [e](const TermUse& u) { return u.entry == e; });
  const bool new_use = use == uses_.end();
  if (new_use) use = uses_.insert(uses_.end(), TermUse{e, {}});
  use->ref_ids.push_back("ref-" + e->id + "-" + std::to_string(use->ref_ids.size() + 1));
  if (journal_) journal_->push_back({e, static_cast<std::size_t>(use - uses_.begin()), new_use, new_link});
  return markdown::TermLink{"#" + e->id, use->ref_ids.back()};
}

std::optional<markdown::TermLink> PageContext::AutoLinkTerm(const std::string& name) {
  const model::GlossaryEntry* e = FindTerm(name);
  if (!e) return std::nullopt;
  if (auto_mode_ == model::AutoLink::kFirst &&
      std::any_of(uses_.begin(), uses_.end(), [e](const TermUse& u) { return u.entry == e; })) {
    return std::nullopt;
  }
  return LinkTerm(name);
}

const model::GlossaryEntry* PageContext::FindTerm(const std::string& name) const {
  if (!terms_) return nullptr;
  auto it = terms_->find(name);
  return it == terms_->end() ? nullptr : it->second;
}

void SetOptional(Dictionary* dict, const char* name, const std::string& value) {
  if (!value.empty()) dict->AddSectionDictionary(name)->SetValue("TEXT", value);
}

namespace {

// Shows section `name` with {{LABEL}} and {{TEXT}} when value is not empty.
void SetLabelled(Dictionary* dict, const char* name, const std::string& label,
                 const std::string& value) {
  if (value.empty()) return;
  Dictionary* d = dict->AddSectionDictionary(name);
  d->SetValue("LABEL", label);
  d->SetValue("TEXT", value);
}

}  // namespace

std::string PeriodText(int from, int to) {
  if (from == to) return text::FormatFiscalBoth(from);
  return text::FormatFiscalBoth(from) + "から" + text::FormatFiscalBoth(to) + "まで";
}

std::string ChapterLabel(const model::Chapter& c) { return c.number.empty() ? c.title : c.number + " " + c.title; }
std::string SectionLabel(const model::Section& s) { return s.number.empty() ? s.title : s.number + " " + s.title; }

std::string PageContext::MeasureHref(const std::string& id) const {
  const MeasureEntry* e = measures_ ? measures_->FindId(id) : nullptr;
  if (!e) return "";
  return (measures_one_page_ ? "" : e->chapter->slug + ".html") + "#" + e->anchor;
}

void FillHeading(Dictionary* dict, int level, const std::string& id,
                 const std::string& number, const std::string& title) {
  dict->SetFilename("heading.tpl");
  static const char* kLevels[] = {"H2", "H2", "H2", "H3", "H4", "H5", "H6"};
  Dictionary* h = dict->AddSectionDictionary(kLevels[std::clamp(level, 2, 6)]);
  h->SetValue("ID", id);
  h->SetValue("TITLE", title);
  SetOptional(h, "NUMBER", number);
}

namespace {

std::string JoinStrings(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

void AppendUnits(std::string& html, const std::vector<model::Unit>& units) {
  html += "<ul class=\"units\">\n";
  for (const model::Unit& u : units) {
    html += "<li><span class=\"unit-name\">";
    text::AppendEscapedHtml(html, u.name);
    html += "</span>";
    if (!u.description.empty()) {
      html += "<span class=\"unit-description\">：";
      text::AppendEscapedHtml(html, u.description);
      html += "</span>";
    }
    if (!u.units.empty()) AppendUnits(html, u.units);
    html += "</li>\n";
  }
  html += "</ul>\n";
}

struct ScheduleLine {
  const model::ScheduleRow* row;
  int depth;
};

void Flatten(const std::vector<model::ScheduleRow>& rows, int depth, std::vector<ScheduleLine>& out) {
  for (const model::ScheduleRow& r : rows) {
    out.push_back({&r, depth});
    Flatten(r.rows, depth + 1, out);
  }
}

// Fills one BLOCK dictionary; `id` is the block's anchor.
class BlockFiller {
 public:
  BlockFiller(Dictionary* block, int level, std::string id, PageContext& ctx)
      : block_(block), level_(level), id_(std::move(id)), ctx_(ctx) {}

  void operator()(const model::Markdown& md) {
    block_->AddSectionDictionary("MARKDOWN")->SetValue("HTML", ctx_.Markdown(md, level_));
  }

  void operator()(const model::Figure& f) {
    Dictionary* d = block_->AddSectionDictionary("FIGURE");
    d->SetValue("ID", id_);
    d->SetValue("CAPTION", f.caption);
    SetOptional(d, "NUMBER", f.number);
    SetOptional(d, "SOURCE", f.source);
    if (!f.image.empty()) {
      Dictionary* img = d->AddSectionDictionary("IMAGE");
      img->SetValue("SRC", f.image);
      img->SetValue("ALT", f.alt);
    }
    if (!f.description.empty()) {
      d->AddSectionDictionary("DESCRIPTION")->SetValue("HTML", ctx_.Markdown(f.description, level_));
    }
  }

  void operator()(const model::Table& t) {
    Dictionary* d = block_->AddSectionDictionary("TABLE");
    d->SetValue("ID", id_);
    d->SetValue("CAPTION", t.caption);
    SetOptional(d, "NUMBER", t.number);
    SetOptional(d, "SOURCE", t.source);
    if (!t.header.empty()) {
      Dictionary* head = d->AddSectionDictionary("HEAD");
      for (const std::string& h : t.header) head->AddSectionDictionary("TH")->SetValue("TEXT", h);
    }
    // Rows spanned from above take columns: the row header is the cell in the first column,
    // which a row whose first column is still covered by a header above does not have. Only
    // the first column matters (a span the editor wrote as 999999999 must not be tracked
    // column by column).
    int first_covered = 0;  // rows of the first column still taken by a rowspan from above
    for (const auto& row : t.rows) {
      Dictionary* r = d->AddSectionDictionary("ROW");
      const bool first_free = first_covered == 0;
      for (std::size_t i = 0; i < row.size(); ++i) {
        const model::TableCell& cell = row[i];
        bool header = t.row_header && first_free && i == 0;
        if (first_free && i == 0) first_covered = std::max(cell.rowspan, 1);
        Dictionary* c = r->AddSectionDictionary("CELL");
        Dictionary* kind = c->AddSectionDictionary(header ? "TH" : "TD");
        kind->SetValue("HTML", ctx_.Markdown(cell.text, level_, /*unwrap=*/true));
        if (cell.rowspan > 1) kind->AddSectionDictionary("ROWSPAN")->SetIntValue("N", cell.rowspan);
        if (cell.colspan > 1) kind->AddSectionDictionary("COLSPAN")->SetIntValue("N", cell.colspan);
      }
      first_covered = std::max(first_covered - 1, 0);
    }
    if (!t.note.empty()) d->AddSectionDictionary("NOTE")->SetValue("HTML", ctx_.Markdown(t.note, level_));
  }

  void operator()(const model::Callout& c) {
    Dictionary* d = block_->AddSectionDictionary("CALLOUT");
    SetOptional(d, "TITLE", c.title);
    d->SetValue("BODY", ctx_.Markdown(c.body, level_));
  }

  void operator()(const model::MeasureList& list) {
    Dictionary* d = block_->AddSectionDictionary("MEASURES");
    for (std::size_t n = 0; n < list.items.size(); ++n) {
      const model::Measure& m = list.items[n];
      Dictionary* md = d->AddSectionDictionary("MEASURE");
      std::string id = MeasureAnchor(id_, n, m);
      md->SetValue("ID", id);
      FillHeading(md->AddIncludeDictionary("HEADING"), level_ + 1, id + "-h", m.number, m.title);
      if (m.priority) md->ShowSection("PRIORITY");
      const model::MeasureLabels& labels = ctx_.plan()->measure_labels;
      const std::pair<const std::string*, const model::Markdown*> fields[] = {
          {&labels.challenges, &m.challenges}, {&labels.direction, &m.direction},
          {&labels.actions, &m.actions},       {&labels.effects, &m.effects},
          {&labels.period, &m.period},         {&labels.body, &m.body},
      };
      bool body_only = m.policy.empty() && m.owner.empty() && m.related.empty() && m.targets.empty() &&
                       std::all_of(std::begin(fields), std::end(fields) - 1,
                                   [](const auto& f) { return f.second->empty(); });
      if (body_only) {  // plain text under the heading, without a 内容 label
        if (!m.body.empty()) md->AddSectionDictionary("BODY")->SetValue("HTML", ctx_.Markdown(m.body, level_ + 1));
        continue;
      }
      Dictionary* fields_dict = md->AddSectionDictionary("FIELDS");
      SetLabelled(fields_dict, "POLICY", labels.policy, m.policy);
      for (const auto& [label, text] : fields) {
        if (text->empty()) continue;
        Dictionary* f = fields_dict->AddSectionDictionary("FIELD");
        f->SetValue("LABEL", *label);
        f->SetValue("HTML", ctx_.Markdown(*text, level_ + 1));
      }
      SetLabelled(fields_dict, "OWNER", labels.owner, m.owner);
      SetLabelled(fields_dict, "RELATED", labels.related, JoinStrings(m.related, "、"));
      for (const model::Target& t : m.targets) {
        Dictionary* td = fields_dict->AddSectionDictionary("TARGET");
        td->SetValue("LABEL", t.label);
        td->SetValue("VALUE", t.value);
      }
    }
  }

  // Year columns appear only when some row has a span or a milestone, and the time column
  // only when some row has a time: a schedule whose bars were lost shows its items and the
  // years in words. The same rows follow as nested lists, which narrow screens show instead.
  void operator()(const model::Schedule& s) {
    Dictionary* d = block_->AddSectionDictionary("SCHEDULE");
    d->SetValue("ID", id_);
    d->SetValue("CAPTION", s.caption);
    d->SetValue("ITEM_LABEL", s.item_label);
    std::vector<ScheduleLine> lines;
    Flatten(s.rows, 0, lines);
    bool bars = std::any_of(lines.begin(), lines.end(), [](const ScheduleLine& l) {
      return l.row->from.has_value() || !l.row->milestones.empty();
    });
    bool times = bars || std::any_of(lines.begin(), lines.end(), [](const ScheduleLine& l) { return !l.row->text.empty(); });
    // With year columns, an item's time in words goes under its name in the row header, so
    // that a screen reader says it with the item and the years keep their width.
    if (times && !bars) d->AddSectionDictionary("WHEN_HEAD")->SetValue("LABEL", s.when_label);
    if (!bars) d->AddSectionDictionary("PERIOD")->SetValue("TEXT", PeriodText(s.from, s.to));
    for (int y = s.from; bars && y <= s.to; ++y) {
      Dictionary* yd = d->AddSectionDictionary("YEAR");
      yd->SetValue("WAREKI", text::FormatFiscalWareki(y));
      yd->SetValue("SEIREKI", std::to_string(y) + "年度");
    }
    for (const ScheduleLine& line : lines) {
      const model::ScheduleRow& r = *line.row;
      Dictionary* rd = d->AddSectionDictionary("ROW");
      rd->SetIntValue("DEPTH", std::min(line.depth, 2));
      SetItem(rd, r);
      std::string when = ScheduleWhen(s, r);
      if (bars) SetOptional(rd, "WHEN_UNDER", when);
      else if (times) rd->AddSectionDictionary("WHEN_CELL")->SetValue("TEXT", when);
      int from = r.from.value_or(0);
      int to = RowEnd(s, r);
      for (int y = s.from; bars && y <= s.to; ++y) {
        Dictionary* cell = rd->AddSectionDictionary("YEAR");
        bool on = r.from && y >= from && y <= to;
        cell->SetValue("CLASS", on ? "on" : "off");
        if (on) {
          Dictionary* bar = cell->AddSectionDictionary("BAR");
          if (r.continues && y == s.to) bar->ShowSection("MORE");
        }
        for (const model::Milestone& m : r.milestones) {
          if (m.year == y) cell->AddSectionDictionary("MILESTONE")->SetValue("LABEL", m.label);
        }
      }
    }
    std::string list;
    AppendScheduleList(list, s, s.rows);
    d->SetValue("LIST_HTML", list);
    if (!s.note.empty()) d->AddSectionDictionary("NOTE")->SetValue("HTML", ctx_.Markdown(s.note, level_));
  }

  void operator()(const model::Organization& o) {
    Dictionary* d = block_->AddSectionDictionary("ORGANIZATION");
    if (!o.roles.empty()) {
      Dictionary* roles = d->AddSectionDictionary("ROLES");
      roles->SetValue("ID", id_);
      roles->SetValue("CAPTION", o.caption);
      for (const model::Role& r : o.roles) {
        Dictionary* rd = roles->AddSectionDictionary("ROLE");
        rd->SetValue("FUNCTION", r.function);
        rd->SetValue("ASSIGNEE", r.assignee);
        rd->SetValue("ROLE", r.role);
      }
    }
    if (!o.units.empty()) {
      Dictionary* units = d->AddSectionDictionary("UNITS");
      units->SetValue("CAPTION", o.roles.empty() ? o.caption : o.caption + "（組織の構成）");
      std::string html;
      AppendUnits(html, o.units);
      units->SetValue("UNITS_HTML", html);
    }
    if (!o.note.empty()) d->AddSectionDictionary("NOTE")->SetValue("HTML", ctx_.Markdown(o.note, level_));
  }

  void operator()(const model::Statistics& s) {
    Dictionary* d = block_->AddSectionDictionary("STATISTICS");
    d->SetValue("ID", id_);
    // The chart for the eye, drawn now; the table below stays the version to read.
    std::string svg = ChartSvg(s, id_ + "-chart");
    if (!svg.empty()) d->AddSectionDictionary("CHART")->SetValue("SVG", svg);
    d->SetValue("CAPTION", s.caption);
    SetOptional(d, "UNIT", s.unit);
    SetOptional(d, "SOURCE", s.source);
    for (const model::Series& series : s.series) d->AddSectionDictionary("SERIES")->SetValue("NAME", series.name);
    std::vector<std::vector<std::string>> values = ValueLabels(s, 6);
    for (std::size_t i = 0; i < s.categories.size(); ++i) {
      Dictionary* row = d->AddSectionDictionary("ROW");
      row->SetValue("CATEGORY", s.categories[i]);
      for (std::size_t k = 0; k < s.series.size(); ++k) row->AddSectionDictionary("VALUE")->SetValue("TEXT", values[k][i]);
    }
  }

  void operator()(const model::References& refs) {
    Dictionary* d = block_->AddSectionDictionary("REFERENCES");
    SetOptional(d, "CAPTION", refs.caption);
    for (const model::Reference& r : refs.items) {
      Dictionary* item = d->AddSectionDictionary("ITEM");
      item->SetValue("TITLE", r.title);
      std::vector<std::string> meta;
      if (!r.issuer.empty()) meta.push_back(r.issuer);
      if (r.date) meta.push_back(text::FormatDateBoth(*r.date));
      SetOptional(item, "META", JoinStrings(meta, "、"));
      SetOptional(item, "URL", r.url);
      if (!r.note.empty()) item->AddSectionDictionary("NOTE")->SetValue("HTML", ctx_.Markdown(r.note, level_));
    }
  }

  void operator()(const model::TermBox& box) {
    Dictionary* d = block_->AddSectionDictionary("TERMS");
    for (std::size_t i = 0; i < box.terms.size(); ++i) {
      const std::string& name = box.terms[i];
      const model::GlossaryEntry* e = ctx_.FindTerm(name);
      if (!e) {
        ctx_.diags().Error(box.term_pos.at(i), "ref.glossary", "用語集にない用語「" + name + "」が terms に書かれています。",
                           "用語集（glossary.yaml）に用語を加えるか、用語集の用語か別名に直してください。");
        continue;
      }
      Dictionary* t = d->AddSectionDictionary("TERM");
      t->SetValue("ID", id_ + "-" + e->id);
      ctx_.NoteShown(e, id_ + "-" + e->id);
      t->SetValue("TERM", e->term);
      t->SetValue("HREF", ctx_.TermHref(*e));
      SetOptional(t, "EXPANSION", e->expansion);
      t->SetValue("DEFINITION", ctx_.Markdown(e->definition, level_));
    }
  }

 private:
  static int RowEnd(const model::Schedule& s, const model::ScheduleRow& r) {
    int from = r.from.value_or(0);
    return r.to ? *r.to : (r.continues ? s.to : from);
  }

  // The time of a schedule item in words: as written, or from its span and milestones.
  static std::string ScheduleWhen(const model::Schedule& s, const model::ScheduleRow& r) {
    std::string when = text::WithSeireki(r.text);
    if (when.empty() && r.from) when = PeriodText(*r.from, RowEnd(s, r)) + (r.continues ? "（以降も継続）" : "");
    for (const model::Milestone& m : r.milestones) {
      when += (when.empty() ? "" : "。") + text::FormatFiscalBoth(m.year) + "：" + m.label;
    }
    return when;
  }

  // ITEM, with HREF when the item carries out a measure of the plan.
  void SetItem(Dictionary* d, const model::ScheduleRow& r) {
    d->SetValue("ITEM", r.item);
    if (r.measure.empty()) return;
    std::string href = ctx_.MeasureHref(r.measure);
    if (!href.empty()) d->AddSectionDictionary("MEASURE_LINK")->SetValue("HREF", href);
  }

  void AppendScheduleList(std::string& html, const model::Schedule& s, const std::vector<model::ScheduleRow>& rows) {
    html += "<ul>\n";
    for (const model::ScheduleRow& r : rows) {
      html += "<li><span class=\"schedule-item\">";
      std::string href = r.measure.empty() ? std::string() : ctx_.MeasureHref(r.measure);
      if (!href.empty()) {
        html += "<a href=\"";
        text::AppendEscapedHtml(html, href);
        html += "\">";
      }
      text::AppendEscapedHtml(html, r.item);
      if (!href.empty()) html += "</a>";
      html += "</span>";
      std::string when = ScheduleWhen(s, r);
      if (!when.empty()) {
        html += "<span class=\"schedule-when\">";
        text::AppendEscapedHtml(html, when);
        html += "</span>";
      }
      if (!r.rows.empty()) {
        html += "\n";
        AppendScheduleList(html, s, r.rows);
      }
      html += "</li>\n";
    }
    html += "</ul>\n";
  }

  Dictionary* block_;
  int level_;
  std::string id_;
  PageContext& ctx_;
};

}  // namespace

void FillBlocks(Dictionary* dict, const std::vector<model::Block>& blocks, int level,
                const std::string& anchor_base, PageContext& ctx) {
  dict->SetFilename("blocks.tpl");
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    BlockFiller filler(dict->AddSectionDictionary("BLOCK"), level, BlockAnchor(anchor_base, i), ctx);
    std::visit(filler, blocks[i]);
  }
}

void FillSections(Dictionary* dict, const std::vector<model::Section>& sections, int level,
                  PageContext& ctx) {
  for (const model::Section& s : sections) {
    Dictionary* body = dict->AddSectionDictionary("SECTION")->AddIncludeDictionary("SECTION_BODY");
    body->SetFilename("section.tpl");
    body->SetValue("ID", s.id);
    body->SetIntValue("LEVEL", std::min(level, 6));
    FillHeading(body->AddIncludeDictionary("HEADING"), level, s.id, s.number, s.title);
    FillBlocks(body->AddIncludeDictionary("CONTENT"), s.content, level, s.id, ctx);
    FillSections(body, s.sections, level + 1, ctx);
  }
}

}  // namespace keikaku::render
