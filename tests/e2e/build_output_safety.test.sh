# keikaku never replaces a folder it did not create; two builds are byte-identical.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir documents && echo keep > documents/important.txt
expect_exit 1 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output documents
grep -q "output.not-ours" "$WORK/err" || fail "no refusal"
[ "$(cat documents/important.txt)" = keep ] || fail "documents touched"
expect_exit 0 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output a
expect_exit 0 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output b
[ "$(tree_digest a)" = "$(tree_digest b)" ] || fail "builds differ"
echo "ok"
