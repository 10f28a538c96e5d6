#include "parallel/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace keikaku::parallel {

int DefaultJobs() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

int Jobs(int jobs) { return jobs < 1 ? DefaultJobs() : jobs; }

int Threads(std::size_t count, int jobs) {
  return static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(Jobs(jobs)), std::max<std::size_t>(count, 1)));
}

void ForEach(std::size_t count, int jobs, const std::function<void(std::size_t index, int worker)>& work) {
  const int threads = Threads(count, jobs);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](int worker) {
    for (std::size_t i; !failed && (i = next++) < count;) {
      try {
        work(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace keikaku::parallel
