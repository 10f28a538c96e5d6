#include "load/fast_yaml.h"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/literal_blocks.h"
#include "text/utf8.h"

namespace keikaku::load {
namespace {

// libyaml counts columns in characters, yaml-cpp in bytes (and gives the byte offset).
class Marks {
 public:
  explicit Marks(std::string_view text) : text_(text), line_starts_(diag::LineStarts(text)) {}
  YAML::Mark At(const yaml_mark_t& m) const {
    YAML::Mark mark;
    mark.line = static_cast<int>(m.line);
    std::size_t start = m.line < line_starts_.size() ? line_starts_[m.line] : text_.size();
    std::size_t at = start;
    for (std::size_t chars = 0; chars < m.column && at < text_.size(); ++chars) text::DecodeAt(text_, at);
    mark.column = static_cast<int>(at - start);
    mark.pos = static_cast<int>(at);
    return mark;
  }

  std::string_view text() const { return text_; }

  // The mark of the first token at or after byte `at`: past spaces, line breaks and comments.
  YAML::Mark Next(std::size_t at) const {
    YAML::Mark mark;
    while (at < text_.size()) {
      const char c = text_[at];
      if (c == '#') {
        while (at < text_.size() && text_[at] != '\n') ++at;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++at;
      } else {
        break;
      }
    }
    auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - 1;
    mark.line = static_cast<int>(line - line_starts_.begin());
    // At the end of the text, yaml-cpp's column is 0 even after a last line with no break.
    mark.column = at == text_.size() ? 0 : static_cast<int>(at - *line);
    mark.pos = static_cast<int>(at);
    return mark;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

// yaml-cpp's null: a plain scalar with no tag written, empty or ~ or null.
bool IsNull(const yaml_event_t& e) {
  const auto& s = e.data.scalar;
  if (!s.plain_implicit || s.style != YAML_PLAIN_SCALAR_STYLE) return false;
  std::string_view v(reinterpret_cast<const char*>(s.value), s.length);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// The tag yaml-cpp gives: the one written (resolved), else "?" for a plain scalar or a
// collection and "!" for a quoted or block scalar.
std::string Tag(const yaml_char_t* tag, bool non_specific_plain) {
  if (tag && *tag) return reinterpret_cast<const char*>(tag);
  return non_specific_plain ? "?" : "!";
}

class Builder {
 public:
  static constexpr std::size_t kMaxDepth = 100;

  // `text` is the text as written; libyaml reads it, or `elision`'s copy of it with the
  // same lines (whose cut scalars' values are taken from `elision` once libyaml confirms
  // them).
  Builder(std::string_view text, Elision* elision) : marks_(text), elision_(elision) {}

  // False when the event is one yaml-cpp would read otherwise.
  bool Take(const yaml_event_t& e) {
    if (AtKey() && !PlainKey(e)) return false;
    return TakeNode(e);
  }

  // Whether the document has an alias (*name).
  bool aliases() const { return aliases_; }

  // Whether libyaml found every scalar keikaku read, as keikaku read it.
  bool scalars_confirmed() const { return !elision_ || next_scalar_ == elision_->blocks.size(); }

  // The document's root; for a text with no node, a null node without position, as
  // YAML::Load gives.
  YamlDoc Root() {
    if (!root_) {
      YamlNode& none = doc_.Add();
      none.mark = YAML::Mark::null_mark();
      root_ = &none;
    }
    return doc_.Finish(root_);
  }

 private:
  bool TakeNode(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        // A tag on nothing (「key: !」, 「!!str」 alone): yaml-cpp makes a null of it, or a
        // scalar with a tag of its own making; it decides.
        if (e.data.scalar.tag && e.data.scalar.length == 0 && e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) return false;
        YamlNode& node = Create(e, e.data.scalar.anchor);
        if (IsNull(e)) {
          // Nothing written (「key:」, 「-」): yaml-cpp places the null at the next token.
          if (e.data.scalar.length == 0 && !e.data.scalar.anchor) {
            node.mark = marks_.Next(static_cast<std::size_t>(node.mark.pos));
          }
          node.kind = YamlNode::Kind::kNull;
          node.tag.clear();
        } else if (ElidedBlock* block = Elided(e)) {
          // libyaml's value of the cut lines must be the one keikaku read from them (and a
          // cut plain scalar a value: a key's end would be looked for in the text as written).
          const std::string_view cut(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
          if (e.end_mark.line != block->end_line || cut != block->cut_value || (block->plain && AtKey())) return false;
          node.kind = YamlNode::Kind::kScalar;
          node.scalar = std::move(block->value);
          node.tag = Tag(e.data.scalar.tag, block->plain);
        } else {
          node.kind = YamlNode::Kind::kScalar;
          node.scalar.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
          node.tag = Tag(e.data.scalar.tag, e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE);
        }
        return Attach(node);
      }
      case YAML_ALIAS_EVENT: {
        aliases_ = true;
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        return it != anchors_.end() && Attach(*it->second);
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        // Deeper than any content (the validator allows 64 levels): yaml-cpp reads it, or
        // stops with the error keikaku reports as schema.too-deep.
        if (open_.size() >= kMaxDepth) return false;
        const bool map = e.type == YAML_MAPPING_START_EVENT;
        YamlNode& node = Create(e, map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor);
        node.kind = map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
        node.tag = Tag(map ? e.data.mapping_start.tag : e.data.sequence_start.tag, true);
        open_.push_back({&node, nullptr});
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        if (open_.empty() || open_.back().key) return false;
        YamlNode& node = *open_.back().node;
        open_.pop_back();
        return Attach(node);
      }
      default:
        return true;
    }
  }

  struct Open {
    YamlNode* node;
    const YamlNode* key;  // a map's key waiting for its value
  };

  // Whether the next node is a key of the innermost map.
  bool AtKey() const {
    return !open_.empty() && open_.back().node->kind == YamlNode::Kind::kMap && !open_.back().key;
  }

  // A key as content writes it: a scalar or alias followed by ':' on its line. libyaml also
  // reads a ':' on the next line, a key with no ':' (「? key」, 「{key}」) and a collection
  // as a key, where yaml-cpp fails or places nodes otherwise: those texts go to yaml-cpp.
  bool PlainKey(const yaml_event_t& e) const {
    if (e.type == YAML_MAPPING_END_EVENT) return true;
    if (e.type != YAML_SCALAR_EVENT && e.type != YAML_ALIAS_EVENT) return false;
    const std::string_view text = marks_.text();
    std::size_t at = static_cast<std::size_t>(marks_.At(e.end_mark).pos);
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at < text.size() && text[at] == ':';
  }

  // The scalar keikaku read where this one begins, if any: a literal block at its header's
  // line, a plain scalar at its line and column.
  ElidedBlock* Elided(const yaml_event_t& e) {
    if (!elision_ || next_scalar_ >= elision_->blocks.size()) return nullptr;
    ElidedBlock& next = elision_->blocks[next_scalar_];
    if (next.line != e.start_mark.line) return nullptr;
    if (next.plain ? e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || next.column != e.start_mark.column
                   : e.data.scalar.style != YAML_LITERAL_SCALAR_STYLE) {
      return nullptr;
    }
    ++next_scalar_;
    return &next;
  }

  YamlNode& Create(const yaml_event_t& e, const yaml_char_t* anchor) {
    YamlNode& node = doc_.Add();
    node.mark = marks_.At(e.start_mark);
    // Registered before the node's contents: an alias inside its own anchor is the node
    // itself, as in yaml-cpp (CheckAliasExpansion reports it).
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = &node;
    return node;
  }

  // Adds a finished node to the collection it is in.
  bool Attach(const YamlNode& node) {
    if (open_.empty()) {
      if (root_) return false;
      root_ = &node;
      return true;
    }
    Open& parent = open_.back();
    if (parent.node->kind == YamlNode::Kind::kSequence) {
      parent.node->items.push_back(&node);
    } else if (!parent.key) {
      parent.key = &node;
    } else {
      parent.node->items.push_back(parent.key);  // a repeated key is kept, as yaml-cpp does
      parent.node->items.push_back(&node);
      parent.key = nullptr;
    }
    return true;
  }

  Marks marks_;
  YamlDoc::Builder doc_;
  std::map<std::string, YamlNode*> anchors_;
  std::vector<Open> open_;
  const YamlNode* root_ = nullptr;
  bool aliases_ = false;
  Elision* elision_;
  std::size_t next_scalar_ = 0;
};

// The first document of `text` (as written, for positions), read by libyaml from `input`:
// `text` itself, or a copy made by ElideLiteralBlocks.
std::optional<YamlDoc> Read(std::string_view text, std::string_view input, Elision* elision, bool* aliases) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return std::nullopt;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  Builder builder(text, elision);
  // yaml-cpp's YAML::Load gives the first document only, but the whole text must read without
  // error: where libyaml ends a document early and fails after it (「key\n: value」), yaml-cpp
  // fails inside it.
  bool ok = true, first = true;
  for (bool done = false; ok && !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    if (first) ok = builder.Take(event);
    first = first && event.type != YAML_DOCUMENT_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  if (!ok || !builder.scalars_confirmed()) return std::nullopt;
  if (aliases) *aliases = builder.aliases();
  return builder.Root();
}

}  // namespace

std::optional<YamlDoc> LoadFast(const std::string& text, bool* aliases, std::size_t* scalars_read) {
  // yaml-cpp's positions do not count a UTF-8 byte order mark; libyaml skips it too.
  std::string_view body(text);
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.remove_prefix(3);
  if (scalars_read) *scalars_read = 0;
  Elision elision = ElideLiteralBlocks(body);
  if (!elision.blocks.empty()) {
    const std::size_t cut = elision.blocks.size();
    if (std::optional<YamlDoc> node = Read(body, elision.text, &elision, aliases)) {
      if (scalars_read) *scalars_read = cut;
      return node;
    }
    // libyaml does not confirm a cut scalar (or fails, or reads something yaml-cpp reads
    // otherwise): the text as written decides.
  }
  return Read(body, body, nullptr, aliases);
}

}  // namespace keikaku::load
