#include "pipeline/build.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "io/file.h"
#include "lint/plan_rules.h"
#include "markdown/markdown.h"
#include "output/precompress.h"
#include "render/render.h"
#include "text/url.h"
#include "theme/theme.h"

namespace keikaku::pipeline {

namespace {

// Files of a plan folder that the site publishes (figure images, linked documents). A
// symbolic link may point anywhere: what is published must lie in the content folder.
class PlanFiles {
 public:
  PlanFiles(const std::filesystem::path& source, output::OutputTree& tree, diag::Diagnostics& diags)
      : source_(source), tree_(tree), diags_(diags) {
    std::error_code ec;
    root_ = std::filesystem::canonical(source, ec);
  }

  /// Puts file `name` (relative to the plan folder, as written) of `plan` into the tree
  /// beside the plan's pages and returns its size; reports `what`「name」 at `pos` when the
  /// file is missing or outside the content folder.
  std::optional<std::uintmax_t> Publish(const model::Plan& plan, const std::string& name, const std::string& what,
                                        const diag::SourcePos& pos) {
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
    std::optional<std::string> bytes = io::ReadFile(file);
    if (!bytes) {
      diags_.Error(pos, "content.missing-file", what + "「" + name + "」が見つかりません。",
                   "ファイルを計画のフォルダ（またはその中のフォルダ）に置き、そこからの名前を書いてください。");
      return std::nullopt;
    }
    std::uintmax_t size = bytes->size();
    tree_[plan.slug + "/" + rel.lexically_normal().generic_string()] = std::move(*bytes);
    return size;
  }

 private:
  std::filesystem::path source_, root_;
  output::OutputTree& tree_;
  diag::Diagnostics& diags_;
};

// Copies the images that figures name into the tree; a figure needs an image or a text
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
    if (!files.Publish(plan, figure->image, "図表の画像", figure->image_pos)) return;
    if (figure->alt.empty()) {
      diags.Error(figure->pos, "content.figure-alt", "図表「" + figure->caption + "」の画像に代替テキストがありません。",
                  "alt: に、画像が見えない人にも伝わる説明を書いてください。");
    }
  });
}

// Copies the documents and images the plan's text names relative to the plan folder
// (「[計画書](keikaku.pdf)」, 「![地図](map.png)」) into the tree, and records the documents'
// sizes, which the renderer adds to the link text.
void AddAttachments(model::Plan& plan, PlanFiles& files) {
  std::map<std::string, std::uintmax_t> attachments;
  std::set<std::string> images;
  model::ForEachMarkdown(plan, [&](const model::Markdown& md) {
    for (const markdown::Link& link : markdown::Links(md)) {
      bool relative = !link.url.empty() && link.url.find(':') == std::string::npos &&
                      link.url.rfind("/", 0) != 0 && link.url.rfind("#", 0) != 0;
      bool document = !link.image && !markdown::DocumentType(link.url).empty();
      if (!relative || !(document || link.image) || attachments.count(link.url) || images.count(link.url)) continue;
      std::string name = link.url.substr(0, link.url.find_first_of("?#"));
      std::optional<std::string> decoded = text::PercentDecode(name);
      auto size = files.Publish(plan, decoded ? *decoded : name, link.image ? "画像" : "リンク先のファイル",
                                markdown::PositionIn(md, link.offset));
      if (size && document) attachments[link.url] = *size;
      if (size && link.image) images.insert(link.url);
    }
  });
  plan.attachments = std::move(attachments);
}

}  // namespace

bool RenderToTree(const BuildOptions& options, output::OutputTree& tree, render::Stats& stats,
                  load::SourceTexts& sources, diag::Diagnostics& diags, std::string* base_path) {
  if (options.theme && !std::filesystem::is_directory(*options.theme)) {
    diags.Error({options.theme->generic_string(), 0, 0}, "theme.missing", "テーマのフォルダがありません。",
                "--theme には templates/ や assets/ を置いたフォルダを指定してください。");
    return false;
  }
  std::optional<model::Site> site = load::LoadSite(options.source, sources, diags, options.drafts);
  if (!site) return false;
  if (base_path) *base_path = site->base_path;
  theme::Theme theme(options.theme);
  PlanFiles files(options.source, tree, diags);
  for (model::Plan& plan : site->plans) {
    lint::LintPlan(plan, diags);
    AddFigureImages(plan, files, diags);
    AddAttachments(plan, files);
  }
  bool ok = render::RenderSite(*site, theme, tree, stats, diags) && !diags.has_errors();
  diags.Suppress(sources);
  return ok;
}

int Build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  output::OutputTree tree;
  load::SourceTexts sources;
  diag::Diagnostics diags;
  render::Stats stats;
  bool ok = RenderToTree(options, tree, stats, sources, diags);
  std::size_t compressed = ok && options.precompress ? output::Precompress(tree) : 0;
  ok = ok && output::Publish(tree, options.output, diags);
  err << diags.Format(sources);
  if (!ok) {
    err << "エラーが " << diags.error_count() << " 件あります。サイトは書き出していません（"
        << options.output.generic_string() << " は前のままです）。\n";
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  out << stats.pages << " ページ（ファイル " << tree.size() << " 個）を " << options.output.generic_string()
      << " に書き出しました（" << elapsed << " 秒";
  if (diags.warning_count() > 0) out << "、警告 " << diags.warning_count() << " 件";
  out << "）。\n";
  if (options.precompress) out << "圧縮済みのファイル（.gz と .br）を " << compressed << " 個書きました。\n";
  if (stats.auto_words > 0) {
    out << "自動ふりがな: 漢字の語 " << stats.auto_words << " 語のうち " << stats.auto_ruby << " か所に読みを付けました（辞書にない語 "
        << stats.unread << " 語）。名前の読み: " << stats.names << " か所。\n";
  } else if (stats.names > 0) {
    out << "名前の読み: " << stats.names << " か所。\n";
  }
  return 0;
}

}  // namespace keikaku::pipeline
