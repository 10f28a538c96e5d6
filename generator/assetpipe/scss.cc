#include "assetpipe/scss.h"

#include <sass.h>

#include <cstdio>

#include "text/hash.h"

namespace keikaku::assetpipe {
namespace {

using Files = std::map<std::string, std::string>;

std::string DirName(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// Resolves @import "name" among the in-memory files: _name.scss or name.scss beside the
// importing file. Returning nullptr lets LibSass report the import as not found.
Sass_Import_List ImportFromMemory(const char* url, Sass_Importer_Entry importer,
                                  struct Sass_Compiler* compiler) {
  const Files& files = *static_cast<const Files*>(sass_importer_get_cookie(importer));
  const char* parent = sass_import_get_abs_path(sass_compiler_get_last_import(compiler));
  std::string base = DirName(parent ? parent : "");
  std::string name = url;
  std::string dir = DirName(name);
  std::string leaf = name.substr(dir.size());
  if (leaf.size() > 5 && leaf.compare(leaf.size() - 5, 5, ".scss") == 0) leaf.resize(leaf.size() - 5);
  for (const std::string& candidate : {base + dir + "_" + leaf + ".scss", base + dir + leaf + ".scss"}) {
    auto it = files.find(candidate);
    if (it == files.end()) continue;
    Sass_Import_List list = sass_make_import_list(1);
    list[0] = sass_make_import_entry(candidate.c_str(), sass_copy_c_string(it->second.c_str()), nullptr);
    return list;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> CompileScss(const std::string& entry, const Files& files,
                                       diag::Diagnostics& diags) {
  auto it = files.find(entry);
  if (it == files.end()) {
    diags.Error({entry, 0, 0}, "theme.missing", "スタイルシート " + entry + " がありません。",
                "テーマのフォルダに置くか、--theme を外して既定のテーマを使ってください。");
    return std::nullopt;
  }
  // LibSass copies @use and @forward into the CSS without complaint: reject them here.
  const int errors_before = diags.error_count();
  for (const auto& [path, text] : files) {
    std::size_t at = 0;
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i == at) {
        std::size_t first = text.find_first_not_of(" \t", i);
        if (first != std::string::npos &&
            (text.compare(first, 5, "@use ") == 0 || text.compare(first, 9, "@forward ") == 0)) {
          diags.Error({path, line, static_cast<int>(first - i) + 1}, "theme.scss-use",
                      "@use と @forward は LibSass では使えません。",
                      "@import \"ファイル名\"; を使ってください。");
        }
      }
      if (text[i] == '\n') {
        at = i + 1;
        ++line;
      }
    }
  }
  if (diags.error_count() != errors_before) return std::nullopt;

  Sass_Data_Context* data = sass_make_data_context(sass_copy_c_string(it->second.c_str()));
  Sass_Context* context = sass_data_context_get_context(data);
  Sass_Options* options = sass_context_get_options(context);
  sass_option_set_output_style(options, SASS_STYLE_COMPRESSED);
  sass_option_set_precision(options, 5);
  sass_option_set_input_path(options, entry.c_str());
  Sass_Importer_List importers = sass_make_importer_list(1);
  sass_importer_set_list_entry(importers, 0,
                               sass_make_importer(ImportFromMemory, 0, const_cast<Files*>(&files)));
  sass_option_set_c_importers(options, importers);

  std::optional<std::string> css;
  if (sass_compile_data_context(data) == 0) {
    css = sass_context_get_output_string(context);
    if (css->compare(0, 3, "\xEF\xBB\xBF") == 0) css->erase(0, 3);  // LibSass adds a BOM for non-ASCII
  } else {
    const char* file = sass_context_get_error_file(context);
    std::size_t line = sass_context_get_error_line(context);
    std::size_t column = sass_context_get_error_column(context);
    bool known = line != static_cast<std::size_t>(-1);
    const char* text = sass_context_get_error_text(context);
    diags.Error({file ? file : entry, known ? static_cast<int>(line) : 0, known ? static_cast<int>(column) : 0},
                "theme.scss", std::string("スタイルシートをコンパイルできません: ") + (text ? text : ""),
                "SCSS の書き方を確かめてください。");
  }
  sass_delete_data_context(data);
  return css;
}

std::string ContentHash(const std::string& bytes) {
  std::uint64_t h = text::Fnv1a64(bytes);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 8);
}

}  // namespace keikaku::assetpipe
