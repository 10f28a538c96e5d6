// SCSS to CSS through LibSass (keep to its subset: @import, no @use).
#ifndef KEIKAKU_ASSETPIPE_SCSS_H_
#define KEIKAKU_ASSETPIPE_SCSS_H_

#include <map>
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace keikaku::assetpipe {

/// Compiles `entry` (a key of `files`, e.g. "assets/scss/style.scss"); partials are found
/// among `files` by LibSass's @import rules. `origin` names files in messages.
std::optional<std::string> CompileScss(const std::string& entry,
                                       const std::map<std::string, std::string>& files,
                                       diag::Diagnostics& diags);

/// 8 hex digits of a stable content hash, for cache-friendly file names.
std::string ContentHash(const std::string& bytes);

}  // namespace keikaku::assetpipe

#endif  // KEIKAKU_ASSETPIPE_SCSS_H_
