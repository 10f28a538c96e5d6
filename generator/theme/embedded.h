// The default theme's files, compiled into the binary by cmake/embed_theme.cmake.
#ifndef KEIKAKU_THEME_EMBEDDED_H_
#define KEIKAKU_THEME_EMBEDDED_H_

#include <cstddef>

namespace keikaku::theme {

struct EmbeddedFile {
  const char* path;  ///< Relative to the repository root, e.g. "templates/layout.tpl".
  const char* data;
  std::size_t size;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace keikaku::theme

#endif  // KEIKAKU_THEME_EMBEDDED_H_
