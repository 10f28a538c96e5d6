// Runs independent pieces of work on several threads. The caller keeps results by index,
// so what it does with them afterwards is in the same order whatever the thread count.
#ifndef KEIKAKU_PARALLEL_PARALLEL_H_
#define KEIKAKU_PARALLEL_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace keikaku::parallel {

/// The number of threads to use when none is asked for: the machine's cores (at least 1).
int DefaultJobs();

/// The threads `jobs` asks for: `jobs`, or DefaultJobs() when it is below 1 (--jobs not given).
int Jobs(int jobs);

/// Calls `work(index, worker)` once for every index in [0, count), on min(jobs, count)
/// threads (`jobs` < 1: DefaultJobs()). `worker` in [0, threads) names the calling thread,
/// for state that must not be shared (one MeCab tagger per thread). Indices are taken in
/// increasing order, so early ones finish first. Returns when all calls have returned; an
/// exception thrown by `work` stops the remaining indices and is rethrown here.
void ForEach(std::size_t count, int jobs, const std::function<void(std::size_t index, int worker)>& work);

/// The threads ForEach would use for `count` pieces of work.
int Threads(std::size_t count, int jobs);

}  // namespace keikaku::parallel

#endif  // KEIKAKU_PARALLEL_PARALLEL_H_
