#include "scaffold/scaffold.h"

#include <fstream>

#include "load/loader.h"
#include "theme/theme.h"

namespace keikaku::scaffold {

int NewPlan(const std::filesystem::path& source, const std::string& slug, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  if (!load::IsSlug(slug) || slug == "assets") {
    err << "keikaku: 「" << slug << "」は計画フォルダの名前に使えません。半角英数字とハイフンの名前にしてください（例: mihon-dx-plan）。\n";
    return 2;
  }
  if (!fs::is_regular_file(source / "site.yaml")) {
    err << "keikaku: " << source.generic_string() << " に site.yaml がありません。--source でコンテンツのフォルダを指定してください。\n";
    return 1;
  }
  fs::path dir = source / "plans" / slug;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    err << "keikaku: " << dir.generic_string() << " はもうあります。別の名前にするか、そのフォルダを使ってください。\n";
    return 1;
  }
  std::map<std::string, std::string> files = theme::Theme().ReadAll("scaffold/plan/");
  fs::create_directories(dir, ec);
  for (const auto& [path, text] : files) {
    fs::path file = dir / fs::path(path).filename();
    std::ofstream stream(file, std::ios::binary);
    stream << text;
    if (ec || !stream.flush()) {
      err << "keikaku: " << file.generic_string() << " を書けませんでした。フォルダの権限と空き容量を確かめてください。\n";
      return 1;
    }
  }
  out << dir.generic_string() << "/ に見本の計画を作りました（";
  bool first = true;
  for (const auto& [path, text] : files) {
    out << (first ? "" : "、") << fs::path(path).filename().generic_string();
    first = false;
  }
  out << "）。\n下書き（draft: true）なので、keikaku serve で見ながら、見本の文字を町の計画に書き換えてください。"
         "公開するときは plan.yaml の draft: true を消します。\n";
  return 0;
}

}  // namespace keikaku::scaffold
