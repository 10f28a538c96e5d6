#!/usr/bin/env bash
# Tests every page of content/ in Chromium (tests/browser/pages.test.mjs) and writes the
# figures to content/accessibility-results.json, which the ウェブアクセシビリティ方針 page
# shows (site.yaml: accessibility: results). Run after changing templates or content, and
# commit the file: the same file always gives the same page.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
keikaku=${1:-$root/build/keikaku}
results="$root/content/accessibility-results.json"
# The first time, an empty result lets the site build before it has been tested.
[ -f "$results" ] || printf '{"date": "%s", "pages": [], "tools": [], "checks": []}\n' "$(date +%F)" > "$results"
KEIKAKU_A11Y_RESULTS="$results" node "$root/tests/browser/pages.test.mjs" "$keikaku" "$root"
