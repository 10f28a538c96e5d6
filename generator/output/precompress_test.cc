#include "output/precompress.h"

#include <unistd.h>

#include <brotli/decode.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <random>

#include "io/file.h"
#include "output/output_tree.h"
#include "output/site_writer.h"
#include "parallel/parallel.h"

using keikaku::output::Brotli;
using keikaku::output::Gzip;
using keikaku::output::IsCompressible;
using keikaku::output::OutputTree;

namespace {

// The bytes a gzip stream inflates to, or nullopt unless it is exactly one valid stream.
std::optional<std::string> Gunzip(const std::string& gz) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buffer[4096];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
  }
  bool whole = rc == Z_STREAM_END && zs.avail_in == 0;
  inflateEnd(&zs);
  if (!whole) return std::nullopt;
  return out;
}

// The bytes a brotli stream decodes to, given their expected size.
std::optional<std::string> Unbrotli(const std::string& br, std::size_t expected_size) {
  std::string out(expected_size + 1, '\0');  // room for one byte too many, to notice it
  std::size_t size = out.size();
  if (BrotliDecoderDecompress(br.size(), reinterpret_cast<const std::uint8_t*>(br.data()), &size,
                              reinterpret_cast<std::uint8_t*>(out.data())) != BROTLI_DECODER_RESULT_SUCCESS) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

// About `bytes` bytes of repetitive Japanese HTML.
std::string JapaneseHtml(std::size_t bytes) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"ja\"><head><title>計画</title></head><body>\n";
  for (int i = 0; html.size() < bytes; ++i) {
    html += "<p class=\"step\">第" + std::to_string(i) + "段階：東京都の会議で、予算と日程を確認します。</p>\n";
  }
  return html + "</body></html>\n";
}

// About `bytes` bytes of Japanese-looking HTML with a realistic spread of words.
std::string SiteLikeHtml(std::size_t bytes, std::mt19937& rng) {
  static const std::vector<std::string> kChars = {
      "計", "画", "会", "議", "予", "算", "日", "程", "東", "京", "都", "市", "区", "町", "村", "事",
      "業", "年", "度", "報", "告", "書", "資", "料", "担", "当", "者", "確", "認", "作", "成", "変",
      "更", "申", "請", "承", "取", "組", "支", "援", "の", "に", "を", "は", "が", "で", "と", "し",
      "ま", "す", "た", "る", "い", "て", "こ", "れ", "デ", "ジ", "タ", "ル", "シ", "ス", "テ", "ム"};
  std::uniform_int_distribution<std::size_t> pick(0, kChars.size() - 1), length(1, 4);
  std::vector<std::string> words(600);
  for (auto& word : words) {
    for (std::size_t n = length(rng); n > 0; --n) word += kChars[pick(rng)];
  }
  std::geometric_distribution<std::size_t> zipfish(0.02);
  std::string html = "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
                     "<link rel=\"stylesheet\" href=\"/style.css\"><title>計画</title></head>\n"
                     "<body><nav><a href=\"/\">ホーム</a> <a href=\"/plan/\">計画一覧</a></nav><main>\n";
  while (html.size() < bytes) {
    html += "<section id=\"s" + std::to_string(html.size()) + "\"><h2>" + words[zipfish(rng) % words.size()] +
            "</h2>\n<p>";
    for (int w = 0; w < 60; ++w) html += words[zipfish(rng) % words.size()] + (w % 12 == 11 ? "。" : "");
    html += "</p></section>\n";
  }
  return html + "</main><footer>© 2024</footer></body></html>\n";
}

std::string Repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

OutputTree SampleTree() {
  OutputTree tree;
  tree["index.html"] = JapaneseHtml(100'000);
  tree["style.css"] = Repeat("body { margin: 0; font-family: sans-serif; }\n.step { color: #333; }\n", 50);
  tree["app.js"] = Repeat("document.querySelectorAll('.step').forEach((e) => e.classList.add('x'));\n", 40);
  tree["logo.png"] = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(500, '\0');
  tree["a.txt"] = "0123456789";
  tree["old.html.gz"] = Gzip("<p>old</p>");
  return tree;
}

}  // namespace

TEST_CASE("IsCompressible goes by the last component's extension", "[precompress]") {
  for (const char* yes : {"index.html", "plan/index.html", "INDEX.HTML", "style.css", "a/app.js", "mod.mjs",
                          "logo.svg", "data.json", "feed.xml", "robots.txt", "t.csv", "feed.atom",
                          "site.webmanifest", "app.js.map", "STYLE.CSS", "Logo.Svg"}) {
    CAPTURE(yes);
    CHECK(IsCompressible(yes));
  }
  for (const char* no : {"logo.png", "photo.jpg", "p.webp", "f.woff2", "doc.pdf", "index.html.gz",
                         "index.html.br", "page.htm", "README", "dir.html/file", "trailing.", ""}) {
    CAPTURE(no);
    CHECK_FALSE(IsCompressible(no));
  }
}

TEST_CASE("Gzip round-trips with a fixed header", "[precompress]") {
  std::string large = JapaneseHtml(200'000);
  for (const std::string& input : {std::string(), std::string("Hello, keikaku!"), large}) {
    CAPTURE(input.size());
    std::string gz = Gzip(input);
    REQUIRE(gz.size() >= 18);
    CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);
    CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
    CHECK(gz[2] == 8);    // deflate
    CHECK(gz[3] == 0);    // no flags: no name, comment, extra or header CRC
    CHECK(gz.substr(4, 4) == std::string(4, '\0'));  // mtime 0
    CHECK(gz[9] == 3);    // OS: Unix
    CHECK(Gunzip(gz) == input);
    CHECK(Gzip(input) == gz);
  }
  CHECK(Gzip(large).size() < large.size() / 10);
}

TEST_CASE("Brotli round-trips and is deterministic", "[precompress]") {
  std::string large = JapaneseHtml(200'000);
  for (const std::string& input : {std::string(), std::string("Hello, keikaku!"), large}) {
    CAPTURE(input.size());
    std::string br = Brotli(input);
    REQUIRE_FALSE(br.empty());
    CHECK(Unbrotli(br, input.size()) == input);
    CHECK(Brotli(input) == br);
    CHECK(Unbrotli(Brotli(input, 5), input.size()) == input);
  }
  CHECK(Brotli(large).size() < Gzip(large).size());
}

namespace {

// The files SiteWriter writes for `tree` with precompression on, on `threads` threads.
OutputTree WrittenWithVariants(const OutputTree& tree, int threads) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("keikaku-precompress-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(threads));
  fs::remove_all(dir);
  keikaku::output::SiteWriter writer(dir, true);
  keikaku::diag::Diagnostics diags;
  REQUIRE(writer.Open(diags));
  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& file : tree) files.push_back(&file);
  keikaku::parallel::ForEach(files.size(), threads,
                             [&](std::size_t i, int) { writer.Put(files[i]->first, files[i]->second); });
  REQUIRE(writer.Commit(diags));
  OutputTree written;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = e.path().lexically_relative(dir).generic_string();
    if (e.is_regular_file() && rel[0] != '.') written[rel] = *keikaku::io::ReadFile(e.path());
  }
  fs::remove_all(dir);
  return written;
}

}  // namespace

TEST_CASE("the site is written with smaller variants of its text files only", "[precompress]") {
  const OutputTree original = SampleTree();
  OutputTree tree = WrittenWithVariants(original, 2);
  CHECK(tree.size() == original.size() + 6);
  for (const char* path : {"index.html", "style.css", "app.js"}) {
    CAPTURE(path);
    REQUIRE(tree.count(std::string(path) + ".gz") == 1);
    REQUIRE(tree.count(std::string(path) + ".br") == 1);
    CHECK(Gunzip(tree[std::string(path) + ".gz"]) == original.at(path));
    CHECK(Unbrotli(tree[std::string(path) + ".br"], original.at(path).size()) == original.at(path));
  }
  CHECK(tree.count("logo.png.gz") == 0);
  CHECK(tree.count("logo.png.br") == 0);
  CHECK(Gzip(original.at("a.txt")).size() > 10);  // so no a.txt.gz …
  CHECK(Brotli(original.at("a.txt")).size() > 10);  // … and no a.txt.br
  CHECK(tree.count("a.txt.gz") == 0);
  CHECK(tree.count("a.txt.br") == 0);
  CHECK(tree.count("old.html.gz.gz") == 0);  // a compressed file is not compressed again
  CHECK(tree.count("old.html.gz.br") == 0);
  for (const auto& [path, bytes] : original) CHECK(tree.at(path) == bytes);
}

TEST_CASE("the precompressed site is the same whatever the thread count", "[precompress]") {
  OutputTree pages = SampleTree();
  std::mt19937 rng(7);
  for (int i = 0; i < 12; ++i) pages["p" + std::to_string(i) + ".html"] = SiteLikeHtml(3'000 + 2'000 * i, rng);
  OutputTree one = WrittenWithVariants(pages, 1);
  CHECK(one.size() == pages.size() + 6 + 24);
  CHECK(WrittenWithVariants(pages, 4) == one);
}
