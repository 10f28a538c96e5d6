#include "output/output_tree.h"

#include <unistd.h>

#include <fstream>
#include <system_error>

namespace keikaku::output {

namespace fs = std::filesystem;

namespace {

bool WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

bool IsOurs(const fs::path& dir) {
  std::error_code ec;
  return fs::is_empty(dir, ec) || fs::is_regular_file(dir / kMarkerFile, ec);
}

// Siblings named "<name>.tmp-*" or "<name>.old-*" left by an interrupted run.
void Recover(const fs::path& output_dir) {
  std::error_code ec;
  fs::path parent = output_dir.parent_path();
  std::string name = output_dir.filename().string();
  std::vector<fs::path> olds, tmps;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    std::string n = e.path().filename().string();
    if (n.rfind(name + ".old-", 0) == 0) olds.push_back(e.path());
    if (n.rfind(name + ".tmp-", 0) == 0) tmps.push_back(e.path());
  }
  // Killed between the two renames: the previous site is in .old and nothing is in place.
  if (!fs::exists(output_dir, ec) && !olds.empty() && fs::is_regular_file(olds.front() / kMarkerFile, ec)) {
    fs::rename(olds.front(), output_dir, ec);
    olds.erase(olds.begin());
  }
  for (const fs::path& p : olds) {
    if (fs::is_regular_file(p / kMarkerFile, ec)) fs::remove_all(p, ec);
  }
  for (const fs::path& p : tmps) fs::remove_all(p, ec);
}

}  // namespace

bool Publish(const OutputTree& tree, const fs::path& output_arg, diag::Diagnostics& diags) {
  std::error_code ec;
  fs::path output_dir = fs::absolute(output_arg, ec).lexically_normal();
  if (output_dir.filename().empty()) output_dir = output_dir.parent_path();
  const std::string shown = output_arg.generic_string();
  fs::path parent = output_dir.parent_path();
  fs::create_directories(parent, ec);
  Recover(output_dir);

  if (fs::exists(output_dir, ec)) {
    if (!fs::is_directory(output_dir, ec)) {
      diags.Error({shown, 0, 0}, "output.not-folder", "出力先「" + shown + "」はフォルダではありません。",
                  "--output で別の場所を指定してください。");
      return false;
    }
    if (!IsOurs(output_dir)) {
      diags.Error({shown, 0, 0}, "output.not-ours",
                  "出力先「" + shown + "」は keikaku が作ったフォルダではないため、置き換えません。",
                  "中身を確かめて別の場所に移すか、--output で空のフォルダか新しい名前を指定してください。");
      return false;
    }
  }

  const std::string suffix = std::to_string(::getpid());
  fs::path tmp = parent / (output_dir.filename().string() + ".tmp-" + suffix);
  fs::path old = parent / (output_dir.filename().string() + ".old-" + suffix);
  fs::remove_all(tmp, ec);
  auto fail = [&](const std::string& what) {
    diags.Error({shown, 0, 0}, "output.write", what + "（" + ec.message() + "）",
                "書き込みの権限とディスクの空きを確かめてください。前のサイトはそのまま残っています。");
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return false;
  };
  if (!fs::create_directories(tmp, ec)) return fail("一時フォルダを作れません。");
  for (const auto& [path, bytes] : tree) {
    fs::path target = tmp / path;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fail("フォルダ " + target.parent_path().string() + " を作れません。");
    if (!WriteFile(target, bytes)) {
      ec = std::make_error_code(std::errc::io_error);
      return fail("ファイル " + path + " を書けません。");
    }
  }
  if (!WriteFile(tmp / kMarkerFile, "This folder is a site built by keikaku. keikaku replaces it on every build.\n")) {
    ec = std::make_error_code(std::errc::io_error);
    return fail("目印のファイルを書けません。");
  }

  bool had_previous = fs::exists(output_dir, ec);
  if (had_previous) {
    fs::rename(output_dir, old, ec);
    if (ec) return fail("前のサイトを置き換えられません。");
  }
  fs::rename(tmp, output_dir, ec);
  if (ec) {
    std::error_code restore;
    if (had_previous) fs::rename(old, output_dir, restore);
    return fail("新しいサイトを置けません。");
  }
  if (had_previous) fs::remove_all(old, ec);
  return true;
}

}  // namespace keikaku::output
