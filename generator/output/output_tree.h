// The built site in memory, and the sink the renderer puts each file into (SiteWriter, in
// site_writer.h, is the one that writes to disk).
#ifndef KEIKAKU_OUTPUT_OUTPUT_TREE_H_
#define KEIKAKU_OUTPUT_OUTPUT_TREE_H_

#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>

namespace keikaku::output {

/// Output path ("miki-dx-plan/index.html") → bytes; sorted, so writes are deterministic.
using OutputTree = std::map<std::string, std::string>;

/// A file's bytes as keikaku serve keeps them: shared, never changed, by the builds that
/// made the same file (a plan that did not change is not copied into the next build).
using SharedBytes = std::shared_ptr<const std::string>;
/// The site in memory as keikaku serve shows it.
using SharedTree = std::map<std::string, SharedBytes>;

/// Where the renderer puts each file of the site as soon as it is made. Put and Has may be
/// called from several threads at once.
class Sink {
 public:
  virtual ~Sink() = default;
  /// Adds file `path` ("miki-dx-plan/index.html") with `bytes`; a later Put of the same
  /// path replaces it.
  virtual void Put(const std::string& path, std::string bytes) = 0;
  /// Put for bytes that may be shared (made by an earlier build); a sink that keeps shared
  /// bytes keeps these without a copy.
  virtual void PutShared(const std::string& path, const SharedBytes& bytes) { Put(path, *bytes); }
  /// Whether `path` has been put.
  virtual bool Has(const std::string& path) const = 0;
};

/// A sink that keeps the site in memory: an OutputTree (keikaku check, tests) or a
/// SharedTree, which keeps shared bytes without a copy (keikaku serve).
template <typename Tree>
class MemorySink : public Sink {
 public:
  explicit MemorySink(Tree& tree) : tree_(tree) {}
  void Put(const std::string& path, std::string bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if constexpr (kShared) {
      tree_[path] = std::make_shared<const std::string>(std::move(bytes));
    } else {
      tree_[path] = std::move(bytes);
    }
  }
  void PutShared(const std::string& path, const SharedBytes& bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if constexpr (kShared) {
      tree_[path] = bytes;
    } else {
      tree_[path] = *bytes;
    }
  }
  bool Has(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return tree_.count(path) > 0;
  }

 private:
  static constexpr bool kShared = std::is_same_v<typename Tree::mapped_type, SharedBytes>;
  Tree& tree_;
  mutable std::mutex mutex_;
};
using TreeSink = MemorySink<OutputTree>;
using SharedTreeSink = MemorySink<SharedTree>;

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
