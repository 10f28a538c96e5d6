// Fidelity: every sentence of each source plan (tests/fixtures/source-plans/SLUG.txt)
// appears in the text of that plan's built pages, normalised for PDF artefacts. Lines that
// are not content and corrected extraction errors are listed, each with its reason, in
// tests/fidelity/SLUG.yaml; an exception that no longer matches anything is an error too.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "pipeline/build.h"

namespace fs = std::filesystem;

namespace {

// KEIKAKU_ROOT points the test at another checkout (a converter's work tree) without a rebuild.
const fs::path kRoot = std::getenv("KEIKAKU_ROOT") ? std::getenv("KEIKAKU_ROOT") : KEIKAKU_SOURCE_DIR;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// NFKC, all white space removed, ※ reference marks removed.
std::string Normalise(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = nfkc->normalize(icu::UnicodeString::fromUTF8(s), status);
  icu::UnicodeString compact;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (!u_isUWhiteSpace(c)) compact.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  compact.toUTF8String(out);
  static const std::regex marks("【※[0-9]+】|\\^\\{※[0-9]+\\}|※[0-9]+");
  return std::regex_replace(out, marks, "");
}

// The page text without the 西暦 that keikaku adds after a 和暦 date in a schedule's words
// (text::WithSeireki: 「令和5年度～実施」 is shown 「令和5年度（2023年度）～実施」). None of the
// source plans writes a 西暦 in this form itself.
std::string WithoutAddedSeireki(const std::string& normalised) {
  static const std::regex added("\\([0-9]{4}年(度|[0-9]{1,2}月([0-9]{1,2}日)?)?\\)");
  return std::regex_replace(normalised, added, "");
}

std::string DecodeEntities(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    std::string entity = semi == std::string::npos ? "" : s.substr(i + 1, semi - i - 1);
    const char* plain = entity == "amp" ? "&" : entity == "lt" ? "<" : entity == "gt" ? ">"
                      : entity == "quot" ? "\"" : entity == "#39" ? "'" : nullptr;
    if (plain) {
      out += plain;
      i = semi;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The visible text of a page without readings: tags and the contents of rt, rp, head,
// script, style and visually hidden spans removed, entities decoded. (A hand-written scan: std::regex recurses per character and
// overflows the stack on a long page.)
std::string PageText(const std::string& html) {
  static const char* const kHidden[] = {"rt", "rp", "head", "script", "style"};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      out += html[i++];
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string::npos) break;
    std::string name = html.substr(i + 1, html.find_first_of(" >", i + 1) - i - 1);
    // 「（用語解説）」 and the kana a screen reader reads for a name
    static const std::string kHiddenSpans[] = {"<span class=\"vh\">", "<span class=\"kana-sr\">"};
    bool visually_hidden = false;
    for (const std::string& span : kHiddenSpans) visually_hidden = visually_hidden || html.compare(i, span.size(), span) == 0;
    i = close + 1;
    out += ' ';
    if (visually_hidden) {
      std::size_t end = html.find("</span>", i);
      i = end == std::string::npos ? html.size() : end + 7;
      continue;
    }
    for (const char* hidden : kHidden) {
      if (name == hidden) {
        std::size_t end = html.find("</" + name + ">", i);
        i = end == std::string::npos ? html.size() : end + name.size() + 3;
        break;
      }
    }
  }
  return DecodeEntities(out);
}

// Pieces of one source line: markers stripped, split at tabs and after each 。.
std::vector<std::string> Pieces(std::string line) {
  static const std::regex markers("^\\s*(#+\\s*|[-*]\\s+)");
  static const std::regex tags("</?p>|<br\\s*/?>");
  line = std::regex_replace(std::regex_replace(line, markers, ""), tags, "\t");
  std::vector<std::string> pieces;
  std::string current;
  auto flush = [&] {
    std::string n = Normalise(current);
    if (!n.empty()) pieces.push_back(n);
    current.clear();
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\t') {
      flush();
      continue;
    }
    current += line[i];
    if (line.compare(i, 3, "。") == 0) {
      current += line.substr(i + 1, 2);
      i += 2;
      flush();
    }
  }
  flush();
  return pieces;
}

struct Result {
  int pieces = 0, found = 0, exceptions = 0;
  std::vector<std::string> missing, stale;
};

Result Check(const std::string& slug, const keikaku::output::OutputTree& tree) {
  std::string site_text;
  for (const auto& [path, bytes] : tree) {
    if (path.rfind(slug + "/", 0) == 0 && path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) {
      site_text += WithoutAddedSeireki(Normalise(PageText(bytes)));
    }
  }
  YAML::Node exceptions = YAML::LoadFile((kRoot / "tests/fidelity" / (slug + ".yaml")).string());
  Result r;
  std::vector<std::string> lines;
  {
    std::istringstream in(Slurp(kRoot / "tests/fixtures/source-plans" / (slug + ".txt")));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::vector<bool> skipped(lines.size() + 1, false);
  for (const YAML::Node& s : exceptions["skip"]) {
    ++r.exceptions;
    REQUIRE(s["reason"]);
    bool used = false;
    if (s["lines"]) {
      int from = s["lines"][0].as<int>(), to = s["lines"][1].as<int>();
      for (int i = from; i <= to && i <= static_cast<int>(lines.size()); ++i) skipped[i] = used = true;
    } else {
      std::string text = s["text"].as<std::string>();
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = lines[i];
        t.erase(0, t.find_first_not_of(" \t"));
        t.erase(t.find_last_not_of(" \t\r") + 1);
        if (t == text) skipped[i + 1] = used = true;
      }
      if (!used) r.stale.push_back("skip text: " + text);
    }
  }
  for (const YAML::Node& x : exceptions["replace"]) {
    ++r.exceptions;
    REQUIRE(x["reason"]);
    std::string from = x["from"].as<std::string>(), to = x["to"].as<std::string>();
    bool used = false;
    for (std::string& line : lines) {
      for (std::size_t at = line.find(from); at != std::string::npos; at = line.find(from, at + to.size())) {
        line.replace(at, from.size(), to);
        used = true;
      }
    }
    if (!used) r.stale.push_back("replace from: " + from);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (skipped[i + 1]) continue;
    for (const std::string& piece : Pieces(lines[i])) {
      ++r.pieces;
      if (site_text.find(piece) != std::string::npos) {
        ++r.found;
      } else {
        r.missing.push_back(std::to_string(i + 1) + ": " + piece);
      }
    }
  }
  return r;
}

}  // namespace

TEST_CASE("every sentence of each source plan is in the built site", "[fidelity]") {
  keikaku::pipeline::BuildOptions options;
  options.source = kRoot / "content";
  keikaku::output::OutputTree tree;
  keikaku::load::SourceTexts sources;
  keikaku::diag::Diagnostics diags;
  keikaku::render::Stats stats;
  bool built = keikaku::pipeline::RenderToTree(options, tree, stats, sources, diags);
  INFO(diags.Format(sources));
  REQUIRE(built);
  // The bundled content is the editors' example: no warnings (every glossary entry is used,
  // every reading is hiragana).
  CHECK(diags.warning_count() == 0);
  // Every source plan must be converted: its folder in content/plans/ and an exceptions file.
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "tests/fixtures/source-plans")) {
    std::string slug = entry.path().stem().string();
    if (!fs::is_directory(kRoot / "content/plans" / slug)) FAIL(slug << ": the source plan has no content/plans/" << slug << "/");
    ++checked;
    if (!fs::is_regular_file(kRoot / "tests/fidelity" / (slug + ".yaml"))) FAIL(slug << " needs tests/fidelity/" << slug << ".yaml");
    Result r = Check(slug, tree);
    std::cout << "fidelity " << slug << ": " << r.found << "/" << r.pieces << " pieces found ("
              << (r.pieces ? 100.0 * r.found / r.pieces : 0.0) << " %), " << r.exceptions << " exceptions\n";
    std::string missing;
    for (const std::string& m : r.missing) missing += "  missing at source line " + m + "\n";
    for (const std::string& s : r.stale) missing += "  exception matches nothing: " + s + "\n";
    INFO(slug << ":\n" << missing);
    CHECK(r.pieces > 20);
    CHECK(r.missing.empty());
    CHECK(r.stale.empty());
  }
  CHECK(checked == 4);
  std::cout << "fidelity: " << checked << " plans checked\n";
}
