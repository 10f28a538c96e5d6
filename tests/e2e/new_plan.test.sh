# keikaku new plan SLUG: a scaffold with every kind of element that builds and passes
# keikaku check as it is; it is a draft, so build leaves it out until the editor is done.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/tests/sites/basic" "$WORK/src"
expect_exit 0 "$KEIKAKU" new plan mihon-dx-plan --source "$WORK/src"
for f in plan.yaml chapter-1.yaml glossary.yaml; do
  [ -f "$WORK/src/plans/mihon-dx-plan/$f" ] || fail "no $f"
done
for kind in figure table callout measures schedule organization statistics references terms; do
  grep -q "^ *- $kind:" "$WORK/src/plans/mihon-dx-plan/chapter-1.yaml" || fail "the scaffold lacks $kind"
done
expect_exit 0 "$KEIKAKU" check --source "$WORK/src"
grep -q "mihon-dx-plan" "$WORK/out" && fail "findings in the scaffold: $(cat "$WORK/out")"
grep -q "^エラー 0 件" "$WORK/out" || fail "check: $(cat "$WORK/out")"
# A draft: build leaves it out; without draft: true it is published, with every page.
expect_exit 0 "$KEIKAKU" build --source "$WORK/src" --output "$WORK/site"
[ ! -e "$WORK/site/mihon-dx-plan" ] || fail "the draft was published"
sed -i '/^draft: true/d' "$WORK/src/plans/mihon-dx-plan/plan.yaml"
expect_exit 0 "$KEIKAKU" build --source "$WORK/src" --output "$WORK/site"
for p in index.html chapter-1.html glossary.html full.html; do
  [ -f "$WORK/site/mihon-dx-plan/$p" ] || fail "no $p"
done
grep -q "重点施策①" "$WORK/site/mihon-dx-plan/chapter-1.html" || fail "measures not rendered"
expect_exit 1 "$KEIKAKU" new plan mihon-dx-plan --source "$WORK/src"
grep -q "もうあります" "$WORK/err" || fail "an existing folder is not refused"
expect_exit 2 "$KEIKAKU" new plan "町の計画" --source "$WORK/src"
expect_exit 1 "$KEIKAKU" new plan other --source "$WORK/nowhere"
echo "ok"
