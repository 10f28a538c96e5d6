#include "schema/schema.h"

#include <deque>

#include "model/model.h"

namespace keikaku::schema {

const Field* Type::FindField(const std::string& key) const {
  for (const Field& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::vector<std::string> Type::Keys() const {
  std::vector<std::string> keys;
  for (const Field& f : fields) keys.push_back(f.key);
  return keys;
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kString: return "文字列";
    case Kind::kMarkdown: return "文章（Markdown）";
    case Kind::kInteger: return "整数";
    case Kind::kNumber: return "数値";
    case Kind::kBoolean: return "true または false";
    case Kind::kDate: return "日付";
    case Kind::kFiscalYear: return "年度";
    case Kind::kList: return "リスト";
    case Kind::kRecord: return "キーと値の組（マップ）";
  }
  return "";
}

namespace {

// Owns every Type; built once by ContentSchema().
class Builder {
 public:
  Type* Make(std::string name, Kind kind, std::string doc = {}) {
    types_.push_back(Type{});
    Type* t = &types_.back();
    t->name = std::move(name);
    t->kind = kind;
    t->doc = std::move(doc);
    return t;
  }
  Type* ListOf(const Type* item, std::string name = {}) {
    Type* t = Make(name.empty() ? item->name + "-list" : std::move(name), Kind::kList);
    t->item = item;
    return t;
  }

 private:
  std::deque<Type> types_;  // deque: stable addresses
};

Field Req(std::string key, const Type* type, std::string doc) {
  return Field{std::move(key), type, true, std::move(doc)};
}
Field Opt(std::string key, const Type* type, std::string doc) {
  return Field{std::move(key), type, false, std::move(doc)};
}

Schema Build(Builder& b) {
  const Type* str = b.Make("string", Kind::kString);
  const Type* md = b.Make("markdown", Kind::kMarkdown);
  const Type* integer = b.Make("integer", Kind::kInteger);
  const Type* number = b.Make("number", Kind::kNumber);
  const Type* boolean = b.Make("boolean", Kind::kBoolean);
  const Type* date = b.Make("date", Kind::kDate, "日付。2021-10、2021-10-01、令和3年10月 など");
  const Type* fiscal = b.Make("fiscal-year", Kind::kFiscalYear, "年度。2023、令和5年度、R5 など");
  const Type* strings = b.ListOf(str, "string-list");
  const Type* numbers = b.ListOf(number, "number-list");

  // Furigana.
  Type* auto_furigana = b.Make("auto-furigana", Kind::kString,
                               "自動ふりがな: off（付けない）、all（すべての漢字の語）、1〜6（その学年までに習う漢字だけの語には付けない）、joyo（常用漢字だけの語には付けない）");
  auto_furigana->choices = {"off", "all", "1", "2", "3", "4", "5", "6", "joyo"};
  Type* site_furigana = b.Make("site-furigana", Kind::kRecord, "ふりがなの設定");
  site_furigana->fields = {
      Opt("shown", boolean, "ふりがなを最初から表示するか（既定: true）。読む人は各ページの「ふりがな」ボタンで切り替えられる"),
      Opt("auto", auto_furigana, "自動ふりがな（既定: off）。計画や章ごとにも設定できる"),
      Opt("readings", str, "いつも読みを付ける名前（地名・人名など）のファイル"),
  };
  Type* page_furigana = b.Make("page-furigana", Kind::kRecord, "ふりがなの設定");
  page_furigana->fields = {Opt("auto", auto_furigana, "自動ふりがな（書かなければ上の設定のまま）")};

  // Accessibility statement.
  Type* accessibility = b.Make("accessibility", Kind::kRecord, "ウェブアクセシビリティ方針のページ");
  accessibility->fields = {
      Opt("target", str, "目標とする適合レベル（既定: JIS X 8341-3:2016 の適合レベル AA に準拠）"),
      Opt("results", str, "試験結果のファイル（scripts/a11y-results.sh がブラウザで全ページを試験して書く）"),
      Opt("exceptions", str, "対象外とするもの（例: 外部サイトの PDF）"),
      Opt("contact", str, "お気付きの点の連絡先"),
  };

  // License of the open data files.
  Type* data_license = b.Make("data-license", Kind::kRecord, "オープンデータ（各計画の data/ のファイル）のライセンス");
  data_license->fields = {
      Req("name", str, "ライセンスの名前（例: CC BY 4.0）"),
      Opt("url", str, "ライセンスの説明のアドレス（例: https://creativecommons.org/licenses/by/4.0/deed.ja）"),
  };

  // Site.
  Type* site = b.Make("site", Kind::kRecord, "サイト全体の設定（content/site.yaml）");
  site->fields = {
      Req("title", str, "サイトの名前"),
      Opt("description", str, "サイトの説明（検索結果などに表示）"),
      Opt("base_path", str, "サイトを置く場所のパス（例: /keikaku/）。404 ページのリンクに使う"),
      Opt("base_url", str, "公開URL（例: https://www.town.example.jp/keikaku/）"),
      Opt("plans", strings, "計画を並べる順（フォルダ名）。書かなければフォルダ名の順"),
      Opt("glossary", str, "どの計画からも使える共通の用語集のファイル（計画の用語集に同じ用語があればそちらを使う）"),
      Opt("furigana", site_furigana, "ふりがな"),
      Opt("accessibility", accessibility, "ウェブアクセシビリティ方針のページ"),
      Opt("data_license", data_license, "オープンデータ（計画ごとの JSON・CSV）のライセンス。計画の概要のページのダウンロードの横と plan.json に示す"),
  };

  // Blocks.
  Type* figure = b.Make("figure", Kind::kRecord, "図表");
  figure->fields = {
      Opt("number", str, "図表番号（例: 図表-1）"),
      Req("caption", str, "図表の題"),
      Opt("image", str, "画像ファイル（計画フォルダからの相対パス）"),
      Opt("alt", str, "画像の代替テキスト"),
      Opt("description", md, "図の内容を文章で説明（画像がない場合は必須）"),
      Opt("source", str, "出典（例: 総務省 HP）"),
  };
  Type* cell_map = b.Make("table-cell", Kind::kRecord, "表のセル");
  cell_map->scalar_form = md;
  cell_map->fields = {
      Req("text", md, "セルの内容（Markdown）"),
      Opt("rowspan", integer, "縦に結合する行数"),
      Opt("colspan", integer, "横に結合する列数"),
  };
  const Type* row = b.ListOf(cell_map, "table-row");
  Type* table = b.Make("table", Kind::kRecord, "表");
  table->fields = {
      Opt("number", str, "表番号"),
      Req("caption", str, "表の題（画面読み上げで表の名前になる）"),
      Opt("header", strings, "列の見出し"),
      Opt("row_header", boolean, "各行の最初のセルを行見出しにする"),
      Req("rows", b.ListOf(row, "table-rows"), "行のリスト。各行はセルのリスト"),
      Opt("note", md, "表の下の注記"),
      Opt("source", str, "出典"),
  };
  Type* callout = b.Make("callout", Kind::kRecord, "囲み（基本理念、原則など）");
  callout->fields = {
      Opt("title", str, "囲みの見出し"),
      Req("body", md, "囲みの本文"),
  };
  Type* target = b.Make("target", Kind::kRecord, "目標値");
  target->fields = {Req("label", str, "目標の名前（例: R8目標）"), Req("value", str, "目標値")};
  Type* measure = b.Make("measure", Kind::kRecord, "施策・取組");
  measure->fields = {
      Opt("id", str, "施策のアンカー（英小文字・数字・ハイフン。例: smart-industry）。スケジュールの measure や本文のリンクで使う"),
      Req("number", str, "施策の番号（例: 重点施策①、(1)）"),
      Req("title", str, "施策の名前"),
      Opt("policy", str, "属する基本方針・基本目標"),
      Opt("priority", boolean, "重点（★）なら true"),
      Opt("challenges", md, "主な課題・現状と課題"),
      Opt("direction", md, "方向性"),
      Opt("actions", md, "想定される主な取組・実施内容"),
      Opt("owner", str, "担当所属"),
      Opt("related", strings, "関係所属"),
      Opt("targets", b.ListOf(target), "目標"),
      Opt("effects", md, "効果"),
      Opt("period", md, "実施時期"),
      Opt("body", md, "その他の本文"),
  };
  Type* milestone = b.Make("milestone", Kind::kRecord, "スケジュールの節目（◆）");
  milestone->fields = {Req("when", fiscal, "年度"), Req("label", str, "節目の内容（例: 新システム稼働）")};
  Type* schedule_row = b.Make("schedule-row", Kind::kRecord, "スケジュールの項目");
  schedule_row->fields = {
      Req("item", str, "項目名"),
      Opt("from", fiscal, "開始年度"),
      Opt("to", fiscal, "終了年度"),
      Opt("continues", boolean, "表の最後の年度より後も続く（→）"),
      Opt("text", str, "時期を言葉で（随時、毎年、令和5年度～ など）"),
      Opt("milestones", b.ListOf(milestone), "節目（◆）のリスト"),
      Opt("measure", str, "この項目で進める施策の id（施策の見出しへリンクします）"),
      Opt("rows", b.ListOf(schedule_row, "schedule-rows"), "小項目"),
  };
  Type* schedule = b.Make("schedule", Kind::kRecord, "スケジュール（工程表）");
  schedule->fields = {
      Req("caption", str, "スケジュールの題"),
      Req("from", fiscal, "表の最初の年度"),
      Req("to", fiscal, "表の最後の年度"),
      Req("rows", b.ListOf(schedule_row, "schedule-rows"), "項目"),
      Opt("item_label", str, "項目の列の見出し（省略すると「項目」）"),
      Opt("when_label", str, "時期の列の見出し（省略すると「時期」）"),
      Opt("note", md, "注記"),
  };
  Type* role = b.Make("role", Kind::kRecord, "役割");
  role->fields = {Req("function", str, "機能"), Opt("assignee", str, "担当"),
                  Opt("role", str, "役割")};
  Type* unit = b.Make("unit", Kind::kRecord, "組織");
  unit->fields = {Req("name", str, "組織・役職の名前"), Opt("description", str, "説明"),
                  Opt("units", b.ListOf(unit, "units"), "下位の組織")};
  Type* organization = b.Make("organization", Kind::kRecord, "推進体制");
  organization->fields = {
      Req("caption", str, "体制の題"),
      Opt("roles", b.ListOf(role), "機能・担当・役割の表"),
      Opt("units", b.ListOf(unit, "units"), "組織の階層"),
      Opt("note", md, "注記（元の計画の図についての説明など）"),
  };
  Type* series = b.Make("series", Kind::kRecord, "データ系列");
  series->fields = {Req("name", str, "系列の名前"), Req("values", numbers, "値（categories と同じ数）")};
  Type* auto_link = b.Make("auto-link", Kind::kString,
                           "off（[[ ]] で書いた所だけ。既定）、first（各ページで用語ごとに最初の1回）、every（すべて）");
  auto_link->choices = {"off", "first", "every"};
  Type* chart = b.Make("chart-kind", Kind::kString, "グラフの種類");
  chart->choices = {"bar", "line"};
  Type* statistics = b.Make("statistics", Kind::kRecord, "統計データ（グラフと表）");
  statistics->fields = {
      Req("caption", str, "題"),
      Opt("unit", str, "単位"),
      Opt("chart", chart, "bar（棒）または line（折れ線）"),
      Req("categories", strings, "項目（横軸）"),
      Req("series", b.ListOf(series), "データ系列"),
      Opt("source", str, "出典"),
  };
  Type* reference = b.Make("reference", Kind::kRecord, "参考資料");
  reference->fields = {
      Req("title", str, "資料名"), Opt("issuer", str, "発行者"), Opt("date", date, "日付"),
      Opt("url", str, "URL"),      Opt("note", md, "補足"),
  };
  Type* references = b.Make("references", Kind::kRecord, "参考資料の一覧");
  references->fields = {Opt("caption", str, "一覧の題"),
                        Req("items", b.ListOf(reference), "資料")};

  Type* block = b.Make("block", Kind::kRecord,
                       "本文の要素。文字列（Markdown）か、次のキーを一つだけ持つマップ");
  block->scalar_form = md;
  block->exactly_one = true;
  block->fields = {
      Opt("figure", figure, "図表"),
      Opt("table", table, "表"),
      Opt("callout", callout, "囲み"),
      Opt("measures", b.ListOf(measure), "施策・取組の一覧"),
      Opt("schedule", schedule, "スケジュール"),
      Opt("organization", organization, "推進体制"),
      Opt("statistics", statistics, "統計データ"),
      Opt("references", references, "参考資料"),
      Opt("terms", strings, "用語の囲み（用語集の用語を並べる）"),
  };
  const Type* blocks = b.ListOf(block, "blocks");

  Type* section = b.Make("section", Kind::kRecord, "節");
  section->max_nesting = 4;  // h2–h5: a fifth level would have no heading of its own
  section->fields = {
      Opt("number", str, "町の番号の付け方のままの番号（1.1、(1)、①、Ⅰ）"),
      Req("title", str, "見出し"),
      Opt("measure", boolean, "true なら、この節は一つの施策の説明（施策の一覧に載せる）"),
      Opt("content", blocks, "本文"),
      Opt("sections", b.ListOf(section, "sections"), "下位の節（4段階まで）"),
  };
  Type* chapter = b.Make("chapter", Kind::kRecord, "章のファイル");
  chapter->fields = {
      Opt("number", str, "章番号（第1章 など）"),
      Req("title", str, "章の見出し"),
      Opt("content", blocks, "最初の節の前の本文"),
      Opt("sections", b.ListOf(section, "sections"), "節"),
      Opt("furigana", page_furigana, "この章のふりがな"),
      Opt("draft", boolean, "下書きなら true。keikaku serve では表示し、keikaku build では書き出さない"),
  };

  // Plan.
  Type* municipality = b.Make("municipality", Kind::kRecord, "自治体");
  municipality->fields = {Req("name", str, "自治体名"), Opt("reading", str, "よみ（ひらがな）"),
                          Opt("prefecture", str, "都道府県")};
  Type* period = b.Make("period", Kind::kRecord, "計画期間（年度）");
  period->fields = {Req("from", fiscal, "最初の年度"), Req("to", fiscal, "最後の年度"),
                    Opt("note", md, "補足")};
  Type* preface = b.Make("preface", Kind::kRecord, "はじめに");
  preface->fields = {Opt("title", str, "見出し（既定: はじめに）"), Req("body", md, "本文"),
                     Opt("date", date, "日付"), Opt("signature", str, "署名（例: 三木町長 伊藤 良春）")};
  Type* colophon = b.Make("colophon", Kind::kRecord, "発行・問い合わせ先");
  colophon->fields = {
      Opt("publisher", str, "発行"), Opt("department", str, "編集・担当課"),
      Opt("address", str, "住所"),   Opt("phone", str, "電話番号"),
      Opt("email", str, "メールアドレス"), Opt("url", str, "ウェブサイト"),
  };
  Type* revision = b.Make("revision", Kind::kRecord, "改訂履歴の行");
  revision->fields = {Req("date", date, "改訂日"), Opt("part", str, "改訂箇所"),
                      Req("description", str, "改訂内容")};
  Type* measure_labels = b.Make("measure-labels", Kind::kRecord, "施策の欄の見出し（町の計画での呼び方）");
  for (const auto& [key, member] : model::kMeasureLabelKeys) {
    measure_labels->fields.push_back(
        Opt(key, str, std::string(key) + " の見出し（既定: " + model::MeasureLabels{}.*member + "）"));
  }
  Type* plan = b.Make("plan", Kind::kRecord, "計画（content/plans/SLUG/plan.yaml）");
  plan->fields = {
      Req("municipality", municipality, "自治体"),
      Req("title", str, "計画の名前"),
      Req("kind", str, "種類（基本方針、推進計画、ガイドライン など）"),
      Opt("slogan", str, "スローガン"),
      Opt("subtitle", str, "副題"),
      Opt("version", str, "版"),
      Opt("established", date, "策定日"),
      Opt("revised", date, "最終改定日"),
      Opt("period", period, "計画期間"),
      Opt("preface", preface, "はじめに"),
      Opt("colophon", colophon, "発行・問い合わせ先"),
      Opt("revisions", b.ListOf(revision), "改訂履歴"),
      Opt("measure_labels", measure_labels, "施策の欄の見出し"),
      Req("chapters", strings, "章のファイル（並べる順）"),
      Opt("glossary", str, "用語集のファイル"),
      Opt("auto_link_terms", auto_link, "本文の用語を [[ ]] なしでも用語集にリンクする"),
      Opt("furigana", page_furigana, "この計画のふりがな"),
      Opt("draft", boolean, "下書きなら true。keikaku serve では表示し、keikaku build では書き出さない"),
  };

  Type* entry = b.Make("glossary-entry", Kind::kRecord, "用語");
  entry->fields = {
      Req("term", str, "用語"),
      Opt("reading", str, "よみ（ひらがな）。五十音順の並びに使う"),
      Opt("aliases", strings, "別名・略語"),
      Opt("expansion", str, "略語の元の英語（例: Chief Information Officer）"),
      Opt("mark", str, "元の計画での番号（例: ※1）"),
      Req("definition", md, "説明"),
      Opt("related", strings, "関連する用語"),
  };
  Type* glossary = b.Make("glossary", Kind::kRecord, "用語集のファイル");
  glossary->fields = {Req("terms", b.ListOf(entry), "用語")};

  Type* name_reading = b.Make("name-reading", Kind::kRecord, "読みを付ける名前");
  name_reading->fields = {Req("word", str, "名前（例: 勝央町）"), Req("reading", str, "よみ（ひらがな。例: しょうおうちょう）")};
  Type* readings = b.Make("readings", Kind::kRecord, "読みのファイル");
  readings->fields = {Req("names", b.ListOf(name_reading), "いつも読みを付ける名前。音声読み上げにも読みを伝える")};

  Type* tool = b.Make("a11y-tool", Kind::kRecord, "試験に使った道具");
  tool->fields = {Req("name", str, "名前"), Req("version", str, "版")};
  Type* check = b.Make("a11y-check", Kind::kRecord, "試験の項目");
  check->fields = {Req("name", str, "項目"), Req("pages", integer, "試験したページ数"),
                   Req("failures", integer, "問題の数")};
  Type* results = b.Make("a11y-results", Kind::kRecord, "アクセシビリティ試験の結果のファイル");
  results->fields = {Req("date", date, "試験日"), Req("pages", strings, "試験したページ"),
                     Req("tools", b.ListOf(tool), "使った道具"), Req("checks", b.ListOf(check), "試験の項目と結果")};

  return Schema{site, plan, chapter, glossary, readings, results};
}

}  // namespace

const Schema& ContentSchema() {
  static Builder builder;
  static const Schema schema = Build(builder);
  return schema;
}

}  // namespace keikaku::schema
