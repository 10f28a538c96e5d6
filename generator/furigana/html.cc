#include "furigana/html.h"

#include "text/escape.h"
#include "text/utf8.h"

namespace keikaku::furigana {
namespace {

void AppendAnnotation(std::string& out, const std::string& reading, bool hidden) {
  out += "<rp>（</rp><rt";
  if (hidden) out += " aria-hidden=\"true\"";
  out += ">";
  text::AppendEscapedHtml(out, reading);
  out += "</rt><rp>）</rp>";
}

}  // namespace

std::string RubyHtml(const Ruby& ruby) {
  std::string out;
  if (ruby.name) {
    out += "<span class=\"kana-sr\">";
    for (const std::string& r : ruby.readings) text::AppendEscapedHtml(out, r);
    out += "</span><ruby aria-hidden=\"true\">";
  } else {
    out += "<ruby>";
  }
  if (ruby.readings.size() == 1) {
    text::AppendEscapedHtml(out, ruby.base);
    AppendAnnotation(out, ruby.readings.front(), !ruby.name);
  } else {  // mono ruby: one reading per character
    std::size_t pos = 0;
    for (const std::string& r : ruby.readings) {
      std::size_t at = pos;
      text::DecodeAt(ruby.base, pos);
      text::AppendEscapedHtml(out, std::string_view(ruby.base).substr(at, pos - at));
      AppendAnnotation(out, r, !ruby.name);
    }
  }
  out += "</ruby>";
  return out;
}

std::string PiecesHtml(const Pieces& pieces) {
  std::string out;
  for (const Piece& p : pieces) {
    if (p.ruby) {
      out += RubyHtml(*p.ruby);
    } else {
      text::AppendEscapedHtml(out, p.text);
    }
  }
  return out;
}

}  // namespace keikaku::furigana
