#include "assetpipe/script.h"

namespace keikaku::assetpipe {

std::string StripScript(const std::string& source) {
  std::string out;
  std::size_t at = 0;
  while (at < source.size()) {
    std::size_t end = source.find('\n', at);
    if (end == std::string::npos) end = source.size();
    std::size_t first = source.find_first_not_of(" \t\r", at);
    if (first < end && source.compare(first, 2, "//") != 0) {
      std::size_t last = source.find_last_not_of(" \t\r", end - 1);
      out.append(source, first, last + 1 - first);
      out += '\n';
    }
    at = end + 1;
  }
  return out;
}

}  // namespace keikaku::assetpipe
