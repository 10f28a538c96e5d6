#include "render/render_memo.h"

namespace keikaku::render {

int RenderMemo::Intern(const std::string& settings) {
  std::lock_guard<std::mutex> lock(mutex_);
  return settings_.emplace(settings, static_cast<int>(settings_.size())).first->second;
}

namespace {
std::string LevelKey(const std::string& key, int level) { return key + static_cast<char>(level); }
}  // namespace

std::shared_ptr<const RenderMemo::Fragment> RenderMemo::Find(const std::string& key, int level) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = across_builds_ ? fragments_.end() : fragments_.find(key);
  if (it == fragments_.end()) it = fragments_.find(LevelKey(key, level));
  if (it == fragments_.end()) return nullptr;
  it->second.used = true;
  return it->second.value;
}

void RenderMemo::Store(const std::string& key, int level, std::shared_ptr<const Fragment> fragment) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool by_level = across_builds_ || fragment->headings;
  fragments_[by_level ? LevelKey(key, level) : key] = {std::move(fragment), true};
  ++counts_.fragments_rendered;
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
  sweep(fragments_);
  sweep(pages_);
}

RenderMemo::Counts RenderMemo::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

}  // namespace keikaku::render
