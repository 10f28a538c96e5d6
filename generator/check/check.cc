#include "check/check.h"

#include "check/links.h"
#include "text/json.h"

namespace keikaku::check {

namespace {

void WriteJson(const diag::Diagnostics& diags, const LinkReport& links, int pages, bool failed, std::ostream& out) {
  std::string json = "{\n  \"findings\": [";
  bool first = true;
  for (const diag::Diagnostic& d : diags.Sorted()) {
    json += first ? "\n    {" : ",\n    {";
    first = false;
    json += "\"file\": " + text::JsonString(d.pos.file) + ", \"line\": " + std::to_string(d.pos.line) +
            ", \"column\": " + std::to_string(d.pos.column) + ", \"severity\": \"" +
            (d.severity == diag::Severity::kError ? "error" : "warning") + "\", \"rule\": " + text::JsonString(d.rule) +
            ", \"message\": " + text::JsonString(d.message) + ", \"hint\": " + text::JsonString(d.hint) + "}";
  }
  json += first ? "],\n" : "\n  ],\n";
  json += "  \"errors\": " + std::to_string(diags.error_count()) + ",\n  \"warnings\": " +
          std::to_string(diags.warning_count()) + ",\n  \"pages\": " + std::to_string(pages) +
          ",\n  \"internal_links\": " + std::to_string(links.checked) + ",\n  \"external_links\": [";
  first = true;
  for (const std::string& url : links.external) {
    json += first ? "\n    " : ",\n    ";
    first = false;
    text::AppendJsonString(json, url);
  }
  json += first ? "],\n" : "\n  ],\n";
  json += std::string("  \"passed\": ") + (failed ? "false" : "true") + "\n}\n";
  out << json;
}

}  // namespace

int Check(const CheckOptions& options, std::ostream& out) {
  pipeline::BuildOptions build = options.build;
  build.drafts = true;
  output::OutputTree site;
  render::Stats stats;
  load::SourceTexts sources;
  diag::Diagnostics diags;
  LinkReport links;
  if (pipeline::RenderToTree(build, site, stats, sources, diags)) {
    links = CheckLinks(site, diags);
  }
  bool failed = diags.has_errors() || (options.strict && diags.warning_count() > 0);
  if (options.json) {
    WriteJson(diags, links, stats.pages, failed, out);
  } else {
    out << diags.Format(sources);
    out << "エラー " << diags.error_count() << " 件、警告 " << diags.warning_count() << " 件";
    if (stats.pages > 0) {
      out << "（" << stats.pages << " ページ、サイトの中のリンク " << links.checked << " 件を確かめました）";
    }
    out << "。";
    if (options.strict && diags.warning_count() > 0) out << "--strict のため、警告もエラーとして扱います。";
    out << "\n";
    if (!links.external.empty()) {
      out << "外部へのリンク " << links.external.size() << " 件（開いて確かめてはいません）:\n";
      for (const std::string& url : links.external) out << "  " << url << "\n";
    }
  }
  return failed ? 1 : 0;
}

}  // namespace keikaku::check
