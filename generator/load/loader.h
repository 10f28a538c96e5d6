// Reads content/ (site file, plan folders, chapter and glossary files) into the typed model.
// The only code that touches yaml-cpp. User mistakes become diagnostics, never exceptions.
#ifndef KEIKAKU_LOAD_LOADER_H_
#define KEIKAKU_LOAD_LOADER_H_

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "load/node_view.h"
#include "load/yaml_doc.h"
#include "model/model.h"
#include "schema/schema.h"

namespace keikaku::load {

/// Every content file read, by display name, for diagnostics' source excerpts.
using SourceTexts = std::map<std::string, std::string>;

/// Whether `s` may name a plan folder or a page: ASCII letters, digits, '-' and '_'.
bool IsSlug(const std::string& s);

/// Parsed content files, kept by keikaku serve: a file whose bytes did not change is not
/// parsed and checked again (its findings are given again). Used from several threads.
class ParseCache {
 public:
  /// ParseContent, or what it gave for the same file, text and type before.
  std::optional<YamlDoc> Parse(const std::string& file, const std::string& text, const schema::Type& type,
                                  diag::Diagnostics& diags);
  /// BuildChapter of chapter file `file` (its `text`) that Parse gave `doc` for, with its
  /// fingerprint, or a copy of what it gave for that document before.
  model::Chapter Chapter(const std::string& file, const std::string& text, const YamlDoc& doc);

 private:
  struct Entry {
    std::string text;
    const schema::Type* type = nullptr;
    std::optional<YamlDoc> doc;
    diag::Diagnostics diags;
    std::optional<model::Chapter> chapter;
  };
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> files_;
};

/// Loads plan folder `dir` (named `slug`): plan.yaml, its chapters and glossary, checked.
/// Nothing on errors, reported in `diags`; every file read is added to `sources`. With
/// `cache`, files that did not change are not parsed again.
std::optional<model::Plan> LoadPlan(const std::filesystem::path& dir, const std::string& slug,
                                    SourceTexts& sources, diag::Diagnostics& diags, ParseCache* cache = nullptr);

/// How LoadSite loads one plan folder: LoadPlan, or a cache in front of it (keikaku serve).
/// Called on several threads at once.
using PlanLoader = std::function<std::optional<model::Plan>(const std::filesystem::path& dir, const std::string& slug,
                                                            SourceTexts& sources, diag::Diagnostics& diags)>;

/// Loads the whole site from `source_dir` (holding site.yaml and plans/). Plans and
/// chapters marked `draft: true` are validated, and kept only with `include_drafts`.
/// Plans are read on `jobs` threads (0: one per core).
std::optional<model::Site> LoadSite(const std::filesystem::path& source_dir, SourceTexts& sources,
                                    diag::Diagnostics& diags, bool include_drafts = false, int jobs = 0,
                                    const PlanLoader& load_plan = {});

/// Checks encoding and indentation, parses YAML and validates it against `type`.
/// `file` is the display name used in diagnostics. Returns nothing on any error.
std::optional<YamlDoc> ParseContent(const std::string& file, const std::string& text, const schema::Type& type,
                                    diag::Diagnostics& diags);

/// Builds model parts from validated YAML (exposed for tests).
model::Plan BuildPlan(NodeView node, const std::string& file, const std::string& text);
model::Chapter BuildChapter(NodeView node, const std::string& file,
                            const std::string& text);
std::vector<model::GlossaryEntry> BuildGlossary(NodeView node, const std::string& file,
                                                const std::string& text);

/// Reports a term or alias shared by two entries (error) and readings that are missing or
/// not hiragana (warnings). Returns false on errors.
bool CheckGlossary(const std::vector<model::GlossaryEntry>& entries, diag::Diagnostics& diags);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_LOADER_H_
