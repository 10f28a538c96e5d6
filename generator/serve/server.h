// The preview's HTTP server (cpp-httplib): serves the newest good build from memory, the
// live-reload feed, and the preview's own script and stylesheet. Nothing is read from disk
// while serving, so no path, link or encoding trick can reach a file outside the site.
#ifndef KEIKAKU_SERVE_SERVER_H_
#define KEIKAKU_SERVE_SERVER_H_

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "output/output_tree.h"
#include "serve/reload.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace keikaku::serve {

/// What the server shows: the newest good build and, when the newest rebuild failed, its
/// errors as an overlay.
struct Snapshot {
  std::shared_ptr<const output::SharedTree> site;  ///< Null until a build succeeds.
  std::string overlay;                             ///< "" when the newest rebuild succeeded.
  std::string base_path = "/";                     ///< Where the site is mounted (site.yaml).
};

/// The preview's own files, from the theme (assets/preview/).
struct PreviewAssets {
  std::string script, style;
};

class PreviewServer {
 public:
  explicit PreviewServer(PreviewAssets assets);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds `host:port`; port 0 lets the system choose. With `tries` > 1 the next ports are
  /// tried while the port is taken. Returns the bound port, or 0.
  int Bind(const std::string& host, int port, int tries);
  /// Serves on a thread of its own until Stop().
  void Start();
  /// Ends the streams, stops listening, and waits for the server thread.
  void Stop();

  /// Shows `snapshot` from now on, then tells the browsers: `changed` lists the site paths
  /// that differ from the previous snapshot. Call from one thread only.
  void Publish(Snapshot snapshot, const std::vector<std::string>& changed);

  /// Live-reload streams allowed at once; the thread pool keeps kPageThreads more for pages.
  static constexpr int kMaxStreams = 64;
  static constexpr int kPageThreads = 32;

 private:
  struct Current {
    Snapshot snapshot;
    std::uint64_t build = 0;
  };
  /// What requests are answered from; replaced whole by Publish, so a request holds one
  /// consistent state without copying it.
  std::shared_ptr<const Current> current() const;
  bool HostAllowed(const httplib::Request& req) const;
  void Handle(const httplib::Request& req, httplib::Response& res);
  void HandleEvents(const httplib::Request& req, httplib::Response& res);
  void HandlePage(const httplib::Request& req, httplib::Response& res);

  PreviewAssets assets_;
  std::string host_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  ReloadFeed feed_;
  mutable std::mutex mu_;
  std::shared_ptr<const Current> current_ = std::make_shared<const Current>();
};

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_SERVER_H_
