// `keikaku serve`: builds the site into memory, serves it on 127.0.0.1, and rebuilds it
// whenever a content or theme file is saved; the browser reloads after each rebuild.
#ifndef KEIKAKU_SERVE_SERVE_H_
#define KEIKAKU_SERVE_SERVE_H_

#include <optional>
#include <ostream>
#include <string>

#include "pipeline/build.h"
#include "serve/watcher.h"

namespace keikaku::serve {

inline constexpr int kDefaultPort = 8080;
/// Without --port, the default and the next ports are tried while they are taken.
inline constexpr int kPortTries = 10;

struct ServeOptions {
  pipeline::BuildOptions build;  ///< source and theme; serve never writes build.output.
  std::string host = "127.0.0.1";
  std::optional<int> port;  ///< Unset: kDefaultPort or the next free one.
  bool open = false;        ///< Open the preview in the desktop's browser.
  WatchMode watch = WatchMode::kAuto;
};

/// Runs until SIGINT or SIGTERM. Returns 0 after a clean stop, 1 if it could not start.
int Serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_SERVE_H_
