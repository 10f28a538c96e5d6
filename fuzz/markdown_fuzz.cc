// fuzz_markdown: markdown::Render with keikaku's extensions on any bytes: ruby {漢字|かんじ}
// and 漢字《かんじ》, glossary references [[用語]] / [[用語|表示]] with a glossary, automatic
// term links (text::TermMatcher), the readings file's names and automatic furigana (MeCab),
// soft breaks next to Japanese, heading offsets, unwrapped paragraphs, attachment labels.
// Options come from the last bytes of the input (FuzzedDataProvider), the Markdown from the
// rest, so seed files stay Markdown. Invariants (markdown.h: "Raw HTML is never passed
// through"):
//   - every tag in the output is one cmark-gfm or keikaku writes (text is always escaped);
//   - no link or image address runs script (javascript:, vbscript:, data: other than images);
//   - the output is valid UTF-8 when the input was;
//   - every finding is at a line of the text;
//   - markdown::Links gives offsets inside the text.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "furigana/annotator.h"
#include "furigana/morphology.h"
#include "markdown/markdown.h"
#include "text/term_matcher.h"
#include "text/utf8.h"

namespace {

using keikaku::markdown::TermLink;

const std::vector<std::string> kTerms = {"DX", "CIO", "ICT", "デジタル・トランスフォーメーション", "行政",
                                         "計画", "用語", "a", "AI", "オープンデータ"};

const std::set<std::string> kAllowedTags = {
    "p",     "h1",    "h2",    "h3",    "h4",      "h5",  "h6",  "ul",   "ol", "li", "blockquote", "pre",
    "code",  "hr",    "br",    "em",    "strong",  "del", "a",   "img",  "table", "thead", "tbody", "tr",
    "th",    "td",    "section", "sup", "span",    "ruby", "rt", "rp"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The address a browser would follow for an attribute value: character references decoded,
// leading and trailing spaces and controls stripped, tabs and line breaks removed.
std::string BrowserUrl(std::string_view value) {
  std::string decoded;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '&') {
      std::size_t semi = value.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view ref = value.substr(i + 1, semi - i - 1);
        long code = -1;
        if (ref == "amp") code = '&';
        else if (ref == "quot") code = '"';
        else if (ref == "lt") code = '<';
        else if (ref == "gt") code = '>';
        else if (!ref.empty() && ref[0] == '#') {
          std::string digits(ref.substr(1));
          bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
          code = std::strtol(digits.c_str() + (hex ? 1 : 0), nullptr, hex ? 16 : 10);
        }
        if (code >= 0 && code < 0x110000) {
          keikaku::text::AppendUtf8(decoded, static_cast<char32_t>(code));
          i = semi;
          continue;
        }
      }
    }
    decoded += value[i];
  }
  std::string out;
  for (char c : decoded) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  std::size_t b = 0, e = out.size();
  while (b < e && static_cast<unsigned char>(out[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(out[e - 1]) <= 0x20) --e;
  return Lower(out.substr(b, e - b));
}

void CheckUrl(const std::string& tag, const std::string& attribute, std::string_view value, const std::string& html) {
  std::string url = BrowserUrl(value);
  auto starts = [&](const char* p) { return url.rfind(p, 0) == 0; };
  FUZZ_CHECK(!starts("javascript:") && !starts("vbscript:"), "script URL in output", url, html);
  if (starts("data:")) {
    bool image = tag == "img" && attribute == "src" &&
                 (starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") ||
                  starts("data:image/webp"));
    FUZZ_CHECK(image, "data: URL in output", url, html);
  }
}

// Every '<' starts a known tag; attribute values that hold addresses are safe.
void CheckHtml(const std::string& html) {
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    std::size_t p = i + 1;
    if (p < html.size() && html[p] == '/') ++p;
    std::size_t name_start = p;
    while (p < html.size() && std::isalnum(static_cast<unsigned char>(html[p]))) ++p;
    std::string tag = Lower(std::string_view(html).substr(name_start, p - name_start));
    FUZZ_CHECK(kAllowedTags.count(tag), "unexpected tag in output", html.substr(i, 40), html);
    std::size_t close = html.find('>', p);
    FUZZ_CHECK(close != std::string::npos, "tag not closed", html.substr(i, 40), html);
    // Attributes: name="value" (cmark-gfm and keikaku always quote with ").
    std::string_view attrs = std::string_view(html).substr(p, close - p);
    for (std::size_t a = 0; a < attrs.size();) {
      std::size_t eq = attrs.find("=\"", a);
      if (eq == std::string_view::npos) break;
      std::size_t name_begin = attrs.find_last_of(" \t\n", eq);
      name_begin = name_begin == std::string_view::npos ? 0 : name_begin + 1;
      std::string attribute = Lower(attrs.substr(name_begin, eq - name_begin));
      std::size_t end = attrs.find('"', eq + 2);
      FUZZ_CHECK(end != std::string_view::npos, "attribute value not closed", html.substr(i, 80), html);
      if (attribute == "href" || attribute == "src") CheckUrl(tag, attribute, attrs.substr(eq + 2, end - eq - 2), html);
      a = end + 1;
    }
    i = close;
  }
}

keikaku::furigana::Morphology* Mecab() {
  static std::unique_ptr<keikaku::furigana::Morphology> morphology = [] {
    std::string error;
    auto m = keikaku::furigana::Morphology::Open(keikaku::furigana::Morphology::DefaultDictionary(), error);
    if (!m) std::fprintf(stderr, "fuzz_markdown: no MeCab (%s): automatic furigana not fuzzed\n", error.c_str());
    return m;
  }();
  return morphology.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  const std::uint8_t flags = fdp.ConsumeIntegral<std::uint8_t>();
  const std::uint8_t more = fdp.ConsumeIntegral<std::uint8_t>();
  keikaku::model::Markdown md;
  md.text = fdp.ConsumeRemainingBytesAsString();
  md.pos = {"fuzz.yaml", 1, 1};

  keikaku::markdown::Options options;
  options.unwrap_paragraph = flags & 1;
  options.heading_offset = (flags >> 1) % 7;  // 0–6
  options.id_prefix = (flags & 8) ? "c1-" : "";
  int references = 0;
  if (flags & 16) {
    options.term_link = [&references](const std::string& term) -> std::optional<TermLink> {
      if (std::find(kTerms.begin(), kTerms.end(), term) == kTerms.end()) return std::nullopt;
      return TermLink{"glossary.html#term-" + std::to_string(term.size()), "ref-" + std::to_string(++references)};
    };
    options.known_terms = &kTerms;
  }
  static const keikaku::text::TermMatcher matcher(kTerms);
  std::set<std::string> linked;
  if (flags & 32) {
    options.auto_terms = &matcher;
    options.auto_link = [&linked, every = (more & 1) != 0](const std::string& name) -> std::optional<TermLink> {
      if (!every && !linked.insert(name).second) return std::nullopt;
      return TermLink{"glossary.html#t", ""};
    };
  }
  std::unique_ptr<keikaku::furigana::Annotator> annotator;
  if (flags & 64) {
    annotator = std::make_unique<keikaku::furigana::Annotator>(
        std::vector<keikaku::furigana::KnownReading>{{"勝央町", "しょうおうちょう"}, {"高梁市", "たかはしし"},
                                                     {"大多喜町", "おおたきまち"}, {"町", "まち"}},
        std::vector<keikaku::furigana::KnownReading>{{"行政", "ぎょうせい"}, {"位置付け", "いちづけ"},
                                                     {"計画", "けいかく"}},
        Mecab());
    options.annotator = annotator.get();
    if (flags & 128) options.auto_grade = (more >> 1) % 8;  // 0–6, kJoyo (7)
  }
  options.attachment_size = [](const std::string& url) -> std::optional<std::uintmax_t> {
    if (url.size() % 3 == 0) return std::nullopt;
    return static_cast<std::uintmax_t>(url.size()) * 123457u;
  };

  keikaku::diag::Diagnostics diags;
  keikaku::markdown::Fragment fragment = keikaku::markdown::Render(md, options, diags);

  CheckHtml(fragment.html);
  if (keikaku::text::IsValidUtf8(md.text)) {
    FUZZ_CHECK(keikaku::text::IsValidUtf8(fragment.html), "output is not UTF-8", fragment.html);
  }
  const int lines = 1 + static_cast<int>(std::count(md.text.begin(), md.text.end(), '\n'));
  for (const keikaku::diag::Diagnostic& d : diags.items()) {
    FUZZ_CHECK(d.pos.line >= 1 && d.pos.line <= lines && d.pos.column >= 1, "finding outside the text", d.rule,
               d.message);
  }
  for (const std::string& term : fragment.terms) FUZZ_CHECK(!term.empty(), "empty glossary reference", md.text);

  for (const keikaku::markdown::Link& link : keikaku::markdown::Links(md)) {
    FUZZ_CHECK(link.offset <= md.text.size(), "link offset outside the text", link.url);
    keikaku::markdown::DocumentType(link.url);
  }
  return 0;
}
