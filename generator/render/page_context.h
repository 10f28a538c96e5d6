// What rendering one page needs to know: where the page is, how glossary references link,
// and where to report problems. Internal to render/.
#ifndef KEIKAKU_RENDER_PAGE_CONTEXT_H_
#define KEIKAKU_RENDER_PAGE_CONTEXT_H_

#include <ctemplate/template.h>

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "markdown/markdown.h"
#include "model/model.h"

namespace keikaku::render {

/// Glossary entries of a plan by term and by alias.
using TermIndex = std::map<std::string, const model::GlossaryEntry*>;

class PageContext {
 public:
  PageContext(const model::Plan* plan, const TermIndex* terms, std::string glossary_url,
              diag::Diagnostics& diags)
      : plan_(plan), terms_(terms), glossary_url_(std::move(glossary_url)), diags_(diags) {}

  /// Markdown → HTML, with headings shifted to sit below `level` and glossary links.
  std::string Markdown(const model::Markdown& md, int level, bool unwrap = false);

  /// The link to a glossary entry from this page ("glossary.html#term-dx" or "#term-dx").
  std::string TermHref(const model::GlossaryEntry& e) const { return glossary_url_ + "#" + e.id; }
  const model::GlossaryEntry* FindTerm(const std::string& name) const;

  const model::Plan* plan() const { return plan_; }
  diag::Diagnostics& diags() { return diags_; }

 private:
  const model::Plan* plan_;
  const TermIndex* terms_;
  std::string glossary_url_;
  diag::Diagnostics& diags_;
  int fragments_ = 0;
};

/// Fills `dict` (an include dictionary for blocks.tpl) with `blocks`, inside a section whose
/// heading is at `level`; anchors start with `anchor_base`.
void FillBlocks(ctemplate::TemplateDictionary* dict, const std::vector<model::Block>& blocks,
                int level, const std::string& anchor_base, PageContext& ctx);

/// Adds one SECTION per section (section.tpl, recursive), headings starting at `level`.
void FillSections(ctemplate::TemplateDictionary* dict, const std::vector<model::Section>& sections,
                  int level, PageContext& ctx);

/// Fills an include dictionary for heading.tpl.
void FillHeading(ctemplate::TemplateDictionary* dict, int level, const std::string& id,
                 const std::string& number, const std::string& title);

/// Shows section `name` with {{TEXT}} = value when value is not empty.
void SetOptional(ctemplate::TemplateDictionary* dict, const char* name, const std::string& value);

/// "令和5年度（2023年度）から令和7年度（2025年度）まで".
std::string PeriodText(int from, int to);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_PAGE_CONTEXT_H_
