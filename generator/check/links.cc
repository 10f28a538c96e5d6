#include "check/links.h"

#include <filesystem>
#include <map>
#include <string_view>

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

// Decodes %XX (pages link files whose names need escaping).
std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

int LineAt(const std::string& html, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset; ++i) line += html[i] == '\n';
  return line;
}

}  // namespace

LinkReport CheckLinks(const output::OutputTree& site, diag::Diagnostics& diags) {
  LinkReport report;
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [page, html] : site) {
    if (page == "404.html" || page.size() < 5 || page.compare(page.size() - 5, 5, ".html") != 0) continue;
    for (std::string_view attr : {" href=\"", " src=\""}) {
      for (std::size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
        std::size_t start = at + attr.size();
        std::size_t end = html.find('"', start);
        if (end == std::string::npos) break;
        std::string href = html.substr(start, end - start);
        diag::SourcePos pos{"<output>/" + page, LineAt(html, start), 1};
        if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) {
          report.external.insert(href);
          continue;
        }
        if (HasScheme(href)) continue;  // mailto:, tel:
        if (!href.empty() && href.front() == '/') {
          diags.Warning(pos, "link.absolute", "「" + href + "」は / で始まるリンクです。サイトをサブフォルダに置くと切れます。",
                        "相対リンク（例: ../plan/index.html）にしてください。");
          continue;
        }
        std::size_t hash = href.find('#');
        std::string path = Unescape(href.substr(0, std::min(hash, href.find('?'))));
        std::string target = path.empty() ? page
                                          : (std::filesystem::path(page).parent_path() / path).lexically_normal().generic_string();
        if (!target.empty() && target.back() == '/') target += "index.html";
        ++report.checked;
        auto file = site.find(target);
        if (file == site.end()) {
          diags.Error(pos, "link.broken", "リンク先「" + href + "」がサイトにありません。",
                      "リンクを直すか、リンク先のページやファイルを作ってください。");
          continue;
        }
        if (hash == std::string::npos || hash + 1 == href.size()) continue;
        std::string anchor = Unescape(href.substr(hash + 1));
        if (!IdsOf(target, file->second, ids).count(anchor)) {
          diags.Error(pos, "link.anchor", "リンク先「" + href + "」の「#" + anchor + "」がページの中にありません。",
                      "見出しや用語の名前が変わっていないか確かめてください。");
        }
      }
    }
  }
  return report;
}

}  // namespace keikaku::check
