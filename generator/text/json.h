// JSON string literals, for the few JSON documents keikaku writes (check reports, the
// content schema, live-reload events).
#ifndef KEIKAKU_TEXT_JSON_H_
#define KEIKAKU_TEXT_JSON_H_

#include <string>
#include <string_view>
#include <vector>

namespace keikaku::text {

/// Appends `s` (UTF-8) as a quoted JSON string: quotes, backslashes and control characters
/// escaped, everything else as is.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonString(std::string_view s);

/// Writes one JSON document in order, indented by two spaces (one member or element a line),
/// so that the same calls always give the same bytes. The caller keeps the nesting right:
/// Key before each member's value, every Begin matched by its End.
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(long long n);
  /// Shortest form that reads back as `n`; null for NaN and infinities, which JSON lacks.
  JsonWriter& Number(double n);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  /// The document, ending with a newline.
  std::string Take();

 private:
  void BeforeValue();
  void Close(char bracket);
  std::string out_;
  std::vector<char> empty_;  ///< Per open object or array: nothing in it yet (not vector<bool>: no bit masks).
  bool after_key_ = false;
};

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_JSON_H_
