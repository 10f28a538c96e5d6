// Relative links between output files, so the site works under any sub-path and from disk.
#ifndef KEIKAKU_RENDER_URLS_H_
#define KEIKAKU_RENDER_URLS_H_

#include <string>

namespace keikaku::render {

/// The prefix that leads from output file `page` (e.g. "plan/x.html") back to the site root
/// ("../"; "" for a page at the root).
std::string RootPrefix(const std::string& page);

/// A relative URL from output file `from` to output file `to` (both site-relative paths).
std::string RelativeUrl(const std::string& from, const std::string& to);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_URLS_H_
