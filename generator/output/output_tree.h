// The built site in memory, and the sink the renderer puts each file into (SiteWriter, in
// site_writer.h, is the one that writes to disk).
#ifndef KEIKAKU_OUTPUT_OUTPUT_TREE_H_
#define KEIKAKU_OUTPUT_OUTPUT_TREE_H_

#include <cctype>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace keikaku::output {

/// Output path ("miki-dx-plan/index.html") → bytes; sorted, so writes are deterministic.
using OutputTree = std::map<std::string, std::string>;

/// Where the renderer puts each file of the site as soon as it is made. Put and Has may be
/// called from several threads at once.
class Sink {
 public:
  virtual ~Sink() = default;
  /// Adds file `path` ("miki-dx-plan/index.html") with `bytes`; a later Put of the same
  /// path replaces it.
  virtual void Put(const std::string& path, std::string bytes) = 0;
  /// Whether `path` has been put.
  virtual bool Has(const std::string& path) const = 0;
};

/// A sink that keeps the site in memory (keikaku serve, keikaku check, tests).
class TreeSink : public Sink {
 public:
  explicit TreeSink(OutputTree& tree) : tree_(tree) {}
  void Put(const std::string& path, std::string bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    tree_[path] = std::move(bytes);
  }
  bool Has(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return tree_.count(path) > 0;
  }

 private:
  OutputTree& tree_;
  mutable std::mutex mutex_;
};

/// The extension of a site path's last component, lower-case and without the dot ("html");
/// "" when it has none.
inline std::string Extension(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

/// The file that marks a folder as keikaku's output; keikaku replaces only such folders.
inline constexpr const char* kMarkerFile = ".keikaku-site";

}  // namespace keikaku::output

#endif  // KEIKAKU_OUTPUT_OUTPUT_TREE_H_
