#include "serve/serve.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <set>
#include <thread>

#include "serve/preview_page.h"
#include "serve/server.h"
#include "theme/theme.h"

extern char** environ;

namespace keikaku::serve {

namespace {

volatile std::sig_atomic_t g_stop = 0;

void OnStopSignal(int) { g_stop = 1; }

// One build of the site into memory.
struct Attempt {
  bool ok = false;
  std::shared_ptr<const output::SharedTree> site;
  std::string base_path = "/";
  diag::Diagnostics diags;
  load::SourceTexts sources;
  render::Stats stats;
  double seconds = 0;
};

// `cache` keeps what each plan was made into, so a save re-makes only the plan it touched.
Attempt BuildOnce(const pipeline::BuildOptions& options, pipeline::BuildCache& cache) {
  auto start = std::chrono::steady_clock::now();
  Attempt a;
  auto tree = std::make_shared<output::SharedTree>();
  output::SharedTreeSink sink(*tree);
  a.ok = pipeline::Render(options, sink, a.stats, a.sources, a.diags, &a.base_path, &cache);
  if (a.ok) a.site = std::move(tree);
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return a;
}

// The site paths added, changed or removed between two builds (`before` null: all of them).
std::vector<std::string> Changed(const output::SharedTree* before, const output::SharedTree& after) {
  static const output::SharedTree kNone;
  const output::SharedTree& old = before ? *before : kNone;
  std::vector<std::string> changed;
  for (const auto& [path, bytes] : after) {
    auto it = old.find(path);
    // A plan that did not change shares its files with the previous build.
    if (it == old.end() || (it->second != bytes && *it->second != *bytes)) changed.push_back(path);
  }
  for (const auto& [path, bytes] : old) {
    if (!after.count(path)) changed.push_back(path);
  }
  return changed;
}

std::string Clock() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%H:%M:%S", &local);
  return std::string("[") + buffer + "] ";
}

// What the terminal shows after each build: every error, and the warnings the previous
// build did not have (the same warnings on every save would bury the news).
class Reporter {
 public:
  Reporter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  /// `changed` is null for the first build; `was_failing` says the previous build failed.
  void Report(const Attempt& a, const std::vector<std::string>* changed, bool was_failing) {
    std::set<std::string> warnings;
    diag::SourceLines lines(a.sources);
    for (const diag::Diagnostic& d : a.diags.Sorted()) {
      std::string text = diag::FormatDiagnostic(d, lines.For(d.pos.file), 2);
      if (d.severity == diag::Severity::kError) {
        err_ << text;
      } else {
        std::string key = text.substr(0, text.find('\n'));  // position and message
        if (warnings.insert(key).second && !warnings_.count(key)) err_ << text;
      }
    }
    if (a.ok) warnings_ = std::move(warnings);
    out_ << Clock();
    if (!a.ok) {
      out_ << "エラーが " << a.diags.error_count()
           << " 件あります。ファイルを直して保存してください（ブラウザには前のページとエラーを表示しています）。";
    } else if (!changed) {
      out_ << a.stats.pages << " ページを作りました（" << pipeline::Seconds(a.seconds) << " 秒";
    } else {
      out_ << (was_failing ? "エラーが直りました。" : "作り直しました。");
      if (changed->empty()) {
        out_ << "変わったファイルはありません（" << pipeline::Seconds(a.seconds) << " 秒";
      } else {
        out_ << changed->size() << " 個のファイルが変わりました";
        if (changed->size() <= 3) {
          for (std::size_t i = 0; i < changed->size(); ++i) out_ << (i ? "、" : "（") << (*changed)[i];
          out_ << "、";
        } else {
          out_ << "（";
        }
        out_ << pipeline::Seconds(a.seconds) << " 秒";
      }
    }
    if (a.ok) {
      if (a.diags.warning_count() > 0) out_ << "、警告 " << a.diags.warning_count() << " 件";
      out_ << "）。";
    }
    out_ << "\n" << std::flush;
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
  std::set<std::string> warnings_;  ///< Those of the last good build.
};

// The address to open: a server on every address is reached, here, through the loopback.
std::string PreviewUrl(const std::string& bind, int port, const std::string& base_path) {
  std::string host = bind == "0.0.0.0" ? "127.0.0.1" : bind == "::" ? "[::1]" : bind;
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port) + base_path;
}

void InstallStopHandlers() {
  g_stop = 0;
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

// Opens `url` in the desktop's browser (xdg-open), without waiting for it.
void OpenBrowser(const std::string& url, std::ostream& err) {
  std::string program = "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    err << "ブラウザを開けませんでした（xdg-open がありません）。" << url << " をブラウザで開いてください。\n";
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

// Blocks SIGINT and SIGTERM in threads started while it lives, so they reach the main
// thread, whose handler asks the watch loop to stop.
class SignalsToMainThread {
 public:
  SignalsToMainThread() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsToMainThread() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

}  // namespace

int Serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  pipeline::BuildOptions build = options.build;
  build.drafts = true;
  if (build.theme && !std::filesystem::is_directory(*build.theme)) {
    err << "keikaku: テーマのフォルダ " << build.theme->generic_string()
        << " がありません。--theme には templates/ や assets/ を置いたフォルダを指定してください。\n";
    return 1;
  }
  if (!std::filesystem::is_directory(build.source)) {
    err << "keikaku: コンテンツのフォルダ " << build.source.generic_string()
        << " がありません。--source で site.yaml のあるフォルダを指定してください。\n";
    return 1;
  }

  theme::Theme theme(build.theme);
  PreviewAssets assets{theme.Read("assets/preview/live-reload.js").value_or(""),
                       theme.Read("assets/preview/preview.css").value_or("")};

  // Watching starts before the first build, so no save made during it is missed.
  std::vector<std::filesystem::path> roots{build.source};
  if (build.theme) roots.push_back(*build.theme);
  std::unique_ptr<Watcher> watcher = MakeWatcher(roots, options.watch);
  if (!watcher) watcher = MakeWatcher(roots, WatchMode::kPolling);

  out << "サイトを作っています（下書きも含めます）…\n" << std::flush;
  pipeline::BuildCache cache;
  Attempt first = BuildOnce(build, cache);
  PreviewServer server(std::move(assets));
  int port = options.port.value_or(kDefaultPort);
  int bound = server.Bind(options.host, port, options.port ? 1 : kPortTries);
  if (bound == 0) {
    if (options.port) {
      err << "keikaku: " << options.host << " のポート " << port
          << " を使えません（ほかのプログラムが使っているか、アドレスが違います）。\n"
          << "別の番号を --port で指定するか、--port を外して空いている番号を自動で選ばせてください。\n";
    } else {
      err << "keikaku: ポート " << port << "〜" << port + kPortTries - 1
          << " はすべて使われています。--port で別の番号を指定してください。\n";
    }
    return 1;
  }

  Reporter reporter(out, err);
  reporter.Report(first, nullptr, false);

  std::shared_ptr<const output::SharedTree> shown = first.site;
  std::string shown_base = first.base_path;
  bool failing = !first.ok;
  server.Publish({shown, failing ? ErrorOverlay(first.diags, first.sources) : "", shown_base}, {});

  InstallStopHandlers();
  {
    SignalsToMainThread signals;
    server.Start();
  }

  std::string url = PreviewUrl(options.host, bound, first.base_path);
  out << "プレビュー: " << url << "\n";
  if (!options.port && bound != port) {
    out << "（ポート " << port << " は使われていたため、" << bound << " にしました）\n";
  }
  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1") {
    out << "注意: " << options.host << " で待ち受けています。同じネットワークの人にも下書きが見えます。\n";
  }
  out << (std::string(watcher->kind()) == "polling"
              ? "ファイルの変更を 0.5 秒ごとに確かめています（ポーリング）。"
              : "ファイルの変更を見張っています。")
      << "Ctrl+C で終わります。\n" << std::flush;
  if (options.open) OpenBrowser(url, err);

  while (!g_stop) {
    Changes changes = WaitForChanges(*watcher, [] { return g_stop != 0; });
    if (changes.empty()) continue;
    Attempt a = BuildOnce(build, cache);
    if (a.ok) {
      std::vector<std::string> changed = Changed(shown.get(), *a.site);
      reporter.Report(a, &changed, failing);
      if (!changed.empty() || failing) {
        shown = a.site;
        shown_base = a.base_path;
        failing = false;
        server.Publish({shown, "", shown_base}, changed);
      }
    } else {
      reporter.Report(a, nullptr, failing);
      failing = true;
      server.Publish({shown, ErrorOverlay(a.diags, a.sources), shown_base}, {});
    }
  }
  out << "\n終了しています…\n" << std::flush;
  server.Stop();
  out << "プレビューを終わりました。\n" << std::flush;
  return 0;
}

}  // namespace keikaku::serve
