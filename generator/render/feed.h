// The Atom feed (RFC 4287) of a plan's revision history, for residents and journalists who
// follow a plan in a feed reader.
#ifndef KEIKAKU_RENDER_FEED_H_
#define KEIKAKU_RENDER_FEED_H_

#include <string>

#include "model/model.h"

namespace keikaku::render {

/// Where the feed is published: `plan_url` is the public address of the plan's folder
/// ("https://town.example/keikaku/miki-dx-plan/") or empty when the site has no base URL;
/// links are then relative to the feed's own address, and ids are URNs made from
/// `site_title` and the plan's slug (stable across builds).
struct FeedPlace {
  std::string site_title;
  std::string plan_url;
};

/// The feed of `plan`'s revisions, newest first, each linking to its line on
/// revisions.html. The plan must have at least one revision.
std::string AtomFeed(const model::Plan& plan, const FeedPlace& place);

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_FEED_H_
