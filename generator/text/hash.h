// A stable, non-cryptographic hash of bytes: the same input gives the same value on every
// machine and build, for file names and identifiers that must not change between builds.
#ifndef KEIKAKU_TEXT_HASH_H_
#define KEIKAKU_TEXT_HASH_H_

#include <cstdint>
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

}  // namespace keikaku::text

#endif  // KEIKAKU_TEXT_HASH_H_
