#include "render/render_memo.h"

#include <algorithm>
#include <iterator>

namespace keikaku::render {

int RenderMemo::Intern(const std::string& settings) {
  std::lock_guard<std::mutex> lock(mutex_);
  return settings_.emplace(settings, static_cast<int>(settings_.size())).first->second;
}

std::shared_ptr<const RenderMemo::Fragment> RenderMemo::Find(const std::string& key, int level) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = fragments_.find(key);
  if (it == fragments_.end()) return nullptr;
  Variants& variants = it->second;
  Slot<Fragment>* slot = variants.any.value ? &variants.any : variants.At(level);
  if (!slot) return nullptr;
  slot->used = true;
  return slot->value;
}

void RenderMemo::Store(const std::string& key, int level, std::shared_ptr<const Fragment> fragment) {
  std::lock_guard<std::mutex> lock(mutex_);
  Variants& variants = fragments_[key];
  ++counts_.fragments_rendered;
  if (!across_builds_ && !fragment->headings) {
    variants.any = {std::move(fragment), true};
    return;
  }
  if (Slot<Fragment>* slot = variants.At(level)) {
    *slot = {std::move(fragment), true};
  } else {
    variants.levels.emplace_back(level, Slot<Fragment>{std::move(fragment), true});
  }
}

std::shared_ptr<const RenderMemo::Page> RenderMemo::FindPage(const std::string& path, const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pages_.find(path);
  if (it == pages_.end() || it->second.value->key != key) return nullptr;
  it->second.used = true;
  ++counts_.pages_reused;
  return it->second.value;
}

void RenderMemo::StorePage(const std::string& path, std::shared_ptr<const Page> page) {
  std::lock_guard<std::mutex> lock(mutex_);
  pages_[path] = {std::move(page), true};
  ++counts_.pages_made;
}

void RenderMemo::NoteReused() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_.fragments_reused;
}

void RenderMemo::Sweep() {
  std::lock_guard<std::mutex> lock(mutex_);
  counts_ = {};
  auto sweep = [](auto& slots) {
    for (auto it = slots.begin(); it != slots.end();) {
      if (!it->second.used) {
        it = slots.erase(it);
      } else {
        it->second.used = false;
        ++it;
      }
    }
  };
  sweep(pages_);
  for (auto it = fragments_.begin(); it != fragments_.end();) {
    Variants& v = it->second;
    if (!v.any.used) v.any.value = nullptr;
    v.any.used = false;
    v.levels.erase(std::remove_if(v.levels.begin(), v.levels.end(), [](const auto& l) { return !l.second.used; }),
                   v.levels.end());
    for (auto& l : v.levels) l.second.used = false;
    it = v.any.value || !v.levels.empty() ? std::next(it) : fragments_.erase(it);
  }
}

RenderMemo::Counts RenderMemo::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

}  // namespace keikaku::render
