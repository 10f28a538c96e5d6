# keikaku build: 0 on success, 1 on content errors, 2 on usage errors; works from any folder.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/sites/basic" "$WORK/content"
cd "$WORK"   # not the repository: the theme is compiled into the binary
expect_exit 0 "$KEIKAKU" build
grep -q "ページ（ファイル" "$WORK/out" || fail "no summary line"
grep -q "秒" "$WORK/out" || fail "no build time"
[ -f site/index.html ] && [ -f site/sample/full.html ] || fail "pages missing"
expect_exit 2 "$KEIKAKU" build --no-such-flag
expect_exit 2 "$KEIKAKU"
expect_exit 0 "$KEIKAKU" --help
grep -q "使い方" "$WORK/out" || fail "--help is not in Japanese"
echo "ok"
