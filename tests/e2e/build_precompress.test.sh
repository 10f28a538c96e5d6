# --precompress writes .gz and .br beside every text file, byte-identical on every run,
# each decompressing to the file beside it; images get none, and a plain build none at all.
. "$(dirname "$0")/lib.sh"
expect_exit 0 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output "$WORK/a" --precompress
grep -q "圧縮済みのファイル" "$WORK/out" || fail "no summary line"
texts=$(cd "$WORK/a" && find . -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' \) | sort)
[ -n "$texts" ] || fail "no text files"
for f in $texts; do
  [ -f "$WORK/a/$f.gz" ] && [ -f "$WORK/a/$f.br" ] || fail "$f has no .gz/.br"
  gzip -dc "$WORK/a/$f.gz" | cmp -s - "$WORK/a/$f" || fail "$f.gz differs from $f"
done
# Brotli: checked with Node's decoder (an independent implementation of the format).
node -e '
  const fs = require("fs"), zlib = require("zlib");
  for (const f of process.argv.slice(1)) {
    if (!zlib.brotliDecompressSync(fs.readFileSync(f + ".br")).equals(fs.readFileSync(f))) { console.error(f); process.exit(1); }
  }' $(for f in $texts; do echo "$WORK/a/$f"; done) || fail ".br differs"
[ ! -e "$WORK/a/sample/map.png.gz" ] || fail "an image was compressed"
[ -z "$(find "$WORK/a" -name '*.gz.gz' -o -name '*.br.gz')" ] || fail "compressed twice"
expect_exit 0 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output "$WORK/b" --precompress
[ "$(tree_digest "$WORK/a")" = "$(tree_digest "$WORK/b")" ] || fail "two builds differ"
expect_exit 0 "$KEIKAKU" build --source "$ROOT/tests/sites/basic" --output "$WORK/c"
[ -z "$(find "$WORK/c" -name '*.gz' -o -name '*.br')" ] || fail "compressed without --precompress"
echo "ok"
