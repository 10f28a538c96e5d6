#include "theme/theme.h"

#include "io/file.h"
#include "theme/embedded.h"

namespace keikaku::theme {

namespace fs = std::filesystem;

Theme::Theme(std::optional<fs::path> override_dir) : override_dir_(std::move(override_dir)) {}

std::optional<std::string> Theme::Read(const std::string& path) const {
  if (override_dir_) {
    if (std::optional<std::string> bytes = io::ReadFile(*override_dir_ / path)) return bytes;
  }
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (path == kEmbeddedFiles[i].path) return std::string(kEmbeddedFiles[i].data, kEmbeddedFiles[i].size);
  }
  return std::nullopt;
}

std::string Theme::Origin(const std::string& path) const {
  if (override_dir_ && fs::is_regular_file(*override_dir_ / path)) {
    return (*override_dir_ / path).lexically_normal().generic_string();
  }
  return "(keikaku の既定のテーマ) " + path;
}

std::map<std::string, std::string> Theme::ReadAll(const std::string& prefix) const {
  std::map<std::string, std::string> files;
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    std::string path = kEmbeddedFiles[i].path;
    if (path.rfind(prefix, 0) == 0) files[path] = std::string(kEmbeddedFiles[i].data, kEmbeddedFiles[i].size);
  }
  if (override_dir_ && fs::is_directory(*override_dir_ / prefix)) {
    for (const auto& e : fs::recursive_directory_iterator(*override_dir_ / prefix)) {
      if (!e.is_regular_file()) continue;
      std::string path = fs::relative(e.path(), *override_dir_).generic_string();
      if (auto bytes = Read(path)) files[path] = *bytes;
    }
  }
  return files;
}

}  // namespace keikaku::theme
