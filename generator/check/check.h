// `keikaku check`: builds the site in memory (drafts included), checks its links, and
// reports every finding without publishing anything.
#ifndef KEIKAKU_CHECK_CHECK_H_
#define KEIKAKU_CHECK_CHECK_H_

#include <ostream>

#include "pipeline/build.h"

namespace keikaku::check {

struct CheckOptions {
  pipeline::BuildOptions build;  ///< source and theme; nothing is written.
  bool strict = false;           ///< Warnings count as errors.
  bool json = false;             ///< One JSON document instead of GCC-style lines.
};

/// Returns 0 when clean (warnings allowed unless strict), 1 when there are errors.
int Check(const CheckOptions& options, std::ostream& out);

}  // namespace keikaku::check

#endif  // KEIKAKU_CHECK_CHECK_H_
