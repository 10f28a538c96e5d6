#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <tuple>

#include "furigana/html.h"
#include "furigana/syntax.h"
#include "markdown/cmark_arena.h"
#include "text/escape.h"
#include "text/utf8.h"

namespace keikaku::markdown {
namespace {

// cmark-gfm's inline parser reads a process-wide table of special characters. Before it
// parses a document's inlines, cmark_parser_finish adds the characters of the parser's inline
// extensions to the table ('|', '~', ':', 'w', …), and it removes them after: two documents
// parsed at once lose each other's characters, and autolinks or strikethrough go missing
// (dependencies.md §1). The library makes both changes through the public function
// cmark_manage_extensions_special_characters, which it calls through its procedure linkage
// table, so keikaku's definition below (at the end of this file) takes its place: it adds
// the characters once and never removes them. Every parser here attaches the same
// extensions, so the table then holds what every parse needs and no parse changes it.
// Until that definition has run (the first parse), and for good if a build of the library
// binds the call inside itself, parses take turns under ParseMutex.
std::mutex& ParseMutex() {
  static std::mutex mutex;
  return mutex;
}
std::atomic<bool> g_table_kept{false};  // the table holds the extensions' characters for good

// Every node of a document, the parser's and those the passes below add, comes from the
// thread's CmarkArena (nodes are made with cmark_node_new_with_mem): freeing the document is
// emptying the arena.
struct NodeDeleter {
  void operator()(cmark_node*) const { CmarkArena::Leave(); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

constexpr int kOptions = CMARK_OPT_FOOTNOTES;

NodePtr Parse(const std::string& text, cmark_llist** extensions_out) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_lock<std::mutex> lock(ParseMutex(), std::defer_lock);
  if (!g_table_kept.load(std::memory_order_acquire)) lock.lock();
  CmarkArena::Enter();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new_with_mem(kOptions, CmarkArena::Mem()));
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  if (!doc) CmarkArena::Leave();
  // The extension list belongs to the parser; copy what the renderer needs.
  *extensions_out = nullptr;
  for (cmark_llist* it = cmark_parser_get_syntax_extensions(parser.get()); it; it = it->next) {
    *extensions_out = cmark_llist_append(cmark_get_default_mem_allocator(), *extensions_out, it->data);
  }
  return doc;
}

// The document cmark-gfm makes of a text for which IsOneTextParagraph holds, made without a
// parser: a paragraph with one text node. (The parser's fixed cost was most of the work for
// such short texts, half of those a build renders: table cells, short lines.)
NodePtr OneTextParagraph(const std::string& text) {
  CmarkArena::Enter();
  cmark_node* doc = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, CmarkArena::Mem());
  cmark_node* paragraph = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena::Mem());
  cmark_node* literal = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena::Mem());
  cmark_node_set_literal(literal, text.c_str());
  cmark_node_append_child(paragraph, literal);
  cmark_node_append_child(doc, paragraph);
  return NodePtr(doc);
}

bool IsLatinLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Whether `s` has a space with a Latin letter after it and a letter (or ' - /) before it, at
// or after `from`: every English phrase has one, most texts none.
bool MayHaveEnglishPhrase(std::string_view s, std::size_t from = 0) {
  for (std::size_t at = s.find(' ', from); at != std::string_view::npos; at = s.find(' ', at + 1)) {
    if (at > 0 && at + 1 < s.size() && IsLatinLetter(s[at + 1]) &&
        (IsLatinLetter(s[at - 1]) || s[at - 1] == '\'' || s[at - 1] == '-' || s[at - 1] == '/')) {
      return true;
    }
  }
  return false;
}

// The byte range [begin, end) of the first English phrase in `s` at or after `from`:
// words of Latin letters (with ' - / inside) separated by single spaces, at least two words,
// at least one lower-case letter. {npos, npos} when there is none.
std::pair<std::size_t, std::size_t> FindEnglishPhrase(std::string_view s, std::size_t from) {
  if (!MayHaveEnglishPhrase(s, from)) return {std::string::npos, std::string::npos};
  auto word_end = [&](std::size_t i) {
    while (i < s.size() && (IsLatinLetter(s[i]) || s[i] == '\'' || s[i] == '-' || s[i] == '/')) ++i;
    return i;
  };
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!IsLatinLetter(s[i]) || (i > 0 && (IsLatinLetter(s[i - 1]) || std::isdigit(static_cast<unsigned char>(s[i - 1]))))) continue;
    std::size_t end = word_end(i), words = 1;
    bool lower = false;
    for (std::size_t k = i; k < end; ++k) lower = lower || (s[k] >= 'a' && s[k] <= 'z');
    while (end + 1 < s.size() && s[end] == ' ' && IsLatinLetter(s[end + 1])) {
      std::size_t next = word_end(end + 1);
      if (next < s.size() && std::isdigit(static_cast<unsigned char>(s[next]))) break;
      for (std::size_t k = end + 1; k < next; ++k) lower = lower || (s[k] >= 'a' && s[k] <= 'z');
      end = next;
      ++words;
    }
    if (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) {
      i = end;
      continue;
    }
    if (words >= 2 && lower) return {i, end};
    i = end;
  }
  return {std::string::npos, std::string::npos};
}

// Markup keikaku adds around a run of text: inserted as HTML_INLINE nodes, the one kind of
// raw node a GFM table cell accepts besides plain inlines (dependencies.md §1: a cell refuses
// CUSTOM_INLINE nodes and drops its text). Author HTML never gets this far: it is removed
// before (Renderer::RemoveRawHtml), so rendering with CMARK_OPT_UNSAFE emits only ours.
struct Markup {
  std::string open, close;
};

cmark_node* NewNode(cmark_node_type type) { return cmark_node_new_with_mem(type, CmarkArena::Mem()); }

cmark_node* HtmlNode(const std::string& html) {
  cmark_node* n = NewNode(CMARK_NODE_HTML_INLINE);
  cmark_node_set_literal(n, html.c_str());
  return n;
}

// Splits text node `node` (whose literal is `text`) around [begin, end): the node keeps the
// text before; `markup` wraps a new text node holding `label` in place of the range; a new
// text node holding the text after is returned.
cmark_node* SpliceInline(cmark_node* node, const std::string& text, std::size_t begin, std::size_t end,
                         const Markup& markup, const std::string& label) {
  cmark_node_set_literal(node, text.substr(0, begin).c_str());
  cmark_node* open = HtmlNode(markup.open);
  cmark_node_insert_after(node, open);
  cmark_node* inner = NewNode(CMARK_NODE_TEXT);
  cmark_node_set_literal(inner, label.c_str());
  cmark_node_insert_after(open, inner);
  cmark_node* close = HtmlNode(markup.close);
  cmark_node_insert_after(inner, close);
  cmark_node* tail = NewNode(CMARK_NODE_TEXT);
  cmark_node_set_literal(tail, text.substr(end).c_str());
  cmark_node_insert_after(close, tail);
  return tail;
}

// Replaces text node `node` with `pieces`: text nodes for plain runs, an HTML node for each
// ruby word (so no later pass looks inside it).
void ReplaceWithPieces(cmark_node* node, const furigana::Pieces& pieces) {
  cmark_node* last = node;
  for (const furigana::Piece& p : pieces) {
    cmark_node* n;
    if (p.ruby) {
      n = HtmlNode(furigana::RubyHtml(*p.ruby));
    } else {
      n = NewNode(CMARK_NODE_TEXT);
      cmark_node_set_literal(n, p.text.c_str());
    }
    cmark_node_insert_after(last, n);
    last = n;
  }
  cmark_node_unlink(node);
  cmark_node_free(node);
}

bool HasRuby(const furigana::Pieces& pieces) {
  for (const furigana::Piece& p : pieces) {
    if (p.ruby) return true;
  }
  return false;
}

// URL schemes that run code or reach outside the web (as cmark's safe mode has them).
bool IsDangerousUrl(const std::string& url, bool image) {
  std::string lower;
  for (char c : url.substr(0, 16)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto starts = [&](const char* p) { return lower.rfind(p, 0) == 0; };
  if (starts("data:")) {
    return !(image && (starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") ||
                       starts("data:image/webp")));
  }
  return starts("javascript:") || starts("vbscript:") || starts("file:");
}

// True if `node` is inside a node of one of `types`.
bool InsideAny(cmark_node* node, std::initializer_list<cmark_node_type> types) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    if (std::find(types.begin(), types.end(), cmark_node_get_type(p)) != types.end()) return true;
  }
  return false;
}

bool InsideLink(cmark_node* node) { return InsideAny(node, {CMARK_NODE_LINK, CMARK_NODE_IMAGE}); }

// The nodes under `root` (itself included) that `wanted` accepts, in document order.
template <typename Predicate>
std::vector<cmark_node*> CollectIf(cmark_node* root, Predicate wanted) {
  std::vector<cmark_node*> nodes;
  nodes.reserve(32);  // a paragraph's worth: not grown one by one
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && wanted(n)) nodes.push_back(n);
  }
  cmark_iter_free(iter);
  return nodes;
}

std::vector<cmark_node*> Collect(cmark_node* root, cmark_node_type type) {
  return CollectIf(root, [type](cmark_node* n) { return cmark_node_get_type(n) == type; });
}

// The header rows of GFM tables (the table extension names them "table_header"; its node
// types have no public constant).
std::vector<cmark_node*> HeaderRows(cmark_node* root) {
  return CollectIf(root, [](cmark_node* n) { return std::string_view(cmark_node_get_type_string(n)) == "table_header"; });
}

// Byte offset of the start of 1-based `line` in `text`.
std::size_t LineOffset(const std::string& text, int line) {
  std::size_t at = 0;
  for (int l = 1; l < line && at != std::string::npos; ++l) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  return at == std::string::npos ? text.size() : at;
}

// The text a reader sees of `node` (a link, an image or a heading): its text and code.
std::string PlainText(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
      out += cmark_node_get_literal(n);
    }
  }
  cmark_iter_free(iter);
  return out;
}

// Byte offset in `text` where `node` starts. The links that the autolink extension makes
// (https://…, www.…, addresses) have no position (line 0) or start a column early: they are
// found by their text, which is written as shown, from the nearest position known.
std::size_t NodeOffset(const std::string& text, cmark_node* node) {
  cmark_node* n = node;
  while (n && cmark_node_get_start_line(n) < 1) n = cmark_node_parent(n);
  if (!n) return 0;
  std::size_t at = std::min(text.size(), LineOffset(text, cmark_node_get_start_line(n)) +
                                             std::max(cmark_node_get_start_column(n), 1) - 1);
  if (cmark_node_get_type(node) == CMARK_NODE_LINK && (n != node || (text[at] != '[' && text[at] != '<'))) {
    std::size_t found = text.find(PlainText(node), at);
    if (found != std::string::npos) at = found;
  }
  return at;
}

std::string AsciiLower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Link text that says nothing of where the link goes (JIS X 8341-3 2.4.4).
bool IsVagueLinkText(const std::string& text) {
  std::string core;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t begin = pos;
    char32_t c = text::DecodeAt(text, pos);
    static const std::u32string kIgnored = U" \u3000。、．，.,!！「」『』（）()→▶>＞";
    if (kIgnored.find(c) == std::u32string::npos) core += text.substr(begin, pos - begin);
  }
  static const char* const kVague[] = {"こちら", "ここ", "詳細", "詳しく", "詳しくはこちら", "詳細はこちら",
                                       "ここをクリック", "こちらをクリック", "クリック", "リンク", "here",
                                       "clickhere", "more", "link"};
  core = AsciiLower(core);
  return std::any_of(std::begin(kVague), std::end(kVague), [&](const char* v) { return core == v; });
}

// True if `text` gives a file's size (「729KB」「1.2MB」「300キロバイト」) and a type word.
bool HasTypeAndSize(const std::string& text, const std::string& type) {
  std::string lower;
  for (std::size_t pos = 0; pos < text.size();) {  // full-width letters and digits as ASCII
    std::size_t begin = pos;
    char32_t c = text::DecodeAt(text, pos);
    if (c >= 0xFF01 && c <= 0xFF5E) lower += static_cast<char>(std::tolower(static_cast<int>(c - 0xFEE0)));
    else lower += AsciiLower(text.substr(begin, pos - begin));
  }
  bool size = false;
  for (const char* unit : {"kb", "mb", "gb", "キロバイト", "メガバイト", "バイト"}) {
    for (std::size_t at = lower.find(unit); at != std::string::npos && !size; at = lower.find(unit, at + 1)) {
      std::size_t k = at;
      while (k > 0 && lower[k - 1] == ' ') --k;
      size = k > 0 && std::isdigit(static_cast<unsigned char>(lower[k - 1]));
    }
  }
  return size && lower.find(AsciiLower(type)) != std::string::npos;
}

class Renderer {
 public:
  // Raw HTML is dropped from the page; tell the editor instead of losing it silently.
  void RemoveRawHtml(cmark_node* root) {
    std::vector<cmark_node*> nodes = Nodes(root, CMARK_NODE_HTML_BLOCK);
    for (cmark_node* n : Nodes(root, CMARK_NODE_HTML_INLINE)) nodes.push_back(n);
    for (cmark_node* n : nodes) {
      std::string tag = cmark_node_get_literal(n);
      tag = tag.substr(0, tag.find('\n'));
      if (!diag::IsSuppressionComment(tag)) {
        diags_.Warning(PositionOf(n), "markdown.raw-html", "HTML のタグ「" + tag + "」は使えないため、ページに表示されません。",
                       "強調は **文字**、リンクは [文字](https://…) のように Markdown で書いてください。");
      }
      cmark_node_unlink(n);
      cmark_node_free(n);
    }
    for (cmark_node_type type : {CMARK_NODE_LINK, CMARK_NODE_IMAGE}) {
      for (cmark_node* n : Nodes(root, type)) {
        // A backslash escape in a destination or title is consumed, as CommonMark has it.
        cmark_node_set_url(n, furigana::DropEscapes(cmark_node_get_url(n)).c_str());
        cmark_node_set_title(n, furigana::DropEscapes(cmark_node_get_title(n)).c_str());
        if (IsDangerousUrl(cmark_node_get_url(n), type == CMARK_NODE_IMAGE)) cmark_node_set_url(n, "");
      }
    }
    // Code shows what was written: the backslash of an escaped ruby character stays.
    for (cmark_node_type type : {CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK}) {
      for (cmark_node* n : Nodes(root, type)) {
        cmark_node_set_literal(n, furigana::RestoreEscapes(cmark_node_get_literal(n)).c_str());
      }
    }
  }

  // Ruby written in the text: {漢字|かんじ}, ｜漢字《かんじ》, 漢字《かんじ》. Image
  // descriptions (alt text) keep the base text only.
  void ExplicitRuby(cmark_node* root) {
    for (cmark_node* node : Collect(root, CMARK_NODE_TEXT)) {
      if (!furigana::MayHaveRuby(cmark_node_get_literal(node))) continue;  // as it is
      std::string literal = cmark_node_get_literal(node);
      std::vector<furigana::SyntaxProblem> problems;
      furigana::Pieces pieces = furigana::ParseRuby(literal, &problems);
      for (const furigana::SyntaxProblem& p : problems) {
        diags_.Warning(Locate(furigana::RestoreEscapes(literal.substr(p.offset, p.end - p.offset)), readings_from_), p.rule, p.message,
                       p.hint);
      }
      if (!HasRuby(pieces) || InsideAny(node, {CMARK_NODE_IMAGE})) {
        cmark_node_set_literal(node, furigana::BaseText(pieces).c_str());
      } else {
        ReplaceWithPieces(node, pieces);
      }
    }
  }

  // The readings file's names everywhere, and automatic furigana where the page asks for
  // it, in text outside code and image descriptions.
  void AddReadings(cmark_node* root) {
    if (!options_.annotator) return;
    for (cmark_node* node : Collect(root, CMARK_NODE_TEXT)) {
      const char* literal = cmark_node_get_literal(node);
      if (!options_.annotator->MayAnnotate(literal, options_.auto_grade)) continue;  // as it is
      if (InsideAny(node, {CMARK_NODE_IMAGE})) continue;
      std::vector<std::string> unread;
      furigana::Pieces pieces = options_.annotator->Annotate(literal, options_.auto_grade, &unread);
      for (const std::string& word : unread) furigana::WarnUnread(diags_, Locate(word, readings_from_), word);
      if (HasRuby(pieces)) ReplaceWithPieces(node, pieces);
    }
  }

  // The position in the content file of the next occurrence of `fragment`, searched for in
  // order through the Markdown text from `from` (each kind of finding keeps its own cursor);
  // the start of the text when it is not found.
  diag::SourcePos Locate(const std::string& fragment, std::size_t& from) {
    std::size_t at = md_.text.find(fragment, from);
    if (at == std::string::npos) at = md_.text.find(fragment);
    if (at == std::string::npos) return md_.pos;
    from = at + 1;
    return PositionIn(md_, at);
  }

  // The position in the content file where `node` starts.
  diag::SourcePos PositionOf(cmark_node* node) const {
    return PositionIn(md_, NodeOffset(md_.text, node));
  }

  // Links that say nothing of their purpose, links to documents without type and size
  // (added to links to attachments), images without a description, skipped heading levels.
  void Lint(cmark_node* root) {
    for (cmark_node* n : Nodes(root, CMARK_NODE_LINK)) {
      std::string text = PlainText(n);
      const std::string url = cmark_node_get_url(n);
      if (IsVagueLinkText(text)) {
        diags_.Warning(PositionOf(n), "lint.link-text", "リンクの文字「" + text + "」だけでは、どこへ行くリンクか分かりません。",
                       "「" + text + "」ではなく、行き先の名前（例:「デジタル田園都市国家構想総合戦略」）をリンクの文字にしてください。");
      }
      std::string type = DocumentType(url);
      if (type.empty()) continue;
      cmark_node* next = cmark_node_next(n);
      std::string after = next && cmark_node_get_type(next) == CMARK_NODE_TEXT ? cmark_node_get_literal(next) : "";
      if (HasTypeAndSize(text + after.substr(0, 48), type)) continue;
      std::optional<std::uintmax_t> size = options_.attachment_size ? options_.attachment_size(url) : std::nullopt;
      if (size) {
        cmark_node* label = NewNode(CMARK_NODE_TEXT);
        cmark_node_set_literal(label, ("（" + DocumentLabel(type, *size) + "）").c_str());
        cmark_node_append_child(n, label);
      } else if (url.find(':') != std::string::npos || url.rfind("//", 0) == 0) {
        diags_.Warning(PositionOf(n), "lint.file-link", "ファイル（" + type + "）へのリンクに、ファイルの種類と大きさが書かれていません。",
                       "リンクの文字の後に「（" + type + "、729KB）」のように書いてください。計画のフォルダに置いたファイルなら自動で付きます。");
      }
    }
    for (cmark_node* n : Nodes(root, CMARK_NODE_IMAGE)) {
      if (PlainText(n).find_first_not_of(" \u3000") == std::string::npos) {
        diags_.Warning(PositionOf(n), "lint.image-alt", "画像に代替テキストがありません。",
                       "![画像の内容を説明する文](画像.png) のように、[ ] の中に画像が見えない人にも伝わる説明を書いてください。");
      }
    }
    // A table has a | in its header row.
    for (cmark_node* row : md_.text.find('|') == std::string::npos ? std::vector<cmark_node*>() : HeaderRows(root)) {
      bool empty = true;
      for (cmark_node* cell = cmark_node_first_child(row); cell && empty; cell = cmark_node_next(cell)) {
        empty = PlainText(cell).find_first_not_of(" \u3000") == std::string::npos;
      }
      if (empty) {
        diags_.Warning(PositionOf(row), "lint.table-header", "表の見出しの行が空です。画面読み上げでは、各欄が何の値か分かりません。",
                       "1行目の | と | の間に列の名前（例:「年度」「目標値」）を書いてください。");
      }
    }
    int previous = 0;
    for (cmark_node* h : Nodes(root, CMARK_NODE_HEADING)) {
      int level = cmark_node_get_heading_level(h);
      if (level > previous + 1) {
        std::string marks(static_cast<std::size_t>(level), '#'), expected(static_cast<std::size_t>(previous + 1), '#');
        diags_.Warning(PositionOf(h), "lint.heading-skip",
                       "見出しの段が飛んでいます（" + (previous ? std::string(previous, '#') + " の次が " : std::string("最初の見出しが ")) +
                           marks + "）。見出しをたどって読む人には、間の段が抜けているように聞こえます。",
                       marks + " を " + expected + " にしてください（本文の見出しは、節の見出しの一つ下の段から始まります）。");
      }
      previous = level;
    }
  }

  Renderer(const model::Markdown& md, const Options& options, diag::Diagnostics& diags)
      : md_(md), options_(options), diags_(diags) {}

  // Notes the kinds of node the parsed text has, in one walk, so that a pass looking for a
  // kind it does not have (most texts have no link, heading, code or line break) does not
  // walk the tree. The passes add only text, links and inline HTML, after the walks for
  // links and inline HTML; their walks for text are never skipped.
  void Survey(cmark_node* root) {
    CollectIf(root, [this](cmark_node* n) {
      const cmark_node_type type = cmark_node_get_type(n);
      if (std::find(present_.begin(), present_.end(), type) == present_.end()) present_.push_back(type);
      return false;
    });
  }

  // Whether Survey found nodes of `type`.
  bool Has(cmark_node_type type) const { return std::find(present_.begin(), present_.end(), type) != present_.end(); }

  // The nodes of `type` under `root`, in document order; none if Survey found none.
  std::vector<cmark_node*> Nodes(cmark_node* root, cmark_node_type type) const {
    return Has(type) ? Collect(root, type) : std::vector<cmark_node*>();
  }

  // Makes glossary references, in document order: explicit ones [[name]] / [[name|shown]]
  // anywhere but inside links, and, when the page asks for them (Options::auto_link),
  // glossary names found in text outside headings, links and explicit references (code is
  // not text). A name split by a soft break spans two text nodes and is not found.
  void LinkTerms(cmark_node* root, std::vector<std::string>& terms) {
    const bool automatic = options_.auto_terms && options_.auto_link;
    for (cmark_node* node : Collect(root, CMARK_NODE_TEXT)) {
      if (InsideLink(node)) continue;
      const bool auto_here = automatic && !InsideAny(node, {CMARK_NODE_HEADING});
      // Nothing to link (no reference, and no term where terms are linked): not copied.
      const std::string_view literal = cmark_node_get_literal(node);
      if (literal.find("[[") == std::string_view::npos && (!auto_here || !options_.auto_terms->Find(literal))) continue;
      cmark_node* current = node;
      std::string rest(literal);
      std::size_t from = 0;
      for (;;) {
        // The next explicit reference, if any; automatic matches are looked for before it.
        std::size_t open = rest.find("[[", from), close = std::string::npos;
        std::string name, shown;
        if (open != std::string::npos) close = rest.find("]]", open + 2);
        if (close != std::string::npos) {
          std::string inner = rest.substr(open + 2, close - open - 2);
          std::size_t bar = inner.find('|');
          name = bar == std::string::npos ? inner : inner.substr(0, bar);
          shown = bar == std::string::npos ? inner : inner.substr(bar + 1);
        }
        const bool explicit_ref = !name.empty() && !shown.empty();
        if (auto_here) {
          std::string_view before = std::string_view(rest).substr(0, explicit_ref ? open : rest.size());
          if (auto match = options_.auto_terms->Find(before, from)) {
            std::optional<TermLink> link = options_.auto_link(match->name);
            if (!link) {
              from = match->end;
              continue;
            }
            std::string after = rest.substr(match->end);
            current = SpliceInline(current, rest, match->begin, match->end, LinkMarkup(&*link), match->name);
            rest = after;
            from = 0;
            continue;
          }
        }
        if (!explicit_ref) break;
        std::string after = rest.substr(close + 2);
        current = SpliceInline(current, rest, open, close + 2, TermMarkup(name), shown);
        terms.push_back(name);
        rest = after;
        from = 0;
      }
    }
  }

  // Wraps English phrases (two or more Latin words in a row, one with a lower-case letter,
  // such as "Digital Transformation") in <span lang="en"> so that a screen reader reads
  // them with an English voice. Single words and acronyms (DX, ICT) stay as they are.
  static void MarkEnglish(cmark_node* root) {
    for (cmark_node* node : Collect(root, CMARK_NODE_TEXT)) {
      // Most texts have no English phrase: their literal is not copied.
      auto [begin, end] = FindEnglishPhrase(cmark_node_get_literal(node), 0);
      if (begin == std::string::npos) continue;
      cmark_node* current = node;
      std::string rest = cmark_node_get_literal(current);
      while (begin != std::string::npos) {
        std::string after = rest.substr(end);
        current = SpliceInline(current, rest, begin, end, {"<span lang=\"en\">", "</span>"},
                               rest.substr(begin, end - begin));
        rest = after;
        std::tie(begin, end) = FindEnglishPhrase(rest, 0);
      }
    }
  }

  // Removes soft breaks next to Japanese characters: a PDF's or an editor's line break
  // inside a Japanese sentence must not become a visible space. (Japanese text sets Latin
  // words such as DX without spaces too, so one Japanese side is enough; a break between
  // two Latin words stays a space.)
  // The text on both sides of a removed break becomes one text node, so that words and
  // ruby split by the break are found.
  void JoinJapaneseLines(cmark_node* root) const {
    for (cmark_node* br : Nodes(root, CMARK_NODE_SOFTBREAK)) {
      char32_t before = EdgeChar(cmark_node_previous(br), /*last=*/true);
      char32_t after = EdgeChar(cmark_node_next(br), /*last=*/false);
      if (!text::IsJapanese(before) && !text::IsJapanese(after)) continue;
      cmark_node* prev = cmark_node_previous(br);
      cmark_node* next = cmark_node_next(br);
      cmark_node_unlink(br);
      cmark_node_free(br);
      if (prev && next && cmark_node_get_type(prev) == CMARK_NODE_TEXT && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
        std::string joined = std::string(cmark_node_get_literal(prev)) + cmark_node_get_literal(next);
        cmark_node_set_literal(prev, joined.c_str());
        cmark_node_unlink(next);
        cmark_node_free(next);
      }
    }
  }

  void ShiftHeadings(cmark_node* root) const {
    if (options_.heading_offset == 0) return;
    for (cmark_node* h : Nodes(root, CMARK_NODE_HEADING)) {
      int level = cmark_node_get_heading_level(h) + options_.heading_offset;
      cmark_node_set_heading_level(h, level > 6 ? 6 : level);
    }
  }

 private:
  static char32_t EdgeChar(cmark_node* n, bool last) {
    while (n) {
      const char* literal = cmark_node_get_type(n) == CMARK_NODE_TEXT ||
                                    cmark_node_get_type(n) == CMARK_NODE_CODE
                                ? cmark_node_get_literal(n)
                                : nullptr;
      if (literal) return last ? text::LastCodepoint(literal) : text::FirstCodepoint(literal);
      n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
    }
    return 0;
  }

  // The markup of explicit reference [[name|…]]; an unknown name is reported and its text
  // kept in a span.
  Markup TermMarkup(const std::string& name) {
    std::optional<TermLink> link = options_.term_link ? options_.term_link(name) : std::nullopt;
    if (!link) ReportUnknownTerm(name);
    return LinkMarkup(link ? &*link : nullptr);
  }

  // A reference is a link whose accessible name says it explains the term: 「DX（用語解説）」.
  static Markup LinkMarkup(const TermLink* link) {
    if (!link) return {"<span class=\"term-unknown\">", "</span>"};
    return {TermLinkOpen(*link), "<span class=\"vh\">（用語解説）</span></a>"};
  }

  void ReportUnknownTerm(const std::string& name) {
    diag::SourcePos pos = Locate("[[" + name, terms_from_);
    std::string guess = options_.known_terms ? diag::DidYouMean(name, *options_.known_terms) : "";
    diags_.Error(pos, "ref.glossary", "用語集にない用語「" + name + "」が参照されています。",
                 (guess.empty() ? "" : "「" + guess + "」のことですか？ ") +
                     "用語集（glossary.yaml）に用語を加えるか、[[ ]] の中を用語集の用語か別名に直してください。");
  }

  const model::Markdown& md_;
  const Options& options_;
  diag::Diagnostics& diags_;
  std::size_t terms_from_ = 0;
  std::size_t readings_from_ = 0;
  std::vector<cmark_node_type> present_;  // Survey
};

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

bool IsOneTextParagraph(std::string_view text) {
  // cmark-gfm's special characters with the table, strikethrough and autolink extensions
  // (\n \\ ` & _ * [ ] < ! | ~ : w, and @ for addresses), the other control characters (a
  // tab is white space), and '^' of footnotes.
  static constexpr std::array<bool, 256> kSyntax = [] {
    std::array<bool, 256> syntax{};
    for (int c = 0; c < 0x20; ++c) syntax[c] = true;
    for (unsigned char c : {'\\', '`', '&', '_', '*', '[', ']', '<', '!', '|', '~', ':', 'w', '@', '^', '\x7f'}) {
      syntax[c] = true;
    }
    return syntax;
  }();
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  for (unsigned char c : text) {
    if (kSyntax[c]) return false;
  }
  // What starts a block: a heading, quote, list item, rule or setext underline, a byte order
  // mark (skipped), and a list number (1. or 1)).
  const char first = text.front();
  if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=' || text.rfind("\xEF\xBB\xBF", 0) == 0) {
    return false;
  }
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  return !(digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')'));
}

std::vector<Link> Links(const model::Markdown& md) {
  std::vector<Link> links;
  // Without these there is no link to find ("](", "[x]: url", "<url>", autolinked URLs and
  // addresses): the text need not wait for the parser's lock.
  if (md.text.find_first_of("]<:@") == std::string::npos && md.text.find("www.") == std::string::npos) return links;
  cmark_llist* extensions = nullptr;
  NodePtr doc = Parse(furigana::MarkEscapes(md.text), &extensions);
  cmark_llist_free(cmark_get_default_mem_allocator(), extensions);
  for (cmark_node* n : CollectIf(doc.get(), [](cmark_node* n) {
         return cmark_node_get_type(n) == CMARK_NODE_LINK || cmark_node_get_type(n) == CMARK_NODE_IMAGE;
       })) {
    links.push_back({furigana::DropEscapes(cmark_node_get_url(n)), NodeOffset(md.text, n),
                     cmark_node_get_type(n) == CMARK_NODE_IMAGE});
  }
  return links;
}

std::string DocumentType(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  std::size_t slash = path.rfind('/'), dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  static const std::pair<const char*, const char*> kTypes[] = {
      {"pdf", "PDF"},   {"doc", "Word"},  {"docx", "Word"},  {"xls", "Excel"}, {"xlsx", "Excel"},
      {"ppt", "PowerPoint"}, {"pptx", "PowerPoint"}, {"odt", "ODT"}, {"ods", "ODS"}, {"odp", "ODP"},
      {"csv", "CSV"},   {"zip", "ZIP"},   {"rtf", "RTF"},    {"jtd", "一太郎"}};
  std::string ext = AsciiLower(path.substr(dot + 1));
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "";
}

std::string DocumentLabel(const std::string& type, std::uintmax_t bytes) {
  // The municipal convention: kilobytes rounded up below a megabyte, then megabytes to 0.1.
  if (bytes < 1024 * 1024) return type + "、" + std::to_string((bytes + 1023) / 1024) + "KB";
  std::uintmax_t tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024);
  return type + "、" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "MB";
}

diag::SourcePos PositionIn(const model::Markdown& md, std::size_t offset) {
  diag::SourcePos pos = md.pos;
  offset = std::min(offset, md.text.size());
  if (!md.anchors.empty()) {
    // The last anchor at or before the offset, then the characters after it on its line.
    auto after = std::upper_bound(md.anchors.begin(), md.anchors.end(), offset,
                                  [](std::size_t o, const model::SourceAnchor& a) { return o < a.offset; });
    const model::SourceAnchor& a = after == md.anchors.begin() ? *after : *(after - 1);
    std::size_t from = std::min(a.offset, offset);
    pos.line = a.line;
    pos.column = a.column + static_cast<int>(text::CodepointCount(std::string_view(md.text).substr(from, offset - from)));
    return pos;
  }
  // No map to the file: the text as written from `pos` on.
  std::string_view before = std::string_view(md.text).substr(0, offset);
  std::size_t newlines = 0, line_start = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '\n') {
      ++newlines;
      line_start = i + 1;
    }
  }
  int chars = static_cast<int>(text::CodepointCount(before.substr(line_start)));
  pos.line += static_cast<int>(newlines);
  pos.column = newlines ? chars + 1 : pos.column + chars;
  return pos;
}

std::string TermLinkOpen(const TermLink& link) {
  std::string open;
  open.reserve(32 + link.id.size() + link.href.size());
  open += "<a class=\"term\"";
  if (!link.id.empty()) {
    open += " id=\"";
    text::AppendEscapedHtml(open, link.id);
    open += '"';
  }
  open += " href=\"";
  text::AppendEscapedHtml(open, link.href);
  open += "\">";
  return open;
}

Fragment Render(const model::Markdown& md, const Options& options, diag::Diagnostics& diags) {
  Fragment out;
  if (md.text.empty()) return out;
  cmark_llist* extensions = nullptr;
  NodePtr doc = IsOneTextParagraph(md.text) ? OneTextParagraph(md.text) : Parse(furigana::MarkEscapes(md.text), &extensions);
  Renderer renderer(md, options, diags);
  renderer.Survey(doc.get());
  renderer.RemoveRawHtml(doc.get());
  renderer.Lint(doc.get());
  renderer.JoinJapaneseLines(doc.get());
  // Every text node holds a piece of the source (or two joined across a line break), but
  // where an entity (&…;) makes a character: a source with no ruby syntax and no English
  // phrase has none in its nodes either, which are then not walked for them.
  const bool entities = md.text.find('&') != std::string::npos;
  const bool ruby = entities || furigana::MayHaveRuby(md.text);
  if (ruby) renderer.ExplicitRuby(doc.get());
  renderer.LinkTerms(doc.get(), out.terms);
  // (Ruby made of a piece with a problem is replaced by its base text, which may bring two
  // words together.)
  if (ruby || MayHaveEnglishPhrase(md.text)) Renderer::MarkEnglish(doc.get());
  renderer.AddReadings(doc.get());
  renderer.ShiftHeadings(doc.get());

  char* html = cmark_render_html_with_mem(doc.get(), kOptions | CMARK_OPT_UNSAFE, extensions, CmarkArena::Mem());
  out.html = html;
  cmark_llist_free(cmark_get_default_mem_allocator(), extensions);

  if (options.unwrap_paragraph) {
    cmark_node* first = cmark_node_first_child(doc.get());
    if (first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH &&
        out.html.rfind("<p>", 0) == 0 && out.html.size() >= 8 &&
        out.html.compare(out.html.size() - 5, 5, "</p>\n") == 0) {
      out.html = out.html.substr(3, out.html.size() - 8);
    }
  }
  out.headings = renderer.Has(CMARK_NODE_HEADING);  // no pass adds headings
  out.footnotes = out.html.find("footnote") != std::string::npos;
  if (out.footnotes) {
    ReplaceAll(out.html, "aria-label=\"Back to content\"", "aria-label=\"本文に戻る\"");
    const std::string& p = options.id_prefix;
    ReplaceAll(out.html, "id=\"fn-", "id=\"" + p + "fn-");
    ReplaceAll(out.html, "href=\"#fn-", "href=\"#" + p + "fn-");
    ReplaceAll(out.html, "id=\"fnref-", "id=\"" + p + "fnref-");
    ReplaceAll(out.html, "href=\"#fnref-", "href=\"#" + p + "fnref-");
  }
  return out;
}

}  // namespace keikaku::markdown

// Takes the place of libcmark-gfm's function (see ParseMutex above): the first call, made by
// the first parse while it holds ParseMutex, adds the extensions' characters with the
// library's own function; later calls, and every removal, change nothing.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  static std::once_flag added;
  if (!add) return;
  std::call_once(added, [parser] {
    using Manage = void (*)(cmark_parser*, int);
    auto library = reinterpret_cast<Manage>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (!library) return;  // not reached with the shared library; inline extensions would stay off
    library(parser, 1);
    keikaku::markdown::g_table_kept.store(true, std::memory_order_release);
  });
}
