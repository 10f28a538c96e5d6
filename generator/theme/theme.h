// The theme: templates/ and assets/ compiled into keikaku, overridden file by file by a
// town's own folder (--theme DIR, laid out like the repository: DIR/templates, DIR/assets).
#ifndef KEIKAKU_THEME_THEME_H_
#define KEIKAKU_THEME_THEME_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace keikaku::theme {

class Theme {
 public:
  /// The built-in theme, with files from `override_dir` (if given) replacing it one by one.
  explicit Theme(std::optional<std::filesystem::path> override_dir = std::nullopt);

  /// The file's bytes, or nothing if neither the override folder nor the default has it.
  std::optional<std::string> Read(const std::string& path) const;
  /// Where the file comes from, for messages ("templates/page.tpl" or the override's path).
  std::string Origin(const std::string& path) const;
  /// Every path under `prefix` (e.g. "templates/"), defaults and overrides, sorted.
  std::map<std::string, std::string> ReadAll(const std::string& prefix) const;

 private:
  std::optional<std::filesystem::path> override_dir_;
};

}  // namespace keikaku::theme

#endif  // KEIKAKU_THEME_THEME_H_
