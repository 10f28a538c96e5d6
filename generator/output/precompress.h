// Precompressed variants (.gz, .br) of the built site's text files, for nginx's
// gzip_static / brotli_static or Apache's content negotiation (written by SiteWriter).
#ifndef KEIKAKU_OUTPUT_PRECOMPRESS_H_
#define KEIKAKU_OUTPUT_PRECOMPRESS_H_

#include <cstddef>
#include <string>
#include <string_view>


namespace keikaku::output {

/// Whether `path` names a text file worth precompressing, judged by the extension of its
/// last component, case-insensitively: html css js mjs svg json xml txt csv atom
/// webmanifest map.
bool IsCompressible(const std::string& path);

/// gzip (RFC 1952) at level 9 with a fixed header: mtime 0, no file name, OS byte 3 (Unix,
/// as `gzip -n` writes on Linux), so the bytes depend only on `data` (and zlib's version).
/// Empty on failure, which a gzip stream never is.
std::string Gzip(std::string_view data);

/// Brotli (RFC 7932) at `quality` (0–11), text mode, default window. Deterministic for a
/// given brotli version. Empty on failure, which a brotli stream never is.
std::string Brotli(std::string_view data, int quality = 11);

}  // namespace keikaku::output

#endif  // KEIKAKU_OUTPUT_PRECOMPRESS_H_
