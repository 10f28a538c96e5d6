#include "pipeline/progress.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace keikaku::pipeline {

ProgressSink::ProgressSink(output::Sink& inner, std::size_t total_pages, std::ostream& terminal,
                           std::chrono::milliseconds interval)
    : inner_(inner), total_(total_pages), terminal_(terminal), interval_(interval), next_(start_ + interval) {}

ProgressSink::~ProgressSink() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown_) terminal_ << "\r\033[K" << std::flush;
}

void ProgressSink::Put(const std::string& path, std::string bytes) {
  inner_.Put(path, std::move(bytes));
  Count(path);
}

void ProgressSink::PutShared(const std::string& path, const output::SharedBytes& bytes) {
  inner_.PutShared(path, bytes);
  Count(path);
}

void ProgressSink::Count(const std::string& path) {
  if (output::Extension(path) == "html") Show(++done_);
}

void ProgressSink::Show(std::size_t done) {
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another thread is showing it
  auto now = std::chrono::steady_clock::now();
  if (now < next_) return;
  next_ = now + interval_;
  char line[96];
  std::snprintf(line, sizeof line, "%zu / %zu", std::min(done, total_), total_);
  double seconds = std::chrono::duration<double>(now - start_).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f", seconds);
  terminal_ << "\r\033[Kページを作っています: " << line << "（" << elapsed << " 秒）" << std::flush;
  shown_ = true;
}

}  // namespace keikaku::pipeline
