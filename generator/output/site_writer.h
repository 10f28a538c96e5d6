// Writes the site to disk as its files are rendered, into a temporary folder beside the
// output folder, and swaps it in only when the whole build has succeeded.
#ifndef KEIKAKU_OUTPUT_SITE_WRITER_H_
#define KEIKAKU_OUTPUT_SITE_WRITER_H_

#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "output/output_tree.h"

namespace keikaku::output {

/// The list of changes since the previous site, written into each new site for
/// administrators who upload by hand ("A path", "M path", "D path", like git's
/// --name-status). It is not part of the site itself.
inline constexpr const char* kChangesFile = ".keikaku-changes.txt";

/// What a build changed, compared with the site it replaced (paths sorted).
struct Changes {
  std::vector<std::string> added, changed, removed;
  std::size_t unchanged = 0;
};

/// A sink that writes each file at once (nothing is held in memory after Put returns).
/// A file whose bytes equal the previous site's keeps that file, modification time
/// included (a hard link, or a copy given the old time where links are not possible), so
/// rsync and web servers see no change; with `precompress`, its .gz and .br are kept too.
/// Put may be called from several threads at once.
class SiteWriter : public Sink {
 public:
  SiteWriter(const std::filesystem::path& output_dir, bool precompress);
  ~SiteWriter() override;  // aborts unless committed

  /// Checks the output folder (it must be one keikaku made, or empty, or absent), restores
  /// a site an interrupted run left half-swapped, and makes the temporary folder. False,
  /// reported in `diags`, when the site cannot be written there.
  bool Open(diag::Diagnostics& diags);

  void Put(const std::string& path, std::string bytes) override;
  bool Has(const std::string& path) const override;

  /// Writes the marker and the list of changes and swaps the new site in: the output
  /// folder holds either the previous site or the new one, never a mix. False, reported in
  /// `diags`, when a write failed (the previous site is left as it was).
  bool Commit(diag::Diagnostics& diags);
  /// Throws the new site away; the previous one stays.
  void Abort();

  const Changes& changes() const { return changes_; }
  std::size_t files() const { return paths_.size(); }   ///< Files put (variants not counted).
  std::size_t compressed() const { return compressed_; }  ///< .gz and .br files in the new site.

 private:
  // Writes `bytes` to the new site at `path`, or keeps the previous site's file when it has
  // the same bytes. Returns whether the previous file was kept.
  bool WriteOrKeep(const std::string& path, const std::string& bytes);
  // Puts the previous site's file `path` into the new site as it is (a hard link, or a copy
  // with its modification time). False when the previous site has no such file (a regular
  // file, not a symbolic link: `known_regular` when the caller has just read it so).
  bool Keep(const std::string& path, bool known_regular = false);
  void Fail(const std::string& what, std::error_code ec);
  void MakeParent(const std::filesystem::path& file);

  std::filesystem::path output_dir_, tmp_, old_;
  std::string shown_;
  bool precompress_;
  bool open_ = false, previous_ = false;
  mutable std::mutex mutex_;  // guards everything below
  std::set<std::string> paths_, kept_, dirs_;
  std::size_t compressed_ = 0;
  std::string error_;  // the first write error, reported by Commit
  Changes changes_;
};

}  // namespace keikaku::output

#endif  // KEIKAKU_OUTPUT_SITE_WRITER_H_
