// keikaku: the command line. Each command reads its flags and calls the pipeline.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "check/check.h"
#include "pipeline/build.h"
#include "scaffold/scaffold.h"
#include "schema/json_schema.h"
#include "serve/serve.h"

namespace {

constexpr int kExitUsage = 2;

void JapaneseHelp(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "使い方");
  formatter->label("OPTIONS", "オプション");
  formatter->label("SUBCOMMAND", "コマンド");
  formatter->label("SUBCOMMANDS", "コマンド");
  formatter->label("Options", "オプション");
  formatter->label("Subcommands", "コマンド");
  formatter->label("TEXT", "文字列");
  formatter->label("REQUIRED", "必須");
  formatter->column_width(28);
  app.option_defaults()->group("オプション");
  app.set_help_flag("-h,--help", "この説明を表示して終わる");
}

// `keikaku schema`: one file type to standard output, or every type into a folder.
int WriteSchemas(const std::string& type, const std::string& output) {
  if (output.empty() && type.empty()) {
    std::cerr << "keikaku: 種類（site, plan, chapter, glossary, readings）か --output フォルダを指定してください。\n";
    return kExitUsage;
  }
  if (!output.empty()) std::filesystem::create_directories(output);
  for (const auto& [name, root] : keikaku::schema::FileTypes()) {
    if (!type.empty() && name != type) continue;
    std::string json = keikaku::schema::JsonSchema(*root, "keikaku " + name);
    if (output.empty()) {
      std::cout << json;
    } else {
      std::ofstream(std::filesystem::path(output) / (name + ".schema.json"), std::ios::binary) << json;
    }
  }
  return 0;
}

// A command of `app`, with Japanese help.
CLI::App* AddCommand(CLI::App& app, const std::string& name, const std::string& description) {
  CLI::App* command = app.add_subcommand(name, description);
  command->group("コマンド");
  JapaneseHelp(*command);
  return command;
}

void AddSource(CLI::App* command, std::filesystem::path& source) {
  command->add_option("--source", source, "コンテンツのフォルダ（site.yaml と plans/ がある所）")->default_str("content");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"keikaku — 自治体の計画を、誰もが読めるウェブサイトにします。", "keikaku"};
  JapaneseHelp(app);
  app.require_subcommand(1);

  keikaku::pipeline::BuildOptions build_options;
  std::string theme;
  CLI::App* build = AddCommand(app, "build", "content/ の計画からサイトを作り、site/ に書き出す");
  AddSource(build, build_options.source);
  build->add_option("--output", build_options.output, "書き出し先のフォルダ")->default_str("site");
  build->add_option("--theme", theme, "既定のテーマを上書きするフォルダ（templates/ や assets/ を置く）");
  build->add_option("--jobs,-j", build_options.jobs, "同時に使うスレッドの数（省略すると CPU のコアの数）");
  build->add_flag("--stats", build_options.stats, "読み込み・ページ作成・書き込みにかかった時間を表示する");
  build->add_flag("--precompress", build_options.precompress,
                  "HTML・CSS・JavaScript などの横に、圧縮済みの .gz と .br も書く（設定したウェブサーバーがそのまま送る。docs/deploy.md）");

  keikaku::serve::ServeOptions serve_options;
  std::string serve_theme;
  int port = 0;
  bool poll = false;
  CLI::App* serve = AddCommand(app, "serve", "サイトを作ってこのパソコンの中だけで表示し、保存のたびに作り直す（プレビュー）");
  AddSource(serve, serve_options.build.source);
  serve->add_option("--theme", serve_theme, "既定のテーマを上書きするフォルダ（これも見張って、保存のたびに作り直す）");
  CLI::Option* port_option =
      serve->add_option("--port", port, "ポート番号（省略すると 8080 から空いている番号を選ぶ。0 なら空いている番号をシステムが選ぶ）")
          ->check(CLI::Range(0, 65535))
          ->option_text("番号");
  serve->add_option("--bind", serve_options.host, "待ち受けるアドレス（既定: 127.0.0.1 = このパソコンの中だけ）")
      ->default_str("127.0.0.1");
  serve->add_flag("--open", serve_options.open, "ブラウザでプレビューを開く");
  serve->add_flag("--poll", poll, "ファイルの変更を 0.5 秒ごとに確かめる（ネットワークドライブなどで変更に気付かないとき）");

  keikaku::check::CheckOptions check_options;
  std::string check_theme, check_format = "text";
  CLI::App* check = AddCommand(app, "check", "内容とできあがるページを確かめ、誤りの場所と直し方を示す（書き出しはしない）");
  AddSource(check, check_options.build.source);
  check->add_option("--theme", check_theme, "既定のテーマを上書きするフォルダ");
  check->add_flag("--strict", check_options.strict, "警告もエラーとして扱う（終了コード 1）");
  check->add_option("--format", check_format, "出力の形式: text（既定）または json（ほかのツール向け）")
      ->check(CLI::IsMember({"text", "json"}))
      ->option_text("text|json");

  std::string schema_type, schema_output;
  CLI::App* schema = AddCommand(app, "schema", "内容のファイルの JSON Schema を出力する（VS Code などで入力の補完と確認に使う）");
  schema->add_option("type", schema_type, "ファイルの種類: site, plan, chapter, glossary, readings（--output なしのとき）")
      ->check(CLI::IsMember({"site", "plan", "chapter", "glossary", "readings"}))
      ->option_text("種類");
  schema->add_option("--output", schema_output, "このフォルダに、すべての種類を「種類.schema.json」として書く");

  std::filesystem::path new_source = "content";
  std::string new_slug;
  CLI::App* create = AddCommand(app, "new", "新しい計画のフォルダを、見本の内容で作る");
  create->require_subcommand(1);
  CLI::App* new_plan = create->add_subcommand("plan", "content/plans/名前/ に、すべての要素の見本と説明の入った計画を作る");
  JapaneseHelp(*new_plan);
  new_plan->add_option("name", new_slug, "計画フォルダの名前（半角英数字とハイフン。例: mihon-dx-plan）")
      ->required()
      ->option_text("名前");
  AddSource(new_plan, new_source);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "keikaku: コマンドの書き方に誤りがあります: " << e.what() << "\n"
              << "使い方は keikaku --help で確かめてください。\n";
    return kExitUsage;
  }

  try {
    if (build->parsed()) {
      if (!theme.empty()) build_options.theme = theme;
      build_options.progress = ::isatty(STDERR_FILENO) == 1;  // a terminal: a progress line
      return keikaku::pipeline::Build(build_options, std::cout, std::cerr);
    }
    if (schema->parsed()) return WriteSchemas(schema_type, schema_output);
    if (new_plan->parsed()) return keikaku::scaffold::NewPlan(new_source, new_slug, std::cout, std::cerr);
    if (check->parsed()) {
      if (!check_theme.empty()) check_options.build.theme = check_theme;
      check_options.json = check_format == "json";
      return keikaku::check::Check(check_options, std::cout);
    }
    if (serve->parsed()) {
      if (!serve_theme.empty()) serve_options.build.theme = serve_theme;
      if (port_option->count() > 0) serve_options.port = port;
      if (poll) serve_options.watch = keikaku::serve::WatchMode::kPolling;
      return keikaku::serve::Serve(serve_options, std::cout, std::cerr);
    }
  } catch (const std::exception& e) {
    // A library failure (e.g. the working folder was removed): report it, never abort.
    std::cerr << "keikaku: 処理を続けられませんでした（" << e.what() << "）。\n"
              << "作業中のフォルダがあるか、ディスクに空きがあるかを確かめてください。前のサイトはそのままです。\n";
    return 1;
  }
  return kExitUsage;
}
