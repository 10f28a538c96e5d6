# A YAML error is reported with file:line:column and the previous site survives byte for byte.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/sites/basic" "$WORK/content"
cd "$WORK"
expect_exit 0 "$KEIKAKU" build --source content --output pub
before=$(tree_digest pub)
# Break the indentation of chapter-1.yaml on line 3.
sed -i '3s/^content:/ content:/' content/plans/sample/chapter-1.yaml
expect_exit 1 "$KEIKAKU" build --source content --output pub
grep -q "^content/plans/sample/chapter-1.yaml:3:9: error \[yaml.syntax\]" "$WORK/err" || { cat "$WORK/err"; fail "position not reported"; }
grep -q "前のまま" "$WORK/err" || fail "no word that the old site stays"
[ "$(tree_digest pub)" = "$before" ] || fail "the previous site changed"
[ -z "$(ls -d pub.tmp-* pub.old-* 2>/dev/null)" ] || fail "temporary folders left behind"
# An unknown key: named, positioned, with a suggestion.
cp -r "$ROOT/tests/sites/basic/plans/sample/chapter-1.yaml" content/plans/sample/chapter-1.yaml
sed -i 's/^title: 計画の背景/titel: 計画の背景/' content/plans/sample/chapter-1.yaml
expect_exit 1 "$KEIKAKU" build --source content --output pub
grep -q "chapter-1.yaml:2:1: error \[schema.unknown-key\]" "$WORK/err" || { cat "$WORK/err"; fail "unknown key"; }
grep -q "「title」のことですか" "$WORK/err" || fail "no suggestion"
[ "$(tree_digest pub)" = "$before" ] || fail "the previous site changed"
echo "ok"
