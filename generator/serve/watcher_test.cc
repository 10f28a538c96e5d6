#include "serve/watcher.h"

#include <stdlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;
using keikaku::serve::Changes;
using keikaku::serve::IsIgnoredName;
using keikaku::serve::MakeWatcher;
using keikaku::serve::WaitForChanges;
using keikaku::serve::Watcher;
using keikaku::serve::WatchMode;
using std::chrono::milliseconds;
using Paths = std::vector<fs::path>;

class TempDir {
 public:
  TempDir() {
    std::string name = "/tmp/keikaku-watcher-XXXXXX";
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    path_ = name;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool Put(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

void Write(const fs::path& path, const std::string& text) { REQUIRE(Put(path, text)); }

std::unique_ptr<Watcher> Watch(const fs::path& root, WatchMode mode) {
  auto watcher = MakeWatcher({root}, mode, milliseconds(50));
  REQUIRE(watcher != nullptr);
  REQUIRE(std::string(watcher->kind()) == (mode == WatchMode::kInotify ? "inotify" : "polling"));
  return watcher;
}

// One debounced batch, or empty Changes once `give_up` passes with nothing.
Changes Wait(Watcher& watcher, milliseconds give_up = milliseconds(3000)) {
  const auto end = std::chrono::steady_clock::now() + give_up;
  return WaitForChanges(watcher, [end] { return std::chrono::steady_clock::now() >= end; });
}

WatchMode AnyMode() {
  WatchMode mode = GENERATE(WatchMode::kInotify, WatchMode::kPolling);
  return mode;
}

}  // namespace

TEST_CASE("editor and tool files are ignored by name", "[watcher]") {
  for (const char* name : {".plan.yaml.tmp", ".git", "plan.yaml~", "plan.yaml.swp", "x.swx",
                           "y.tmp", "4913", "#plan.yaml#"}) {
    CHECK(IsIgnoredName(name));
  }
  for (const char* name : {"plan.yaml", "sedAbC123", "#", "49130", "a#", "tmp", "swp"}) {
    CHECK_FALSE(IsIgnoredName(name));
  }
}

TEST_CASE("a written file is reported", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  auto watcher = Watch(tmp.path(), mode);
  Write(tmp.path() / "plan.yaml", "title: x\n");
  Changes changes = Wait(*watcher);
  CHECK(changes.paths == Paths{tmp.path() / "plan.yaml"});
  CHECK_FALSE(changes.rescan);
}

TEST_CASE("an atomic save reports the target, not the temporary file", "[watcher]") {
  const WatchMode mode = AnyMode();
  const std::string temp_name = GENERATE(as<std::string>{}, ".plan.yaml.tmp", "sedAbC123");
  TempDir tmp;
  const fs::path plan = tmp.path() / "plan.yaml";
  Write(plan, "old\n");
  auto watcher = Watch(tmp.path(), mode);
  Write(tmp.path() / temp_name, "new content\n");
  fs::rename(tmp.path() / temp_name, plan);
  CHECK(Wait(*watcher).paths == Paths{plan});
}

TEST_CASE("a file replaced and removed again within a batch is reported", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path plan = tmp.path() / "plan.yaml";
  Write(plan, "old\n");
  auto watcher = Watch(tmp.path(), mode);
  // vim without backupcopy: the old file becomes the backup, a new one is written.
  fs::rename(plan, tmp.path() / "plan.yaml~");
  Write(plan, "new content\n");
  fs::remove(tmp.path() / "plan.yaml~");
  CHECK(Wait(*watcher).paths == Paths{plan});
  // Moved away, then a short-lived file of the same name: the name is still gone.
  fs::rename(plan, tmp.path() / "kept.yaml");
  Write(plan, "brief\n");
  fs::remove(plan);
  CHECK(Wait(*watcher).paths == Paths{tmp.path() / "kept.yaml", plan});
}

TEST_CASE("new nested folders are watched at once", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  auto watcher = Watch(tmp.path(), mode);
  const fs::path deep = tmp.path() / "a" / "b" / "c";
  fs::create_directories(deep);
  Write(deep / "f.yaml", "f\n");
  CHECK(Wait(*watcher).paths == Paths{deep / "f.yaml"});
  Write(deep / "g.yaml", "g\n");
  CHECK(Wait(*watcher).paths == Paths{deep / "g.yaml"});
}

TEST_CASE("a deleted file is reported", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  Write(tmp.path() / "plan.yaml", "x\n");
  auto watcher = Watch(tmp.path(), mode);
  fs::remove(tmp.path() / "plan.yaml");
  CHECK(Wait(*watcher).paths == Paths{tmp.path() / "plan.yaml"});
}

TEST_CASE("a removed folder reports its files", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path dir = tmp.path() / "plans";
  fs::create_directories(dir / "sub");
  Write(dir / "a.yaml", "a\n");
  Write(dir / "sub" / "b.yaml", "b\n");
  auto watcher = Watch(tmp.path(), mode);
  fs::remove_all(dir);
  CHECK(Wait(*watcher).paths == Paths{dir / "a.yaml", dir / "sub" / "b.yaml"});
}

TEST_CASE("a folder tree moved in is reported and watched", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path root = tmp.path() / "content";
  const fs::path outside = tmp.path() / "outside";
  fs::create_directories(root);
  fs::create_directories(outside / "sub");
  Write(outside / "x.yaml", "x\n");
  Write(outside / "sub" / "y.yaml", "y\n");
  auto watcher = Watch(root, mode);
  fs::rename(outside, root / "plans");
  CHECK(Wait(*watcher).paths ==
        Paths{root / "plans" / "sub" / "y.yaml", root / "plans" / "x.yaml"});
  Write(root / "plans" / "sub" / "z.yaml", "z\n");
  CHECK(Wait(*watcher).paths == Paths{root / "plans" / "sub" / "z.yaml"});
}

TEST_CASE("a folder moved out is no longer watched", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path root = tmp.path() / "content";
  fs::create_directories(root / "plans");
  Write(root / "plans" / "x.yaml", "x\n");
  auto watcher = Watch(root, mode);
  fs::rename(root / "plans", tmp.path() / "away");
  Changes moved = Wait(*watcher);
  // inotify names the folder, polling the files it remembers.
  CHECK(moved.paths == (mode == WatchMode::kInotify ? Paths{root / "plans"}
                                                    : Paths{root / "plans" / "x.yaml"}));
  Write(tmp.path() / "away" / "y.yaml", "y\n");
  CHECK(Wait(*watcher, milliseconds(400)).empty());
}

TEST_CASE("a burst of writes comes back as one batch", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path plan = tmp.path() / "plan.yaml";
  Write(plan, "");
  auto watcher = Watch(tmp.path(), mode);
  int written = 0;
  std::thread writer([&plan, &written] {
    for (int i = 1; i <= 20; ++i) {
      written += Put(plan, std::string(static_cast<std::size_t>(i), 'x'));  // Polling sees sizes.
      std::this_thread::sleep_for(milliseconds(5));
    }
  });
  Changes first = Wait(*watcher);
  writer.join();
  CHECK(written == 20);
  CHECK(first.paths == Paths{plan});
  CHECK(Wait(*watcher, milliseconds(300)).empty());
}

TEST_CASE("files with ignored names alone make no batch", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  auto watcher = Watch(tmp.path(), mode);
  for (const char* name : {".hidden", "plan.yaml~", ".plan.yaml.swp", "x.swx", "y.tmp", "4913",
                           "#plan.yaml#"}) {
    Write(tmp.path() / name, "x\n");
  }
  fs::create_directories(tmp.path() / ".git" / "objects");
  Write(tmp.path() / ".git" / "objects" / "ab", "x\n");
  CHECK(Wait(*watcher, milliseconds(500)).empty());
}

TEST_CASE("folder symlinks are not followed", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  const fs::path root = tmp.path() / "content";
  const fs::path outside = tmp.path() / "outside";
  fs::create_directories(root);
  fs::create_directories(outside);
  fs::create_directory_symlink(root, root / "loop");
  fs::create_directory_symlink(outside, root / "linked");
  auto watcher = Watch(root, mode);
  Write(outside / "o.yaml", "o\n");
  CHECK(Wait(*watcher, milliseconds(400)).empty());
  Write(root / "plan.yaml", "p\n");
  CHECK(Wait(*watcher).paths == Paths{root / "plan.yaml"});
}

TEST_CASE("missing roots are skipped", "[watcher]") {
  const WatchMode mode = AnyMode();
  TempDir tmp;
  auto none = MakeWatcher({tmp.path() / "missing"}, mode, milliseconds(50));
  REQUIRE(none != nullptr);
  CHECK(none->Poll(milliseconds(100)).empty());
  auto watcher = MakeWatcher({tmp.path() / "missing", tmp.path()}, mode, milliseconds(50));
  REQUIRE(watcher != nullptr);
  Write(tmp.path() / "plan.yaml", "p\n");
  CHECK(Wait(*watcher).paths == Paths{tmp.path() / "plan.yaml"});
}

TEST_CASE("roots are normalised and kAuto picks inotify on a local disk", "[watcher]") {
  TempDir tmp;
  auto watcher = MakeWatcher({tmp.path().string() + "/./"}, WatchMode::kAuto);
  REQUIRE(watcher != nullptr);
  CHECK(std::string(watcher->kind()) == "inotify");
  Write(tmp.path() / "plan.yaml", "p\n");
  CHECK(Wait(*watcher).paths == Paths{tmp.path() / "plan.yaml"});
  CHECK(std::string(MakeWatcher({tmp.path()}, WatchMode::kPolling)->kind()) == "polling");
}

TEST_CASE("an inotify queue overflow asks for a rescan and keeps watching", "[watcher]") {
  long limit = 0;
  std::ifstream("/proc/sys/fs/inotify/max_queued_events") >> limit;
  if (limit <= 0 || limit > 100000) return;  // Too many events to cause in a test.
  TempDir tmp;
  const fs::path a = tmp.path() / "a.yaml";
  const fs::path b = tmp.path() / "b.yaml";
  Write(a, "a\n");
  auto watcher = Watch(tmp.path(), WatchMode::kInotify);
  std::error_code ec;
  for (long i = 0; i < limit / 4 + 100 && !ec; ++i) {  // MOVED_FROM and MOVED_TO each.
    fs::rename(a, b, ec);
    if (!ec) fs::rename(b, a, ec);
  }
  REQUIRE_FALSE(ec);
  CHECK(Wait(*watcher).rescan);
  fs::create_directories(tmp.path() / "new");
  Write(tmp.path() / "new" / "plan.yaml", "p\n");
  Changes after = Wait(*watcher);
  CHECK_FALSE(after.rescan);
  CHECK(after.paths == Paths{tmp.path() / "new" / "plan.yaml"});
}
