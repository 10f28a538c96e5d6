#include "output/site_writer.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "io/file.h"
#include "output/precompress.h"

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
  std::sort(olds.begin(), olds.end());
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

bool IsBookkeeping(const std::string& path) { return path == kMarkerFile || path == kChangesFile; }

}  // namespace

SiteWriter::SiteWriter(const fs::path& output_arg, bool precompress)
    : shown_(output_arg.generic_string()), precompress_(precompress) {
  std::error_code ec;
  output_dir_ = fs::absolute(output_arg, ec).lexically_normal();
  if (output_dir_.filename().empty()) output_dir_ = output_dir_.parent_path();
}

SiteWriter::~SiteWriter() { Abort(); }

bool SiteWriter::Open(diag::Diagnostics& diags) {
  std::error_code ec;
  fs::path parent = output_dir_.parent_path();
  fs::create_directories(parent, ec);
  Recover(output_dir_);
  if (fs::exists(output_dir_, ec)) {
    if (!fs::is_directory(output_dir_, ec)) {
      diags.Error({shown_, 0, 0}, "output.not-folder", "出力先「" + shown_ + "」はフォルダではありません。",
                  "--output で別の場所を指定してください。");
      return false;
    }
    if (!IsOurs(output_dir_)) {
      diags.Error({shown_, 0, 0}, "output.not-ours",
                  "出力先「" + shown_ + "」は keikaku が作ったフォルダではないため、置き換えません。",
                  "中身を確かめて別の場所に移すか、--output で空のフォルダか新しい名前を指定してください。");
      return false;
    }
    previous_ = true;
  }
  const std::string suffix = std::to_string(::getpid());
  tmp_ = parent / (output_dir_.filename().string() + ".tmp-" + suffix);
  old_ = parent / (output_dir_.filename().string() + ".old-" + suffix);
  fs::remove_all(tmp_, ec);
  if (!fs::create_directories(tmp_, ec)) {
    diags.Error({shown_, 0, 0}, "output.write", "一時フォルダを作れません。（" + ec.message() + "）",
                "書き込みの権限とディスクの空きを確かめてください。前のサイトはそのまま残っています。");
    return false;
  }
  open_ = true;
  return true;
}

void SiteWriter::Fail(const std::string& what, std::error_code ec) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_.empty()) error_ = what + "（" + ec.message() + "）";
}

void SiteWriter::MakeParent(const fs::path& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string dir = file.parent_path().string();
  if (dirs_.count(dir)) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec && error_.empty()) error_ = "フォルダ " + dir + " を作れません。（" + ec.message() + "）";
  dirs_.insert(dir);
}

bool SiteWriter::Keep(const std::string& path, bool known_regular) {
  const fs::path before = output_dir_ / path, target = tmp_ / path;
  std::error_code ec;
  if (!previous_ || (!known_regular && !fs::is_regular_file(fs::symlink_status(before, ec)))) return false;
  MakeParent(target);
  if (Has(path)) fs::remove(target, ec);  // put before: a later Put replaces it
  fs::create_hard_link(before, target, ec);
  if (ec) {  // a file system without hard links: a copy with the old time
    ec.clear();
    fs::copy_file(before, target, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::last_write_time(target, fs::last_write_time(before, ec), ec);
  }
  if (ec) Fail("ファイル " + path + " を書けません。", ec);
  std::lock_guard<std::mutex> lock(mutex_);
  kept_.insert(path);
  return true;
}

bool SiteWriter::WriteOrKeep(const std::string& path, const std::string& bytes) {
  if (previous_) {
    // One open: a file of another size, or a symbolic link, is not read.
    io::ReadLimits limits;
    limits.exact_bytes = bytes.size();
    limits.no_symlink = true;
    std::optional<std::string> old = io::ReadFile(output_dir_ / path, limits);
    if (old && *old == bytes && Keep(path, /*known_regular=*/true)) return true;
  }
  const fs::path target = tmp_ / path;
  MakeParent(target);
  // Put before, it may be a link to the previous site's file, which must not change.
  std::error_code ec;
  if (Has(path)) fs::remove(target, ec);
  if (!WriteFile(target, bytes)) Fail("ファイル " + path + " を書けません。", std::make_error_code(std::errc::io_error));
  return false;
}

void SiteWriter::Put(const std::string& path, std::string bytes) {
  if (!open_ || IsBookkeeping(path)) return;
  const bool kept = WriteOrKeep(path, bytes);
  std::vector<std::string> variants;
  if (precompress_ && IsCompressible(path)) {
    for (const char* ext : {".gz", ".br"}) {
      const std::string variant = path + ext;
      // The page is unchanged: so is its variant in the previous site, if it has one.
      if (kept && Keep(variant)) {
        variants.push_back(variant);
        continue;
      }
      std::string packed = ext[1] == 'g' ? Gzip(bytes) : Brotli(bytes);
      // A variant that is not smaller is left out: servers then send the original.
      if (packed.empty() || packed.size() >= bytes.size()) continue;
      WriteOrKeep(variant, packed);
      variants.push_back(variant);
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  paths_.insert(path);
  for (std::string& v : variants) {
    if (paths_.insert(std::move(v)).second) ++compressed_;
  }
}

bool SiteWriter::Has(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return paths_.count(path) > 0;
}

void SiteWriter::Abort() {
  if (!open_) return;
  std::error_code ec;
  fs::remove_all(tmp_, ec);
  open_ = false;
}

bool SiteWriter::Commit(diag::Diagnostics& diags) {
  if (!open_) return false;
  std::error_code ec;
  auto fail = [&](const std::string& what) {
    diags.Error({shown_, 0, 0}, "output.write", what,
                "書き込みの権限とディスクの空きを確かめてください。前のサイトはそのまま残っています。");
    Abort();
    return false;
  };
  if (!error_.empty()) return fail(error_);

  // What changed since the previous site.
  changes_ = {};
  std::set<std::string> before;
  if (previous_) {
    for (auto it = fs::recursive_directory_iterator(output_dir_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::string rel = it->path().lexically_relative(output_dir_).generic_string();
      if (!it->is_directory(ec) && !IsBookkeeping(rel)) before.insert(std::move(rel));
    }
  }
  for (const std::string& path : paths_) {
    if (kept_.count(path)) ++changes_.unchanged;
    else (before.count(path) ? changes_.changed : changes_.added).push_back(path);
  }
  for (const std::string& path : before) {
    if (!paths_.count(path)) changes_.removed.push_back(path);
  }
  std::string list = "# keikaku: 前回のサイトからの変更（A 追加、M 変更、D 削除）。手作業でアップロードするときの目安です。\n";
  for (const auto& [mark, paths] : {std::pair{"A ", &changes_.added}, std::pair{"M ", &changes_.changed},
                                    std::pair{"D ", &changes_.removed}}) {
    for (const std::string& p : *paths) list += mark + p + "\n";
  }
  if (!WriteFile(tmp_ / kChangesFile, list) ||
      !WriteFile(tmp_ / kMarkerFile, "This folder is a site built by keikaku. keikaku replaces it on every build.\n")) {
    return fail("目印のファイルを書けません。");
  }

  if (previous_) {
    fs::rename(output_dir_, old_, ec);
    if (ec) return fail("前のサイトを置き換えられません。（" + ec.message() + "）");
  }
  fs::rename(tmp_, output_dir_, ec);
  if (ec) {
    std::error_code restore;
    if (previous_) fs::rename(old_, output_dir_, restore);
    return fail("新しいサイトを置けません。（" + ec.message() + "）");
  }
  open_ = false;
  if (previous_) {
    // Renamed to a temporary name first: a kill while it is being deleted leaves a folder
    // that the next run removes whatever is left of it (a half-deleted .old may have lost
    // its marker, and .old folders without one are never touched).
    fs::path doomed = tmp_;
    fs::rename(old_, doomed, ec);
    fs::remove_all(ec ? old_ : doomed, ec);
  }
  return true;
}

}  // namespace keikaku::output
