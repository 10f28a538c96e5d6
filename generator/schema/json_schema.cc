#include "schema/json_schema.h"

#include <map>

#include "text/json.h"

namespace keikaku::schema {

namespace {

// Gives every type reachable from the root a unique definition name, in first-seen order.
class Definitions {
 public:
  void Collect(const Type* t) {
    if (names_.count(t)) return;
    std::string name = t->name.empty() ? "type" : t->name;
    for (int n = 2; taken_.count(name); ++n) name = t->name + "-" + std::to_string(n);
    taken_[name] = t;
    names_[t] = name;
    order_.push_back(t);
    if (t->item) Collect(t->item);
    if (t->scalar_form) Collect(t->scalar_form);
    for (const Field& f : t->fields) Collect(f.type);
  }
  const std::string& Name(const Type* t) const { return names_.at(t); }
  const std::vector<const Type*>& order() const { return order_; }

 private:
  std::map<const Type*, std::string> names_;
  std::map<std::string, const Type*> taken_;
  std::vector<const Type*> order_;
};

std::string Ref(const Definitions& defs, const Type* t) {
  return "{\"$ref\": " + text::JsonString("#/definitions/" + defs.Name(t)) + "}";
}

// YAML reads `auto: 3` as a number and `title: 2024` as one too; the loader keeps scalars as
// written, so text fields accept numbers and booleans.
std::string Body(const Definitions& defs, const Type& t) {
  switch (t.kind) {
    case Kind::kString: {
      if (t.choices.empty()) return "\"type\": [\"string\", \"number\", \"boolean\"]";
      std::string out = "\"enum\": [";
      for (std::size_t i = 0; i < t.choices.size(); ++i) {
        if (i > 0) out += ", ";
        text::AppendJsonString(out, t.choices[i]);
        bool digits = t.choices[i].find_first_not_of("0123456789") == std::string::npos;
        if (digits) out += ", " + t.choices[i];
      }
      return out + "]";
    }
    case Kind::kMarkdown: return "\"type\": [\"string\", \"number\"]";
    case Kind::kInteger: return "\"type\": \"integer\"";
    case Kind::kNumber: return "\"type\": \"number\"";
    case Kind::kBoolean: return "\"type\": \"boolean\"";
    case Kind::kDate:
    case Kind::kFiscalYear: return "\"type\": [\"string\", \"integer\"]";
    case Kind::kList: return "\"type\": \"array\", \"items\": " + Ref(defs, t.item);
    case Kind::kRecord: {
      std::string out = "\"type\": \"object\", \"additionalProperties\": false";
      if (t.exactly_one) out += ", \"minProperties\": 1, \"maxProperties\": 1";
      out += ", \"properties\": {";
      std::string required;
      for (std::size_t i = 0; i < t.fields.size(); ++i) {
        const Field& f = t.fields[i];
        out += i > 0 ? ",\n      " : "\n      ";
        text::AppendJsonString(out, f.key);
        out += ": {\"description\": " + text::JsonString(f.doc) + ", \"allOf\": [" + Ref(defs, f.type) + "]}";
        if (f.required) required += (required.empty() ? "" : ", ") + text::JsonString(f.key);
      }
      out += "}";
      if (!required.empty()) out += ", \"required\": [" + required + "]";
      return out;
    }
  }
  return "";
}

}  // namespace

std::vector<std::pair<std::string, const Type*>> FileTypes() {
  const Schema& s = ContentSchema();
  return {{"site", s.site}, {"plan", s.plan}, {"chapter", s.chapter}, {"glossary", s.glossary}, {"readings", s.readings}};
}

std::string JsonSchema(const Type& root, const std::string& title) {
  Definitions defs;
  defs.Collect(&root);
  std::string out = "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": " +
                    text::JsonString(title) + ",\n  \"description\": " + text::JsonString(root.doc) +
                    ",\n  \"$ref\": " + text::JsonString("#/definitions/" + defs.Name(&root)) +
                    ",\n  \"definitions\": {";
  bool first = true;
  for (const Type* t : defs.order()) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    text::AppendJsonString(out, defs.Name(t));
    std::string body = Body(defs, *t);
    if (t->scalar_form) {
      // A record that may also be written as a single value (e.g. a paragraph as a string).
      body = "\"anyOf\": [{" + body + "}, " + Ref(defs, t->scalar_form) + "]";
    }
    out += ": {";
    if (!t->doc.empty()) out += "\"description\": " + text::JsonString(t->doc) + ", ";
    out += body + "}";
  }
  out += "\n  }\n}\n";
  return out;
}

}  // namespace keikaku::schema
