#include "load/validate.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "text/date.h"
#include "text/utf8.h"

namespace keikaku::load {

using schema::Kind;
using schema::Type;

PositionMap::PositionMap(std::string file, const std::string& text)
    : file_(std::move(file)), text_(text), line_starts_(diag::LineStarts(text)) {}

diag::SourcePos PositionMap::At(const YAML::Mark& mark) const {
  if (mark.line < 0) return {file_, 0, 0};
  return AtLineColumn(mark.line, mark.column);
}

diag::SourcePos PositionMap::AtLineColumn(int line0, int byte_column0) const {
  // The line's start, then the characters up to the byte column.
  if (line0 < 0 || static_cast<std::size_t>(line0) >= line_starts_.size()) return {file_, line0 + 1, byte_column0 + 1};
  std::size_t start = line_starts_[line0];
  if (line0 == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start += 3;  // BOM
  std::size_t end = text_.find('\n', start);
  std::string_view line(text_.data() + start,
                        (end == std::string::npos ? text_.size() : end) - start);
  std::size_t bytes = std::min<std::size_t>(byte_column0, line.size());
  return {file_, line0 + 1, static_cast<int>(text::CodepointCount(line.substr(0, bytes))) + 1};
}

namespace {

constexpr int kMaxDepth = 64;

// Where a node is, as messages name it ("chapters[2].sections[1].title"; "" for the file's
// top): a chain of the keys and item numbers above it, made into text only for a message.
struct Path {
  std::string str() const {
    if (!parent) return "";
    std::string above = parent->str();
    if (item) return above + "[" + std::to_string(item) + "]";
    return above.empty() ? std::string(key) : above + "." + std::string(key);
  }
  // The path, or `doc` (what the file or record is) at the top.
  std::string Or(const std::string& doc) const {
    std::string s = str();
    return s.empty() ? doc : s;
  }
  const Path* parent = nullptr;  // null at the top
  std::string_view key;          // a record's key
  std::size_t item = 0;          // or a list's item, from 1
};

class Validator {
 public:
  Validator(const PositionMap& positions, diag::Diagnostics& diags, std::vector<NodeView>* texts)
      : positions_(positions), diags_(diags), texts_(texts) {}

  void Check(NodeView node, const Type& type, const Path& path, int depth) {
    if (depth > kMaxDepth) {
      Error(node, "schema.too-deep", "入れ子が深すぎます（" + std::to_string(kMaxDepth) + " 段まで）。",
            "節や項目の入れ子を浅くしてください。");
      return;
    }
    switch (type.kind) {
      case Kind::kRecord: {
        if (node.IsScalar() && type.scalar_form) return Check(node, *type.scalar_form, path, depth);
        if (!node.IsMap()) return WrongType(node, type, path);
        if (type.max_nesting == 0) return CheckRecord(node, type, path, depth);
        int& level = nesting_[&type];  // std::map: the reference survives the recursion
        if (level == type.max_nesting) {
          Error(node, "schema.too-deep", type.doc + "の入れ子が深すぎます（" + std::to_string(type.max_nesting) + " 段まで）。",
                "この" + type.doc + "を一つ上の段に移すか、本文の箇条書きにしてください。");
          return;
        }
        ++level;
        CheckRecord(node, type, path, depth);
        --level;
        return;
      }
      case Kind::kList: {
        if (!node.IsSequence()) return WrongType(node, type, path);
        std::size_t i = 0;
        for (NodeView item : node) Check(item, *type.item, Path{&path, {}, ++i}, depth + 1);
        return;
      }
      default:
        return CheckScalar(node, type, path);
    }
  }

 private:
  void CheckScalar(NodeView node, const Type& type, const Path& path) {
    if (!node.IsScalar()) return WrongType(node, type, path);
    const std::string& v = node.Scalar();
    switch (type.kind) {
      case Kind::kInteger: {
        bool ok = !v.empty() && v.size() < 10 &&
                  v.find_first_not_of("0123456789") == std::string::npos;
        if (!ok) WrongValue(node, path, "整数", v, "例: 2");
        return;
      }
      case Kind::kNumber: {
        char* end = nullptr;
        std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0') WrongValue(node, path, "数値", v, "例: 12.5");
        return;
      }
      case Kind::kBoolean:
        if (v != "true" && v != "false") WrongValue(node, path, "true か false", v, "true または false と書いてください。");
        return;
      case Kind::kDate:
        if (!text::ParseDate(v)) {
          Error(node, "schema.date", "「" + path.str() + "」の日付「" + v + "」が読めません。",
                "2021-10、2021-10-01、令和3年10月、令和3年10月1日 のように書いてください。");
        }
        return;
      case Kind::kFiscalYear:
        if (!text::ParseFiscalYear(v)) {
          Error(node, "schema.fiscal-year", "「" + path.str() + "」の年度「" + v + "」が読めません。",
                "2023、令和5年度、R5 のように書いてください。");
        }
        return;
      case Kind::kMarkdown:
        if (texts_) texts_->push_back(node);
        return;
      case Kind::kString:
        if (texts_ && type.choices.empty()) texts_->push_back(node);
        if (!type.choices.empty()) {
          for (const std::string& c : type.choices) {
            if (c == v) return;
          }
          std::string list;
          for (const std::string& c : type.choices) list += (list.empty() ? "" : "、") + c;
          Error(node, "schema.choice", "「" + path.str() + "」に「" + v + "」は使えません。",
                "使える値: " + list);
        }
        return;
      default:
        return;
    }
  }

  void CheckRecord(NodeView node, const Type& type, const Path& path, int depth) {
    std::map<std::string_view, int> seen;  // key -> line (the keys live in the tree)
    std::vector<std::string> suggested;  // keys offered as "did you mean" for misspellings
    int present = 0;
    for (const auto& [key_node, value] : node.pairs()) {
      if (!key_node.IsScalar()) {
        Error(key_node, "schema.key", "キーは文字列で書いてください。");
        continue;
      }
      const std::string& key = key_node.Scalar();
      const Path child{&path, key};
      auto [prev, inserted] = seen.emplace(key, key_node.Mark().line + 1);
      if (!inserted) {
        Error(key_node, "yaml.duplicate-key",
              "キー「" + key + "」が重複しています（" + std::to_string(prev->second) + " 行目にもあります）。",
              "どちらか一方を消してください。同じキーが二つあると、後の値は無視されます。");
        continue;
      }
      const schema::Field* field = type.FindField(key);
      if (!field) {
        std::string suggestion = diag::DidYouMean(key, type.Keys());
        suggested.push_back(suggestion);
        std::string keys;
        for (const std::string& k : type.Keys()) keys += (keys.empty() ? "" : ", ") + k;
        Error(key_node, "schema.unknown-key",
              "「" + path.Or(type.doc) + "」に不明なキー「" + key + "」があります。",
              suggestion.empty() ? "使えるキー: " + keys
                                 : "「" + suggestion + "」のことですか？ 使えるキー: " + keys);
        continue;
      }
      ++present;
      // `title: ""` is as empty as `title:`.
      bool blank = value.IsScalar() && value.Scalar().empty() &&
                   (field->type->kind == Kind::kString || field->type->kind == Kind::kMarkdown);
      if (value.IsNull() || blank) {
        if (field->required) {
          Error(key_node, "schema.empty", "「" + child.str() + "」の値が空です。",
                field->doc + "を書いてください。");
        }
        continue;
      }
      Check(value, *field->type, child, depth + 1);
    }
    if (type.exactly_one) {
      if (present != 1 && seen.size() == static_cast<std::size_t>(present)) {
        std::string keys;
        for (const std::string& k : type.Keys()) keys += (keys.empty() ? "" : ", ") + k;
        Error(node, "schema.block-kind",
              "「" + path.str() + "」には要素の種類を一つだけ書いてください（" +
                  std::to_string(present) + " 個あります）。",
              "種類: " + keys + "。文章だけなら文字列で書きます。");
      }
      return;
    }
    CheckYearOrder(node, type, path);
    for (const schema::Field& f : type.fields) {
      // A misspelt required key was reported once already, with the right spelling.
      bool misspelt = std::find(suggested.begin(), suggested.end(), f.key) != suggested.end();
      if (f.required && !seen.count(f.key) && !misspelt) {
        Error(node, "schema.required",
              "「" + path.Or(type.doc) + "」に必須のキー「" + f.key + "」がありません。",
              f.key + ": に" + f.doc + "を書いてください。");
      }
    }
  }

  // A record with fiscal years `from` and `to` (a period, a schedule and its rows) must not
  // end before it starts.
  void CheckYearOrder(NodeView node, const Type& type, const Path& path) {
    const schema::Field* from = type.FindField("from");
    const schema::Field* to = type.FindField("to");
    if (!from || !to || from->type->kind != Kind::kFiscalYear || to->type->kind != Kind::kFiscalYear) return;
    NodeView a = node.Child("from"), b = node.Child("to");
    if (!a || !b || !a.IsScalar() || !b.IsScalar()) return;
    std::optional<int> start = text::ParseFiscalYear(a.Scalar()), end = text::ParseFiscalYear(b.Scalar());
    if (!start || !end || *end >= *start) return;
    Error(b, "schema.year-order",
          "「" + path.Or(type.doc) + "」の終わりの年度「" + b.Scalar() + "」（" + std::to_string(*end) +
              "年度）が、始まりの年度「" + a.Scalar() + "」（" + std::to_string(*start) + "年度）より前です。",
          "from: に始まりの年度、to: に終わりの年度を書いてください。");
  }

  void WrongType(NodeView node, const Type& type, const Path& path) {
    std::string expected = schema::KindName(type.kind);
    if (type.scalar_form) expected = "文字列か" + expected;
    std::string actual = node.IsMap() ? "マップ" : node.IsSequence() ? "リスト" : "「" + node.Scalar() + "」";
    std::string hint = type.kind == Kind::kList ? "各項目を「- 」で始まる行に書いてください。"
                       : type.kind == Kind::kRecord ? "「キー: 値」の形で書いてください。"
                                                    : "値を一つだけ書いてください。";
    Error(node, "schema.type", "「" + path.str() + "」には" + expected + "を書いてください（" + actual + "が書かれています）。",
          hint);
  }

  void WrongValue(NodeView node, const Path& path, const std::string& expected,
                  const std::string& v, const std::string& hint) {
    Error(node, "schema.type", "「" + path.str() + "」には" + expected + "を書いてください（「" + v + "」が書かれています）。",
          hint);
  }

  void Error(NodeView node, const char* rule, std::string message, std::string hint = {}) {
    diags_.Error(positions_.At(node.Mark()), rule, std::move(message), std::move(hint));
  }

  const PositionMap& positions_;
  std::map<const Type*, int> nesting_;  ///< Levels of each self-holding type entered.
  diag::Diagnostics& diags_;
  std::vector<NodeView>* texts_;
};

}  // namespace

bool Validate(NodeView node, const schema::Type& type, const PositionMap& positions,
              diag::Diagnostics& diags, std::vector<NodeView>* texts) {
  int before = diags.error_count();
  Validator(positions, diags, texts).Check(node, type, Path{}, 0);
  return diags.error_count() == before;
}

}  // namespace keikaku::load
