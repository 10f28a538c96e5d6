// Maps a request target to a file of the built site. Pure: the preview server asks it, the
// fuzzer feeds it. Nothing outside the site can be named: the site is an in-memory tree,
// and the mapping refuses what a file server would have to normalise (NUL, backslashes,
// bad percent-encoding, `..` above the root).
#ifndef KEIKAKU_SERVE_ROUTE_H_
#define KEIKAKU_SERVE_ROUTE_H_

#include <functional>
#include <string>
#include <string_view>

namespace keikaku::serve {

struct Route {
  enum class Kind { kFile, kRedirect, kNotFound, kBadRequest };
  Kind kind = Kind::kNotFound;
  std::string file;      ///< kFile: the site path ("plan/index.html").
  std::string location;  ///< kRedirect: where to, percent-encoded, with the query kept.
};

/// Resolves `target` (the raw request target, e.g. "/plan/%E7%AB%A0?x=1") for a site
/// mounted at `base_path` ("/" or "/keikaku/"). `exists` says whether the site has a file.
/// "/dir" redirects to "/dir/" when dir/index.html exists; "/" redirects to `base_path`.
Route ResolveTarget(std::string_view target, std::string_view base_path,
                    const std::function<bool(const std::string&)>& exists);

/// Percent-encodes a decoded path for a Location header (keeps '/' and unreserved bytes).
std::string EncodePath(std::string_view path);

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_ROUTE_H_
