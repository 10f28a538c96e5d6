// Scans that stop at a few bytes step over 16-byte blocks in which none of them is (SSE2, the
// x86-64 baseline; elsewhere no block is stepped over and the scan looks at every byte).
#ifndef KEIKAKU_TEXT_SCAN_H_
#define KEIKAKU_TEXT_SCAN_H_

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstddef>
#include <string_view>

namespace keikaku::text {

/// The bytes of `stops` (and, with `controls`, those below 0x20) as a table, for the scan's
/// look at single bytes: the same set as SkipToAny's.
constexpr std::array<bool, 256> StopTable(std::string_view stops, bool controls = false) {
  std::array<bool, 256> table{};
  for (int c = 0; controls && c < 0x20; ++c) table[c] = true;
  for (char c : stops) table[static_cast<unsigned char>(c)] = true;
  return table;
}

/// The first position at or after `i` that holds one of `stops` (or, with `controls`, a byte
/// below 0x20), as far as whole 16-byte blocks go: then, or at the start of the last shorter
/// block, the caller looks at the bytes one by one.
inline std::size_t SkipToAny(std::string_view s, std::size_t i, std::string_view stops, bool controls = false) {
#if defined(__SSE2__)
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Below 0x20 as a signed byte, but not the bytes from 0x80 (negative).
    __m128i hit = controls ? _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)))
                           : _mm_setzero_si128();
    for (char c : stops) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#else
  static_cast<void>(stops);
  static_cast<void>(controls);
#endif
  return i;
}

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_SCAN_H_
