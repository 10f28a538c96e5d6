#include "output/precompress.h"

#include "output/output_tree.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace keikaku::output {

namespace {

constexpr std::array<std::string_view, 12> kExtensions = {
    "html", "css", "js", "mjs", "svg", "json", "xml", "txt", "csv", "atom", "webmanifest", "map"};

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

}  // namespace keikaku::output
