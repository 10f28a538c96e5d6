// Reading whole files: the one place keikaku opens a file for reading.
#ifndef KEIKAKU_IO_FILE_H_
#define KEIKAKU_IO_FILE_H_

#include <filesystem>
#include <optional>
#include <string>

namespace keikaku::io {

/// The bytes of a regular file, or nullopt when it is missing or unreadable.
std::optional<std::string> ReadFile(const std::filesystem::path& path);

}  // namespace keikaku::io

#endif  // KEIKAKU_IO_FILE_H_
