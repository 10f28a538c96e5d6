# The bad-input corpus (tests/bad-input/): every broken content file, planted in a copy of
# tests/sites/basic, gives exactly its expected finding (file, line, column, severity, rule),
# error cases exit 1 and leave the previous site byte for byte, warning cases still build, and
# nothing crashes. Cases named in tests/bad-input/KNOWN-GAPS.md are listed as "gap" instead of
# checked (they still run, briefly, to make sure they do not crash). See tests/bad-input/README.md.
. "$(dirname "$0")/lib.sh"
CORPUS=$ROOT/tests/bad-input
BASIC=$ROOT/tests/sites/basic
SRC=$WORK/src    # the scratch content folder; findings name files as "$SRC/…"
OUT=$WORK/site   # the output folder, a copy of a clean build before every case
# Time limits, multiplied by KEIKAKU_TIME_SCALE (the sanitizer build sets 4: it runs slower).
scale=${KEIKAKU_TIME_SCALE:-1}
CASE_SECONDS=$((30 * scale))  # any case taking longer fails
HUGE_SECONDS=$((15 * scale))  # a 20 MB chapter must build within this
GAP_SECONDS=$((5 * scale))    # known gaps run this long at most (only to catch crashes)
started=$(date +%s%N)

# --- generated cases: gen_NAME TARGET writes the planted file (and anything it needs) ---------
end_marker='（この章の終わり）'
gen_huge_chapter_one_paragraph_20mb() {  # one 20 MB line
  { printf 'number: 第3章\ntitle: 大きな章\ncontent:\n  - '
    (set +o pipefail; yes 'デジタル技術を活用して、行政手続のオンライン化を進めます。' | head -n 250000 | tr -d '\n')
    printf '%s\n' "$end_marker"; } > "$1"
}
gen_huge_chapter_many_paragraphs_20mb() {  # about 165,000 short paragraphs
  { printf 'number: 第3章\ntitle: 大きな章\ncontent:\n'
    seq 1 165000 | sed 's/.*/  - 行政手続のオンライン化を図り、住民の利便性を高めるための取組を進めます。番号&。/'
    printf '  - %s\n' "$end_marker"; } > "$1"
}
deep_units() {  # deep_units LEVELS TARGET: organization units nested LEVELS deep on one flow line
  { printf 'number: 第2章\ntitle: 取組\ncontent:\n  - organization:\n      caption: 深い組織\n      units: '
    printf '[{name: 課, units: %.0s' $(seq "$1"); printf '[]'; printf '}]%.0s' $(seq "$1"); printf '\n'; } > "$2"
}
gen_deep_flow_units_40() { deep_units 40 "$1"; }
gen_deep_flow_units_10000() { deep_units 10000 "$1"; }
gen_alias_expansion_9_levels() {  # organization units: &u1 lists *u0 ten times, …, &u9 lists *u8 ten times
  { sed -n 1,45p "$BASIC/plans/sample/chapter-2.yaml"
    printf '            - &u0 {name: 課}\n'
    for i in $(seq 9); do
      printf '            - &u%d {name: 課, units: [' "$i"; printf "*u$((i - 1)), %.0s" $(seq 9); printf '*u%d]}\n' $((i - 1))
    done
    sed -n '49,$p' "$BASIC/plans/sample/chapter-2.yaml"; } > "$1"
}
gen_figure_image_symlink_outside() {  # the figure's image is a link to a file outside $SRC
  sed '21s/image: map.png/image: outside-link.png/' "$BASIC/plans/sample/chapter-1.yaml" > "$1"
  cp "$BASIC/plans/sample/map.png" "$WORK/outside.png"
  ln -s "$WORK/outside.png" "$(dirname "$1")/outside-link.png"
}

# --- the corpus ---------------------------------------------------------------------------------
gaps=$(sed -n 's/^| `\([^`]*\)` |.*/\1/p' "$CORPUS/KNOWN-GAPS.md")
is_gap() { grep -qxF -- "$1" <<<"$gaps"; }
mapfile -t rows < <(tail -n +2 "$CORPUS/cases.tsv")
[ "$(head -n 1 "$CORPUS/cases.tsv")" = "$(printf 'case\treplaces\tseverity\trule\tline\tcolumn\tnote\talso\tsupport')" ] ||
  fail "cases.tsv: unexpected header"
while IFS= read -r g; do  # every gap names a case (grep without -q: quitting early could kill cut with SIGPIPE, failing the pipe)
  [ -z "$g" ] || printf '%s\n' "${rows[@]}" | cut -f1 | grep -xF -- "$g" >/dev/null || fail "KNOWN-GAPS.md names $g, not in cases.tsv"
done <<<"$gaps"

# "FILE:LINE:COL: severity [rule]" (or "FILE: severity [rule]") of every finding in a stderr file.
findings() { sed -nE 's/^(.+: (error|warning) \[[a-z0-9.-]+\]) .*/\1/p' "$1"; }

# A clean build for each support folder (tests/bad-input/support/NAME, or - for none), made once
# with the same source path as the cases so that its warnings can be told apart from the cases'.
prepare_source() {
  rm -rf "$SRC" "$OUT" "$OUT".tmp-* "$OUT".old-*
  cp -r "$BASIC" "$SRC"
  if [ "$1" != - ]; then cp -r "$CORPUS/support/$1/." "$SRC/"; fi
}
declare -A clean_digest
clean_build() {
  local support=$1
  [ -z "${clean_digest[$support]:-}" ] || return 0
  [ "$support" = - ] || [ -d "$CORPUS/support/$support" ] || fail "no support folder $support"
  prepare_source "$support"
  expect_exit 0 "$KEIKAKU" build --source "$SRC" --output "$WORK/clean.$support"
  findings "$WORK/err" > "$WORK/clean.$support.findings"
  clean_digest[$support]=$(tree_digest "$WORK/clean.$support")
}

ok=0 gap=0 failed=0
for row in "${rows[@]}"; do
  IFS=$'\t' read -r case replaces severity rule line column note also support extra <<<"$row"
  why=""
  if [ -z "$support" ] || [ -n "$extra" ]; then why="cases.tsv: the row does not have 9 columns"
  elif [[ $severity != @(error|warning|ok) ]]; then why="cases.tsv: unknown severity $severity"
  elif [[ $case != gen:* ]] && [ ! -f "$CORPUS/files/$case" ]; then why="no file tests/bad-input/files/$case"
  fi
  if [ -n "$why" ]; then echo "FAIL $case: $why"; failed=$((failed + 1)); continue; fi

  clean_build "$support"
  prepare_source "$support"
  cp -a "$WORK/clean.$support" "$OUT"
  target=$SRC/$replaces
  mkdir -p "$(dirname "$target")"
  if [[ $case == gen:* ]]; then
    fn=gen_${case#gen:}; fn=${fn//-/_}
    declare -F "$fn" >/dev/null || { echo "FAIL $case: no generator $fn in this script"; failed=$((failed + 1)); continue; }
    "$fn" "$target"
    if [[ $case == gen:huge-* ]] && [ "$(stat -c %s "$target")" -lt $((20 * 1024 * 1024)) ]; then
      echo "FAIL $case: the generated chapter is smaller than 20 MB"; failed=$((failed + 1)); continue
    fi
  else
    cp "$CORPUS/files/$case" "$target"
  fi

  limit=$CASE_SECONDS
  [[ $case != *huge* ]] || limit=$HUGE_SECONDS
  ! is_gap "$case" || limit=$GAP_SECONDS
  t0=$(date +%s%N)
  set +e; timeout -k 2 "$limit" "$KEIKAKU" build --source "$SRC" --output "$OUT" >"$WORK/out" 2>"$WORK/err"; rc=$?; set -e
  ms=$((($(date +%s%N) - t0) / 1000000))

  # What this case must and may report for its file and severity (beyond the clean build's).
  want=""; allowed=""
  if [ "$severity" != ok ]; then
    want="$target:$line:$column: $severity [$rule]"
    [ "$line" != - ] || want="$target: $severity [$rule]"
    allowed=$want
    if [ "$also" != - ]; then  # LINE:COL:RULE,…
      IFS=, read -ra extras <<<"$also"
      for x in "${extras[@]}"; do allowed+=$'\n'"$target:${x%:*}: $severity [${x##*:}]"; done
    fi
  fi
  findings "$WORK/err" | grep -vxF -f "$WORK/clean.$support.findings" > "$WORK/new" || true
  if [ "$severity" = ok ]; then
    grep -F -e ": error [" -e "$target:" "$WORK/new" > "$WORK/mine" || true  # any error, or anything for the file
  else
    while IFS= read -r f; do  # findings of this severity for this file
      rest=${f#"$target"}
      [ "$rest" != "$f" ] && [[ $rest =~ ^(:[0-9]+:[0-9]+)?:\ $severity\ \[ ]] && echo "$f"
    done < "$WORK/new" > "$WORK/mine" || true
  fi

  crashed=""
  if [ "$rc" -eq 124 ]; then why="took longer than $limit s"
  elif [ "$rc" -gt 1 ]; then crashed=1; why="crashed or could not run (exit $rc): $(tail -n 1 "$WORK/err")"
  elif [ "$severity" = error ] && [ "$rc" -ne 1 ]; then why="exit $rc, expected 1"
  elif [ "$severity" != error ] && [ "$rc" -ne 0 ]; then why="exit $rc, expected 0"
  elif [ -n "$want" ] && ! grep -qxF -- "$want" "$WORK/mine"; then
    why="expected \"${want#"$SRC/"}\"; got: $(sed "s|$SRC/||" "$WORK/mine" | paste -sd ';' -)"
    [ -s "$WORK/mine" ] || why="expected \"${want#"$SRC/"}\"; got no $severity for that file: $(sed "s|$SRC/||" "$WORK/new" | paste -sd ';' -)"
  elif [ -s "$WORK/mine" ] && grep -vxF -- "$allowed" "$WORK/mine" > "$WORK/unexpected"; then
    why="unexpected findings: $(sed "s|$SRC/||" "$WORK/unexpected" | paste -sd ';' -)"
  fi
  if [ -z "$why" ] && [ "$rc" -eq 1 ]; then  # nothing written: the previous site stays
    if ! grep -q 'サイトは書き出していません' "$WORK/err"; then why="no line saying that no site was written"
    elif [ "$(tree_digest "$OUT")" != "${clean_digest[$support]}" ]; then why="the previous site changed"
    elif [ -n "$(ls -d "$OUT".tmp-* "$OUT".old-* 2>/dev/null)" ]; then why="temporary folders left behind"
    fi
  fi
  if [ -z "$why" ] && [ "$severity" = ok ]; then
    if [[ $case == gen:huge-* ]]; then
      grep -qF "$end_marker" "$OUT/sample/chapter-3.html" || why="the end of the huge chapter is missing from its page"
    elif [ "$(tree_digest "$OUT")" != "${clean_digest[$support]}" ]; then
      why="the site differs from the clean build"
    fi
  fi

  if is_gap "$case" && [ -z "$crashed" ]; then
    if [ -n "$why" ]; then
      echo "gap $case (known gap, see tests/bad-input/KNOWN-GAPS.md: $why)"
    else
      echo "gap $case (listed as a known gap but now gives the expected result: delete its row from tests/bad-input/KNOWN-GAPS.md)"
    fi
    gap=$((gap + 1))
  elif [ -n "$why" ]; then
    echo "FAIL $case: $why"; failed=$((failed + 1))
  else
    echo "ok $case (${ms} ms)"; ok=$((ok + 1))
  fi
done

total=$((ok + gap + failed))
[ "$total" -ge 55 ] || fail "only $total cases"
echo "$ok ok, $gap known gaps, $failed failed, of $total cases ($((($(date +%s%N) - started) / 1000000)) ms)"
[ "$failed" -eq 0 ]
