#include "serve/route.h"

#include <optional>
#include <vector>

#include "text/url.h"
#include "text/utf8.h"

namespace keikaku::serve {

namespace {

// Decodes the path; refuses malformed escapes, control bytes (NUL above all), backslashes
// and invalid UTF-8, written or escaped.
std::optional<std::string> DecodePath(std::string_view in) {
  std::optional<std::string> out = text::PercentDecode(in);
  if (!out || !text::IsValidUtf8(*out)) return std::nullopt;
  for (char ch : *out) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
  }
  return out;
}

std::vector<std::string> Segments(std::string_view path, bool& escapes_root) {
  std::vector<std::string> segments;
  escapes_root = false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view s = path.substr(start, end - start);
    if (s == "..") {
      if (segments.empty()) escapes_root = true;
      else segments.pop_back();
    } else if (!s.empty() && s != ".") {
      segments.emplace_back(s);
    }
    start = end + 1;
  }
  return segments;
}

std::string Join(const std::vector<std::string>& segments, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < segments.size(); ++i) {
    if (i > from) out += '/';
    out += segments[i];
  }
  return out;
}

}  // namespace

std::string EncodePath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Route ResolveTarget(std::string_view target, std::string_view base_path,
                    const std::function<bool(const std::string&)>& exists) {
  Route route;
  std::string_view raw = target.substr(0, target.find_first_of("?#"));
  std::string_view query;
  if (std::size_t q = target.find('?'); q != std::string_view::npos && q == raw.size()) {
    query = target.substr(q, target.find('#', q) - q);
  }
  std::optional<std::string> decoded_path = raw.empty() || raw.front() != '/' ? std::nullopt : DecodePath(raw);
  if (!decoded_path) {
    route.kind = Route::Kind::kBadRequest;
    return route;
  }
  const std::string& decoded = *decoded_path;
  bool escapes_root = false;
  std::vector<std::string> segments = Segments(decoded, escapes_root);
  bool ignored = false;
  std::vector<std::string> base = Segments(base_path, ignored);
  if (escapes_root) {
    route.kind = Route::Kind::kBadRequest;
    return route;
  }
  bool folder = decoded.back() == '/';
  if (std::size_t slash = decoded.rfind('/'); slash != std::string::npos) {
    std::string_view last = std::string_view(decoded).substr(slash + 1);
    folder = folder || last == "." || last == "..";
  }
  auto redirect = [&](const std::vector<std::string>& to) {
    route.kind = Route::Kind::kRedirect;
    route.location = EncodePath("/" + Join(to, 0) + (to.empty() ? "" : "/")) + std::string(query);
    return route;
  };

  bool under_base = segments.size() >= base.size();
  for (std::size_t i = 0; under_base && i < base.size(); ++i) under_base = segments[i] == base[i];
  if (!under_base) {
    if (segments.empty()) return redirect(base);
    route.kind = Route::Kind::kNotFound;
    return route;
  }
  std::string rel = Join(segments, base.size());
  if (rel.empty() && !folder) return redirect(base);
  if (folder) {
    std::string file = rel.empty() ? "index.html" : rel + "/index.html";
    if (exists(file)) {
      route.kind = Route::Kind::kFile;
      route.file = std::move(file);
    }
    return route;
  }
  if (exists(rel)) {
    route.kind = Route::Kind::kFile;
    route.file = std::move(rel);
  } else if (exists(rel + "/index.html")) {
    return redirect(segments);
  }
  return route;
}

}  // namespace keikaku::serve
