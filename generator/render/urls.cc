#include "render/urls.h"

#include <vector>

namespace keikaku::render {
namespace {

std::vector<std::string> Dirs(const std::string& path) {
  std::vector<std::string> dirs;
  std::size_t start = 0;
  for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', start)) {
    dirs.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return dirs;
}

}  // namespace

std::string RootPrefix(const std::string& page) {
  std::string prefix;
  for (std::size_t i = 0; i < Dirs(page).size(); ++i) prefix += "../";
  return prefix;
}

std::string RelativeUrl(const std::string& from, const std::string& to) {
  std::vector<std::string> a = Dirs(from), b = Dirs(to);
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string url;
  for (std::size_t i = common; i < a.size(); ++i) url += "../";
  for (std::size_t i = common; i < b.size(); ++i) url += b[i] + "/";
  std::size_t slash = to.rfind('/');
  url += slash == std::string::npos ? to : to.substr(slash + 1);
  return url;
}

}  // namespace keikaku::render
