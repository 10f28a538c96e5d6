// Reading whole files: the one place keikaku opens a file for reading.
#ifndef KEIKAKU_IO_FILE_H_
#define KEIKAKU_IO_FILE_H_

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace keikaku::io {

/// Which files ReadFile reads.
struct ReadLimits {
  /// Read only a file of at most this many bytes...
  std::uintmax_t max_bytes = std::numeric_limits<std::uintmax_t>::max();
  /// ...or of exactly this many (to compare it with bytes of that size).
  std::optional<std::uintmax_t> exact_bytes;
  /// Not through a symbolic link: a link is no file to read.
  bool no_symlink = false;
};

/// The bytes of a regular file, or nullopt when it is missing, unreadable, not a regular
/// file or not of the size `limits` asks for. `size` (if given) receives the size the file
/// had when it was opened, also when it was not read for its size (0 if it was not opened).
/// The file is looked up once: no separate stat before the read.
std::optional<std::string> ReadFile(const std::filesystem::path& path, const ReadLimits& limits = {},
                                    std::uintmax_t* size = nullptr);

}  // namespace keikaku::io

#endif  // KEIKAKU_IO_FILE_H_
