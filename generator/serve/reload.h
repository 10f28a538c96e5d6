// The live-reload feed: rebuilds publish events, open browser streams wait for them.
#ifndef KEIKAKU_SERVE_RELOAD_H_
#define KEIKAKU_SERVE_RELOAD_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace keikaku::serve {

/// What a stream receives: the events after the one it saw last, or a ping, or the end.
struct FeedWait {
  std::vector<std::string> events;  ///< Event payloads (JSON), oldest first.
  bool closed = false;              ///< The server is stopping: end the stream.
};

class ReloadFeed {
 public:
  /// Appends an event; every waiting stream wakes. Returns its sequence number (from 1).
  std::uint64_t Publish(std::string payload);
  /// The sequence number of the newest event (0 before the first).
  std::uint64_t last() const;
  /// Waits up to `timeout` for events after `seen` (updated), or for Close(). A stream that
  /// fell behind the kept history gets one {"all":true} event instead of the lost ones.
  FeedWait WaitAfter(std::uint64_t& seen, std::chrono::milliseconds timeout);
  /// Wakes every stream for good.
  void Close();

  /// Counts open streams, so the server can keep threads free for pages.
  bool TryOpenStream(int limit);
  void CloseStream();
  int open_streams() const;

 private:
  static constexpr std::size_t kHistory = 64;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> history_;  ///< The newest kHistory payloads.
  std::uint64_t last_ = 0;
  bool closed_ = false;
  int streams_ = 0;
};

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_RELOAD_H_
