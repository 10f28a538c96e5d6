#include "text/escape.h"

namespace keikaku::text {

void AppendEscapedHtml(std::string& out, std::string_view s) {
  std::size_t run = 0;  // start of the current run of safe bytes, copied whole
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* rep = nullptr;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      case '\'': rep = "&#39;"; break;
      default: continue;
    }
    out.append(s.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendEscapedHtml(out, s);
  return out;
}

}  // namespace keikaku::text
