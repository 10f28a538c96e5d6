// Shared by the fuzz targets (fuzz/*_fuzz.cc): an invariant check that stops the run with
// a message, so that libFuzzer saves the input as a crash (an assert would vanish with NDEBUG).
#ifndef KEIKAKU_FUZZ_FUZZ_CHECK_H_
#define KEIKAKU_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond, ...)                                                             \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
      ::keikaku_fuzz::Explain(__VA_ARGS__);                                               \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace keikaku_fuzz {

inline void Explain() {}
template <typename... Rest>
void Explain(std::string_view first, Rest... rest) {
  std::string quoted;
  for (unsigned char c : first) {
    if (c == '\n') {
      quoted += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      quoted += buf;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  std::fprintf(stderr, "  %s\n", quoted.c_str());
  Explain(rest...);
}

}  // namespace keikaku_fuzz

#endif  // KEIKAKU_FUZZ_FUZZ_CHECK_H_
