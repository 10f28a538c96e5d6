# A YAML error in any file of the bundled content is reported with that file, its line and
# column, and the previously built site survives byte for byte.
. "$(dirname "$0")/lib.sh"
cp -r "$ROOT/content" "$WORK/content"
cd "$WORK"
expect_exit 0 "$KEIKAKU" build --source content --output pub
before=$(tree_digest pub)
files=0
while IFS= read -r file; do
  cp "$file" "$WORK/original.yaml"
  lines=$(wc -l < "$file")
  printf ' broken: 1\n' >> "$file"  # indented one space: the indentation breaks
  expect_exit 1 "$KEIKAKU" build --source content --output pub
  grep -Eq "^$file:$((lines + 1)):[0-9]+: error \[yaml.syntax\]" "$WORK/err" ||
    { cat "$WORK/err" >&2; fail "$file: error not reported at line $((lines + 1))"; }
  [ "$(tree_digest pub)" = "$before" ] || fail "$file: the previous site changed"
  cp "$WORK/original.yaml" "$file"
  files=$((files + 1))
done < <(find content -name '*.yaml' | sort)
[ "$files" -ge 20 ] || fail "only $files content files checked"
expect_exit 0 "$KEIKAKU" build --source content --output pub
[ "$(tree_digest pub)" = "$before" ] || fail "rebuilding the restored content changed the site"
echo "ok: $files files"
