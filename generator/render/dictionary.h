// The values, sections and included templates a page's templates are expanded with: the part
// of ctemplate::TemplateDictionary that keikaku uses, behind ctemplate's own interface for
// other dictionaries (TemplateDictionaryInterface), so ctemplate still parses, escapes and
// expands the templates.
//
// Lookups follow TemplateDictionary's rules: a variable or section is looked up in the
// dictionary, then in its parents, then among the template-global values; an included
// template's dictionary has no parent; a section with no dictionary of its own expands with
// the dictionary it is in; BI_SPACE and BI_NEWLINE are a space and a newline.
//
// Why not TemplateDictionary: it names every sub-dictionary with snprintf (for its debugging
// dump) and enters every name into a process-wide table under a lock. Filling the
// dictionaries took a sixth of a build's time, and its threads waited on that lock.
#ifndef KEIKAKU_RENDER_DICTIONARY_H_
#define KEIKAKU_RENDER_DICTIONARY_H_

#include <ctemplate/template_dictionary_interface.h>

#include <memory>
#include <string>
#include <string_view>

namespace keikaku::render {

class Dictionary final : public ctemplate::TemplateDictionaryInterface {
 public:
  /// A top-level dictionary: it owns its sub-dictionaries and the template-global values.
  Dictionary();
  ~Dictionary() override;

  /// Sets (or replaces) variable `name`.
  void SetValue(std::string_view name, std::string value);
  void SetIntValue(std::string_view name, long value);
  /// A value every dictionary of this tree sees, included templates' too.
  void SetTemplateGlobalValue(std::string_view name, std::string value);
  /// A new dictionary for one more expansion of section `name`, with this as its parent.
  Dictionary* AddSectionDictionary(std::string_view name);
  /// Shows section `name` once with this dictionary, if it has no dictionaries yet.
  void ShowSection(std::string_view name);
  /// A new dictionary for one more expansion of the template included as {{>name}}; it
  /// has no parent, and expands the template SetFilename names.
  Dictionary* AddIncludeDictionary(std::string_view name);
  void SetFilename(std::string_view filename);

 private:
  struct Storage;
  struct Value;
  struct List;
  class Children;

  Dictionary(Storage* storage, const Dictionary* parent);

  // TemplateDictionaryInterface, for ctemplate's expansion.
  ctemplate::TemplateString GetValue(const ctemplate::TemplateString& variable) const override;
  bool IsHiddenSection(const ctemplate::TemplateString& name) const override;
  bool IsUnhiddenSection(const ctemplate::TemplateString& name) const override { return !IsHiddenSection(name); }
  bool IsHiddenTemplate(const ctemplate::TemplateString& name) const override;
  const char* GetIncludeTemplateName(const ctemplate::TemplateString& variable, int dictnum) const override;
  Iterator* CreateTemplateIterator(const ctemplate::TemplateString& section) const override;
  Iterator* CreateSectionIterator(const ctemplate::TemplateString& section) const override;
  void DumpToString(std::string* out, int level) const override;

  // The list `name` of this dictionary or of the nearest parent that has one; null if none.
  const List* FindList(List* Dictionary::*lists, std::string_view name) const;
  Dictionary* Add(List*& lists, std::string_view name, const Dictionary* parent);

  // Everything is allocated from the top-level dictionary's arena: a page makes thousands of
  // small dictionaries, values and names, and frees them all at once.
  Storage* storage_;
  const Dictionary* parent_;
  Value* values_ = nullptr;
  List* sections_ = nullptr;
  List* includes_ = nullptr;
  Dictionary* next_ = nullptr;  // the next dictionary of the section or include this is in
  const char* filename_ = "";
  std::unique_ptr<Storage> own_;  // the top-level dictionary's
};

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_DICTIONARY_H_
