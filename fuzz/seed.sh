#!/usr/bin/env bash
# Fills BUILD_DIR/corpus/<target>/ with seed inputs for the fuzz targets (make fuzz):
# the content files of content/ and tests/sites/, the bad-input corpus, and a few
# hand-written dates, request targets, ruby and glossary texts. Seeds are named by their
# hash, so running it again adds nothing twice and keeps what the fuzzer found.
# Usage: fuzz/seed.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: fuzz/seed.sh BUILD_DIR}
cd "$(dirname "$0")/.."
corpus=$build/corpus
mkdir -p "$corpus"

# seed TARGET: stdin becomes one seed of TARGET.
seed() {
  local tmp
  mkdir -p "$corpus/$1"
  tmp=$(mktemp "$corpus/.seed.XXXXXX")
  cat >"$tmp"
  mv "$tmp" "$corpus/$1/$(sha1sum "$tmp" | cut -c1-40)"
}

# fuzz_content's first byte picks the file type (content_fuzz.cc): 0 site, 1 plan,
# 2 chapter, 3 glossary, 4 readings, 5 accessibility results.
type_of() {
  case $(basename "$1") in
    site.yaml) echo 0 ;;
    plan.yaml) echo 1 ;;
    *glossary*) echo 3 ;;
    readings*) echo 4 ;;
    accessibility-results*) echo 5 ;;
    *) echo 2 ;;
  esac
}
content_seed() {  # FILE TYPE
  { printf "\\x$(printf %02x "$2")"; cat "$1"; } | seed fuzz_content
}

mapfile -t yaml < <(find content tests/sites -name '*.yaml' -type f | sort)
for f in "${yaml[@]}"; do
  type=$(type_of "$f")
  content_seed "$f" "$type"
  # fuzz_render takes chapters; its first byte picks options (render_fuzz.cc).
  if [ "$type" = 2 ]; then { printf '\x05'; cat "$f"; } | seed fuzz_render; fi
  # The files are Markdown and ruby text too (their values are), and glossary text.
  seed fuzz_markdown <"$f"
  seed fuzz_ruby <"$f"
done
[ -f content/accessibility-results.json ] && content_seed content/accessibility-results.json 5

# The bad-input corpus: each broken file as the type of the file it replaces.
while IFS=$'\t' read -r case replaces _; do
  [ -f "tests/bad-input/files/$case" ] || continue
  type=$(type_of "$replaces")
  content_seed "tests/bad-input/files/$case" "$type"
  if [ "$type" = 2 ]; then
    { printf '\x01'; cat "tests/bad-input/files/$case"; } | seed fuzz_render
  fi
  seed fuzz_markdown <"tests/bad-input/files/$case"
done < <(tail -n +2 tests/bad-input/cases.tsv)

# Inputs that once failed (docs/robustness.md): a table span of 999999999 (4 GB, 39 s).
printf '\x00title: c\ncontent:\n  - table:\n      caption: t\n      row_header: true\n      rows:\n        - - text: a\n            rowspan: 999999999\n          - text: b\n            colspan: 999999999\n        - [c]\n' |
  seed fuzz_render

# Markdown bodies as they are written in the values (the extensions, ruby, references).
for md in \
  '本町では、{行政|ぎょうせい}の[[DX]]を推進します。\n漢字《かんじ》と｜勝央町《しょうおうちょう》。' \
  '# 見出し\n\n## 節\n\n- 項目[[デジタル・トランスフォーメーション|DXの取組]]\n- [資料](https://example.jp/a.pdf)\n\n| 年度 | 目標 |\n|---|---|\n| 令和5年度 | 10 |\n' \
  'Digital Transformation を進める。脚注[^1]。\n\n[^1]: 注の本文\n\n> 引用\n\n```\n[[DX]] {a|b}\n```\n' \
  '\\{漢字|かんじ\\} と {漢字|かん|じ} と {|} と 漢字《》 と <b>太字</b> <!-- keikaku-ignore: lint.link-text -->' \
  '[こちら](javascript:alert(1)) ![](data:image/png;base64,AA) ![図](data:text/html,x) <https://example.jp> www.example.jp'; do
  printf '%b' "$md" | seed fuzz_markdown
  printf '%b' "$md" | seed fuzz_ruby
done

# Dates and fiscal years as plans write them, in running text too.
for d in 2021 2021-10 2021-10-01 2021年10月1日 令和3年10月 令和元年5月1日 平成31年4月 平成31年4月30日 \
  昭和64年1月7日 大正15年12月25日 明治45年7月30日 ２０２３年度 令和５年度 2023年度 R5 R5年度 令和元年度 \
  H31 "令和5年度～随時" "令和6年3月末" "令和5年度（2023年度）から令和9年度まで" "平成32年" "2024-02-29" \
  "令和6年3月（2024年3月）末"; do
  printf '%s' "$d" | seed fuzz_dates
done

# Request targets; the last byte picks the base path and which files exist (serve_path_fuzz.cc).
for t in / /index.html /keikaku/ /keikaku/plan/index.html /plan /plan/ "/a/../b/./c.html?x=1#f" \
  /%E8%A8%88%E7%94%BB/ /../etc/passwd /%2e%2e/x "/f.html%00.txt" "/a%5cb" //host/x "/town/plans/shoo?v=2"; do
  for mode in '\x00' '\x05' '\x0a' '\x0f'; do
    { printf '%s' "$t"; printf "$mode"; } | seed fuzz_serve_path
  done
done

# Glossary names, a NUL byte, then text (terms_fuzz.cc).
printf 'DX\nCIO\nデジタル・トランスフォーメーション\nデジタル\0本町のDXとIDXとCIOの取組。デジタル・トランスフォーメーションを進める' | seed fuzz_terms
printf 'a\nab\nb\n1\0a ab b1 1a aba' | seed fuzz_terms

echo "fuzz/seed.sh: $(for t in "$corpus"/*/; do printf '%s %s  ' "$(basename "$t")" "$(ls "$t" | wc -l)"; done)"
