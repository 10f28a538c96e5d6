#include "io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace keikaku::io {

namespace {

// Reads up to `size` bytes into `out`; the count read, or -1 on an error.
ssize_t ReadSome(int fd, char* out, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd, out, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

}  // namespace

// One open, one fstat and reads straight into a string of the file's size (the build reads
// every content file; a stream copied the bytes three times). O_NONBLOCK: opening a FIFO
// must not wait for a writer; it is no regular file and gives nothing.
std::optional<std::string> ReadFile(const std::filesystem::path& path, const ReadLimits& limits, std::uintmax_t* size) {
  if (size) *size = 0;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | (limits.no_symlink ? O_NOFOLLOW : 0));
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> bytes;
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const auto file_size = static_cast<std::uintmax_t>(regular ? st.st_size : 0);
  if (size) *size = file_size;
  const bool wanted = file_size <= limits.max_bytes && (!limits.exact_bytes || file_size == *limits.exact_bytes);
  if (regular && wanted) {
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    ssize_t n = 1;
    while (done < text.size() && (n = ReadSome(fd, text.data() + done, text.size() - done)) > 0) {
      done += static_cast<std::size_t>(n);
    }
    text.resize(done);
    char more[4096];  // what a file that grew since fstat has beyond its size then
    while (n > 0 && (n = ReadSome(fd, more, sizeof more)) > 0) text.append(more, static_cast<std::size_t>(n));
    if (n >= 0) bytes = std::move(text);
  }
  ::close(fd);
  return bytes;
}

}  // namespace keikaku::io
