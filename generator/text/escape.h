// HTML escaping for text that does not pass through ctemplate's auto-escaper.
#ifndef KEIKAKU_TEXT_ESCAPE_H_
#define KEIKAKU_TEXT_ESCAPE_H_

#include <string>
#include <string_view>

namespace keikaku::text {

/// Escapes & < > " ' for HTML text and quoted attribute values.
std::string EscapeHtml(std::string_view s);
void AppendEscapedHtml(std::string& out, std::string_view s);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_ESCAPE_H_
