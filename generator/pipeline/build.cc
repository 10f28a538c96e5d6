#include "pipeline/build.h"

#include <chrono>
#include <cstdio>

#include "render/render.h"
#include "theme/theme.h"

namespace keikaku::pipeline {

bool RenderToTree(const BuildOptions& options, output::OutputTree& tree, int& pages,
                  load::SourceTexts& sources, diag::Diagnostics& diags) {
  std::optional<model::Site> site = load::LoadSite(options.source, sources, diags);
  if (!site) return false;
  theme::Theme theme(options.theme);
  render::Stats stats;
  bool ok = render::RenderSite(*site, theme, tree, stats, diags);
  pages = stats.pages;
  return ok;
}

int Build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  output::OutputTree tree;
  load::SourceTexts sources;
  diag::Diagnostics diags;
  int pages = 0;
  if (options.theme && !std::filesystem::is_directory(*options.theme)) {
    diags.Error({options.theme->generic_string(), 0, 0}, "theme.missing", "テーマのフォルダがありません。",
                "--theme には templates/ や assets/ を置いたフォルダを指定してください。");
  }
  bool ok = !diags.has_errors() && RenderToTree(options, tree, pages, sources, diags) &&
            output::Publish(tree, options.output, diags);
  err << diags.Format(sources);
  if (!ok) {
    err << "エラーが " << diags.error_count() << " 件あります。サイトは書き出していません（"
        << options.output.generic_string() << " は前のままです）。\n";
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  out << pages << " ページ（ファイル " << tree.size() << " 個）を " << options.output.generic_string()
      << " に書き出しました（" << elapsed << " 秒";
  if (diags.warning_count() > 0) out << "、警告 " << diags.warning_count() << " 件";
  out << "）。\n";
  return 0;
}

}  // namespace keikaku::pipeline
