#include "render/content_text.h"

#include <ctemplate/template_emitter.h>
#include <ctemplate/template_modifiers.h>

#include <mutex>

#include "furigana/html.h"
#include "furigana/syntax.h"

namespace keikaku::render {
namespace {

constexpr const char* kStyleKey = "keikaku.text-style";

// {{VAR:x-text}}: HTML it escapes itself, so it is registered as XSS-safe and used only in
// HTML text (never in attributes, where templates use x-plain).
class TextModifier : public ctemplate::TemplateModifier {
 public:
  void Modify(const char* in, size_t inlen, const ctemplate::PerExpandData* data, ctemplate::ExpandEmitter* out,
              const std::string&) const override {
    const TextStyle* style = data ? static_cast<const TextStyle*>(data->LookupForModifiers(kStyleKey)) : nullptr;
    out->Emit(TextHtml(std::string_view(in, inlen), style ? *style : TextStyle{}));
  }
};

// {{VAR:x-plain}}: the base text; auto-escaping then escapes it for its context.
class PlainModifier : public ctemplate::TemplateModifier {
 public:
  void Modify(const char* in, size_t inlen, const ctemplate::PerExpandData*, ctemplate::ExpandEmitter* out,
              const std::string&) const override {
    out->Emit(PlainText(std::string_view(in, inlen)));
  }
};

}  // namespace

void RegisterTextModifiers() {
  static std::once_flag once;
  std::call_once(once, [] {
    static const TextModifier text;
    static const PlainModifier plain;
    ctemplate::AddXssSafeModifier("x-text", &text);
    ctemplate::AddModifier("x-plain", &plain);
  });
}

void AttachTextStyle(ctemplate::PerExpandData& data, const TextStyle* style) {
  data.InsertForModifiers(kStyleKey, style);
}

std::string TextHtml(std::string_view text, const TextStyle& style) {
  std::vector<furigana::SyntaxProblem> problems;
  furigana::Pieces parsed = furigana::ParseRuby(furigana::MarkEscapes(text), &problems);
  if (style.diags) {
    for (const furigana::SyntaxProblem& p : problems) style.diags->Warning(style.pos, p.rule, p.message, p.hint);
  }
  if (!style.annotator) return furigana::PiecesHtml(parsed);
  furigana::Pieces out;
  for (furigana::Piece& p : parsed) {
    if (p.ruby) {
      out.push_back(std::move(p));
      continue;
    }
    std::vector<std::string> unread;
    for (furigana::Piece& q : style.annotator->Annotate(p.text, style.auto_grade, &unread)) {
      if (q.ruby) {
        out.push_back(std::move(q));
      } else {
        furigana::AppendText(out, q.text);
      }
    }
    if (!style.diags) continue;
    for (const std::string& word : unread) furigana::WarnUnread(*style.diags, style.pos, word);
  }
  return furigana::PiecesHtml(out);
}

std::string PlainText(std::string_view text) {
  return furigana::BaseText(furigana::ParseRuby(furigana::MarkEscapes(text), nullptr));
}

}  // namespace keikaku::render
