#!/usr/bin/env bash
# Scaling benchmark: generates synthetic sites of 1,000 and 10,000 pages (and 100,000 with
# BENCH_LARGE=1) from the bundled content (bench/gen-site.mjs), builds each several times
# with keikaku and, if `hugo` is on PATH, the equivalent Hugo site, and prints pages, runs,
# median wall time, median CPU time, peak memory and pages per second, then how the wall time
# grows from one size to the next (linear growth: ×10). Scratch files are removed at exit.
# Usage: bench/scale.sh [KEIKAKU_BINARY]
#   BENCH_LARGE=1          also 100,000 pages (1 run each; several GB of disk)
#   BENCH_SIZES="N:RUNS …" other sizes (default "1000:5 10000:3")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
keikaku=$(realpath "${1:-$root/build/keikaku}")
sizes=${BENCH_SIZES:-1000:5 10000:3}
[ "${BENCH_LARGE:-0}" = 1 ] && sizes+=" 100000:1"
hugo=$(command -v hugo || true)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "Scaling benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  keikaku: $keikaku"
if [ -n "$hugo" ]; then echo "  hugo:    $("$hugo" version | cut -d' ' -f1-2)"; else echo "  hugo:    not installed, skipped"; fi
printf '%-9s %8s %5s %11s %11s %12s %10s\n' tool pages runs wall cpu 'peak memory' 'pages/s'

declare -A wall
for size in $sizes; do
  pages=${size%:*} runs=${size#*:}
  site=$scratch/site-$pages hugo_site=$scratch/hugo-$pages
  node "$root/bench/gen-site.mjs" --pages "$pages" --out "$site" ${hugo:+--hugo "$hugo_site"} >/dev/null

  # One build first: it must make the number of pages asked for; any warning is shown.
  summary=$("$keikaku" build --source "$site" --output "$scratch/out" 2>&1) || true
  if ! grep -q "^$pages ページ" <<<"$summary"; then
    echo "scale.sh: expected $pages pages, keikaku said:" >&2
    tail -n 30 <<<"$summary" >&2
    exit 1
  fi
  grep -E '(error|warning) \[' <<<"$summary" >&2 || true
  row=$("$root/bench/measure.sh" keikaku "$pages" "$runs" "$scratch/out" -- "$keikaku" build --source "$site" --output "$scratch/out")
  echo "$row"
  wall[keikaku-$pages]=$(awk '{ print $4 }' <<<"$row")

  if [ -n "$hugo" ]; then
    hugo_cmd=("$hugo" --quiet --source "$hugo_site" --destination "$scratch/hugo-out")
    "${hugo_cmd[@]}" >/dev/null
    built=$(find "$scratch/hugo-out" -name '*.html' | wc -l)
    [ "$built" -eq "$pages" ] || { echo "scale.sh: expected $pages Hugo pages, got $built" >&2; exit 1; }
    row=$("$root/bench/measure.sh" hugo "$pages" "$runs" "$scratch/hugo-out" -- "${hugo_cmd[@]}")
    echo "$row"
    wall[hugo-$pages]=$(awk '{ print $4 }' <<<"$row")
  fi
  rm -rf "$site" "$hugo_site" "$scratch/out" "$scratch/hugo-out"
done

echo "Growth of the median wall time (linear growth: time grows by the same factor as the pages):"
for tool in keikaku ${hugo:+hugo}; do
  previous=
  for size in $sizes; do
    pages=${size%:*}
    if [ -n "$previous" ]; then
      awk -v t="$tool" -v a="$previous" -v b="$pages" -v wa="${wall[$tool-$previous]}" -v wb="${wall[$tool-$pages]}" \
        'BEGIN { printf "  %-8s %6d → %6d pages: ×%.1f pages, ×%.1f time\n", t, a, b, b / a, wb / wa }'
    fi
    previous=$pages
  done
done
