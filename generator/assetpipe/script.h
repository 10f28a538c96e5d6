// The theme's JavaScript, made smaller for the wire without a minifier: comment lines,
// blank lines and indentation go; everything else is kept byte for byte, so the script
// must keep each statement on its own lines and use no multi-line strings.
#ifndef KEIKAKU_ASSETPIPE_SCRIPT_H_
#define KEIKAKU_ASSETPIPE_SCRIPT_H_

#include <string>

namespace keikaku::assetpipe {

/// `source` without lines that hold only a // comment, without blank lines and without
/// leading indentation.
std::string StripScript(const std::string& source);

}  // namespace keikaku::assetpipe

#endif  // KEIKAKU_ASSETPIPE_SCRIPT_H_
