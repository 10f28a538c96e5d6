# Absurd content ends in a clear error or a correct build, within bounded time and memory,
# never a crash or a hang: a 50 MB chapter (refused before it is read), 10,000 levels of
# nesting in block style, a title of a million characters, a glossary of 100,000 terms.
# (The 20 MB chapters and 10,000 levels of flow nesting are in the bad-input corpus.)
. "$(dirname "$0")/lib.sh"
scale=${KEIKAKU_TIME_SCALE:-1}
cd "$WORK"
fresh() { rm -rf src && cp -r "$ROOT/tests/sites/basic" src; }
# run LIMIT_SECONDS LIMIT_MB EXPECTED_EXIT: a build of src within the limits (memory checked
# with GNU time when it is installed; `make test` installs it).
run() {
  local seconds=$(($1 * scale)) mb=$(($2 * scale)) want=$3
  local timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%M' -o "$WORK/peak")
  set +e
  timeout -k 2 "$seconds" "${timer[@]}" "$KEIKAKU" build --source src --output site >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  set -e
  [ "$rc" -ne 124 ] || fail "$name: no end within $seconds s"
  [ "$rc" -eq "$want" ] || { tail -5 "$WORK/err" >&2; fail "$name: exit $rc, expected $want"; }
  if [ -s "$WORK/peak" ]; then
    local peak_mb=$(($(tail -n 1 "$WORK/peak") / 1024))
    [ "$peak_mb" -le "$mb" ] || fail "$name: peak memory $peak_mb MB, more than $mb MB"
    summary+="$name: exit $rc, ${peak_mb} MB; "
    rm -f "$WORK/peak"
  fi
}
summary=""

name="50 MB chapter"; fresh
{ printf 'number: 第2章\ntitle: 大きな章\ncontent:\n'
  seq 1 420000 | sed 's/.*/  - 行政手続のオンライン化を図り、住民の利便性を高めるための取組を進めます。番号&。/'; } > src/plans/sample/chapter-2.yaml
[ "$(stat -c %s src/plans/sample/chapter-2.yaml)" -gt $((50 * 1000 * 1000)) ] || fail "the generated chapter is not 50 MB"
run 10 200 1
grep -q "^src/plans/sample/chapter-2.yaml: error \[content.too-large\] ファイルが大きすぎます（51 MB。上限は 32 MB）。" "$WORK/err" ||
  { cat "$WORK/err"; fail "$name: no clear error"; }

name="10,000 levels of block nesting"; fresh
{ printf 'number: 第2章\ntitle: 深い章\ncontent:\n  - '; printf -- '- %.0s' $(seq 10000); printf 'x\n'; } > src/plans/sample/chapter-2.yaml
run 10 200 1
grep -q "^src/plans/sample/chapter-2.yaml:4:[0-9]*: error \[schema.too-deep\]" "$WORK/err" || { cat "$WORK/err" | cut -c1-200; fail "$name: no clear error"; }
[ "$(wc -c < "$WORK/err")" -lt 2000 ] || fail "$name: the message quotes the whole line ($(wc -c < "$WORK/err") bytes)"

name="a title of a million characters"; fresh
{ printf 'number: 第2章\ntitle: '; (set +o pipefail; yes '行政手続のオンライン化' | head -n 100000 | tr -d '\n'); printf '（題の終わり）\ncontent:\n  - 本文です。\n'; } > src/plans/sample/chapter-2.yaml
run 60 1000 0
grep -q "（題の終わり）</h1>" site/sample/chapter-2.html || fail "$name: the end of the title is missing"

name="a glossary of 100,000 terms"; fresh
kana=(あ い う え お か き く け こ さ し す せ そ た ち つ て と な に ぬ ね の は ひ ふ へ ほ ま み む め も や ゆ よ ら り る れ ろ わ)
{ cat "$ROOT/tests/sites/basic/plans/sample/glossary.yaml"
  for ((i = 0; i < 100000; i++)); do
    w=${kana[i % 43]}${kana[i / 43 % 43]}${kana[i / 1849 % 43]}${kana[i / 79507 % 43]}
    printf '  - term: 用語%s\n    reading: ようご%s\n    definition: 用語%sの説明です。\n' "$w" "$w" "$w"
  done; } > src/plans/sample/glossary.yaml
sed -i '3a\  - "[[用語ああああ]]と[[用語いあああ]]を使います。"' src/plans/sample/chapter-1.yaml
run 90 1500 0
grep -q ">用語$w<" site/sample/glossary.html || fail "$name: the last term (用語$w) is missing from the glossary page"
grep -q 'href="glossary.html#' site/sample/chapter-1.html || fail "$name: the references do not link"
echo "ok: $summary"
