#include "output/precompress.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace keikaku::output {

namespace {

constexpr std::array<std::string_view, 12> kExtensions = {
    "html", "css", "js", "mjs", "svg", "json", "xml", "txt", "csv", "atom", "webmanifest", "map"};

// One file to compress and what came of it; written by exactly one worker.
struct Job {
  const std::string* path;
  const std::string* bytes;
  bool want_gz, want_br;
  std::string gz, br;
};

void Run(Job& job) {
  if (job.want_gz) job.gz = Gzip(*job.bytes);
  if (job.want_br) job.br = Brotli(*job.bytes);
}

// Runs every job on `threads` threads (the caller's among them), each taking the next
// unclaimed job; rethrows the first exception a worker threw, after all have stopped.
void RunAll(std::vector<Job>& jobs, unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned worker) {
    try {
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < jobs.size();) {
        Run(jobs[i]);
      }
    } catch (...) {
      errors[worker] = std::current_exception();
      next.store(jobs.size(), std::memory_order_relaxed);  // the others stop early
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& thread : pool) thread.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace

bool IsCompressible(const std::string& path) {
  std::string ext = Extension(path);
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

std::string Gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  gz_header header{};  // mtime 0; no name, comment, extra field or header CRC
  header.os = 3;       // Unix, whatever the machine; zlib's own default varies by platform
  int rc = deflateSetHeader(&zs, &header);
  std::string out;
  const auto* in = reinterpret_cast<const Bytef*>(data.data());
  std::size_t left = data.size();
  std::array<Bytef, 1 << 16> buffer;
  while (rc == Z_OK) {
    if (zs.avail_in == 0) {  // avail_in is 32-bit: feed huge inputs in pieces
      zs.next_in = const_cast<Bytef*>(in);
      zs.avail_in = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
      in += zs.avail_in;
      left -= zs.avail_in;
    }
    zs.next_out = buffer.data();
    zs.avail_out = static_cast<uInt>(buffer.size());
    rc = deflate(&zs, left == 0 ? Z_FINISH : Z_NO_FLUSH);
    out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - zs.avail_out);
  }
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string Brotli(std::string_view data, int quality) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) return {};  // too large to bound
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data()))) {
    return {};
  }
  out.resize(size);
  return out;
}

std::size_t Precompress(OutputTree& tree, unsigned threads) {
  std::vector<Job> jobs;
  for (const auto& [path, bytes] : tree) {
    if (!IsCompressible(path)) continue;
    bool want_gz = tree.count(path + ".gz") == 0, want_br = tree.count(path + ".br") == 0;
    if (want_gz || want_br) jobs.push_back({&path, &bytes, want_gz, want_br, {}, {}});
  }
  // Largest first, so one big page started last does not leave the other threads idle.
  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const Job& a, const Job& b) { return a.bytes->size() > b.bytes->size(); });
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, jobs.size())));
  RunAll(jobs, threads);

  // Inserting never invalidates the pointers in `jobs`: std::map nodes stay put.
  std::size_t added = 0;
  for (Job& job : jobs) {
    std::size_t original = job.bytes->size();
    if (!job.gz.empty() && job.gz.size() < original) added += tree.emplace(*job.path + ".gz", std::move(job.gz)).second;
    if (!job.br.empty() && job.br.size() < original) added += tree.emplace(*job.path + ".br", std::move(job.br)).second;
  }
  return added;
}

}  // namespace keikaku::output
