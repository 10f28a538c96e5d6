#!/usr/bin/env bash
# Runs each fuzz target for SECONDS seconds on its corpus (make fuzz), one after another,
# and fails if any of them finds a crash, a hang (> 10 s on one input), a leak or runs out
# of memory. The corpus grows in BUILD_DIR/corpus/<target>/; inputs that fail are written
# to BUILD_DIR/crashes/<target>/ and the log of each run to BUILD_DIR/logs/<target>.log.
# Reproduce one with `BUILD_DIR/<target> FILE`; shrink it with
# `BUILD_DIR/<target> -minimize_crash=1 -runs=100000 FILE`.
# Usage: fuzz/run.sh BUILD_DIR SECONDS TARGET...
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS TARGET...}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS TARGET...}
shift 2
fuzz_dir=$(cd "$(dirname "$0")" && pwd)

dict_of() {
  case $1 in
    fuzz_content | fuzz_render) echo yaml.dict ;;
    fuzz_dates) echo dates.dict ;;
    fuzz_serve_path) echo serve_path.dict ;;
    *) echo markdown.dict ;;
  esac
}

failed=()
summary=()
for target in "$@"; do
  corpus=$build/corpus/$target crashes=$build/crashes/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$crashes" "$build/logs"
  echo "== $target: ${seconds} s"
  before=$(ls "$crashes" | wc -l)
  "$build/$target" "$corpus" -dict="$fuzz_dir/$(dict_of "$target")" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
  rc=$?
  after=$(ls "$crashes" | wc -l)
  # "#N DONE cov: C ft: F corp: … exec/s: E …" and the final stats.
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
    failed+=("$target")
    echo "   FAILED (exit $rc): see $log and $crashes/"
    grep -E 'ERROR: |invariant failed|SUMMARY: ' "$log" | head -5 | sed 's/^/   /'
    result=failed
  else
    result=ok
  fi
  summary+=("$(printf '%-16s %9s runs %7s exec/s  cov %-6s ft %-7s %s' "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$result")")
done

echo "== fuzzing summary (${seconds} s each)"
printf '   %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} found problems; inputs in $build/crashes/" >&2
  exit 1
fi
