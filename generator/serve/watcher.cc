#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

namespace keikaku::serve {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Visits every folder (before listing it, so a watch added there misses nothing) and every
// other entry below `root`, skipping ignored names. Folder symlinks are entries, not folders.
void Walk(const fs::path& root, const std::function<void(const fs::path&)>& on_dir,
          const std::function<void(const fs::directory_entry&)>& on_entry) {
  std::vector<fs::path> todo{root};
  while (!todo.empty()) {
    fs::path dir = std::move(todo.back());
    todo.pop_back();
    on_dir(dir);
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (IsIgnoredName(it->path().filename().native())) continue;
      std::error_code status_ec;
      if (fs::is_directory(it->symlink_status(status_ec))) {
        todo.push_back(it->path());
      } else {
        on_entry(*it);
      }
    }
  }
}

bool IsDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// Whether `path` is `dir` or lies below it.
bool IsWithin(const fs::path& path, const fs::path& dir) {
  return std::mismatch(dir.begin(), dir.end(), path.begin(), path.end()).first == dir.end();
}

// File systems whose changes made elsewhere (another machine, Windows) inotify never sees.
bool IsRemote(const fs::path& root) {
  struct statfs st {};
  if (::statfs(root.c_str(), &st) != 0) return false;
  switch (static_cast<std::uint32_t>(st.f_type)) {
    case 0x6969:      // NFS
    case 0x517B:      // SMB
    case 0xFF534D42:  // CIFS
    case 0xFE534D42:  // SMB2
    case 0x65735546:  // FUSE
    case 0x01021997:  // 9p (WSL2 /mnt/c)
    case 0x53464846:  // WSLFS (WSL1 drvfs)
      return true;
    default:
      return false;
  }
}

class InotifyWatcher final : public Watcher {
 public:
  explicit InotifyWatcher(std::vector<fs::path> roots)
      : roots_(std::move(roots)), fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    failed_ = fd_ < 0;
    if (failed_) return;
    for (const fs::path& root : roots_) {
      if (IsDirectory(root)) AddTree(root, nullptr);
    }
  }
  ~InotifyWatcher() override {
    if (fd_ >= 0) ::close(fd_);
  }

  /// False when inotify could not start or a folder could not be watched.
  bool ok() const { return !failed_; }
  const char* kind() const override { return "inotify"; }

  Changes Poll(milliseconds timeout) override {
    Changes out;
    if (fd_ < 0) {
      std::this_thread::sleep_for(timeout);
      return out;
    }
    pollfd pfd{fd_, POLLIN, 0};
    int wait = static_cast<int>(std::clamp<milliseconds::rep>(timeout.count(), 0, 1 << 30));
    if (::poll(&pfd, 1, wait) <= 0) return out;
    std::set<fs::path> paths, born;
    alignas(inotify_event) char buf[kBufferSize];
    for (;;) {
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      for (ssize_t i = 0; i < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buf + i);
        Handle(*event, paths, born, out.rescan);
        i += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    out.paths.assign(paths.begin(), paths.end());
    return out;
  }

 private:
  static constexpr std::size_t kBufferSize = 64 * 1024;
  static constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
                                         IN_CREATE | IN_DELETE | IN_DELETE_SELF |
                                         IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

  // Watches `dir` and the folders below it, then adds the files found to `found`.
  void AddTree(const fs::path& dir, std::set<fs::path>* found) {
    Walk(
        dir,
        [&](const fs::path& d) {
          bool root = std::find(roots_.begin(), roots_.end(), d) != roots_.end();
          int wd = ::inotify_add_watch(fd_, d.c_str(), kMask | (root ? 0 : IN_DONT_FOLLOW));
          if (wd >= 0) {
            dirs_[wd] = d;
          } else if (errno != ENOENT && errno != ENOTDIR && errno != EACCES) {
            failed_ = true;  // Out of watches or memory; gone or unreadable folders are fine.
          }
        },
        [&](const fs::directory_entry& e) {
          if (found) found->insert(e.path());
        });
  }

  // Stops watching `dir` and the folders below it (moved away: their paths are stale).
  void DropTree(const fs::path& dir) {
    for (auto it = dirs_.begin(); it != dirs_.end();) {
      if (IsWithin(it->second, dir)) {
        ::inotify_rm_watch(fd_, it->first);
        it = dirs_.erase(it);
      } else {
        ++it;
      }
    }
  }

  // `born` holds files created during this read that were not reported before: one that is
  // also deleted or renamed away (an editor's temporary file) never existed for the site.
  void Handle(const inotify_event& event, std::set<fs::path>& paths, std::set<fs::path>& born,
              bool& rescan) {
    if (event.mask & IN_Q_OVERFLOW) {
      rescan = true;
      for (const fs::path& root : roots_) {
        if (IsDirectory(root)) AddTree(root, nullptr);
      }
      return;
    }
    auto dir = dirs_.find(event.wd);
    if (dir == dirs_.end()) return;
    if (event.mask & (IN_IGNORED | IN_DELETE_SELF)) {
      dirs_.erase(dir);
      return;
    }
    if (event.len == 0) return;
    std::string_view name(event.name);
    if (IsIgnoredName(name)) return;
    fs::path path = dir->second / name;
    if (event.mask & IN_ISDIR) {
      if (event.mask & (IN_CREATE | IN_MOVED_TO)) {
        AddTree(path, &paths);
      } else if (event.mask & IN_MOVED_FROM) {
        DropTree(path);
        paths.insert(std::move(path));
      }
      return;  // A deleted folder's files were reported one by one.
    }
    if (event.mask & IN_CREATE) {
      if (paths.insert(path).second) born.insert(std::move(path));
    } else if ((event.mask & (IN_DELETE | IN_MOVED_FROM)) && born.erase(path)) {
      paths.erase(path);
    } else {
      paths.insert(std::move(path));
    }
  }

  std::vector<fs::path> roots_;
  int fd_;
  bool failed_ = false;
  std::unordered_map<int, fs::path> dirs_;  ///< Watch descriptor → folder.
};

class PollingWatcher final : public Watcher {
 public:
  PollingWatcher(std::vector<fs::path> roots, milliseconds interval)
      : roots_(std::move(roots)), interval_(std::max(interval, milliseconds(1))) {
    files_ = Scan();
    last_scan_ = Clock::now();
  }

  const char* kind() const override { return "polling"; }

  Changes Poll(milliseconds timeout) override {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
      const auto next = last_scan_ + interval_;
      std::this_thread::sleep_until(std::min(next, deadline));
      if (Clock::now() < next) return {};
      last_scan_ = Clock::now();
      Changes out = Update(Scan());
      if (!out.empty() || Clock::now() >= deadline) return out;
    }
  }

 private:
  struct Stamp {
    fs::file_time_type mtime;
    std::uintmax_t size = 0;
    bool operator!=(const Stamp& o) const { return mtime != o.mtime || size != o.size; }
  };
  using Snapshot = std::map<fs::path, Stamp>;

  Snapshot Scan() const {
    Snapshot snapshot;
    for (const fs::path& root : roots_) {
      if (!IsDirectory(root)) continue;
      Walk(root, [](const fs::path&) {},
           [&](const fs::directory_entry& e) {
             std::error_code ec;
             if (fs::is_directory(e.status(ec))) return;  // A folder symlink: not followed.
             Stamp stamp{fs::last_write_time(e.path(), ec), 0};
             if (ec) return;  // Vanished or a broken symlink.
             stamp.size = fs::file_size(e.path(), ec);
             if (ec) stamp.size = 0;
             snapshot.emplace(e.path(), stamp);
           });
    }
    return snapshot;
  }

  // Replaces the snapshot, returning the files added, changed or removed (sorted: a merge).
  Changes Update(Snapshot now) {
    Changes out;
    auto a = files_.begin();
    auto b = now.begin();
    while (a != files_.end() || b != now.end()) {
      if (b == now.end() || (a != files_.end() && a->first < b->first)) {
        out.paths.push_back((a++)->first);
      } else if (a == files_.end() || b->first < a->first) {
        out.paths.push_back((b++)->first);
      } else {
        if (a->second != b->second) out.paths.push_back(a->first);
        ++a;
        ++b;
      }
    }
    files_ = std::move(now);
    return out;
  }

  std::vector<fs::path> roots_;
  milliseconds interval_;
  Snapshot files_;
  Clock::time_point last_scan_;
};

}  // namespace

bool IsIgnoredName(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || EndsWith(name, ".swp") ||
         EndsWith(name, ".swx") || EndsWith(name, ".tmp") || name == "4913" ||
         (name.size() >= 2 && name.front() == '#' && name.back() == '#');
}

std::unique_ptr<Watcher> MakeWatcher(const std::vector<fs::path>& roots, WatchMode mode,
                                     milliseconds poll_interval) {
  std::vector<fs::path> clean;
  for (const fs::path& root : roots) {
    fs::path p = root.lexically_normal();
    if (p.filename().empty() && p.has_relative_path()) p = p.parent_path();  // "content/"
    clean.push_back(std::move(p));
  }
  bool remote = mode == WatchMode::kAuto && std::any_of(clean.begin(), clean.end(), IsRemote);
  if (mode != WatchMode::kPolling && !remote) {
    auto watcher = std::make_unique<InotifyWatcher>(clean);
    if (watcher->ok()) return watcher;
    if (mode == WatchMode::kInotify) return nullptr;
  }
  return std::make_unique<PollingWatcher>(std::move(clean), poll_interval);
}

Changes WaitForChanges(Watcher& watcher, const std::function<bool()>& stop, milliseconds quiet,
                       milliseconds max_wait) {
  constexpr milliseconds kStopCheck(200);
  Changes all;
  auto merge = [&all](Changes more) {
    all.rescan = all.rescan || more.rescan;
    all.paths.insert(all.paths.end(), std::make_move_iterator(more.paths.begin()),
                     std::make_move_iterator(more.paths.end()));
    return !more.empty();
  };
  while (all.empty()) {
    if (stop()) return {};
    merge(watcher.Poll(kStopCheck));
  }
  const auto give_up = Clock::now() + max_wait;
  auto last = Clock::now();
  for (;;) {
    const auto now = Clock::now();
    const auto until = std::min(last + quiet, give_up);
    if (now >= until) break;
    if (stop()) return {};
    if (merge(watcher.Poll(std::min(std::chrono::ceil<milliseconds>(until - now), kStopCheck)))) {
      last = Clock::now();
    }
  }
  std::sort(all.paths.begin(), all.paths.end());
  all.paths.erase(std::unique(all.paths.begin(), all.paths.end()), all.paths.end());
  return all;
}

}  // namespace keikaku::serve
