#!/usr/bin/env bash
# Rebuild benchmark: the rebuild keikaku serve makes after one saved file, without the file
# watcher and the browser (bench/rebuild.cc), in the bundled content (a chapter of 大多喜町's
# plan) and in a synthetic site of 1,000 pages (the first chapter of its first plan, of about
# 50 chapters). Prints the median, fastest and slowest of 21 saves each.
# Usage: bench/rebuild.sh [KEIKAKU_BENCH_REBUILD_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$(realpath "${1:-$root/build/keikaku_bench_rebuild}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cp -r "$root/content" "$scratch/content"
echo "content/:"
"$bench" "$scratch/content" "$scratch/content/plans/otaki-dx-plan/chapter-2.yaml" 21
node "$root/bench/gen-site.mjs" --pages 1000 --out "$scratch/synthetic" >/dev/null
echo "synthetic site of 1,000 pages:"
"$bench" "$scratch/synthetic" "$scratch/synthetic/plans/plan-0001/chapter-1.yaml" 21
