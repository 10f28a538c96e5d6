#include "markdown/cmark_arena.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using keikaku::markdown::CmarkArena;

TEST_CASE("CmarkArena: zeroed, aligned, distinct allocations that keep their bytes", "[markdown][arena]") {
  cmark_mem* mem = CmarkArena::Mem();
  CmarkArena::Enter();
  std::vector<char*> blocks;
  for (std::size_t i = 0; i < 5000; ++i) {
    const std::size_t size = 1 + i % 97;
    auto* p = static_cast<char*>(mem->calloc(1, size));
    REQUIRE(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
    for (std::size_t j = 0; j < size; ++j) REQUIRE(p[j] == 0);
    std::memset(p, static_cast<int>('a' + i % 26), size);
    blocks.push_back(p);
  }
  // Nothing was overwritten by a later allocation.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::size_t size = 1 + i % 97;
    REQUIRE(std::string(blocks[i], size) == std::string(size, static_cast<char>('a' + i % 26)));
  }
  CHECK(CmarkArena::Blocks() > 1);  // 5000 allocations do not fit in one block
  CmarkArena::Leave();
}

TEST_CASE("CmarkArena: realloc keeps the text, in place or moved, small or large", "[markdown][arena]") {
  cmark_mem* mem = CmarkArena::Mem();
  CmarkArena::Enter();
  std::string expected;
  char* grown = nullptr;
  char* other = static_cast<char*>(mem->calloc(8, 1));
  for (std::size_t size = 8; size <= (1u << 20); size *= 2) {
    grown = static_cast<char*>(mem->realloc(grown, size));
    expected.resize(size, '\0');
    for (std::size_t j = size / 2; j < size; ++j) expected[j] = static_cast<char>('A' + j % 53);
    std::memcpy(grown + size / 2, expected.data() + size / 2, size - size / 2);
    if (size == 64) other = static_cast<char*>(mem->realloc(other, 4096));  // moves `grown` off the end
    REQUIRE(std::memcmp(grown + size / 2, expected.data() + size / 2, size - size / 2) == 0);
  }
  CHECK(std::memcmp(grown + 8, expected.data() + 8, expected.size() - 8) == 0);
  // Shrinking keeps the pointer and the bytes.
  CHECK(mem->realloc(grown, 100) == grown);
  CHECK(std::memcmp(grown + 8, expected.data() + 8, 92) == 0);
  mem->free(other);
  CmarkArena::Leave();
}

TEST_CASE("CmarkArena: nested documents; the arena is emptied by the outermost and reused", "[markdown][arena]") {
  cmark_mem* mem = CmarkArena::Mem();
  CmarkArena::Enter();
  char* outer = static_cast<char*>(mem->calloc(1, 32));
  std::memcpy(outer, "outer document", 15);
  CmarkArena::Enter();
  for (int i = 0; i < 20000; ++i) mem->calloc(1, 64);  // about twenty blocks
  CmarkArena::Leave();
  CHECK(std::string(outer) == "outer document");  // still there: the outer document is open
  CmarkArena::Leave();
  // Emptied: a bounded number of blocks is kept, and the next document starts in the first.
  CHECK(CmarkArena::Blocks() <= 16);
  CmarkArena::Enter();
  CHECK(mem->calloc(1, 32) == outer);
  CmarkArena::Leave();
}
