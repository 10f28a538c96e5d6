// The content schema as JSON Schema (draft-07), for editors' tools: VS Code's YAML
// extension (yaml-language-server) completes and checks keys while the editor types.
#ifndef KEIKAKU_SCHEMA_JSON_SCHEMA_H_
#define KEIKAKU_SCHEMA_JSON_SCHEMA_H_

#include <string>
#include <utility>
#include <vector>

#include "schema/schema.h"

namespace keikaku::schema {

/// The file types editors write, as (name, type): "site", "plan", "chapter", "glossary",
/// "readings".
std::vector<std::pair<std::string, const Type*>> FileTypes();

/// A JSON Schema document for files of type `root`, from the same definitions the loader
/// validates with. Deterministic.
std::string JsonSchema(const Type& root, const std::string& title);

}  // namespace keikaku::schema

#endif  // KEIKAKU_SCHEMA_JSON_SCHEMA_H_
