#include "text/json.h"

#include <array>
#include <charconv>
#include <cmath>

#include "text/scan.h"

namespace keikaku::text {

void AppendJsonString(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  // Control characters, " and \, and < > & as \u escapes too: a JSON file opened by a
  // browser that guesses HTML, or pasted into a page, cannot start markup.
  static constexpr std::string_view kSpecial = "\"\\<>&";
  static constexpr std::array<bool, 256> kEscaped = StopTable(kSpecial, /*controls=*/true);
  out += '"';
  std::size_t plain = 0;  // the start of the run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Sixteen bytes at a time where none needs an escape (most of a Japanese text).
    i = SkipToAny(s, i, kSpecial, /*controls=*/true);
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (!kEscaped[c]) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  // 「,」 after the one before, a line break and the indentation, in one append.
  static const std::string kBreaks = ",\n" + std::string(256, ' ');
  const std::size_t indent = 2 * empty_.size();
  const std::size_t skip = empty_.back() ? 1 : 0;
  if (indent + 2 <= kBreaks.size()) {
    out_.append(kBreaks, skip, 2 - skip + indent);
  } else {
    if (!skip) out_ += ',';
    out_ += '\n';
    out_.append(indent, ' ');
  }
  empty_.back() = false;
}

void JsonWriter::Close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) {
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
  }
  out_ += bracket;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_.append(": ", 2);
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
  return *this;
}

JsonWriter& JsonWriter::Int(long long n) {
  BeforeValue();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::Number(double n) {
  if (!std::isfinite(n)) return Null();
  BeforeValue();
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out_.append(buffer, ec == std::errc() ? end : buffer);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

std::string JsonWriter::Take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace keikaku::text
