// Measures of a plan by page and anchor.
#include "render/measures.h"

#include <variant>

#include "render/page_context.h"

namespace keikaku::render {

std::string BlockAnchor(const std::string& base, std::size_t i) { return base + "-b" + std::to_string(i + 1); }

std::string MeasureAnchor(const std::string& block_anchor, std::size_t n, const model::Measure& m) {
  return m.id.empty() ? block_anchor + "-" + std::to_string(n + 1) : m.id;
}

namespace {

struct Collector {
  const model::Chapter* chapter;
  std::vector<MeasureEntry>& out;

  void Blocks(const std::vector<model::Block>& blocks, const std::string& base, const std::string& group) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const auto* list = std::get_if<model::MeasureList>(&blocks[i]);
      if (!list) continue;
      for (std::size_t n = 0; n < list->items.size(); ++n) {
        const model::Measure& m = list->items[n];
        out.push_back({&m, nullptr, chapter, MeasureAnchor(BlockAnchor(base, i), n, m), m.policy.empty() ? group : m.policy});
      }
    }
  }

  void Sections(const std::vector<model::Section>& sections, const std::string& group) {
    for (const model::Section& s : sections) {
      if (s.measure) out.push_back({nullptr, &s, chapter, s.id, group});
      Blocks(s.content, s.id, SectionLabel(s));
      Sections(s.sections, SectionLabel(s));
    }
  }
};

}  // namespace

MeasureIndex::MeasureIndex(const model::Plan& plan) {
  for (std::size_t i = 0; i < plan.chapters.size(); ++i) {
    const model::Chapter& c = plan.chapters[i];
    Collector collect{&c, entries_};
    collect.Blocks(c.content, "ch-" + std::to_string(i + 1), ChapterLabel(c));
    collect.Sections(c.sections, ChapterLabel(c));
  }
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].measure && !entries_[i].measure->id.empty()) ids_.emplace(entries_[i].measure->id, i);
  }
}

std::string MeasureIndex::LinksKey() const {
  std::string key;
  for (const auto& [id, i] : ids_) key += id + '\0' + entries_[i].chapter->slug + '\0' + entries_[i].anchor + '\n';
  return key;
}

const MeasureEntry* MeasureIndex::FindId(const std::string& id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? nullptr : &entries_[it->second];
}

}  // namespace keikaku::render
