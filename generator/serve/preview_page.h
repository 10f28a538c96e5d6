// What the preview adds to served pages: the live-reload script, and the error overlay
// when the last rebuild failed. Never part of a built site.
#ifndef KEIKAKU_SERVE_PREVIEW_PAGE_H_
#define KEIKAKU_SERVE_PREVIEW_PAGE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace keikaku::serve {

/// URL paths of the preview's own files, outside any site path.
inline constexpr const char* kPreviewPrefix = "/__keikaku/";
inline constexpr const char* kEventsPath = "/__keikaku/events";
inline constexpr const char* kScriptPath = "/__keikaku/live-reload.js";
inline constexpr const char* kStylePath = "/__keikaku/preview.css";

struct PageState {
  std::uint64_t build = 0;      ///< The build the page comes from.
  std::string base_path = "/";  ///< Where the site is mounted.
  bool missing = false;         ///< The page is the 404 page shown for a missing path.
  std::string overlay;          ///< Error overlay HTML, "" when the last rebuild succeeded.
};

/// Adds the preview stylesheet before </head>, the overlay after <body…>, and the
/// live-reload script before </body>. Pages without those tags get them appended.
std::string InjectPreview(std::string_view html, const PageState& state);

/// The error overlay: each error's file:line:column, message, hint and the lines around it,
/// all HTML-escaped. `sources` holds the files' texts for the excerpts.
std::string ErrorOverlay(const diag::Diagnostics& diags,
                         const std::map<std::string, std::string>& sources);

/// A whole page for when no build has succeeded yet: the overlay on an empty page.
std::string NoBuildPage(const PageState& state);

}  // namespace keikaku::serve

#endif  // KEIKAKU_SERVE_PREVIEW_PAGE_H_
