// A stable, non-cryptographic hash of bytes: the same input gives the same value on every
// machine and build, for file names and identifiers that must not change between builds.
#ifndef KEIKAKU_TEXT_HASH_H_
#define KEIKAKU_TEXT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace keikaku::text {

/// FNV-1a, 64 bits; `basis` other than the standard offset basis gives an independent hash.
constexpr std::uint64_t Fnv1a64(std::string_view bytes, std::uint64_t basis = 14695981039346656037ull) {
  std::uint64_t h = basis;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

/// 128 bits of `bytes` as 32 hex digits (two FNV-1a hashes with independent bases): equal
/// for equal bytes, and for different bytes as good as never equal.
inline std::string Fingerprint(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t h : {Fnv1a64(bytes), Fnv1a64(bytes, 0x84222325cbf29ce4ull)}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(h >> shift) & 0xf];
  }
  return out;
}

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_HASH_H_
