// Checks the links of a built site: every relative href/src names a file of the site and
// every #anchor an id on that page. External links are collected, never fetched.
#ifndef KEIKAKU_CHECK_LINKS_H_
#define KEIKAKU_CHECK_LINKS_H_

#include <set>
#include <string>

#include "diag/diagnostics.h"
#include "output/output_tree.h"

namespace keikaku::check {

struct LinkReport {
  int checked = 0;                 ///< Internal links followed.
  std::set<std::string> external;  ///< http(s) links, sorted, each once.
};

/// Reports `link.broken` (no such file) and `link.anchor` (no such id) as errors, and
/// `link.absolute` (a site-absolute path, which breaks under a sub-path) as a warning. Their
/// file is "<output>/" + the page, with the line in the page's HTML. The 404 page, whose
/// links start from the base path, is left out.
LinkReport CheckLinks(const output::OutputTree& site, diag::Diagnostics& diags);

}  // namespace keikaku::check

#endif  // KEIKAKU_CHECK_LINKS_H_
