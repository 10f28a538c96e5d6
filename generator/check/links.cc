#include "check/links.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>

#include "text/url.h"

namespace keikaku::check {

namespace {

// The ids of a page, found once per page.
const std::set<std::string>& IdsOf(const std::string& page, const std::string& html,
                                   std::map<std::string, std::set<std::string>>& cache) {
  auto [it, fresh] = cache.try_emplace(page);
  if (!fresh) return it->second;
  static constexpr std::string_view kId = " id=\"";
  for (std::size_t at = html.find(kId); at != std::string::npos; at = html.find(kId, at + 1)) {
    std::size_t start = at + kId.size();
    std::size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    it->second.insert(html.substr(start, end - start));
  }
  return it->second;
}

bool HasScheme(std::string_view href) {
  std::size_t colon = href.find(':');
  return colon != std::string_view::npos && href.find_first_of("/?#") > colon;
}

// Finds each href="…" and src="…" of `html` in document order, with its line.
template <typename Fn>
void ForEachLink(const std::string& html, Fn&& fn) {
  static constexpr std::string_view kHref = " href=\"", kSrc = " src=\"";
  int line = 1;
  std::size_t counted = 0;  // newlines are counted up to here, once per page
  for (std::size_t at = 0;;) {
    std::size_t href = html.find(kHref, at), src = html.find(kSrc, at);
    std::size_t found = std::min(href, src);
    if (found == std::string::npos) return;
    std::size_t start = found + (found == href ? kHref.size() : kSrc.size());
    std::size_t end = html.find('"', start);
    if (end == std::string::npos) return;
    line += static_cast<int>(std::count(html.begin() + counted, html.begin() + start, '\n'));
    counted = start;
    fn(html.substr(start, end - start), line);
    at = end;
  }
}

}  // namespace

LinkReport CheckLinks(const output::OutputTree& site, diag::Diagnostics& diags) {
  LinkReport report;
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& entry : site) {
    // Named, not a structured binding: the lambda captures it (clang 14 cannot capture those).
    const std::string& page = entry.first;
    if (page == "404.html" || output::Extension(page) != "html") continue;
    ForEachLink(entry.second, [&](const std::string& href, int line) {
      diag::SourcePos pos{"<output>/" + page, line, 1};
      if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) {
        report.external.insert(href);
        return;
      }
      if (HasScheme(href)) return;  // mailto:, tel:
      if (!href.empty() && href.front() == '/') {
        diags.Warning(pos, "link.absolute", "「" + href + "」は / で始まるリンクです。サイトをサブフォルダに置くと切れます。",
                      "相対リンク（例: ../plan/index.html）にしてください。");
        return;
      }
      std::size_t hash = href.find('#');
      std::string path = text::PercentDecode(href.substr(0, std::min(hash, href.find('?')))).value_or(href);
      std::string target = path.empty() ? page
                                        : (std::filesystem::path(page).parent_path() / path).lexically_normal().generic_string();
      if (!target.empty() && target.back() == '/') target += "index.html";
      ++report.checked;
      auto file = site.find(target);
      if (file == site.end()) {
        diags.Error(pos, "link.broken", "リンク先「" + href + "」がサイトにありません。",
                    "リンクを直すか、リンク先のページやファイルを作ってください。");
        return;
      }
      if (hash == std::string::npos || hash + 1 == href.size()) return;
      std::string anchor = text::PercentDecode(href.substr(hash + 1)).value_or(href.substr(hash + 1));
      if (!IdsOf(target, file->second, ids).count(anchor)) {
        diags.Error(pos, "link.anchor", "リンク先「" + href + "」の「#" + anchor + "」がページの中にありません。",
                    "見出しや用語の名前が変わっていないか確かめてください。");
      }
    });
  }
  return report;
}

}  // namespace keikaku::check
