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
    static const TextStyle kNoStyle;
    const auto* style = data ? static_cast<const TextStyle*>(data->LookupForModifiers(kStyleKey)) : nullptr;
    std::string scratch;
    // Not 「style ? *style : TextStyle{}」, which copies the style (and its file name) each time.
    out->Emit(TextHtmlIn(std::string_view(in, inlen), style ? *style : kNoStyle, scratch));
  }
};

// {{VAR:x-plain}}: the base text; auto-escaping then escapes it for its context.
// Text without ruby syntax or escapes is its own plain text.
bool IsPlain(std::string_view text) {
  return text.find('\\') == std::string_view::npos && !furigana::MayHaveRuby(text);
}

class PlainModifier : public ctemplate::TemplateModifier {
 public:
  void Modify(const char* in, size_t inlen, const ctemplate::PerExpandData*, ctemplate::ExpandEmitter* out,
              const std::string&) const override {
    const std::string_view text(in, inlen);
    if (IsPlain(text)) return out->Emit(in, inlen);
    out->Emit(PlainText(text));
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

namespace {

TextRead Read(std::string_view text, const TextStyle& style) {
  TextRead read;
  furigana::Pieces parsed = furigana::ParseRuby(furigana::MarkEscapes(text), &read.problems);
  if (!style.annotator) {
    read.html = furigana::PiecesHtml(parsed);
    return read;
  }
  const furigana::AnnotatorStats before = style.annotator->stats();
  furigana::Pieces out;
  for (furigana::Piece& p : parsed) {
    if (p.ruby) {
      out.push_back(std::move(p));
      continue;
    }
    for (furigana::Piece& q : style.annotator->Annotate(p.text, style.auto_grade, &read.unread)) {
      if (q.ruby) {
        out.push_back(std::move(q));
      } else {
        furigana::AppendText(out, q.text);
      }
    }
  }
  read.annotated = style.annotator->stats() - before;
  read.html = furigana::PiecesHtml(out);
  return read;
}

// The warnings of a text read, at the page's content file.
void Report(const TextRead& read, const TextStyle& style) {
  if (!style.diags) return;
  for (const furigana::SyntaxProblem& p : read.problems) style.diags->Warning(style.pos, p.rule, p.message, p.hint);
  for (const std::string& word : read.unread) furigana::WarnUnread(*style.diags, style.pos, word);
}

}  // namespace

std::string TextHtml(std::string_view text, const TextStyle& style) {
  std::string html;
  return std::string(TextHtmlIn(text, style, html));
}

const std::string& TextHtmlIn(std::string_view text, const TextStyle& style, std::string& scratch) {
  if (!style.memo) {
    TextRead read = Read(text, style);
    Report(read, style);
    scratch = std::move(read.html);
    return scratch;
  }
  TextReads& reads = (*style.memo)[{style.annotator, style.auto_grade ? *style.auto_grade : -1}];
  thread_local std::string key;  // its capacity kept: looking a text up allocates nothing
  key.assign(text);
  if (auto it = reads.find(key); it != reads.end()) {
    if (style.annotator) style.annotator->Count(it->second.annotated);
    Report(it->second, style);
    return it->second.html;
  }
  TextRead read = Read(text, style);
  Report(read, style);
  return reads.emplace(key, std::move(read)).first->second.html;
}

std::string PlainText(std::string_view text) {
  if (IsPlain(text)) return std::string(text);
  return furigana::BaseText(furigana::ParseRuby(furigana::MarkEscapes(text), nullptr));
}

}  // namespace keikaku::render
