# The same content builds byte for byte the same whatever the locale, time zone, working
# directory, SOURCE_DATE_EPOCH, number of threads and the order in which the file system lists
# the content's files. (keikaku writes no build date or time: every date on the pages comes
# from the content; docs/robustness.md.)
. "$(dirname "$0")/lib.sh"
cd "$WORK"
# The content copied file by file, in sorted order and in reverse (on tmpfs and most file
# systems a folder lists its files in an order that depends on how they were created).
copy_in_order() {  # copy_in_order SRC DEST sort-option
  (cd "$1" && find . -type d | sort) | while read -r d; do mkdir -p "$2/$d"; done
  (cd "$1" && find . -type f | sort $3) | while read -r f; do cp -p "$1/$f" "$2/$f"; done
}
# tmpfs lists a folder's files newest first; ext4 in an order of its own.
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/keikaku-repro.XXXXXX)
  trap 'rm -rf "$WORK" "$shm"' EXIT
fi
copy_in_order "$ROOT/content" forward ""
copy_in_order "$ROOT/content" "${shm:-$WORK}/backward" "-r"
[ -n "$shm" ] && ln -s "$shm/backward" backward
copy_in_order "$ROOT/content" "${shm:-$WORK}/tmpfs-forward" ""
order() { (cd "$1" && for d in $(find . -type d | sort); do ls -U "$d"; done); }
[ "$(order backward/)" != "$(order forward/)" ] || echo "note: the two copies list their files in the same order"
# build NAME SOURCE [env...] [-- option...]: builds into $WORK/out-NAME, in the folder
# $BUILD_CWD if set (SOURCE may be relative to it), and prints the site's digest.
build() {
  local name=$1 source=$2; shift 2
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  (cd "${BUILD_CWD:-$WORK}" && env "${envs[@]}" "$KEIKAKU" build --source "$source" --output "$WORK/out-$name" --precompress "$@") \
    >/dev/null 2>"$WORK/err-$name" || { cat "$WORK/err-$name" >&2; fail "build $name failed"; }
  tree_digest "$WORK/out-$name"
}
reference=$(build reference "$WORK/forward" LC_ALL=C.UTF-8 TZ=UTC)
check() {
  local name=$1; shift
  local got
  got=$(build "$name" "$@")
  [ "$got" = "$reference" ] || {
    diff -r "$WORK/out-reference" "$WORK/out-$name" | head -20 >&2
    fail "$name: not the same bytes as the reference build"; }
}
check backward "$WORK/backward" LC_ALL=C.UTF-8 TZ=UTC
check tmpfs-forward "${shm:-$WORK}/tmpfs-forward" LC_ALL=C.UTF-8 TZ=UTC
check locale-posix "$WORK/forward" LC_ALL=POSIX LANG= TZ=UTC
check locale-ja "$WORK/forward" LC_ALL= LANG=ja_JP.UTF-8 LC_COLLATE=ja_JP.UTF-8 TZ=UTC
check tz-kiritimati "$WORK/forward" LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati
check tz-honolulu "$WORK/forward" LC_ALL=C.UTF-8 TZ=Pacific/Honolulu
check epoch-0 "$WORK/forward" LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=0
check epoch-2030 "$WORK/forward" LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1900000000
# Another working directory and a relative source path.
mkdir -p elsewhere/deeper
BUILD_CWD=$WORK/elsewhere/deeper check cwd ../../forward LC_ALL=C.UTF-8 TZ=UTC
# One thread and two.
check j1 "$WORK/forward" LC_ALL=C.UTF-8 -- --jobs 1
check j2 "$WORK/forward" LC_ALL=C.UTF-8 -- --jobs 2
echo "ok: 12 builds, one digest ($reference)"
