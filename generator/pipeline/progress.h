// The progress line of a long build on a terminal: pages done out of the total and the
// time so far, on one line that is rewritten in place and erased when the build is done.
#ifndef KEIKAKU_PIPELINE_PROGRESS_H_
#define KEIKAKU_PIPELINE_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <mutex>
#include <ostream>

#include "output/output_tree.h"

namespace keikaku::pipeline {

/// Passes every file on to `inner` and counts the pages (.html) among them, showing the
/// count on `terminal` at most every `interval`. Put may be called from several threads.
class ProgressSink : public output::Sink {
 public:
  ProgressSink(output::Sink& inner, std::size_t total_pages, std::ostream& terminal,
               std::chrono::milliseconds interval = std::chrono::milliseconds(100));
  ~ProgressSink() override;  // erases the line

  void Put(const std::string& path, std::string bytes) override;
  void PutShared(const std::string& path, const output::SharedBytes& bytes) override;
  bool Has(const std::string& path) const override { return inner_.Has(path); }

 private:
  void Count(const std::string& path);  // a page (.html) is done
  void Show(std::size_t done);

  output::Sink& inner_;
  const std::size_t total_;
  std::ostream& terminal_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::chrono::steady_clock::duration interval_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;  // guards the terminal and next_
  std::chrono::steady_clock::time_point next_;
  bool shown_ = false;
};

}  // namespace keikaku::pipeline

#endif  // KEIKAKU_PIPELINE_PROGRESS_H_
