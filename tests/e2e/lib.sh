# Shared helpers for the end-to-end tests. Each test gets $KEIKAKU, $ROOT and a scratch $WORK.
set -euo pipefail
KEIKAKU=$(realpath "$1")
ROOT=$(realpath "$2")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE command...
  local want=$1; shift
  set +e; "$@" >"$WORK/out" 2>"$WORK/err"; local got=$?; set -e
  [ "$got" -eq "$want" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit $got, expected $want: $*"; }
}
# The site's files; the list of changes since the previous build is not part of it.
tree_digest() {
  (cd "$1" && find . -type f ! -path ./.keikaku-changes.txt -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}
