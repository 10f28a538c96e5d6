# keikaku check: exit 0 when clean, 1 with errors (or warnings under --strict), 2 on usage
# errors; GCC-style findings; a JSON report for tools; nothing is written.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
expect_exit 0 "$KEIKAKU" check --source "$ROOT/content"
grep -q "^エラー 0 件、警告 0 件（" "$WORK/out" || fail "bundled content is not clean: $(cat "$WORK/out")"
[ ! -e "$WORK/site" ] || fail "check wrote a site"
# The basic test site has three unused glossary terms: warnings, which --strict makes fatal.
expect_exit 0 "$KEIKAKU" check --source "$ROOT/tests/sites/basic"
grep -q "glossary.yaml:3:5: warning \[glossary.unused\]" "$WORK/out" || fail "no GCC-style warning"
expect_exit 1 "$KEIKAKU" check --source "$ROOT/tests/sites/basic" --strict
expect_exit 0 "$KEIKAKU" check --source "$ROOT/tests/sites/basic" --format json
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.errors !== 0 || r.warnings !== 3 || !r.passed || r.internal_links < 50 || r.findings[0].line !== 3) process.exit(1);
' "$WORK/out" || fail "JSON report: $(cat "$WORK/out")"
# A broken link written in Markdown is found in the built page.
cp -r "$ROOT/tests/sites/basic" "$WORK/src"
sed -i 's|この章では計画の背景を述べます。|この章では[計画の背景](chapter-9.html)を述べます。|' "$WORK/src/plans/sample/chapter-1.yaml"
expect_exit 1 "$KEIKAKU" check --source "$WORK/src"
grep -q "<output>/sample/chapter-1.html:[0-9]*:1: error \[link.broken\] リンク先「chapter-9.html」" "$WORK/out" || fail "broken link: $(cat "$WORK/out")"
expect_exit 2 "$KEIKAKU" check --format xml
echo "ok"
