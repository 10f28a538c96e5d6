#include "io/file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("keikaku-io-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("ReadFile gives a regular file's bytes, and nothing for anything else", "[io]") {
  const fs::path dir = Scratch("read");
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += static_cast<char>(i % 251);  // NUL bytes and all, past 4 KiB
  bytes += "計画\n";
  std::ofstream(dir / "a.yaml", std::ios::binary) << bytes;
  std::ofstream(dir / "empty.yaml", std::ios::binary);
  CHECK(keikaku::io::ReadFile(dir / "a.yaml") == bytes);
  CHECK(keikaku::io::ReadFile(dir / "empty.yaml") == std::string());
  CHECK_FALSE(keikaku::io::ReadFile(dir / "missing.yaml"));
  CHECK_FALSE(keikaku::io::ReadFile(dir));  // a folder
  // A named pipe nobody writes to: nothing, at once (opening it must not wait for a writer).
  REQUIRE(::mkfifo((dir / "pipe.yaml").c_str(), 0600) == 0);
  CHECK_FALSE(keikaku::io::ReadFile(dir / "pipe.yaml"));
  // A symbolic link to a file reads the file.
  fs::create_symlink(dir / "a.yaml", dir / "link.yaml");
  CHECK(keikaku::io::ReadFile(dir / "link.yaml") == bytes);
  fs::remove_all(dir);
}

TEST_CASE("ReadFile reads only a file of the size asked for, and tells its size", "[io]") {
  const fs::path dir = Scratch("limits");
  const std::string bytes(5000, 'x');
  std::ofstream(dir / "a.yaml", std::ios::binary) << bytes;
  fs::create_symlink(dir / "a.yaml", dir / "link.yaml");
  std::uintmax_t size = 1;
  keikaku::io::ReadLimits limits;
  limits.max_bytes = 4999;
  CHECK_FALSE(keikaku::io::ReadFile(dir / "a.yaml", limits, &size));
  CHECK(size == 5000);  // too large: told, not read
  limits.max_bytes = 5000;
  CHECK(keikaku::io::ReadFile(dir / "a.yaml", limits, &size) == bytes);
  keikaku::io::ReadLimits exact;
  exact.exact_bytes = 4000;
  CHECK_FALSE(keikaku::io::ReadFile(dir / "a.yaml", exact, &size));
  exact.exact_bytes = 5000;
  CHECK(keikaku::io::ReadFile(dir / "a.yaml", exact) == bytes);
  // Not through a symbolic link, when asked.
  exact.no_symlink = true;
  CHECK(keikaku::io::ReadFile(dir / "a.yaml", exact) == bytes);
  CHECK_FALSE(keikaku::io::ReadFile(dir / "link.yaml", exact, &size));
  CHECK(size == 0);  // not opened
  CHECK_FALSE(keikaku::io::ReadFile(dir / "missing.yaml", {}, &size));
  CHECK(size == 0);
  fs::remove_all(dir);
}
