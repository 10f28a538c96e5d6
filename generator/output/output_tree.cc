#include "output/output_tree.h"

#include "output/site_writer.h"

namespace keikaku::output {

namespace fs = std::filesystem;

bool Publish(const OutputTree& tree, const fs::path& output_dir, diag::Diagnostics& diags) {
  SiteWriter writer(output_dir, false);
  if (!writer.Open(diags)) return false;
  for (const auto& [path, bytes] : tree) writer.Put(path, bytes);
  return writer.Commit(diags);
}

}  // namespace keikaku::output
