#include "text/term_matcher.h"

#include <algorithm>
#include <map>

namespace keikaku::text {
namespace {

bool IsAsciiWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

struct Char {
  std::uint32_t key;  // the code point, or 0x110000 + the byte where no valid sequence begins
  std::size_t size;   // its bytes
};

// The character that begins at s[i] (i < n, s[i] not a continuation byte). Only the form of
// the sequence is checked (a lead byte and its continuation bytes): a text and a name are
// read alike, which is all matching needs.
inline Char CharAt(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned char b = s[i];
  if (b < 0x80) return {b, 1};
  const std::size_t size = b < 0xC0 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 0;
  if (size == 0 || i + size > n) return {0x110000u + b, 1};
  std::uint32_t code = b & (0x7F >> size);
  for (std::size_t k = 1; k < size; ++k) {
    if (!IsContinuationByte(s[i + k])) return {0x110000u + b, 1};
    code = code << 6 | (s[i + k] & 0x3F);
  }
  return {code, size};
}

}  // namespace

TermMatcher::TermMatcher(const std::vector<std::string>& names) {
  std::map<std::uint32_t, std::vector<std::string>> lists;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    const auto* bytes = reinterpret_cast<const unsigned char*>(name.data());
    if (IsContinuationByte(bytes[0])) continue;  // never at a character's start: never found
    const Char first = CharAt(bytes, 0, name.size());
    // A name that begins with a broken sequence may match the first bytes of a whole
    // character: all names go into one list, tried at every character.
    if (first.key >= 0x110000) broken_ = true;
    lists[broken_ ? 0 : first.key].push_back(name);
  }
  if (broken_) {
    std::vector<std::string> all;
    for (auto& [first, list] : lists) all.insert(all.end(), list.begin(), list.end());
    lists = {{0, std::move(all)}};
    starts_.set();
  }
  for (auto& [first, list] : lists) {
    std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    list.erase(std::unique(list.begin(), list.end()), list.end());
    starts_.set(first & 0xFFFF);
    for (const std::string& name : list) key_ += name + '\0';  // the lists in their order
    by_first_char_.emplace_back(first, std::move(list));
  }
}

std::optional<TermMatch> TermMatcher::Find(std::string_view text, std::size_t from) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = from; i < n;) {
    // Most of a Japanese text: three bytes a character, looked at with no branch for the
    // continuation bytes (each is below 0x40 once 0x80 is flipped).
    while (i + 2 < n && (s[i] & 0xF0) == 0xE0) {
      const unsigned b1 = s[i + 1] ^ 0x80u, b2 = s[i + 2] ^ 0x80u;
      if ((b1 | b2) >= 0x40) break;
      if (starts_[(s[i] & 0x0Fu) << 12 | b1 << 6 | b2]) break;
      i += 3;
    }
    if (i >= n) break;
    Char c;
    const unsigned char b = s[i];
    if (b < 0x80) {
      c = {b, 1};
    } else if (IsContinuationByte(b)) {
      ++i;
      continue;
    } else {
      c = CharAt(s, i, n);
    }
    if (!starts_[c.key & 0xFFFF]) {
      i += c.size;
      continue;
    }
    const std::uint32_t key = broken_ ? 0 : c.key;
    auto list = std::lower_bound(by_first_char_.begin(), by_first_char_.end(), key,
                                 [](const auto& entry, std::uint32_t k) { return entry.first < k; });
    if (list != by_first_char_.end() && list->first == key) {
      for (const std::string& name : list->second) {
        if (text.compare(i, name.size(), name) != 0) continue;
        const std::size_t end = i + name.size();
        bool glued_before = IsAsciiWordByte(name.front()) && i > 0 && IsAsciiWordByte(text[i - 1]);
        bool glued_after = IsAsciiWordByte(name.back()) && end < n && IsAsciiWordByte(text[end]);
        if (!glued_before && !glued_after) return TermMatch{i, end, name};
      }
    }
    i += c.size;
  }
  return std::nullopt;
}

}  // namespace keikaku::text
