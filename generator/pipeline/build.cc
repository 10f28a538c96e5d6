#include "pipeline/build.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "io/file.h"
#include "output/precompress.h"
#include "render/render.h"
#include "theme/theme.h"

namespace keikaku::pipeline {

namespace {

// Copies the images that figures name from the plan folders into the tree, beside the
// plan's pages; a figure needs an image or a text description.
void AddFigureImages(const model::Site& site, const std::filesystem::path& source,
                     output::OutputTree& tree, diag::Diagnostics& diags) {
  // A symbolic link may point anywhere: what is published must lie in the content folder.
  std::error_code ec;
  const std::filesystem::path root = std::filesystem::canonical(source, ec);
  for (const model::Plan& plan : site.plans) {
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
      std::filesystem::path rel(figure->image);
      bool inside = rel.is_relative() && !rel.empty();
      for (const auto& part : rel) inside = inside && part != "..";
      std::filesystem::path file = source / "plans" / plan.slug / rel;
      std::optional<std::string> bytes;
      if (inside) {
        std::filesystem::path real = std::filesystem::canonical(file, ec);
        auto [end, unused] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
        if (!real.empty() && end != root.end()) {
          diags.Error(figure->pos, "content.outside-file",
                      "図表の画像「" + figure->image + "」は、コンテンツのフォルダの外にあるファイルへのリンクです。",
                      "画像そのものを計画のフォルダにコピーしてください。");
          return;
        }
        bytes = io::ReadFile(file);
      }
      if (!bytes) {
        diags.Error(figure->pos, "content.missing-file", "図表の画像「" + figure->image + "」が見つかりません。",
                    "画像を計画のフォルダ（またはその中のフォルダ）に置き、そこからの名前を書いてください。");
        return;
      }
      if (figure->alt.empty()) {
        diags.Error(figure->pos, "content.figure-alt", "図表「" + figure->caption + "」の画像に代替テキストがありません。",
                    "alt: に、画像が見えない人にも伝わる説明を書いてください。");
      }
      tree[plan.slug + "/" + rel.lexically_normal().generic_string()] = std::move(*bytes);
    });
  }
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
  AddFigureImages(*site, options.source, tree, diags);
  return render::RenderSite(*site, theme, tree, stats, diags) && !diags.has_errors();
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
