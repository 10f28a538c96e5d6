// Percent-encoding in URL paths, shared by the preview server's routing and the link check.
#ifndef KEIKAKU_TEXT_URL_H_
#define KEIKAKU_TEXT_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace keikaku::text {

/// Decodes %XX escapes; nothing when an escape is malformed ("%4", "%zz"). The bytes that
/// come out are not checked: callers decide what a path may hold.
std::optional<std::string> PercentDecode(std::string_view s);

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_URL_H_
