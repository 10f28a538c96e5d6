#include "text/term_matcher.h"

#include <algorithm>

namespace keikaku::text {
namespace {

bool IsAsciiWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

TermMatcher::TermMatcher(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (name.empty()) continue;
    const std::size_t first = static_cast<unsigned char>(name[0]);
    by_first_byte_[first].push_back(name);
    if (name.size() > 1) {
      starts_.set(first << 8 | static_cast<unsigned char>(name[1]));
    } else {
      for (std::size_t second = 0; second < 256; ++second) starts_.set(first << 8 | second);
    }
  }
  for (auto& bucket : by_first_byte_) {
    std::sort(bucket.begin(), bucket.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    bucket.erase(std::unique(bucket.begin(), bucket.end()), bucket.end());
    for (const std::string& name : bucket) key_ += name + '\0';
  }
}

std::optional<TermMatch> TermMatcher::Find(std::string_view text, std::size_t from) const {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (IsContinuationByte(text[i])) continue;
    // In Japanese text most names share the first byte (E3 for kana): the second tells.
    const std::size_t second = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (!starts_.test(static_cast<std::size_t>(static_cast<unsigned char>(text[i])) << 8 | second)) continue;
    for (const std::string& name : by_first_byte_[static_cast<unsigned char>(text[i])]) {
      if (name.size() > 1 && (i + 1 >= text.size() || text[i + 1] != name[1])) continue;
      if (text.compare(i, name.size(), name) != 0) continue;
      std::size_t end = i + name.size();
      bool glued_before = IsAsciiWordByte(name.front()) && i > 0 && IsAsciiWordByte(text[i - 1]);
      bool glued_after = IsAsciiWordByte(name.back()) && end < text.size() && IsAsciiWordByte(text[end]);
      if (!glued_before && !glued_after) return TermMatch{i, end, name};
    }
  }
  return std::nullopt;
}

}  // namespace keikaku::text
