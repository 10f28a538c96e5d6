#include "serve/preview_page.h"

#include "text/escape.h"

namespace keikaku::serve {

namespace {

constexpr int kContextLines = 2;
constexpr int kMaxShown = 10;

}  // namespace

std::string InjectPreview(std::string_view page, const PageState& state) {
  std::string html(page);
  std::size_t head = html.find("</head>");
  html.insert(head == std::string::npos ? 0 : head, std::string("<link rel=\"stylesheet\" href=\"") + kStylePath + "\">");
  if (!state.overlay.empty()) {
    std::size_t body = html.find("<body");
    std::size_t at = body == std::string::npos ? std::string::npos : html.find('>', body);
    if (at == std::string::npos) {
      html.insert(0, state.overlay);
    } else {
      html.insert(at + 1, state.overlay);
    }
  }
  std::string script = std::string("<script src=\"") + kScriptPath + "\" data-build=\"" +
                       std::to_string(state.build) + "\" data-base=\"" +
                       text::EscapeHtml(state.base_path) + "\"" +
                       (state.missing ? " data-missing=\"\"" : "") + "></script>";
  std::size_t end = html.rfind("</body>");
  html.insert(end == std::string::npos ? html.size() : end, script);
  return html;
}

std::string ErrorOverlay(const diag::Diagnostics& diags,
                         const std::map<std::string, std::string>& sources) {
  std::string out =
      "<div id=\"keikaku-error\" class=\"keikaku-error\" role=\"alert\" lang=\"ja\" tabindex=\"-1\">"
      "<div class=\"keikaku-error__box\"><h2>サイトを作れませんでした（エラー ";
  out += std::to_string(diags.error_count());
  out += " 件）</h2><p>ファイルを直して保存すると、この表示は消えます。後ろには、前にうまく作れたときのページを表示しています。</p>";
  int shown = 0;
  for (const diag::Diagnostic& d : diags.Sorted()) {
    if (d.severity != diag::Severity::kError) continue;
    if (++shown > kMaxShown) break;
    out += "<section><h3><code>";
    std::string where = d.pos.file.empty() ? "keikaku" : d.pos.file;
    if (d.pos.line > 0) {
      where += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.column, 1));
    }
    text::AppendEscapedHtml(out, where);
    out += "</code></h3><p>";
    text::AppendEscapedHtml(out, d.message);
    out += " <span class=\"keikaku-error__rule\">[";
    text::AppendEscapedHtml(out, d.rule);
    out += "]</span></p>";
    if (!d.hint.empty()) {
      out += "<p>ヒント: ";
      text::AppendEscapedHtml(out, d.hint);
      out += "</p>";
    }
    auto source = sources.find(d.pos.file);
    if (source != sources.end()) {
      std::vector<diag::ExcerptLine> lines = diag::Excerpt(source->second, d.pos.line, kContextLines);
      if (!lines.empty()) {
        out += "<pre><code>";
        for (diag::ExcerptLine& l : lines) {
          bool at = l.number == d.pos.line;
          int column = d.pos.column;
          diag::ClipLine(l.text, column);
          out += at ? "<mark>" : "<span>";
          out += "<span class=\"keikaku-error__ln\">" + std::to_string(l.number) + "</span> ";
          text::AppendEscapedHtml(out, l.text);
          out += at ? "</mark>" : "</span>";
        }
        out += "</code></pre>";
      }
    }
    out += "</section>";
  }
  if (shown > kMaxShown) {
    out += "<p>ほかのエラーは、keikaku serve を動かしている画面（端末）に表示しています。</p>";
  }
  out += "<button type=\"button\" class=\"keikaku-error__close\" hidden>閉じる</button></div></div>";
  return out;
}

std::string NoBuildPage(const PageState& state) {
  return InjectPreview(
      "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>プレビュー: エラー</title></head><body><main><h1>まだサイトを作れていません</h1>"
      "<p>下のエラーを直して保存すると、ページが表示されます。</p></main></body></html>",
      state);
}

}  // namespace keikaku::serve
