# A build killed with SIGKILL at random moments never leaves a mixed or partial site at the
# output path: the path holds the previous site, the new one, or (killed between the two
# renames of the swap) nothing, and the next build restores the previous site before it
# starts and removes every temporary folder. Bounded: 40 kills, each build under 30 s.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
cp -r "$ROOT/content" a
cp -r "$ROOT/content" b
# Version b differs in a chapter every plan page links to, so most files change.
sed -i 's/^title: \(.*\)$/title: \1（改訂版）/' b/plans/*/chapter-1.yaml
expect_exit 0 "$KEIKAKU" build --source a --output ref-a --precompress
# The reference build of b also measures how long a build takes here, to spread the kills over it.
start=$(date +%s%N)
expect_exit 0 "$KEIKAKU" build --source b --output ref-b --precompress
span_ms=$(( ($(date +%s%N) - start) / 1000000 + 20 ))
digest_a=$(tree_digest ref-a)
digest_b=$(tree_digest ref-b)
[ "$digest_a" != "$digest_b" ] || fail "the two versions build the same site"
expect_exit 0 "$KEIKAKU" build --source a --output pub --precompress
states=""
for i in $(seq 1 40); do
  "$KEIKAKU" build --source b --output pub --precompress >/dev/null 2>&1 &
  pid=$!
  delay=$(( RANDOM % span_ms ))
  sleep "$(printf '0.%03d' "$delay")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -d pub ]; then
    got=$(tree_digest pub)
    if [ "$got" = "$digest_a" ]; then states+="a"; elif [ "$got" = "$digest_b" ]; then states+="b"; else
      fail "kill $i after ${delay} ms: the output path holds a mixed or partial site"
    fi
  else
    ls -d pub.old-* >/dev/null 2>&1 || fail "kill $i after ${delay} ms: no site and no previous site to restore"
    states+="-"
  fi
  # The next build (of a) first restores what was there, then replaces it; nothing is left over.
  expect_exit 0 timeout 30 "$KEIKAKU" build --source a --output pub --precompress
  [ "$(tree_digest pub)" = "$digest_a" ] || fail "kill $i: the next build did not give the site"
  [ -z "$(ls -d pub.tmp-* pub.old-* 2>/dev/null)" ] || fail "kill $i: temporary folders left: $(ls -d pub.*)"
done
# The swap's window is microseconds wide: simulate a kill inside it, then build.
mv pub pub.old-4242
mkdir pub.tmp-4242 && echo partial > pub.tmp-4242/index.html
expect_exit 0 "$KEIKAKU" build --source b --output pub --precompress
[ "$(tree_digest pub)" = "$digest_b" ] || fail "after a kill between the renames: wrong site"
grep -q "^M " pub/.keikaku-changes.txt || fail "the previous site was not restored before the build (no file listed as changed)"
[ -z "$(ls -d pub.tmp-* pub.old-* 2>/dev/null)" ] || fail "temporary folders left after recovery"
echo "ok: 40 kills (previous site a, new site b, - between renames): $states"
