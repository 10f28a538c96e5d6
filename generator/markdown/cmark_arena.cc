#include "markdown/cmark_arena.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

namespace keikaku::markdown {
namespace {

constexpr std::size_t kBlock = 64 * 1024;  // a short text fits in one block
constexpr std::size_t kKeptBlocks = 16;    // kept for the next document; more are freed
constexpr std::size_t kAlign = 16;         // what malloc gives
constexpr std::size_t kHeader = kAlign;    // before each allocation: its size, for realloc

std::size_t RoundUp(std::size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

class Arena {
 public:
  void* Allocate(std::size_t size) {
    const std::size_t need = kHeader + RoundUp(std::max<std::size_t>(size, 1));
    if (need > static_cast<std::size_t>(end_ - next_)) NewBlock(need);
    std::byte* p = next_ + kHeader;
    next_ += need;
    last_ = p;
    SizeOf(p) = size;
    return p;
  }

  void* Resize(void* old, std::size_t size) {
    if (!old) return Allocate(size);
    auto* p = static_cast<std::byte*>(old);
    const std::size_t had = SizeOf(p);
    if (size <= RoundUp(std::max<std::size_t>(had, 1))) {
      SizeOf(p) = size;
      return p;
    }
    // The newest allocation grows in place while its block has room.
    if (p == last_ && RoundUp(size) <= static_cast<std::size_t>(end_ - p)) {
      next_ = p + RoundUp(size);
      SizeOf(p) = size;
      return p;
    }
    void* moved = Allocate(size);
    std::memcpy(moved, p, had);
    return moved;
  }

  void Enter() { ++users_; }
  void Leave() {
    if (--users_ > 0) return;
    big_.clear();
    if (blocks_.size() > kKeptBlocks) blocks_.resize(kKeptBlocks);
    used_ = 0;
    next_ = end_ = last_ = nullptr;
  }
  std::size_t blocks() const { return blocks_.size(); }

 private:
  static std::size_t& SizeOf(std::byte* p) { return *reinterpret_cast<std::size_t*>(p - kHeader); }

  void NewBlock(std::size_t need) {
    if (need > kBlock / 4) {
      // A large string (a long text's HTML) gets a block of its own, freed at the end.
      big_.push_back(std::make_unique<std::byte[]>(need));
      next_ = big_.back().get();
      end_ = next_ + need;
      return;
    }
    if (used_ == blocks_.size()) blocks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[kBlock]));
    next_ = blocks_[used_++].get();
    end_ = next_ + kBlock;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;  // [0, used_) hold this document's
  std::vector<std::unique_ptr<std::byte[]>> big_;
  std::size_t used_ = 0;
  std::byte* next_ = nullptr;  // free space of the current block: [next_, end_)
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  // the newest allocation
  int users_ = 0;
};

thread_local Arena t_arena;

void* ArenaCalloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > static_cast<std::size_t>(-1) / 2 / size) std::abort();  // as cmark does
  void* p = t_arena.Allocate(count * size);
  std::memset(p, 0, count * size);
  return p;
}

void* ArenaRealloc(void* p, std::size_t size) { return t_arena.Resize(p, size); }

void ArenaFree(void*) {}

cmark_mem g_mem = {ArenaCalloc, ArenaRealloc, ArenaFree};

}  // namespace

cmark_mem* CmarkArena::Mem() { return &g_mem; }
void CmarkArena::Enter() { t_arena.Enter(); }
void CmarkArena::Leave() { t_arena.Leave(); }
std::size_t CmarkArena::Blocks() { return t_arena.blocks(); }

}  // namespace keikaku::markdown
