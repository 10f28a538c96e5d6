// What earlier builds made of a plan, so that keikaku serve makes again only what an edit
// changed: whole chapter pages, and the Markdown fragments of the pages made again. A build
// also keeps a plan's fragments for the plan's other pages (the full text repeats every
// chapter), in a memo of its own.
//
// A chapter page is kept with a key of everything it shows (its chapter, the plan's files,
// its place and neighbours, the plan's measures and attachments: PageRenderer::PageKey), and
// with what making it gave besides its bytes (findings, figures, the glossary entries it
// uses), which a build that takes it gives again.
//
// A fragment's HTML depends on its text, its settings and the page's readings and glossary
// names, which make its key, and on what the page answered when the fragment asked for a
// glossary link or an attachment's size. Those answers depend on the page so far (the n-th
// reference to a term gets id ref-…-n; 「最初だけ」 links a term only once per page), so a
// fragment is reused only where the page, asked the same questions in the same order, gives
// the same answers: the result is then the same as rendering it again.
#ifndef KEIKAKU_RENDER_RENDER_MEMO_H_
#define KEIKAKU_RENDER_RENDER_MEMO_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "furigana/annotator.h"
#include "markdown/markdown.h"
#include "output/output_tree.h"

namespace keikaku::render {

class RenderMemo {
 public:
  /// `across_builds`: keikaku serve's memo of a plan, kept from one build to the next, which
  /// keeps whole chapter pages too. Else a build's own memo of a plan, which keeps only
  /// fragments, for the plan's other pages: the full text takes its chapters' texts, a
  /// heading level lower (see Find).
  explicit RenderMemo(bool across_builds = true) : across_builds_(across_builds) {}
  bool across_builds() const { return across_builds_; }

  /// A question the fragment asked the page while it was rendered, and the answer.
  struct Call {
    enum class Kind : char { kTerm, kAutoTerm, kAttachment } kind;
    std::string arg;  ///< The name or the address asked for.
    std::optional<markdown::TermLink> link;  ///< kTerm, kAutoTerm.
    std::optional<std::uintmax_t> size;      ///< kAttachment.
  };
  struct Fragment {
    std::string html;
    std::vector<Call> calls;         ///< In the order they were made.
    diag::Diagnostics diags;         ///< The findings of the text.
    furigana::AnnotatorStats annotated;  ///< What the annotator did for it.
    std::string id_prefix;           ///< The footnote id prefix, "" if the HTML has no footnote.
    bool headings = false;           ///< The HTML has headings, of the level it was rendered at.
  };

  /// A chapter page as it was made.
  struct Page {
    std::string key;
    output::SharedBytes html;
    diag::Diagnostics filled, expanded;  ///< Findings of filling its templates and of expanding them.
    furigana::AnnotatorStats annotated;  ///< What the annotator did for it.
    /// For each glossary entry the page uses, in order: its place in the plan's glossary and
    /// the link to its first use.
    std::vector<std::pair<std::size_t, std::string>> uses;
    std::vector<std::size_t> linked;  ///< The places of the entries it links to.
  };
  /// The page kept for `path` if it was made with `key`, else null.
  std::shared_ptr<const Page> FindPage(const std::string& path, const std::string& key);
  void StorePage(const std::string& path, std::shared_ptr<const Page> page);

  /// A small number for `settings` (a page's glossary names, an annotator's readings): the
  /// same text gets the same number for as long as the memo lives.
  int Intern(const std::string& settings);
  /// The fragment stored under `key` for heading level `level`, or null. A build's memo
  /// gives a fragment without headings for every level. keikaku serve's memo keeps each
  /// level's fragments apart: it makes a plan's chapter pages and its full text at once, on
  /// two threads, and what each took from the other would depend on which came first.
  std::shared_ptr<const Fragment> Find(const std::string& key, int level);
  void Store(const std::string& key, int level, std::shared_ptr<const Fragment> fragment);
  /// Counts a fragment that Find gave and the page took.
  void NoteReused();
  /// Forgets the pages and fragments that no Find or Store asked for since the last Sweep,
  /// so that what an editor replaced does not pile up.
  void Sweep();
  /// What the memo gave and took since the last Sweep.
  struct Counts {
    std::size_t fragments_reused = 0, fragments_rendered = 0, pages_reused = 0, pages_made = 0;
  };
  Counts counts() const;

 private:
  template <typename T>
  struct Slot {
    std::shared_ptr<const T> value;
    bool used = true;  // asked for since the last Sweep
  };
  const bool across_builds_;
  mutable std::mutex mutex_;  // a plan's full text is made on a thread of its own
  // The fragments of one key: a build's fragment without headings serves every level;
  // others are kept for the level they were rendered at.
  struct Variants {
    Slot<Fragment> any{nullptr, false};
    std::vector<std::pair<int, Slot<Fragment>>> levels;
    /// The slot kept for `level`, if any.
    Slot<Fragment>* At(int level) {
      for (auto& [at, slot] : levels) {
        if (at == level) return &slot;
      }
      return nullptr;
    }
  };
  std::unordered_map<std::string, Variants> fragments_;
  std::unordered_map<std::string, Slot<Page>> pages_;
  std::map<std::string, int> settings_;
  Counts counts_;
};

}  // namespace keikaku::render

#endif  // KEIKAKU_RENDER_RENDER_MEMO_H_
