#!/usr/bin/env bash
# Build-time benchmark: renders the bundled content N times (default 20) with the built
# binary and prints the median and fastest wall time, as shipped (automatic furigana on one
# plan) and with automatic furigana turned off everywhere.
# Usage: bench/build.sh [KEIKAKU_BINARY] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
keikaku=${1:-$root/build/keikaku}
runs=${2:-20}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# One content folder as shipped, one with every "auto:" setting turned off.
cp -r "$root/content" "$scratch/shipped"
cp -r "$root/content" "$scratch/no-auto"
grep -rl --include='*.yaml' '^ *auto:' "$scratch/no-auto" | xargs -r sed -i 's/^\( *auto:\).*/\1 "off"/'

measure() {
  local name=$1 source=$2 times=() extra=("${@:3}")
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$keikaku" build --source "$source" --output "$scratch/out-$name" "${extra[@]}" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  IFS=$'\n' sorted=($(sort -n <<<"${times[*]}")); unset IFS
  awk -v n="$name" -v med="${sorted[$((runs / 2))]}" -v min="${sorted[0]}" -v runs="$runs" \
    'BEGIN { printf "%-28s median %6.1f ms   fastest %6.1f ms   (%d runs)\n", n, med / 1000, min / 1000, runs }'
}

echo "keikaku build of content/ ($(nproc) cores):"
measure "as shipped (auto furigana)" "$scratch/shipped"
measure "no automatic furigana" "$scratch/no-auto"
runs=5 measure "with --precompress (gz, br)" "$scratch/shipped" --precompress
"$keikaku" build --source "$scratch/shipped" --output "$scratch/out-summary" | sed 's/^/  /'
