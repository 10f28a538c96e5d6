#include "render/dictionary.h"

#include <cstring>
#include <memory_resource>
#include <vector>

namespace keikaku::render {

using ctemplate::TemplateString;

namespace {

std::string_view View(const TemplateString& s) { return {s.data(), s.size()}; }

// Whether two names are the same: most names looked at are not the one looked for, and most
// of those differ in length or in their first or last letter (a call to memcmp each took a
// few percent of a build).
inline bool SameName(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n == 0) return true;
  return a[0] == b[0] && a[n - 1] == b[n - 1] && std::memcmp(a.data(), b.data(), n) == 0;
}

// A page's dictionaries take a few kilobytes; the arena grows from this.
constexpr std::size_t kFirstBlock = 8 * 1024;

}  // namespace

struct Dictionary::Value {
  Value* next;
  std::string_view name;
  std::string text;
};

// The dictionaries of one section or include, in order.
struct Dictionary::List {
  List* next;
  std::string_view name;
  Dictionary* first;
  Dictionary* last;
};

struct Dictionary::Storage {
  ~Storage() {
    for (auto d = made.rbegin(); d != made.rend(); ++d) (*d)->~Dictionary();
    Destroy(globals);
  }
  template <typename T, typename... Args>
  T* Make(Args&&... args) {
    return new (arena.allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }
  std::string_view Copy(std::string_view s) {
    char* bytes = static_cast<char*>(arena.allocate(s.size() + 1, 1));
    std::memcpy(bytes, s.data(), s.size());
    bytes[s.size()] = '\0';
    return {bytes, s.size()};
  }
  static void Destroy(Value* v) {
    while (v) {
      Value* next = v->next;
      v->~Value();
      v = next;
    }
  }
  // Sets `name` in `values` to `text`.
  void Set(Value*& values, std::string_view name, std::string text) {
    for (Value* v = values; v; v = v->next) {
      if (SameName(v->name, name)) {
        v->text = std::move(text);
        return;
      }
    }
    values = Make<Value>(values, Copy(name), std::move(text));
  }

  std::pmr::monotonic_buffer_resource arena{kFirstBlock};
  std::vector<Dictionary*> made;  // the sub-dictionaries, in the order they were made
  Value* globals = nullptr;
};

// The dictionaries of one list, for ctemplate, which deletes the iterator after its loop.
class Dictionary::Children final : public Iterator {
 public:
  explicit Children(const Dictionary* first) : next_(first) {}
  bool HasNext() const override { return next_ != nullptr; }
  const TemplateDictionaryInterface& Next() override {
    const Dictionary* d = next_;
    next_ = d->next_;
    return *d;
  }

  // Every section's expansion makes one: they are kept for the next instead of freed.
  // Loops nest only as deep as the templates, so few are ever kept.
  static void* operator new(std::size_t size) {
    std::vector<void*>& spare = Spare().blocks;
    if (size != sizeof(Children) || spare.empty()) return ::operator new(size);
    void* p = spare.back();
    spare.pop_back();
    return p;
  }
  static void operator delete(void* p, std::size_t size) {
    if (size == sizeof(Children)) return Spare().blocks.push_back(p);
    ::operator delete(p);
  }

 private:
  struct SpareBlocks {
    ~SpareBlocks() {
      for (void* p : blocks) ::operator delete(p);
    }
    std::vector<void*> blocks;
  };
  static SpareBlocks& Spare() {
    thread_local SpareBlocks spare;
    return spare;
  }

  const Dictionary* next_;
};

Dictionary::Dictionary() : own_(std::make_unique<Storage>()) {
  storage_ = own_.get();
  parent_ = nullptr;
}

Dictionary::Dictionary(Storage* storage, const Dictionary* parent) : storage_(storage), parent_(parent) {}

Dictionary::~Dictionary() { Storage::Destroy(values_); }

void Dictionary::SetValue(std::string_view name, std::string value) { storage_->Set(values_, name, std::move(value)); }

void Dictionary::SetIntValue(std::string_view name, long value) { SetValue(name, std::to_string(value)); }

void Dictionary::SetTemplateGlobalValue(std::string_view name, std::string value) {
  storage_->Set(storage_->globals, name, std::move(value));
}

Dictionary* Dictionary::Add(List*& lists, std::string_view name, const Dictionary* parent) {
  Dictionary* child = storage_->Make<Dictionary>(storage_, parent);
  storage_->made.push_back(child);
  for (List* list = lists; list; list = list->next) {
    if (SameName(list->name, name)) {
      list->last->next_ = child;
      list->last = child;
      return child;
    }
  }
  lists = storage_->Make<List>(lists, storage_->Copy(name), child, child);
  return child;
}

Dictionary* Dictionary::AddSectionDictionary(std::string_view name) { return Add(sections_, name, this); }

void Dictionary::ShowSection(std::string_view name) {
  for (const List* list = sections_; list; list = list->next) {
    if (SameName(list->name, name)) return;
  }
  Add(sections_, name, this);
}

Dictionary* Dictionary::AddIncludeDictionary(std::string_view name) { return Add(includes_, name, nullptr); }

void Dictionary::SetFilename(std::string_view filename) { filename_ = storage_->Copy(filename).data(); }

const Dictionary::List* Dictionary::FindList(List* Dictionary::*lists, std::string_view name) const {
  for (const Dictionary* d = this; d; d = d->parent_) {
    for (const List* list = d->*lists; list; list = list->next) {
      if (SameName(list->name, name)) return list;
    }
  }
  return nullptr;
}

TemplateString Dictionary::GetValue(const TemplateString& variable) const {
  const std::string_view name = View(variable);
  auto find = [name](const Value* v) -> const Value* {
    for (; v; v = v->next) {
      if (SameName(v->name, name)) return v;
    }
    return nullptr;
  };
  for (const Dictionary* d = this; d; d = d->parent_) {
    if (const Value* v = find(d->values_)) return TemplateString(v->text.data(), v->text.size());
  }
  if (const Value* v = find(storage_->globals)) return TemplateString(v->text.data(), v->text.size());
  // ctemplate's global dictionary: what a template writes where its spacing would be stripped.
  if (name == "BI_SPACE") return TemplateString(" ", 1);
  if (name == "BI_NEWLINE") return TemplateString("\n", 1);
  return TemplateString("", 0);
}

bool Dictionary::IsHiddenSection(const TemplateString& name) const {
  return !FindList(&Dictionary::sections_, View(name));
}

bool Dictionary::IsHiddenTemplate(const TemplateString& name) const {
  return !FindList(&Dictionary::includes_, View(name));
}

const char* Dictionary::GetIncludeTemplateName(const TemplateString& variable, int dictnum) const {
  const List* list = FindList(&Dictionary::includes_, View(variable));
  const Dictionary* d = list ? list->first : nullptr;
  for (int i = 0; d && i < dictnum; ++i) d = d->next_;
  return d ? d->filename_ : "";
}

ctemplate::TemplateDictionaryInterface::Iterator* Dictionary::CreateTemplateIterator(
    const TemplateString& section) const {
  const List* list = FindList(&Dictionary::includes_, View(section));
  return new Children(list ? list->first : nullptr);
}

ctemplate::TemplateDictionaryInterface::Iterator* Dictionary::CreateSectionIterator(
    const TemplateString& section) const {
  const List* list = FindList(&Dictionary::sections_, View(section));
  return new Children(list ? list->first : nullptr);
}

void Dictionary::DumpToString(std::string* out, int level) const {
  const std::string indent(static_cast<std::size_t>(level), ' ');
  auto dump = [&](const char* kind, const Value* v) {
    for (; v; v = v->next) *out += indent + kind + std::string(v->name) + ": >" + v->text + "<\n";
  };
  if (*filename_) *out += indent + "(for " + filename_ + ")\n";
  if (own_) dump("global ", storage_->globals);
  dump("", values_);
  for (const char* kind : {"section ", "include "}) {
    for (const List* list = *kind == 's' ? sections_ : includes_; list; list = list->next) {
      for (const Dictionary* d = list->first; d; d = d->next_) {
        *out += indent + kind + std::string(list->name) + " -->\n";
        d->DumpToString(out, level + ctemplate::kIndent);
      }
    }
  }
}

}  // namespace keikaku::render
