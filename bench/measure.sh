#!/usr/bin/env bash
# Runs a site build RUNS times and prints one row: label, pages, runs, median wall time,
# median CPU time (user + system, children included), peak memory (the largest maximum
# resident set size of the runs) and pages per second (pages / median wall time).
# OUTDIR is removed before each run, so that every run writes a whole new site; the command's
# output goes to OUTDIR.log, shown if it fails. Needs GNU time (Debian package `time`).
# Usage: bench/measure.sh LABEL PAGES RUNS OUTDIR -- COMMAND [ARG...]
set -euo pipefail
if [ $# -lt 6 ] || [ "$5" != -- ]; then
  echo "usage: bench/measure.sh LABEL PAGES RUNS OUTDIR -- COMMAND [ARG...]" >&2
  exit 2
fi
label=$1 pages=$2 runs=$3 out=$4
shift 5
if [ ! -x /usr/bin/time ]; then
  echo "measure.sh: GNU time is missing (scripts/install-deps.sh bench installs it)" >&2
  exit 2
fi

stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
walls=() cpus=() peak=0
for ((i = 0; i < runs; i++)); do
  rm -rf "$out"
  start=$(date +%s%N)
  if ! /usr/bin/time -o "$stats" -f '%U %S %M' "$@" >"$out.log" 2>&1; then
    echo "measure.sh: $label failed:" >&2
    tail -n 20 "$out.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  read -r user sys rss <"$stats"
  walls+=("$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')")
  cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  if ((rss > peak)); then peak=$rss; fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall=$(median "${walls[@]}")
cpu=$(median "${cpus[@]}")
awk -v l="$label" -v p="$pages" -v r="$runs" -v w="$wall" -v c="$cpu" -v m="$peak" \
  'BEGIN { printf "%-9s %8d %5d %9.2f s %9.2f s %8.0f MiB %10.0f\n", l, p, r, w, c, m / 1024, p / w }'
