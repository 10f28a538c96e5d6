// Where each measure of a plan is published: its page, its anchor and the policy it belongs
// to, for the measures index and for links from schedules. Used by render/ and by export/
// (the open data gives the same anchors).
#ifndef KEIKAKU_RENDER_MEASURES_H_
#define KEIKAKU_RENDER_MEASURES_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace keikaku::render {

/// The anchor of the `i`th (0-based) block under the anchor `base` (a chapter or section).
std::string BlockAnchor(const std::string& base, std::size_t i);
/// The anchor of the `n`th (0-based) measure of the list at `block_anchor`: its own id if
/// the editor gave one.
std::string MeasureAnchor(const std::string& block_anchor, std::size_t n, const model::Measure& m);

/// A measure: an item of a measures list, or a section that describes one (`measure: true`).
struct MeasureEntry {
  const model::Measure* measure = nullptr;  ///< Null for a section.
  const model::Section* section = nullptr;  ///< Null for an item of a list.
  const model::Chapter* chapter = nullptr;
  std::string anchor;
  std::string group;  ///< The measure's policy; else the section (or chapter) holding it.
  const std::string& number() const { return measure ? measure->number : section->number; }
  const std::string& title() const { return measure ? measure->title : section->title; }
};

/// A plan's measures in reading order.
class MeasureIndex {
 public:
  explicit MeasureIndex(const model::Plan& plan);
  const std::vector<MeasureEntry>& entries() const { return entries_; }
  /// The measure with id `id`, or null.
  const MeasureEntry* FindId(const std::string& id) const;
  /// Every id with the chapter and anchor it leads to, as one text: what a page that links
  /// measures by id shows of the others (two indexes with the same key link alike).
  std::string LinksKey() const;

 private:
  std::vector<MeasureEntry> entries_;
  std::map<std::string, std::size_t> ids_;
};

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_MEASURES_H_
