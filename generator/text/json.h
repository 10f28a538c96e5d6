// JSON string literals, for the few JSON documents keikaku writes (check reports, the
// content schema, live-reload events).
#ifndef KEIKAKU_TEXT_JSON_H_
#define KEIKAKU_TEXT_JSON_H_

#include <string>
#include <string_view>

namespace keikaku::text {

/// Appends `s` (UTF-8) as a quoted JSON string: quotes, backslashes and control characters
/// escaped, everything else as is.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonString(std::string_view s);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_JSON_H_
