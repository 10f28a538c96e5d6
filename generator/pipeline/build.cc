#include "pipeline/build.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "export/export.h"
#include "io/file.h"
#include "lint/plan_rules.h"
#include "markdown/markdown.h"
#include "output/site_writer.h"
#include "parallel/parallel.h"
#include "pipeline/progress.h"
#include "render/render.h"
#include "text/url.h"
#include "theme/theme.h"

namespace keikaku::pipeline {

namespace {

// Seconds since the last lap.
class Stopwatch {
 public:
  double Lap() {
    auto now = std::chrono::steady_clock::now();
    double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// True if `name` is a raster image (PNG, JPEG, GIF, WebP, AVIF), the only files published as
// images: an "image" that is an HTML page or an SVG drawing could hold scripts, which run with
// the site's own address for a reader who opens the file.
bool IsImageFile(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}) {
    if (ext == e) return true;
  }
  return false;
}

void ReportImageType(diag::Diagnostics& diags, const diag::SourcePos& pos, const std::string& what,
                     const std::string& name) {
  diags.Error(pos, "content.image-type", what + "「" + name + "」は画像（PNG、JPEG、GIF、WebP、AVIF）のファイルではありません。",
              "図は PNG か JPEG で書き出して置いてください（SVG や HTML のファイルは、スクリプトを含められるため載せられません）。");
}

// Files of a plan folder that the site publishes (figure images, linked documents). A
// symbolic link may point anywhere: what is published must lie in the content folder.
class PlanFiles {
 public:
  PlanFiles(const std::filesystem::path& source, output::Sink& out, diag::Diagnostics& diags)
      : source_(source), out_(out), diags_(diags) {
    std::error_code ec;
    root_ = std::filesystem::canonical(source, ec);
  }

  /// Puts file `name` (relative to the plan folder, as written) of `plan` into the site
  /// beside the plan's pages and returns its size; reports `what`「name」 at `pos` when the
  /// file is missing or outside the content folder, or is no `image` when one is wanted.
  std::optional<std::uintmax_t> Publish(const model::Plan& plan, const std::string& name, const std::string& what,
                                        const diag::SourcePos& pos, bool image) {
    std::filesystem::path rel(name);
    bool inside = rel.is_relative() && !rel.empty();
    for (const auto& part : rel) inside = inside && part != "..";
    if (!inside) {
      diags_.Error(pos, "content.outside-file", what + "「" + name + "」は計画のフォルダの外を指しています。",
                   "ファイルを計画のフォルダ（またはその中のフォルダ）に置き、そこからの名前を書いてください（「..」や「/」で始まる名前は使えません）。");
      return std::nullopt;
    }
    std::filesystem::path file = source_ / "plans" / plan.slug / rel;
    std::error_code ec;
    std::filesystem::path real = std::filesystem::canonical(file, ec);
    auto [end, unused] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
    if (!real.empty() && end != root_.end()) {
      diags_.Error(pos, "content.outside-file", what + "「" + name + "」は、コンテンツのフォルダの外にあるファイルへのリンクです。",
                   "ファイルそのものを計画のフォルダにコピーしてください。");
      return std::nullopt;
    }
    if (image && !IsImageFile(name)) {
      ReportImageType(diags_, pos, what, name);
      return std::nullopt;
    }
    std::optional<std::string> bytes = io::ReadFile(file);
    if (!bytes) {
      diags_.Error(pos, "content.missing-file", what + "「" + name + "」が見つかりません。",
                   "ファイルを計画のフォルダ（またはその中のフォルダ）に置き、そこからの名前を書いてください。");
      return std::nullopt;
    }
    std::uintmax_t size = bytes->size();
    out_.Put(plan.slug + "/" + rel.lexically_normal().generic_string(), std::move(*bytes));
    return size;
  }

 private:
  std::filesystem::path source_, root_;
  output::Sink& out_;
  diag::Diagnostics& diags_;
};

// Copies the images that figures name into the site; a figure needs an image or a text
// description, and an image needs its alternative text.
void AddFigureImages(const model::Plan& plan, PlanFiles& files, diag::Diagnostics& diags) {
  model::ForEachBlock(plan, [&](const model::Block& block) {
    const auto* figure = std::get_if<model::Figure>(&block);
    if (!figure) return;
    if (figure->image.empty()) {
      if (figure->description.empty()) {
        diags.Error(figure->pos, "content.figure-text", "図表「" + figure->caption + "」に画像も説明もありません。",
                    "image: に画像ファイルを書くか、description: に図の内容を文章で書いてください。");
      }
      return;
    }
    if (!files.Publish(plan, figure->image, "図表の画像", figure->image_pos, /*image=*/true)) return;
    if (figure->alt.empty()) {
      diags.Error(figure->pos, "content.figure-alt", "図表「" + figure->caption + "」の画像に代替テキストがありません。",
                  "alt: に、画像が見えない人にも伝わる説明を書いてください。");
    }
  });
}

// Copies the documents and images the plan's text names relative to the plan folder
// (「[計画書](keikaku.pdf)」, 「![地図](map.png)」) into the site, and records the documents'
// sizes, which the renderer adds to the link text.
void AddAttachments(model::Plan& plan, PlanFiles& files) {
  std::map<std::string, std::uintmax_t> attachments;
  std::set<std::string> images;
  model::ForEachMarkdown(plan, [&](const model::Markdown& md) {
    // A link to a file beside the plan is written [text](url), ![alt](url) or with a
    // reference defined as [label]: url; a text with neither 「](」 nor 「]:」 has none (an
    // autolink is absolute), and need not be parsed.
    if (md.text.find("](") == std::string::npos && md.text.find("]:") == std::string::npos) return;
    for (const markdown::Link& link : markdown::Links(md)) {
      bool relative = !link.url.empty() && link.url.find(':') == std::string::npos &&
                      link.url.rfind("/", 0) != 0 && link.url.rfind("#", 0) != 0;
      bool document = !link.image && !markdown::DocumentType(link.url).empty();
      if (!relative || !(document || link.image) || attachments.count(link.url) || images.count(link.url)) continue;
      std::string name = link.url.substr(0, link.url.find_first_of("?#"));
      std::optional<std::string> decoded = text::PercentDecode(name);
      auto size = files.Publish(plan, decoded ? *decoded : name, link.image ? "画像" : "リンク先のファイル",
                                markdown::PositionIn(md, link.offset), link.image);
      if (size && document) attachments[link.url] = *size;
      if (size && link.image) images.insert(link.url);
    }
  });
  plan.attachments = std::move(attachments);
}

// Passes files on to `inner`, keeping each in `kept` (if not null), shared with `inner`.
// Files may come from several threads (a plan's full text is made beside its other pages).
class RecordingSink : public output::Sink {
 public:
  RecordingSink(output::Sink& inner, std::vector<std::pair<std::string, output::SharedBytes>>* kept)
      : inner_(inner), kept_(kept) {}
  void Put(const std::string& path, std::string bytes) override {
    if (!kept_) return inner_.Put(path, std::move(bytes));
    PutShared(path, std::make_shared<const std::string>(std::move(bytes)));
  }
  void PutShared(const std::string& path, const output::SharedBytes& bytes) override {
    if (kept_) {
      std::lock_guard<std::mutex> lock(mutex_);
      kept_->emplace_back(path, bytes);
    }
    inner_.PutShared(path, bytes);
  }
  bool Has(const std::string& path) const override { return inner_.Has(path); }

 private:
  output::Sink& inner_;
  std::vector<std::pair<std::string, output::SharedBytes>>* kept_;
  std::mutex mutex_;
};

// Adds a line "path\0size\0time" for each regular file below the open folder `fd` (named
// `prefix` relative to the top), but not below the subfolder `skip` of the top. One fstatat
// per entry, relative to its folder; links to folders are not followed.
void ListFiles(int fd, const std::string& prefix, const std::string& skip, std::vector<std::string>& lines) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return;
  }
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    struct stat st;
    if (::fstatat(::dirfd(dir), e->d_name, &st, 0) != 0) continue;
    if (S_ISREG(st.st_mode)) {
      lines.push_back(prefix + name + '\0' + std::to_string(st.st_size) + '\0' + std::to_string(st.st_mtim.tv_sec) +
                      '.' + std::to_string(st.st_mtim.tv_nsec));
    } else if (S_ISDIR(st.st_mode) && !(prefix.empty() && name == skip)) {
      int sub = ::openat(::dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) ListFiles(sub, prefix + name + '/', skip, lines);
    }
  }
  ::closedir(dir);
}

// The files below `dir` (but not below its subfolder `skip`), as names, sizes and
// modification times (nanoseconds, so two saves in one second differ): what changes when an
// editor saves.
std::string FolderKey(const std::filesystem::path& dir, const std::string& skip = "") {
  std::vector<std::string> lines;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) ListFiles(fd, "", skip, lines);
  std::sort(lines.begin(), lines.end());
  std::string key;
  for (const std::string& line : lines) key += line + '\n';
  return key;
}

// The files of the theme folder (--theme), if any: the built-in theme never changes.
std::string ThemeKey(const BuildOptions& options) { return options.theme ? FolderKey(*options.theme) : ""; }

// What every plan's pages depend on besides the plan: the content folder's own files
// (site.yaml, the readings, shared glossary and test results files), the theme, drafts.
std::string SiteKey(const BuildOptions& options, const std::string& theme_key) {
  return FolderKey(options.source, "plans") + "\ntheme\n" + theme_key + (options.drafts ? "drafts" : "");
}

// About how many pages `site` makes (for the progress line): the site's index, 404 and
// accessibility pages, and each plan's overview, chapters, glossary, full text, list of
// measures if it has measures, and revision history if it has revisions.
std::size_t PageCount(const model::Site& site) {
  std::size_t pages = 3;
  for (const model::Plan& plan : site.plans) {
    bool measures = false;
    model::ForEachBlock(plan, [&](const model::Block& b) { measures = measures || std::holds_alternative<model::MeasureList>(b); });
    pages += plan.chapters.size() + 3 + (measures ? 1 : 0) + (plan.revisions.empty() ? 0 : 1);
  }
  return pages;
}

}  // namespace

std::string Seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", s);
  return text;
}

void BuildCache::Start(const std::string& site_key) {
  if (site_key != site_key_) {  // parsed files stay: they depend on nothing else
    plans_.clear();
    memos_.clear();
  }
  site_key_ = site_key;
  seen_.clear();
  pages_made_ = pages_reused_ = fragments_rendered_ = fragments_reused_ = 0;
}

std::optional<model::Plan> BuildCache::Load(const std::filesystem::path& dir, const std::string& slug,
                                            load::SourceTexts& sources, diag::Diagnostics& diags) {
  const std::string key = FolderKey(dir);
  Entry* entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    entry = &plans_[slug];
    seen_.insert(slug);
  }
  if (entry->key != key) {
    *entry = Entry{};
    entry->key = key;
    entry->plan = load::LoadPlan(dir, slug, entry->sources, entry->diags, &files_);
  }
  if (!entry->made.done) {  // to be rendered: its findings may point to any of its files
    sources.insert(entry->sources.begin(), entry->sources.end());
  } else {
    // The texts are needed only to show and silence findings: a plan that is replayed
    // needs those of the files its findings point to.
    for (const auto* found : {&entry->diags, &entry->made.result.diags}) {
      for (const diag::Diagnostic& d : found->items()) {
        if (auto it = entry->sources.find(d.pos.file); it != entry->sources.end()) sources.insert(*it);
      }
    }
  }
  diags.Merge(entry->diags);
  if (!entry->plan || !entry->made.done) return entry->plan;
  // Replayed: the site's own pages need the plan's settings, not its chapters or glossary.
  model::Plan& cached = *entry->plan;
  std::vector<model::Chapter> chapters = std::move(cached.chapters);
  std::vector<model::GlossaryEntry> glossary = std::move(cached.glossary);
  model::Plan settings = cached;
  cached.chapters = std::move(chapters);
  cached.glossary = std::move(glossary);
  return settings;
}

MadePlan* BuildCache::Made(const std::string& slug) {
  auto it = plans_.find(slug);
  return it == plans_.end() ? nullptr : &it->second.made;
}

void BuildCache::SweepMemo(render::RenderMemo& memo) {
  const render::RenderMemo::Counts counts = memo.counts();
  pages_made_ += counts.pages_made;
  pages_reused_ += counts.pages_reused;
  fragments_rendered_ += counts.fragments_rendered;
  fragments_reused_ += counts.fragments_reused;
  memo.Sweep();
}

render::RenderMemo* BuildCache::Memo(const std::string& slug) {
  std::unique_ptr<render::RenderMemo>& memo = memos_[slug];
  if (!memo) memo = std::make_unique<render::RenderMemo>();
  return memo.get();
}

void BuildCache::Finish(std::size_t rendered, std::size_t reused) {
  plans_rendered_ = rendered;
  plans_reused_ = reused;
  auto forget_gone = [this](auto& by_slug) {  // what the cache holds of plans that are gone
    for (auto it = by_slug.begin(); it != by_slug.end();) it = seen_.count(it->first) ? std::next(it) : by_slug.erase(it);
  };
  forget_gone(plans_);
  forget_gone(memos_);
}

bool Render(const BuildOptions& options, output::Sink& out, render::Stats& stats, load::SourceTexts& sources,
            diag::Diagnostics& diags, std::string* base_path, BuildCache* cache) {
  if (options.theme && !std::filesystem::is_directory(*options.theme)) {
    diags.Error({options.theme->generic_string(), 0, 0}, "theme.missing", "テーマのフォルダがありません。",
                "--theme には templates/ や assets/ を置いたフォルダを指定してください。");
    return false;
  }
  Stopwatch watch;
  load::PlanLoader load_plan;
  const std::string theme_key = cache ? ThemeKey(options) : "";
  if (cache) {
    cache->Start(SiteKey(options, theme_key));
    load_plan = [cache](const std::filesystem::path& dir, const std::string& slug, load::SourceTexts& sources,
                        diag::Diagnostics& diags) { return cache->Load(dir, slug, sources, diags); };
  }
  std::optional<model::Site> site =
      load::LoadSite(options.source, sources, diags, options.drafts, options.jobs, load_plan);
  stats.load_seconds = watch.Lap();
  if (!site) return false;
  if (base_path) *base_path = site->base_path;
  // The templates and stylesheet, prepared once (and kept by keikaku serve while the theme
  // does not change).
  const theme::Theme theme(options.theme);
  auto prepare = [&] { return render::PreparedTheme::Prepare(theme, diags); };
  std::shared_ptr<const render::PreparedTheme> prepared = cache ? cache->Theme(theme_key, prepare) : prepare();
  std::optional<ProgressSink> progress;
  if (options.progress) progress.emplace(out, PageCount(*site), std::cerr);
  output::Sink& sink = progress ? static_cast<output::Sink&>(*progress) : out;

  const std::size_t plans = site->plans.size();
  render::SiteRenderer renderer(*site, prepared, sink, stats, diags, parallel::Threads(plans, options.jobs),
                                parallel::Jobs(options.jobs));
  if (!renderer.ok()) return false;
  renderer.RenderStart();
  // Each plan's checks, files and pages, on several threads, each into its own part; the
  // parts are joined in the site's order, so nothing depends on the thread count. A plan the
  // cache holds unchanged is replayed, not made again.
  std::vector<PlanResult> parts(plans);
  std::vector<MadePlan*> made(plans, nullptr);
  std::vector<render::RenderMemo*> memos(plans, nullptr);
  for (std::size_t i = 0; cache && i < plans; ++i) {
    made[i] = cache->Made(site->plans[i].slug);
    memos[i] = cache->Memo(site->plans[i].slug);
  }
  std::atomic<std::size_t> rendered{0}, reused{0};
  parallel::ForEach(plans, options.jobs, [&](std::size_t i, int worker) {
    PlanResult& part = parts[i];
    if (made[i] && made[i]->done) {
      ++reused;
      for (const auto& [path, bytes] : made[i]->files) sink.PutShared(path, bytes);
      part = made[i]->result;
      return;
    }
    // With a cache, the files are recorded into it as they are put.
    if (made[i]) made[i]->files.clear();
    RecordingSink recorded(sink, made[i] ? &made[i]->files : nullptr);
    model::Plan& plan = site->plans[i];
    // The plan's checks only read it: with several threads they run beside its files and
    // pages. Their findings are joined first, as a one-thread build has them.
    diag::Diagnostics linted, found;
    std::future<void> lint = std::async(parallel::Jobs(options.jobs) > 1 ? std::launch::async : std::launch::deferred,
                                        [&plan, &linted] { lint::LintPlan(plan, linted); });
    PlanFiles files(options.source, recorded, found);
    AddFigureImages(plan, files, found);
    AddAttachments(plan, files);
    // The plan's open data, written before its pages, which link each file with its size.
    std::vector<render::DataLink> data;
    for (exports::ExportFile& f : exports::ExportPlan(*site, plan)) {
      data.push_back({f.label, f.path, f.type, f.bytes.size()});
      recorded.Put(plan.slug + "/" + f.path, std::move(f.bytes));
    }
    // Without keikaku serve's memo, one for this build of the plan.
    std::optional<render::RenderMemo> fragments;
    render::RenderMemo* memo = memos[i];
    if (!memo && options.reuse_markdown) memo = &fragments.emplace(/*across_builds=*/false);
    part.used_shared = renderer.RenderPlan(i, worker, recorded, part.stats, found, data, memo);
    if (fragments) {
      const render::RenderMemo::Counts counts = fragments->counts();
      part.stats.markdown_rendered += counts.fragments_rendered;
      part.stats.markdown_reused += counts.fragments_reused;
    }
    lint.get();
    part.diags.Merge(std::move(linted));
    part.diags.Merge(std::move(found));
    if (memos[i]) cache->SweepMemo(*memos[i]);
    ++rendered;
    if (made[i]) {
      made[i]->result = part;
      made[i]->done = true;
    }
  });
  std::set<std::string> used_shared;
  for (PlanResult& part : parts) {
    stats += part.stats;
    diags.Merge(std::move(part.diags));
    used_shared.merge(part.used_shared);
  }
  renderer.RenderEnd(used_shared);
  if (cache) cache->Finish(rendered, reused);
  stats.render_seconds = watch.Lap();
  const bool ok = !diags.has_errors();
  diags.Suppress(sources);
  return ok;
}

bool RenderToTree(const BuildOptions& options, output::OutputTree& tree, render::Stats& stats,
                  load::SourceTexts& sources, diag::Diagnostics& diags, std::string* base_path, BuildCache* cache) {
  output::TreeSink out(tree);
  return Render(options, out, stats, sources, diags, base_path, cache);
}

int Build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  load::SourceTexts sources;
  diag::Diagnostics diags;
  render::Stats stats;
  // Pages go to disk as they are made, into a folder that replaces the site only if the
  // whole build succeeds.
  output::SiteWriter writer(options.output, options.precompress);
  bool ok = writer.Open(diags) && Render(options, writer, stats, sources, diags);
  Stopwatch commit;
  ok = ok && writer.Commit(diags);
  const double commit_seconds = commit.Lap();
  if (!ok) writer.Abort();
  err << diags.Format(sources);
  if (!ok) {
    err << "エラーが " << diags.error_count() << " 件あります。サイトは書き出していません（"
        << options.output.generic_string() << " は前のままです）。\n";
    return 1;
  }
  const std::string elapsed = Seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  out << stats.pages << " ページ（ファイル " << writer.files() << " 個）を " << options.output.generic_string()
      << " に書き出しました（" << elapsed << " 秒";
  if (diags.warning_count() > 0) out << "、警告 " << diags.warning_count() << " 件";
  out << "）。\n";
  if (options.precompress) out << "圧縮済みのファイル（.gz と .br）: " << writer.compressed() << " 個。\n";
  const output::Changes& changes = writer.changes();
  out << "前回からの変更: 追加 " << changes.added.size() << "、変更 " << changes.changed.size() << "、削除 "
      << changes.removed.size() << "、変わらず " << changes.unchanged << "（一覧: "
      << (options.output / output::kChangesFile).generic_string() << "）。\n";
  if (options.stats) {
    out << "時間の内訳: 読み込み " << Seconds(stats.load_seconds) << " 秒、確認・ページ作成・書き込み "
        << Seconds(stats.render_seconds) << " 秒、入れ替え " << Seconds(commit_seconds) << " 秒（スレッド " << parallel::Jobs(options.jobs)
        << "）。\n";
    if (stats.markdown_rendered > 0) {
      out << "Markdown の変換: " << stats.markdown_rendered + stats.markdown_reused << " 件のうち "
          << stats.markdown_reused << " 件は、同じ計画の別のページで変換した結果を使いました。\n";
    }
  }
  if (stats.auto_words > 0) {
    out << "自動ふりがな: 漢字の語 " << stats.auto_words << " 語のうち " << stats.auto_ruby << " か所に読みを付けました（辞書にない語 "
        << stats.unread << " 語）。名前の読み: " << stats.names << " か所。\n";
  } else if (stats.names > 0) {
    out << "名前の読み: " << stats.names << " か所。\n";
  }
  return 0;
}

}  // namespace keikaku::pipeline
