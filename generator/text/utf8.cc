#include "text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace keikaku::text {

char32_t DecodeAtSlow(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b >> 6) != 2) {
      ++pos;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  pos += len;
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
  return c;
}

std::size_t LastCodepointStart(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) >> 6) == 2 && s.size() - start < 4) {
    --start;
  }
  return start;
}

char32_t LastCodepoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t start = LastCodepointStart(s);
  return DecodeAt(s, start);
}

char32_t FirstCodepoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t pos = 0;
  return DecodeAt(s, pos);
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

CharFilter::CharFilter(const std::vector<char32_t>& chars) {
  for (char32_t c : chars) {
    std::string bytes;
    AppendUtf8(bytes, c);
    if (bytes.size() == 1) {
      bytes_.set(static_cast<unsigned char>(bytes[0]));
    } else {
      pairs_.set(static_cast<unsigned char>(bytes[0]) << 8 | static_cast<unsigned char>(bytes[1]));
    }
  }
}

bool IsValidUtf8(std::string_view s, std::size_t* bad_offset) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t pos = 0;
  while (pos < n) {
    // ASCII eight bytes at a time (indentation, keys, Markdown syntax), up to the first byte
    // that is not.
    if (bytes[pos] < 0x80) {
      if (pos + 8 > n) {
        ++pos;
        continue;
      }
      std::uint64_t eight;
      std::memcpy(&eight, bytes + pos, sizeof eight);
      const std::uint64_t high = eight & 0x8080808080808080ULL;
      pos += high == 0 ? 8 : static_cast<std::size_t>(__builtin_ctzll(high)) / 8;
      continue;
    }
    // Kana and kanji, one after another.
    while (IsCjkAt(bytes, pos, n)) pos += 3;
    if (pos >= n || bytes[pos] < 0x80) continue;
    const std::size_t size = Utf8SequenceAt(bytes, pos, n);
    if (size == 0) {
      if (bad_offset) *bad_offset = pos;
      return false;
    }
    pos += size;
  }
  return true;
}

std::size_t CodepointCount(std::string_view s) {
  // Every byte but the continuation bytes (10xxxxxx) starts a code point; those are counted
  // eight bytes at a time.
  std::size_t continuation = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, s.data() + i, sizeof bytes);
    continuation += static_cast<std::size_t>(__builtin_popcountll(bytes & ~(bytes << 1) & 0x8080808080808080ULL));
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) >> 6) == 2;
  return s.size() - continuation;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsJapanese(char32_t c) {
  bool hangul = (c >= 0x1100 && c <= 0x11FF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                (c >= 0x3130 && c <= 0x318F);
  return IsWide(c) && !hangul;
}

int DisplayWidth(std::string_view line, int codepoints) {
  int width = 0;
  std::size_t pos = 0;
  for (int i = 0; i < codepoints && pos < line.size(); ++i) {
    char32_t c = DecodeAt(line, pos);
    width += c == '\t' ? 1 : IsWide(c) ? 2 : 1;
  }
  return width;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x, y;
  for (std::size_t p = 0; p < a.size();) x.push_back(DecodeAt(a, p));
  for (std::size_t p = 0; p < b.size();) y.push_back(DecodeAt(b, p));
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[y.size()];
}

}  // namespace keikaku::text
