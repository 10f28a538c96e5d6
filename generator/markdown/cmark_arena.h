// An allocator for cmark-gfm (its cmark_mem) that takes memory from the calling thread's
// arena. Parsing one Markdown text makes hundreds of small nodes and strings, each a calloc
// or realloc of its own, all freed together when the document is: a build made more than a
// million of them. With the arena they are bumps of a pointer in blocks kept from one
// document to the next, and freeing is nothing until the thread's last document is freed.
//
// Use: CmarkArena::Enter() before parsing with Mem(), CmarkArena::Leave() after freeing the
// document (and everything else allocated with Mem()). Documents may nest on one thread;
// the arena is emptied when the outermost one leaves. A document must be freed on the thread
// that parsed it.
#ifndef KEIKAKU_MARKDOWN_CMARK_ARENA_H_
#define KEIKAKU_MARKDOWN_CMARK_ARENA_H_

#include <cmark-gfm.h>

#include <cstddef>

namespace keikaku::markdown {

class CmarkArena {
 public:
  /// The allocator to give cmark_parser_new_with_mem; its functions use the calling
  /// thread's arena, and free does nothing.
  static cmark_mem* Mem();
  static void Enter();
  /// Empties the arena when this was the outermost Enter.
  static void Leave();
  /// Blocks the calling thread's arena holds (kept for the next document), for tests.
  static std::size_t Blocks();
};

}  // namespace keikaku::markdown

#endif  // KEIKAKU_MARKDOWN_CMARK_ARENA_H_
