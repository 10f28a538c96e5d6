// `keikaku new plan SLUG`: a plan folder to start from, with every kind of element present
// and explained in Japanese comments; it builds and passes `keikaku check` as it is.
#ifndef KEIKAKU_SCAFFOLD_SCAFFOLD_H_
#define KEIKAKU_SCAFFOLD_SCAFFOLD_H_

#include <filesystem>
#include <ostream>
#include <string>

namespace keikaku::scaffold {

/// Writes source/plans/SLUG/ from the embedded scaffold/plan/ files. Returns 0 when
/// written, 1 when the folder exists or cannot be written, 2 for a name that cannot be a
/// plan folder.
int NewPlan(const std::filesystem::path& source, const std::string& slug, std::ostream& out, std::ostream& err);

}  // namespace keikaku::scaffold

#endif  // KEIKAKU_SCAFFOLD_SCAFFOLD_H_
