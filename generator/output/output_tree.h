// The built site in memory, and the one door through which it reaches the disk.
#ifndef KEIKAKU_OUTPUT_OUTPUT_TREE_H_
#define KEIKAKU_OUTPUT_OUTPUT_TREE_H_

#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace keikaku::output {

/// Output path ("miki-dx-plan/index.html") → bytes; sorted, so writes are deterministic.
using OutputTree = std::map<std::string, std::string>;

/// The extension of a site path's last component, lower-case and without the dot ("html");
/// "" when it has none.
inline std::string Extension(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

/// The file that marks a folder as keikaku's output; keikaku replaces only such folders.
inline constexpr const char* kMarkerFile = ".keikaku-site";

/// Writes `tree` to a temporary folder beside `output_dir`, then swaps it in with renames,
/// so `output_dir` holds either the previous site or the new one, never a mix. Refuses to
/// replace an existing folder that keikaku did not create. Cleans up stray temporary
/// folders of earlier interrupted runs, restoring the previous site if a swap was cut short.
bool Publish(const OutputTree& tree, const std::filesystem::path& output_dir,
             diag::Diagnostics& diags);

}  // namespace keikaku::output

#endif  // KEIKAKU_OUTPUT_OUTPUT_TREE_H_
