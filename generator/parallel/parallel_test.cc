#include "parallel/parallel.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using keikaku::parallel::ForEach;

TEST_CASE("every index is done once, results kept by index", "[parallel]") {
  for (int jobs : {1, 2, 4, 16}) {
    INFO("jobs " << jobs);
    std::vector<int> result(1000, 0);
    std::vector<std::atomic<int>> calls(1000);
    ForEach(result.size(), jobs, [&](std::size_t i, int) {
      result[i] = static_cast<int>(i * i);
      ++calls[i];
    });
    for (std::size_t i = 0; i < result.size(); ++i) {
      REQUIRE(result[i] == static_cast<int>(i * i));
      REQUIRE(calls[i] == 1);
    }
  }
  int none = 0;
  ForEach(0, 4, [&](std::size_t, int) { ++none; });
  CHECK(none == 0);
}

TEST_CASE("workers are numbered below the thread count and run at once", "[parallel]") {
  CHECK(keikaku::parallel::Threads(1, 8) == 1);
  CHECK(keikaku::parallel::Threads(100, 3) == 3);
  CHECK(keikaku::parallel::Threads(100, 0) == keikaku::parallel::DefaultJobs());
  std::atomic<int> inside{0}, most{0};
  std::vector<std::atomic<int>> by_worker(3);
  ForEach(60, 3, [&](std::size_t, int worker) {
    REQUIRE(worker >= 0);
    REQUIRE(worker < 3);
    ++by_worker[static_cast<std::size_t>(worker)];
    int now = ++inside;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    --inside;
  });
  CHECK(most > 1);  // three threads really overlap (each sleeps 1 ms per index)
  CHECK(by_worker[0] + by_worker[1] + by_worker[2] == 60);
}

TEST_CASE("an exception in one piece of work reaches the caller", "[parallel]") {
  std::atomic<int> done{0};
  CHECK_THROWS_WITH(ForEach(100, 2,
                            [&](std::size_t i, int) {
                              if (i == 10) throw std::runtime_error("broken");
                              ++done;
                            }),
                    "broken");
  CHECK(done < 100);
}
