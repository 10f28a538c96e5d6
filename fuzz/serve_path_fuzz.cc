// fuzz_serve_path: the preview server's request-target mapping (serve::ResolveTarget in
// generator/serve/route.h) on any bytes. The last input byte picks the site's base path and
// which files the site has; the rest is the request target.
//   - a file is always a relative path inside the site: no empty, "." or ".." segment, no
//     leading '/', no backslash, control byte or invalid UTF-8, and one the site has;
//   - a redirect stays on this server: a path starting with exactly one '/', percent-encoded;
//   - EncodePath round-trips through percent-decoding.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "serve/route.h"
#include "text/url.h"
#include "text/utf8.h"

namespace {

using keikaku::serve::Route;

bool SafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  if (!keikaku::text::IsValidUtf8(path)) return false;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[size - 1];
  const std::string target(reinterpret_cast<const char*>(data), size - 1);
  static const char* const kBases[] = {"/", "/keikaku/", "/town/plans/", "/%E8%A8%88/"};
  const std::string base = kBases[mode & 3];
  // Which files exist: none, all, only folders' index pages, or about half (by a hash).
  auto exists = [&](const std::string& file) {
    FUZZ_CHECK(SafeRelativePath(file), "the site was asked for an unsafe path", file, target);
    switch ((mode >> 2) & 3) {
      case 0: return false;
      case 1: return true;
      case 2: return file == "index.html" || (file.size() > 11 && file.compare(file.size() - 11, 11, "/index.html") == 0);
      default: return std::hash<std::string>()(file) % 2 == 0;
    }
  };
  Route route = keikaku::serve::ResolveTarget(target, base, exists);
  switch (route.kind) {
    case Route::Kind::kFile:
      FUZZ_CHECK(SafeRelativePath(route.file), "mapped outside the site", target, route.file);
      FUZZ_CHECK(exists(route.file), "mapped to a file the site does not have", target, route.file);
      break;
    case Route::Kind::kRedirect: {
      const std::string& loc = route.location;
      FUZZ_CHECK(loc.size() >= 1 && loc[0] == '/' && (loc.size() == 1 || (loc[1] != '/' && loc[1] != '\\')),
                 "redirect leaves the server", target, loc);
      std::string_view path = std::string_view(loc).substr(0, loc.find('?'));
      for (char c : path) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '.' || c == '_' || c == '~' || c == '/' || c == '%';
        FUZZ_CHECK(ok, "redirect path not percent-encoded", target, loc);
      }
      std::optional<std::string> decoded = keikaku::text::PercentDecode(path);
      FUZZ_CHECK(decoded && (*decoded == "/" || (decoded->size() > 2 && decoded->back() == '/' &&
                                                 SafeRelativePath(decoded->substr(1, decoded->size() - 2)))),
                 "redirect to an unsafe path", target, loc);
      if (target.find_first_of("\r\n") == std::string::npos) {
        FUZZ_CHECK(loc.find_first_of("\r\n") == std::string::npos, "line break in Location", target, loc);
      }
      break;
    }
    case Route::Kind::kNotFound:
    case Route::Kind::kBadRequest:
      FUZZ_CHECK(route.file.empty() && route.location.empty(), "a refusal carries a path", target);
      break;
  }
  // EncodePath of any bytes decodes back to them.
  std::string encoded = keikaku::serve::EncodePath(target);
  std::optional<std::string> back = keikaku::text::PercentDecode(encoded);
  FUZZ_CHECK(back && *back == target, "EncodePath does not round-trip", target, encoded);
  return 0;
}
