#include "load/yaml_doctor.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <utility>

#include "text/utf8.h"

namespace keikaku::load {

namespace {

constexpr char32_t kFullWidthSpace = U'\u3000';  // 全角スペース
constexpr char32_t kFullWidthColon = U'\uFF1A';  // 全角のコロン「：」

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Every key of `type` and of the types it holds.
void CollectKeys(const schema::Type* type, std::set<const schema::Type*>& seen, std::set<std::string>& keys) {
  if (!type || !seen.insert(type).second) return;
  for (const schema::Field& f : type->fields) {
    keys.insert(f.key);
    CollectKeys(f.type, seen, keys);
  }
  CollectKeys(type->item, seen, keys);
  CollectKeys(type->scalar_form, seen, keys);
}

// The keys of `type` and of the types it holds, worked out once for each type: the types
// are the content schema's (schema::ContentSchema), built once and never changed.
const std::set<std::string>& KeysOf(const schema::Type& type) {
  static std::mutex mutex;
  static std::map<const schema::Type*, std::set<std::string>> keys;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, added] = keys.try_emplace(&type);
  if (added) {
    std::set<const schema::Type*> seen;
    CollectKeys(&type, seen, it->second);
  }
  return it->second;
}

std::string WhatIsOpen(char bracket) { return bracket == '[' ? "リスト" : bracket == '{' ? "マップ" : "文字列"; }

std::string Closer(char opener) { return opener == '[' ? "]" : opener == '{' ? "}" : std::string(1, opener); }

// One pass over the lines of a YAML text in block style (the style of content files), keeping
// only what tells structure from text: block scalars (| and >), plain scalars continued on
// more deeply indented lines, quoted strings and flow collections, which may span lines.
class Doctor {
 public:
  Doctor(std::string_view text, const schema::Type& type) : text_(text), keys_(KeysOf(type)) {}

  YamlCheckup Run() {
    std::size_t pos = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // BOM: not a column
    while (true) {
      std::size_t newline = text_.find('\n', pos);
      start_ = pos;
      end_ = newline == std::string_view::npos ? text_.size() : newline;
      if (end_ > start_ && text_[end_ - 1] == '\r') --end_;
      ++line_;
      Line();
      if (newline == std::string_view::npos) break;
      pos = newline + 1;
    }
    // The end of the file inside a string or a flow collection: never closed.
    if (quote_) Unclosed(quote_open_, 0);
    else if (!flow_.empty()) Unclosed(flow_.back(), 0);
    std::stable_sort(out_.findings.begin(), out_.findings.end(), [](const YamlFinding& a, const YamlFinding& b) {
      return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
    });
    return std::move(out_);
  }

 private:
  // Where a quoted string or a flow collection opened.
  struct Open {
    char c = 0;  // " ' [ {
    std::size_t at = 0;
    int line = 0;
    std::size_t line_start = 0;
  };

  void Line() {
    std::size_t p = SkipSpaces(start_);
    int indent = static_cast<int>(p - start_);
    bool blank = p == end_;
    if (block_scalar_owner_ >= 0) {
      if (blank || indent > block_scalar_owner_) return;  // text of the | or > block
      block_scalar_owner_ = -1;
    }
    // A string or a flow collection continued from the lines above. A line indented no
    // deeper than the line that opened it and written like a key or a list item cannot
    // continue it (YAML wants continuation lines indented deeper): it was never closed.
    if (quote_ || !flow_.empty()) {
      int owner = quote_ ? quote_owner_ : flow_owner_;
      if (!blank && indent <= owner && LooksLikeStructure(p)) {
        Unclosed(quote_ ? quote_open_ : flow_.back(), line_);
        quote_ = 0;
        flow_.clear();
        cut_begin_ = 0;
      } else {
        std::size_t q = start_;
        if (quote_) {
          q = CloseQuote(start_, quote_);
          if (q == std::string_view::npos) return;
          quote_ = 0;
          quote_end_ = q;
          expect_node_ = false;
        }
        if (!flow_.empty()) ScanFlow(q);
        return;
      }
    }
    if (blank) return;
    if (plain_owner_ >= 0 && indent > plain_owner_) return;  // a plain scalar continued
    plain_owner_ = -1;
    if (IsFullWidthSpace(p)) {
      std::size_t rest = p;
      while (rest < end_ && (text_[rest] == ' ' || IsFullWidthSpace(rest))) rest += text_[rest] == ' ' ? 1 : 3;
      if (rest == end_) {
        Add(p, true, "全角スペースだけの行があります。",
            "この行の全角スペースを消して、空行にしてください（全角スペースは YAML では空白になりません）。");
      } else {
        Add(p, true, "字下げに全角スペースが使われています。",
            "字下げは半角スペースで書きます。行の先頭の全角スペースを消して、半角スペースで字下げしてください。");
      }
    }  // and YAML reads on with the full-width spaces in the key or text they start
    if (text_[p] == '#' || (indent == 0 && text_[p] == '%')) return;  // comment, directive
    if (indent == 0 && (Starts(p, "---") || Starts(p, "...")) && (p + 3 == end_ || text_[p + 3] == ' ')) return;
    Node(p);
  }

  // A node where the block structure goes on: after the indentation, "- " items first.
  void Node(std::size_t p) {
    int owner = -1;  // what a continuation line must be indented deeper than
    while (p < end_ && (text_[p] == '-' || text_[p] == '?') && (p + 1 == end_ || text_[p + 1] == ' ')) {
      owner = static_cast<int>(p - start_);
      p = SkipSpaces(p + 1);
    }
    if (p == end_ || text_[p] == '#') return;
    if (owner < 0) owner = std::max(static_cast<int>(p - start_) - 1, 0);
    Value(p, owner, true);
  }

  // The node at `p`: a key (if `may_be_key`) or a value, whose lines must be indented deeper
  // than `owner`.
  void Value(std::size_t p, int owner, bool may_be_key) {
    while (p < end_ && (text_[p] == '&' || text_[p] == '!')) {  // anchor, tag
      while (p < end_ && text_[p] != ' ') ++p;
      p = SkipSpaces(p);
    }
    if (p == end_ || text_[p] == '#') return;
    const char c = text_[p];
    if (c == '"' || c == '\'') {
      std::size_t q = CloseQuote(p + 1, c);
      if (q == std::string_view::npos) {
        OpenQuote(c, p, owner);
        return;
      }
      q = SkipSpaces(q);
      if (may_be_key && IsKeyColon(q)) Value(SkipSpaces(q + 1), static_cast<int>(p - start_), false);
      return;
    }
    if (c == '[' || c == '{') {
      flow_owner_ = owner;
      ScanFlow(p);
      return;
    }
    if (c == '|' || c == '>') {
      block_scalar_owner_ = owner;
      return;
    }
    if (may_be_key) {  // a plain scalar or an alias: a key if ": " follows
      for (std::size_t i = p; i < end_; ++i) {
        if (IsKeyColon(i)) return Value(SkipSpaces(i + 1), static_cast<int>(p - start_), false);
        if (text_[i] == '#' && i > p && text_[i - 1] == ' ') break;
      }
      CheckKeyColon(p);
    }
    plain_owner_ = owner;
  }

  // A plain scalar where the structure goes on that starts with a known key and a colon
  // that YAML does not take for one: "title：…" or "title:…". Such a line may be text (a
  // list item "- note:…"), so these findings only explain a yaml-cpp error.
  void CheckKeyColon(std::size_t p) {
    std::size_t i = p;
    while (i < end_ && IsKeyChar(text_[i])) ++i;
    std::string key(text_.substr(p, i - p));
    if (!keys_.count(key)) return;
    std::size_t colon = SkipSpaces(i);
    std::size_t after = colon;
    if (colon < end_ && text::DecodeAt(text_, after) == kFullWidthColon) {
      Add(colon, false, "キー「" + key + "」のあとのコロンが全角の「：」になっています。",
          "半角のコロン「:」と半角スペースで「" + key + ": 」と書いてください。");
    } else if (i < end_ && text_[i] == ':') {
      Add(i, false, "キー「" + key + "」のコロン「:」のあとに半角スペースがありません。",
          "「" + key + ": 」のように、コロンのあとに半角スペースを入れてください。");
    }
  }

  // Scans a flow collection from `p` (at its first bracket, or where a line continues it)
  // to its end or the end of the line.
  void ScanFlow(std::size_t p) {
    for (; p < end_; ++p) {
      const char c = text_[p];
      switch (c) {
        case '[':
        case '{':
          flow_.push_back(Here(c, p));
          if (flow_.size() == kMaxFlowDepth && cut_begin_ == 0) {
            cut_begin_ = p + 1;
            cut_closers_.clear();
            for (auto it = flow_.rbegin(); it != flow_.rend(); ++it) cut_closers_ += Closer(it->c);
          }
          expect_node_ = true;
          break;
        case ']':
        case '}': {
          Open open = flow_.back();
          flow_.pop_back();
          if (Closer(open.c)[0] != c && !mismatch_found_) {  // the first explains; the rest may follow from it
            mismatch_found_ = true;
            Add(p, false, "括弧の組み合わせが違います（「" + std::string(1, open.c) + "」を「" + c + "」で閉じています）。",
                "リストは「[」と「]」で、マップは「{」と「}」で囲みます。対応する括弧を確かめてください。");
          }
          if (flow_.empty()) {
            if (cut_begin_ != 0) out_.cuts.push_back({cut_begin_, p + 1, cut_closers_});
            cut_begin_ = 0;
            plain_owner_ = -1;
            return;  // the rest of the line: a comment, or a mistake yaml-cpp reports
          }
          expect_node_ = false;
          break;
        }
        case ',':
          expect_node_ = true;
          break;
        case ':':  // a value follows (right after a quoted key too: {"a":"b"}), or a plain scalar goes on
          expect_node_ = p + 1 == end_ || text_[p + 1] == ' ' || text_[p + 1] == ',' || p == quote_end_;
          break;
        case '#':
          if (p == start_ || text_[p - 1] == ' ') return;  // a comment
          expect_node_ = false;
          break;
        case '&':
        case '!':
          if (!expect_node_) break;
          while (p + 1 < end_ && text_[p + 1] != ' ' && text_[p + 1] != ',' && text_[p + 1] != ']' &&
                 text_[p + 1] != '}') {
            ++p;
          }
          break;
        case '"':
        case '\'': {
          if (!expect_node_) break;  // inside a plain scalar
          std::size_t q = CloseQuote(p + 1, c);
          if (q == std::string_view::npos) {
            OpenQuote(c, p, flow_owner_);
            return;
          }
          p = q - 1;
          quote_end_ = q;
          expect_node_ = false;
          break;
        }
        case ' ':
        case '\t':
          break;
        default:
          expect_node_ = false;
      }
    }
  }

  // Where the string quoted with `quote` ends: just after its closing quote on this line,
  // from `p`, or npos if it goes on.
  // A quoted string that does not close on its line: the next lines continue it.
  void OpenQuote(char quote, std::size_t p, int owner) {
    quote_ = quote;
    quote_open_ = Here(quote, p);
    quote_owner_ = owner;
  }

  std::size_t CloseQuote(std::size_t p, char quote) const {
    for (; p < end_; ++p) {
      if (quote == '"' && text_[p] == '\\') {
        ++p;  // an escape (at the end of the line: the line break)
      } else if (text_[p] == quote) {
        if (quote == '\'' && p + 1 < end_ && text_[p + 1] == '\'') {
          ++p;  // '' is a quote inside '…'
        } else {
          return p + 1;
        }
      }
    }
    return std::string_view::npos;
  }

  // A line (from `p`, after its indentation) that starts a list item or a known key.
  bool LooksLikeStructure(std::size_t p) const {
    if (text_[p] == '-' && (p + 1 == end_ || text_[p + 1] == ' ')) return true;
    std::size_t i = p;
    while (i < end_ && IsKeyChar(text_[i])) ++i;
    return i > p && IsKeyColon(i) && keys_.count(std::string(text_.substr(p, i - p)));
  }

  // A ":" at `p` that ends a key (followed by a space or the end of the line).
  bool IsKeyColon(std::size_t p) const {
    return p < end_ && text_[p] == ':' && (p + 1 == end_ || text_[p + 1] == ' ' || text_[p + 1] == '\t');
  }

  void Unclosed(const Open& open, int swallowed_line) {
    const std::string what = WhatIsOpen(open.c);
    const std::string opener(1, open.c);
    const std::string rest = swallowed_line > 0 ? std::to_string(swallowed_line) + " 行目から先も" : "ファイルの終わりまでが";
    std::string hint = open.c == '[' || open.c == '{'
                           ? "最後の項目のあとに「" + Closer(open.c) + "」を書いてください。"
                           : "文字列の終わりにも「" + opener + "」を書いてください。";
    hint += "閉じないと、" + rest + "この" + what + "の続きとして読まれます。";
    Add(open, true, open.c == '[' || open.c == '{' ? what + "の「" + opener + "」が閉じられていません。"
                                                  : "「" + opener + "」で始まる文字列が閉じられていません。",
        std::move(hint));
  }

  void Add(std::size_t at, bool certain, std::string message, std::string hint) {
    Add(Here(0, at), certain, std::move(message), std::move(hint));
  }
  void Add(const Open& at, bool certain, std::string message, std::string hint) {
    int column = static_cast<int>(text::CodepointCount(text_.substr(at.line_start, at.at - at.line_start))) + 1;
    out_.findings.push_back({at.line, column, "yaml.syntax", std::move(message), std::move(hint), certain});
  }

  Open Here(char c, std::size_t at) const { return {c, at, line_, start_}; }
  bool IsFullWidthSpace(std::size_t p) const {
    std::size_t after = p;
    return p < end_ && text::DecodeAt(text_, after) == kFullWidthSpace;
  }
  std::size_t SkipSpaces(std::size_t p) const {
    while (p < end_ && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    return p;
  }
  bool Starts(std::size_t p, std::string_view s) const { return text_.substr(p, s.size()) == s; }

  std::string_view text_;
  const std::set<std::string>& keys_;
  YamlCheckup out_;
  // The current line: bytes [start_, end_), without the line break.
  int line_ = 0;
  std::size_t start_ = 0;
  std::size_t end_ = 0;
  // Carried from line to line: lines indented deeper than an owner belong to its node.
  int block_scalar_owner_ = -1;  // inside a | or > block
  int plain_owner_ = -1;         // after a plain scalar, which may go on
  char quote_ = 0;               // inside a quoted string that opened at quote_open_
  Open quote_open_;
  int quote_owner_ = -1;
  std::vector<Open> flow_;  // the open brackets of a flow collection
  int flow_owner_ = -1;
  bool expect_node_ = false;  // in a flow collection, where a node may start
  std::size_t quote_end_ = 0;  // just after the last quoted string closed in a flow collection
  bool mismatch_found_ = false;
  std::size_t cut_begin_ = 0;
  std::string cut_closers_;
};

// Expanded sizes of the nodes of a tree, each distinct node counted once.
class AliasCounter {
 public:
  explicit AliasCounter(std::size_t limit) : limit_(limit) {}

  // The size of `n` with every alias expanded; 0 once the expansion passed the limit.
  std::size_t Size(NodeView n) {
    if (blowup_) return 0;
    if (!n.IsMap() && !n.IsSequence()) {
      ++distinct_;
      return 1;
    }
    // Aliases share the node of their anchor.
    auto [seen, fresh] = sizes_.emplace(n.node(), kBusy);
    if (!fresh) {
      if (seen->second == kBusy) {  // an alias inside its own anchor: no end
        blowup_ = n.Mark();
        cycle_ = true;
      }
      return seen->second == kBusy ? 0 : seen->second;
    }
    ++distinct_;
    std::size_t total = 1;
    auto add = [&](NodeView child) {
      total += Size(child);
      if (!blowup_ && total > distinct_ + limit_) blowup_ = n.Mark();
      return !blowup_;
    };
    if (n.IsMap()) {
      for (const auto& [key, value] : n.pairs()) {
        if (!add(key) || !add(value)) return 0;
      }
    } else {
      for (NodeView item : n) {
        if (!add(item)) return 0;
      }
    }
    sizes_[n.node()] = total;  // the map may have grown meanwhile
    return total;
  }

  const std::optional<YAML::Mark>& blowup() const { return blowup_; }
  bool cycle() const { return cycle_; }

 private:
  static constexpr std::size_t kBusy = static_cast<std::size_t>(-1);
  std::size_t limit_;
  std::size_t distinct_ = 0;
  std::unordered_map<const YamlNode*, std::size_t> sizes_;
  std::optional<YAML::Mark> blowup_;
  bool cycle_ = false;
};

}  // namespace

const YamlFinding* YamlCheckup::Explaining(int line) const {
  for (const YamlFinding& f : findings) {
    if (!f.certain && (line <= 0 || f.line <= line)) return &f;
  }
  return nullptr;
}

std::string YamlCheckup::Shallow(std::string_view text) const {
  std::string out(text);
  for (const FlowCut& cut : cuts) {
    std::size_t closers = 0;
    for (std::size_t i = cut.begin; i < cut.end; ++i) {
      if (out[i] == '\n' || out[i] == '\r') continue;
      out[i] = closers < cut.closers.size() ? cut.closers[closers++] : ' ';
    }
  }
  return out;
}

YamlCheckup ExamineYaml(std::string_view text, const schema::Type& type) { return Doctor(text, type).Run(); }

std::optional<YamlFinding> CheckAliasExpansion(NodeView root, const PositionMap& positions,
                                               std::size_t limit) {
  AliasCounter counter(limit);
  counter.Size(root);
  if (!counter.blowup()) return std::nullopt;
  diag::SourcePos pos = positions.At(*counter.blowup());
  if (counter.cycle()) {
    return YamlFinding{pos.line, pos.column, "yaml.alias-expansion",
                       "アンカー（&名前）の中で、そのアンカー自身をエイリアス（*名前）で参照しています。",
                       "自分自身を参照すると、入れ子が終わりなく続きます。中の *名前 を消すか、内容をそのまま書いてください。",
                       true};
  }
  return YamlFinding{pos.line, pos.column, "yaml.alias-expansion",
                     "エイリアス（*名前）をたどると、要素の数が多くなりすぎます（" + std::to_string(limit / 10000) +
                         " 万個を超えます）。",
                     "エイリアスのアンカー（&名前）の中に、さらにエイリアスを重ねないでください。同じ内容は、必要なところにそのまま書いてください。",
                     true};
}

}  // namespace keikaku::load
