// Open data of a plan (plan.json, the CSV files) against the model of the test sites.
#include "export/export.h"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <random>

#include "load/loader.h"
#include "text/json.h"

namespace fs = std::filesystem;
using keikaku::exports::Csv;
using keikaku::exports::ExportFile;
using keikaku::exports::ExportPlan;
using keikaku::exports::MarkdownPlainText;
using keikaku::exports::PlanJson;

namespace {

const fs::path kRoot = KEIKAKU_SOURCE_DIR;

const keikaku::model::Site& LoadTestSite(const std::string& name) {
  static std::map<std::string, keikaku::model::Site> sites;
  auto it = sites.find(name);
  if (it != sites.end()) return it->second;
  keikaku::load::SourceTexts sources;
  keikaku::diag::Diagnostics diags;
  auto site = keikaku::load::LoadSite(kRoot / "tests/sites" / name, sources, diags, false, 1);
  INFO(diags.Format(sources));
  REQUIRE(site);
  return sites.emplace(name, std::move(*site)).first->second;
}

const ExportFile* Find(const std::vector<ExportFile>& files, const std::string& path) {
  for (const ExportFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

// RFC 4180 records of `text` (after the byte order mark), read independently of Csv().
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  std::size_t i = 3;
  while (i < text.size()) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      ++i;
      continue;
    }
    if (c == '"') {
      REQUIRE(field.empty());  // quotes only around a whole field
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      REQUIRE(text.substr(i, 2) == "\r\n");  // CRLF, never a lone CR
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      REQUIRE(c != '\n');  // a bare LF only inside quotes
      field += c;
    }
    ++i;
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(field.empty());
  REQUIRE(row.empty());  // the last record ends with CRLF
  return rows;
}

std::size_t CountScheduleRows(const std::vector<keikaku::model::ScheduleRow>& rows) {
  std::size_t n = 0;
  for (const auto& r : rows) n += 1 + CountScheduleRows(r.rows);
  return n;
}

}  // namespace

TEST_CASE("JsonWriter writes indented, valid JSON", "[export]") {
  keikaku::text::JsonWriter w;
  w.BeginObject();
  w.Key("a").BeginArray().Int(1).Number(2.5).Number(1e300 * 1e300).Bool(true).Null().EndArray();
  w.Key("empty").BeginObject().EndObject();
  w.Key("none").BeginArray().EndArray();
  w.Key("s").String("\"改行\n\"");
  w.EndObject();
  CHECK(w.Take() ==
        "{\n  \"a\": [\n    1,\n    2.5,\n    null,\n    true,\n    null\n  ],\n  \"empty\": {},\n  \"none\": [],\n"
        "  \"s\": \"\\\"改行\\n\\\"\"\n}\n");
}

// Every byte that needs an escape, at the start, between runs of plain text and at the end.
TEST_CASE("JSON strings escape quotes, backslashes, control characters and markup", "[export]") {
  CHECK(keikaku::text::JsonString("") == "\"\"");
  CHECK(keikaku::text::JsonString("計画") == "\"計画\"");
  CHECK(keikaku::text::JsonString("\"a\\b\tc\r\n<b>&amp;\x01") ==
        "\"\\\"a\\\\b\\tc\\r\\n\\u003cb\\u003e\\u0026amp;\\u0001\"");
  CHECK(keikaku::text::JsonString("<<改行\x1f") == "\"\\u003c\\u003c改行\\u001f\"");
  // Long runs are looked at sixteen bytes at a time: an escape anywhere in one, on either
  // side of its edges, with bytes from 0x80 (which need none) around it.
  std::mt19937 random(16);
  const std::string alphabet = std::string("aZ 計\x7f\x80\xff\"\\<>&\n\x01\x1f") + '\0';
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (std::size_t k = random() % 70; k > 0; --k) text += alphabet[random() % alphabet.size()];
    std::string expected = "\"";
    for (unsigned char c : text) {
      static const char kHex[] = "0123456789abcdef";
      if (c == '"') expected += "\\\"";
      else if (c == '\\') expected += "\\\\";
      else if (c == '\n') expected += "\\n";
      else if (c == '\r') expected += "\\r";
      else if (c == '\t') expected += "\\t";
      else if (c < 0x20 || c == '<' || c == '>' || c == '&') expected += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
      else expected += static_cast<char>(c);
    }
    expected += '"';
    REQUIRE(keikaku::text::JsonString(text) == expected);
  }
}

TEST_CASE("Csv quotes as RFC 4180 says, with a BOM and CRLF", "[export]") {
  std::string csv = Csv({{"番号", "施策"}, {"a,b", "say \"hi\""}, {"two\nlines", "plain"}, {"", "cr\rx"}});
  CHECK(csv == "\xEF\xBB\xBF番号,施策\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",plain\r\n,\"cr\rx\"\r\n");
  auto rows = ParseCsv(csv);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == std::vector<std::string>{"a,b", "say \"hi\""});
  CHECK(rows[2] == std::vector<std::string>{"two\nlines", "plain"});
  CHECK(rows[3] == std::vector<std::string>{"", "cr\rx"});
}

TEST_CASE("MarkdownPlainText keeps the words a reader sees", "[export]") {
  keikaku::model::Markdown md;
  md.text = "**重要**な{町民|ちょうみん}の[[DX]]と[リンク](https://example.jp/) & `<x>`\n\n- 一つ目\n- 二つ目";
  CHECK(MarkdownPlainText(md) == "重要な町民のDXとリンク & <x>\n一つ目\n二つ目");
}

TEST_CASE("plan.json of the components site parses and holds the model", "[export]") {
  const auto& site = LoadTestSite("components");
  REQUIRE(site.plans.size() == 1);
  const auto& plan = site.plans.front();
  const std::string json = PlanJson(site, plan);
  CHECK(json == PlanJson(site, plan));  // deterministic
  YAML::Node doc = YAML::Load(json);    // JSON is YAML 1.2 (flow style)
  REQUIRE(doc.IsMap());
  CHECK(doc["schema"].as<std::string>() == "https://keikaku.example/schema/plan-v1.json");
  CHECK(doc["schema_version"].as<int>() == 1);
  CHECK(doc["generated_by"].as<std::string>() == "keikaku");
  CHECK(doc["license"]["name"].as<std::string>() == "CC BY 4.0");  // the fixture's site.yaml
  CHECK(doc["slug"].as<std::string>() == plan.slug);
  CHECK(doc["title"].as<std::string>() == plan.title);
  CHECK(doc["municipality"]["name"].as<std::string>() == plan.municipality.name);
  REQUIRE(doc["chapters"].size() == plan.chapters.size());

  // Every block is there with its type, in order.
  std::vector<std::string> types;
  std::function<void(const YAML::Node&)> walk = [&](const YAML::Node& holder) {
    for (const auto& b : holder["blocks"]) types.push_back(b["type"].as<std::string>());
    for (const auto& s : holder["sections"]) walk(s);
  };
  for (const auto& c : doc["chapters"]) walk(c);
  std::vector<std::string> expected;
  keikaku::model::ForEachBlock(plan, [&](const keikaku::model::Block& b) {
    static const char* kNames[] = {"markdown", "figure",     "table",      "callout",    "measures",
                                   "schedule", "organization", "statistics", "references", "terms"};
    expected.push_back(kNames[b.index()]);
  });
  CHECK(types == expected);

  // Measures: the list items and the measure section, with anchors and URLs.
  const YAML::Node measures = doc["measures"];
  REQUIRE(measures.size() == 5);  // four list items, one measure section
  CHECK(measures[0]["url"].as<std::string>() == plan.chapters[0].slug + ".html#online-procedures");
  CHECK(measures[0]["priority"].as<bool>());
  CHECK(measures[4]["priority"].as<bool>() == false);
  CHECK(measures[4]["anchor"].as<std::string>() == plan.chapters[0].sections[2].sections[0].id);
  const YAML::Node first = doc["chapters"][0]["sections"][0]["blocks"];
  bool found = false;
  for (const auto& b : first) {
    if (b["type"].as<std::string>() != "measures") continue;
    found = true;
    CHECK(b["items"][0]["id"].as<std::string>() == "online-procedures");
    CHECK(b["items"][0]["anchor"].as<std::string>() == "online-procedures");
  }
  CHECK(found);

  // The schedule: fiscal years in both forms, milestones, measure references.
  const YAML::Node schedule = doc["chapters"][1]["sections"][0]["blocks"][0];
  REQUIRE(schedule["type"].as<std::string>() == "schedule");
  CHECK(schedule["from"].as<int>() == 2024);
  CHECK(schedule["from_wareki"].as<std::string>() == "令和6年度");
  CHECK(schedule["to"].as<int>() == 2028);
  const YAML::Node online = schedule["rows"][0];
  CHECK(online["measure"].as<std::string>() == "online-procedures");
  CHECK(online["measure_url"].as<std::string>() == plan.chapters[0].slug + ".html#online-procedures");
  CHECK(online["from"].IsNull());
  const YAML::Node accept = online["rows"][1];
  CHECK(accept["from"].as<int>() == 2025);
  CHECK(accept["continues"].as<bool>());
  CHECK(accept["milestones"][0]["year"].as<int>() == 2026);
  CHECK(accept["milestones"][0]["label"].as<std::string>() == "主な手続の半数を受付");
  CHECK(schedule["rows"][3]["text"].as<std::string>() == "随時（令和7年度に全面改定）");

  // Organization and statistics.
  const YAML::Node org = doc["chapters"][1]["sections"][1]["blocks"][0];
  CHECK(org["type"].as<std::string>() == "organization");
  CHECK(org["roles"][0]["assignee"].as<std::string>() == "副町長");
  CHECK(org["units"][0]["units"][0]["units"][1]["name"].as<std::string>() == "システム部会");
  const YAML::Node stats = doc["chapters"][1]["sections"][2]["blocks"][0];
  CHECK(stats["type"].as<std::string>() == "statistics");
  CHECK(stats["categories"].size() == 4);
  CHECK(stats["series"][0]["values"][0].as<double>() == 48.5);
  CHECK(stats["series"][1]["name"].as<std::string>() == "令和5年度");
  CHECK(doc["chapters"][1]["sections"][2]["blocks"][1]["series"][0]["values"][3].as<std::string>() == "27005");
}

TEST_CASE("the components site's CSV files have a row per measure and schedule item", "[export]") {
  const auto& site = LoadTestSite("components");
  const auto& plan = site.plans.front();
  auto files = ExportPlan(site, plan);
  REQUIRE(Find(files, "data/plan.json"));
  CHECK_FALSE(Find(files, "data/glossary.csv"));  // the fixture has no glossary

  const ExportFile* measures = Find(files, "data/measures.csv");
  REQUIRE(measures);
  CHECK(measures->type == "CSV");
  auto rows = ParseCsv(measures->bytes);
  REQUIRE(rows.size() == 1 + 5);
  CHECK(rows[0] == std::vector<std::string>{"番号", "施策", "基本方針等", "重点", "担当所属", "関係所属", "実施時期",
                                            "目標", "URL"});
  for (const auto& r : rows) CHECK(r.size() == rows[0].size());
  CHECK(rows[1] == std::vector<std::string>{"施策1", "行政手続のオンライン化", "1.1 基本方針1 暮らしのDX", "重点", "住民課",
                                            "総務課、健康福祉課", "令和6年度から令和10年度まで",
                                            "令和10年度の目標: 主な手続の80％をオンラインで受け付ける",
                                            plan.chapters[0].slug + ".html#online-procedures"});

  const ExportFile* schedules = Find(files, "data/schedules.csv");
  REQUIRE(schedules);
  rows = ParseCsv(schedules->bytes);
  std::size_t items = 0;
  keikaku::model::ForEachBlock(plan, [&](const keikaku::model::Block& b) {
    if (const auto* s = std::get_if<keikaku::model::Schedule>(&b)) items += CountScheduleRows(s->rows);
  });
  REQUIRE(rows.size() == 1 + items);
  CHECK(rows[0][0] == "スケジュール");
  // 電子申請の受付: under 行政手続のオンライン化, from R7, continuing, one milestone.
  CHECK(rows[3] == std::vector<std::string>{"取組のスケジュール", "2", "行政手続のオンライン化", "電子申請の受付", "2025",
                                            "令和7年度", "", "", "継続", "令和8年度（2026年度）: 主な手続の半数を受付", "", "",
                                            ""});
  CHECK(rows[1][11] == "online-procedures");
  CHECK(rows[1][12] == plan.chapters[0].slug + ".html#online-procedures");
  CHECK(rows[6][10] == "随時（令和7年度（2025年度）に全面改定）");
}

TEST_CASE("the basic site's glossary.csv lists the plan's own terms", "[export]") {
  const auto& site = LoadTestSite("basic");
  const auto& plan = site.plans.front();
  auto files = ExportPlan(site, plan);
  std::size_t own = 0;
  for (const auto& e : plan.glossary) own += e.shared ? 0 : 1;
  REQUIRE(own > 0);
  const ExportFile* glossary = Find(files, "data/glossary.csv");
  REQUIRE(glossary);
  auto rows = ParseCsv(glossary->bytes);
  REQUIRE(rows.size() == 1 + own);
  CHECK(rows[0] == std::vector<std::string>{"用語", "よみ", "別名", "正式名称", "説明", "URL"});
  YAML::Node doc = YAML::Load(PlanJson(site, plan));
  REQUIRE(doc["glossary"].size() == own);
  for (std::size_t i = 0; i < own; ++i) {
    CHECK(doc["glossary"][i]["term"].as<std::string>() == rows[i + 1][0]);
    CHECK(rows[i + 1][4].find('[') == std::string::npos);  // plain text, no Markdown links
  }
  CHECK(doc["title"].as<std::string>() == plan.title);
  if (plan.established) CHECK(doc["established"]["iso"].as<std::string>() == keikaku::text::FormatIso(*plan.established));
}

TEST_CASE("the data license of site.yaml is in plan.json", "[export]") {
  keikaku::model::Site site = LoadTestSite("basic");
  CHECK(YAML::Load(PlanJson(site, site.plans.front()))["license"].IsNull());
  site.data_license = keikaku::model::DataLicense{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.ja"};
  YAML::Node doc = YAML::Load(PlanJson(site, site.plans.front()));
  CHECK(doc["license"]["name"].as<std::string>() == "CC BY 4.0");
  CHECK(doc["license"]["url"].as<std::string>() == "https://creativecommons.org/licenses/by/4.0/deed.ja");
}
