// Maps the bytes of a decoded YAML scalar back to the file: quotes, escapes, line folding,
// indentation and chomping make the value differ from its source text.
#ifndef KEIKAKU_LOAD_SCALAR_MAP_H_
#define KEIKAKU_LOAD_SCALAR_MAP_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace keikaku::load {

/// Re-scans the scalar that yaml-cpp read at `mark` of `text` (the whole file, with its
/// UTF-8 BOM if any; yaml-cpp's marks do not count the BOM) by the YAML 1.2 rules of its
/// style: plain, '…', "…", | or >, with chomping and indentation indicators. Returns an
/// anchor at the first value byte, after each escape, at each line start and for each
/// line break or fold. Returns no anchors when the re-scan does not give `value` exactly
/// (a style or a yaml-cpp quirk it does not follow): never a wrong position. Linear in the
/// scalar's size.
std::vector<model::SourceAnchor> MapScalar(std::string_view text, const YAML::Mark& mark,
                                           const std::string& value);

}  // namespace keikaku::load

#endif  // KEIKAKU_LOAD_SCALAR_MAP_H_
