// What rendering one page needs to know: where the page is, how glossary references link,
// and where to report problems. Internal to render/.
#ifndef KEIKAKU_RENDER_PAGE_CONTEXT_H_
#define KEIKAKU_RENDER_PAGE_CONTEXT_H_

#include <ctemplate/template.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "furigana/annotator.h"
#include "markdown/markdown.h"
#include "model/model.h"
#include "render/content_text.h"
#include "render/dictionary.h"
#include "render/measures.h"
#include "render/render_memo.h"

namespace keikaku::render {

/// Glossary entries of a plan by term and by alias.
using TermIndex = std::map<std::string, const model::GlossaryEntry*>;

/// A glossary entry referenced on a page, with the ids of its references in order.
struct TermUse {
  const model::GlossaryEntry* entry;
  std::vector<std::string> ref_ids;
};

class PageContext {
 public:
  /// With a `memo` (keikaku serve), each Markdown fragment is kept there and taken from it
  /// when this page gives it the same answers as when it was rendered; null: always rendered.
  PageContext(const model::Plan* plan, const TermIndex* terms, std::string glossary_url,
              diag::Diagnostics& diags, RenderMemo* memo = nullptr);

  /// From now on references link to the entry in this page's own term list (#term-…) and
  /// get ids that the list links back to; off again, they link to the glossary page.
  void SetTermsOnPage(bool on) { terms_on_page_ = on; }
  /// Links glossary names found in the page's text (not in the term lists), as the plan's
  /// auto_link_terms says; `names` finds them.
  void SetAutoLink(const text::TermMatcher* names, model::AutoLink mode) {
    auto_terms_ = names;
    auto_mode_ = mode;
  }
  /// Readings for the page's Markdown, as for its other text: the names of the annotator
  /// (null: ruby syntax only) and automatic furigana when the grade is set.
  void SetFurigana(const TextStyle& style) {
    annotator_ = style.annotator;
    auto_grade_ = style.auto_grade;
  }
  /// The link of a reference to `name`; records the use when terms are on the page.
  std::optional<markdown::TermLink> LinkTerm(const std::string& name);
  /// The link of a name found in the text, or nullopt if this occurrence stays text.
  std::optional<markdown::TermLink> AutoLinkTerm(const std::string& name);
  /// Entries referenced on this page, in order of first use.
  const std::vector<TermUse>& uses() const { return uses_; }
  /// Records that the page explains `entry` in place (a term box) at #`anchor`.
  void NoteShown(const model::GlossaryEntry* entry, std::string anchor) {
    shown_.push_back({entry, {std::move(anchor)}});
  }
  /// Entries explained in place, each with the one anchor of its explanation.
  const std::vector<TermUse>& shown() const { return shown_; }
  /// Every entry linked from this page, in the text or in definitions.
  const std::set<const model::GlossaryEntry*>& linked() const { return linked_; }

  /// Markdown → HTML, with headings shifted to sit below `level` and glossary links.
  std::string Markdown(const model::Markdown& md, int level, bool unwrap = false);

  /// The link to a glossary entry from this page ("glossary.html#term-dx" or "#term-dx").
  std::string TermHref(const model::GlossaryEntry& e) const { return glossary_url_ + "#" + e.id; }
  const model::GlossaryEntry* FindTerm(const std::string& name) const;

  const model::Plan* plan() const { return plan_; }
  diag::Diagnostics& diags() { return diags_; }

  /// Where the plan's measures are; `one_page`: all of them are on this page (全文).
  void SetMeasures(const MeasureIndex* measures, bool one_page) {
    measures_ = measures;
    measures_one_page_ = one_page;
  }
  /// The link from this page to the measure with id `id` ("chapter-3.html#smart" or
  /// "#smart"), or "" if there is none.
  std::string MeasureHref(const std::string& id) const;

 private:
  const model::Plan* plan_;
  const TermIndex* terms_;
  std::string glossary_url_;
  diag::Diagnostics& diags_;
  std::vector<std::string> names_;  // every term and alias, for suggestions
  bool terms_on_page_ = false;
  const text::TermMatcher* auto_terms_ = nullptr;
  model::AutoLink auto_mode_ = model::AutoLink::kOff;
  furigana::Annotator* annotator_ = nullptr;
  std::optional<int> auto_grade_;
  std::vector<TermUse> uses_, shown_;
  std::set<const model::GlossaryEntry*> linked_;
  int fragments_ = 0;
  const MeasureIndex* measures_ = nullptr;
  bool measures_one_page_ = false;

  // Through the memo: the key of a fragment, and replaying a kept one.
  void MemoKey(const model::Markdown& md, bool unwrap, std::string& key);
  // The fragment's HTML for this page, if the page answers its questions as it was
  // answered or with other glossary links of the same terms; nullopt if not.
  std::optional<std::string> Replay(const RenderMemo::Fragment& fragment, const std::string& id_prefix);
  // `html` with each (old, new) opening tag replaced, in order; nullopt if one is missing.
  static std::optional<std::string> Relink(const std::string& html,
                                           const std::vector<std::pair<std::string, std::string>>& relinked);
  std::optional<std::uintmax_t> AttachmentSize(const std::string& url) const;
  // memo_->Intern of a setting's `key` (the names', an annotator's, a matcher's), made once
  // per object it comes from: the page holds those objects for as long as it lives.
  int SettingsId(const void* source, const std::function<std::string()>& key);
  RenderMemo* memo_ = nullptr;
  std::vector<std::pair<const void*, int>> settings_ids_;
  // What LinkTerm changed since the journal was started, to undo a replay that fails.
  struct Change {
    const model::GlossaryEntry* entry;
    std::optional<std::size_t> use;  // the index in uses_ of the use a reference was added to
    bool new_use, new_link;          // the use, and the entry in linked_, were added by it
  };
  std::optional<std::vector<Change>> journal_;
};

/// Fills `dict` (an include dictionary for blocks.tpl) with `blocks`, inside a section whose
/// heading is at `level`; anchors start with `anchor_base`.
void FillBlocks(Dictionary* dict, const std::vector<model::Block>& blocks,
                int level, const std::string& anchor_base, PageContext& ctx);

/// Adds one SECTION per section (section.tpl, recursive), headings starting at `level`.
void FillSections(Dictionary* dict, const std::vector<model::Section>& sections,
                  int level, PageContext& ctx);

/// Fills an include dictionary for heading.tpl.
void FillHeading(Dictionary* dict, int level, const std::string& id,
                 const std::string& number, const std::string& title);

/// Shows section `name` with {{TEXT}} = value when value is not empty.
void SetOptional(Dictionary* dict, const char* name, const std::string& value);

/// "令和5年度（2023年度）から令和7年度（2025年度）まで".
std::string PeriodText(int from, int to);
/// "第1章 計画の概要", or the title alone.
std::string ChapterLabel(const model::Chapter& c);
std::string SectionLabel(const model::Section& s);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_PAGE_CONTEXT_H_
