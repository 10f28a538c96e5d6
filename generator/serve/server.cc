#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

#include "serve/preview_page.h"
#include "serve/route.h"
#include "text/json.h"

namespace keikaku::serve {

namespace {

constexpr auto kPingInterval = std::chrono::seconds(5);

std::string MimeType(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"atom", "application/atom+xml; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"svg", "image/svg+xml; charset=utf-8"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"woff2", "font/woff2"},
      {"gz", "application/gzip"},
      {"br", "application/octet-stream"},
  };
  std::string ext = output::Extension(path);
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

bool IsLoopback(const std::string& host) {
  return host.rfind("127.", 0) == 0 || host == "::1" || host == "localhost";
}

// The name in a Host header, without the port ("[::1]:8080" → "::1").
std::string HostName(const std::string& header) {
  if (!header.empty() && header.front() == '[') {
    std::size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(1, close - 1);
  }
  return header.substr(0, header.find(':'));
}

// httplib listens with a backlog of 5: a page with its stylesheet, scripts and images,
// opened in a few tabs while streams connect, overflows it and the kernel makes clients
// wait a second or more to retry. Linux lets a listening socket take a new backlog.
class Listener : public httplib::Server {
 public:
  void WidenBacklog() { ::listen(svr_sock_, SOMAXCONN); }
};

void SetText(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(message + "\n", "text/plain; charset=utf-8");
}

}  // namespace

PreviewServer::PreviewServer(PreviewAssets assets)
    : assets_(std::move(assets)),
      server_(std::make_unique<Listener>()) {
  // Pages keep threads free however many live-reload streams are open (each holds one).
  server_->new_task_queue = [] { return new httplib::ThreadPool(kMaxStreams + kPageThreads); };
  // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second server share a
  // busy port instead of moving to the next.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_keep_alive_timeout(2);
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
}

PreviewServer::~PreviewServer() { Stop(); }

int PreviewServer::Bind(const std::string& host, int port, int tries) {
  host_ = host;
  if (port == 0) {
    int bound = server_->bind_to_any_port(host);
    port_ = bound > 0 ? bound : 0;
  }
  for (int i = 0; port_ == 0 && port > 0 && i < std::max(tries, 1) && port + i <= 65535; ++i) {
    if (server_->bind_to_port(host, port + i)) port_ = port + i;
  }
  if (port_ != 0) static_cast<Listener&>(*server_).WidenBacklog();
  return port_;
}

void PreviewServer::Start() {
  thread_ = std::thread([this] { server_->listen_after_bind(); });
}

void PreviewServer::Stop() {
  feed_.Close();
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

std::shared_ptr<const PreviewServer::Current> PreviewServer::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

void PreviewServer::Publish(Snapshot snapshot, const std::vector<std::string>& changed) {
  std::uint64_t build = feed_.last() + 1;  // one publishing thread: no race on the number
  std::string payload = "{\"build\":" + std::to_string(build) +
                        ",\"error\":" + (snapshot.overlay.empty() ? "false" : "true") + ",\"changed\":[";
  for (std::size_t i = 0; i < changed.size(); ++i) {
    if (i > 0) payload += ',';
    text::AppendJsonString(payload, changed[i]);
  }
  payload += "]}";
  auto next = std::make_shared<const Current>(Current{std::move(snapshot), build});
  // Swapped and announced together: a page served with the new build number finds the
  // feed already at that number when its stream connects.
  // The previous build is released after the lock, not under it.
  std::lock_guard<std::mutex> lock(mu_);
  current_.swap(next);
  feed_.Publish(std::move(payload));
}

bool PreviewServer::HostAllowed(const httplib::Request& req) const {
  // A page elsewhere could rename its own host to 127.0.0.1 (DNS rebinding) and read the
  // drafts; a server on the loopback answers only to loopback names.
  if (!IsLoopback(host_) || !req.has_header("Host")) return true;
  return IsLoopback(HostName(req.get_header_value("Host")));
}

void PreviewServer::Handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    return SetText(res, 405, "プレビューは表示（GET, HEAD）だけを受け付けます。");
  }
  if (!HostAllowed(req)) {
    return SetText(res, 403, "このプレビューは、このコンピューターの中（localhost）からだけ見られます。");
  }
  std::string path = req.target.substr(0, req.target.find('?'));
  if (path == kEventsPath) return HandleEvents(req, res);
  if (path == kScriptPath) return res.set_content(assets_.script, MimeType(path));
  if (path == kStylePath) return res.set_content(assets_.style, MimeType(path));
  HandlePage(req, res);
}

void PreviewServer::HandleEvents(const httplib::Request& req, httplib::Response& res) {
  if (req.method == "HEAD") return res.set_content("", "text/event-stream");
  if (!feed_.TryOpenStream(kMaxStreams)) {
    return SetText(res, 503, "自動再読み込みの接続が多すぎます。使っていないタブを閉じてください。");
  }
  // The stream starts after the build the page came from, so no rebuild is missed.
  std::uint64_t since = 0;
  if (req.has_param("since")) {
    try {
      since = std::stoull(req.get_param_value("since"));
    } catch (const std::exception&) {
      since = 0;
    }
  }
  // A page from before a restart of the server (a build number it never had) reloads.
  std::uint64_t last = feed_.last();
  bool stale = since > last;
  auto seen = std::make_shared<std::uint64_t>(since == 0 || stale ? last : since);
  auto greeted = std::make_shared<bool>(false);
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, seen, greeted, stale](std::size_t, httplib::DataSink& sink) {
        if (!*greeted) {
          *greeted = true;
          std::string hello = "retry: 1000\n: keikaku\n\n";
          if (stale) hello += "event: reload\ndata: {\"build\":" + std::to_string(*seen) + ",\"all\":true}\n\n";
          return sink.write(hello.data(), hello.size());
        }
        FeedWait wait = feed_.WaitAfter(*seen, kPingInterval);
        if (wait.closed) {
          sink.done();
          return true;
        }
        std::string out;
        for (const std::string& e : wait.events) out += "event: reload\ndata: " + e + "\n\n";
        if (out.empty()) out = ": ping\n\n";
        return sink.write(out.data(), out.size());
      },
      [this](bool) { feed_.CloseStream(); });
}

void PreviewServer::HandlePage(const httplib::Request& req, httplib::Response& res) {
  std::shared_ptr<const Current> now = current();
  const Snapshot& shown = now->snapshot;
  PageState page{now->build, shown.base_path, false, shown.overlay};
  const output::SharedTree* site = shown.site.get();
  if (!site) {
    res.status = 503;
    return res.set_content(NoBuildPage(page), MimeType(".html"));
  }
  Route route = ResolveTarget(req.target, shown.base_path, [site](const std::string& file) {
    return site->count(file) > 0;
  });
  switch (route.kind) {
    case Route::Kind::kRedirect:
      res.set_redirect(route.location, 302);
      return;
    case Route::Kind::kBadRequest:
      return SetText(res, 400, "このアドレスは使えません（「..」や制御文字、正しくない % の書き方が含まれています）。");
    case Route::Kind::kNotFound: {
      auto it = site->find("404.html");
      if (it == site->end()) return SetText(res, 404, "ページが見つかりません。");
      page.missing = true;
      res.status = 404;
      return res.set_content(InjectPreview(*it->second, page), MimeType(".html"));
    }
    case Route::Kind::kFile:
      break;
  }
  const std::string& bytes = *site->at(route.file);
  std::string type = MimeType(route.file);
  if (type.rfind("text/html", 0) == 0) {
    res.set_content(InjectPreview(bytes, page), type);
  } else {
    res.set_content(bytes, type);
  }
}

}  // namespace keikaku::serve
