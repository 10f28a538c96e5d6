// Watching the content and theme folders for saved files, so `keikaku serve` can rebuild:
// inotify on Linux, polling where inotify sees nothing (network drives, WSL2 9p mounts).
#ifndef KEIKAKU_SERVE_WATCHER_H_
#define KEIKAKU_SERVE_WATCHER_H_

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace keikaku::serve {

/// A batch of changes under the watched roots. Paths are the root as given (lexically
/// normalised) joined with the path below it; sorted and unique. They name files added,
/// changed or removed; a folder moved away under inotify is named itself, since its files
/// are no longer there to list.
struct Changes {
  std::vector<std::filesystem::path> paths;
  bool rescan = false;  ///< Events were lost (queue overflow): treat everything as changed.
  bool empty() const { return paths.empty() && !rescan; }
};

class Watcher {
 public:
  Watcher() = default;
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  virtual ~Watcher() = default;

  /// Waits at most `timeout` for raw changes; returns what arrived (possibly empty). Never
  /// throws for files that vanish while it looks.
  virtual Changes Poll(std::chrono::milliseconds timeout) = 0;
  /// "inotify" or "polling", for the terminal message.
  virtual const char* kind() const = 0;
};

enum class WatchMode { kAuto, kInotify, kPolling };

/// Names editors and tools write beside real files, never reported: dotfiles (and
/// everything in dot folders), backups ("x~"), swap and temporary files (.swp, .swx, .tmp),
/// vim's write probe "4913" and emacs' "#x#".
bool IsIgnoredName(std::string_view name);

/// Watches every folder under `roots`, without following folder symlinks. Roots that do not
/// exist are skipped; a root created later is not noticed. kAuto picks inotify unless
/// inotify cannot start, a watch cannot be added (e.g. the limit of watches), or a root lies
/// on a file system whose remote changes inotify does not see (NFS, SMB/CIFS, FUSE, 9p,
/// WSL's drvfs); then polling, every `poll_interval`. kInotify returns nullptr where kAuto
/// would fall back for lack of watches.
std::unique_ptr<Watcher> MakeWatcher(
    const std::vector<std::filesystem::path>& roots, WatchMode mode,
    std::chrono::milliseconds poll_interval = std::chrono::milliseconds(500));

/// Waits until a first change arrives or `stop()` returns true (asked at least every
/// 200 ms), then keeps collecting until `quiet` passes with no new change (at most
/// `max_wait` after the first change), and returns the merged batch. Returns empty Changes
/// when stopped.
Changes WaitForChanges(Watcher& watcher, const std::function<bool()>& stop,
                       std::chrono::milliseconds quiet = std::chrono::milliseconds(50),
                       std::chrono::milliseconds max_wait = std::chrono::milliseconds(500));

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_WATCHER_H_
