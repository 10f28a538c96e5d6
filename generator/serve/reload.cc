#include "serve/reload.h"

namespace keikaku::serve {

std::uint64_t ReloadFeed::Publish(std::string payload) {
  std::uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(mu_);
    history_.push_back(std::move(payload));
    if (history_.size() > kHistory) history_.pop_front();
    seq = ++last_;
  }
  cv_.notify_all();
  return seq;
}

std::uint64_t ReloadFeed::last() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_;
}

FeedWait ReloadFeed::WaitAfter(std::uint64_t& seen, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, timeout, [&] { return closed_ || last_ > seen; });
  FeedWait result;
  result.closed = closed_;
  if (closed_ || last_ <= seen) return result;
  std::uint64_t first_kept = last_ - history_.size() + 1;
  if (seen + 1 < first_kept) {
    result.events.push_back("{\"build\":" + std::to_string(last_) + ",\"all\":true}");
  } else {
    for (std::uint64_t s = seen + 1; s <= last_; ++s) result.events.push_back(history_[s - first_kept]);
  }
  seen = last_;
  return result;
}

void ReloadFeed::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

bool ReloadFeed::TryOpenStream(int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_ || streams_ >= limit) return false;
  ++streams_;
  return true;
}

void ReloadFeed::CloseStream() {
  std::lock_guard<std::mutex> lock(mu_);
  --streams_;
}

int ReloadFeed::open_streams() const {
  std::lock_guard<std::mutex> lock(mu_);
  return streams_;
}

}  // namespace keikaku::serve
