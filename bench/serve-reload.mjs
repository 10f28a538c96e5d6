// Save-to-reload benchmark for `keikaku serve`: edits one chapter of the bundled content
// N times (default 21) and measures, for each save, the time from the file being written
// to the live-reload event reaching a browser-like client (debounce + rebuild + event).
// With --synthetic N, the site is a synthetic one of N pages (bench/gen-site.mjs) and the
// edit is in the first chapter of its first plan (of about 50 chapters).
// Usage: node bench/serve-reload.mjs KEIKAKU_BINARY REPO_ROOT [SAVES] [--poll] [--synthetic N]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyContent, openEvents, startServe, tempDir, until } from '../tests/serve/lib.mjs';

const [keikaku, repoRoot, savesArg, ...rest] = process.argv.slice(2);
const saves = Number(savesArg ?? 21);
const syntheticAt = rest.indexOf('--synthetic');
const synthetic = syntheticAt >= 0 ? Number(rest[syntheticAt + 1]) : 0;
const flags = rest.filter((_, i) => syntheticAt < 0 || (i !== syntheticAt && i !== syntheticAt + 1));
let content, file, edit;
if (synthetic) {
  content = join(tempDir(), 'content');
  execFileSync('node', [join(repoRoot, 'bench/gen-site.mjs'), '--pages', String(synthetic), '--out', content]);
  file = join(content, 'plans/plan-0001/chapter-1.yaml');
  edit = (text, i) => text.replace('。', `（第${i + 1}版）。`);
} else {
  content = copyContent(repoRoot);
  file = join(content, 'plans/shoo-dx-policy/chapter-4.yaml');
  edit = (text, i) => text.replace('取組事項', `取組事項（第${i + 1}版）`);
}
const original = readFileSync(file, 'utf8');
const serve = await startServe(keikaku, ['--source', content, '--port', '0', ...flags], { cwd: tempDir() }).ready;
const stream = await openEvents(serve.port);
const times = [];
try {
  for (let i = 0; i < saves; i += 1) {
    await new Promise((r) => setTimeout(r, 300));  // let the previous rebuild settle
    const seen = stream.events.length;
    const started = performance.now();
    writeFileSync(file, edit(original, i));
    await until(() => stream.events.length > seen, `reload ${i + 1}`, 20000);
    times.push(stream.events[seen].at - started);
  }
} finally {
  stream.close();
  await serve.stop();
}
times.sort((a, b) => a - b);
const rebuilds = [...serve.stdout.matchAll(/(\d+\.\d+) 秒）/g)].map((m) => Number(m[1]) * 1000).slice(1).sort((a, b) => a - b);
const mode = flags.includes('--poll') ? 'polling' : 'inotify';
const site = synthetic ? `synthetic site of ${synthetic} pages` : 'content/';
console.log(`keikaku serve, save to reload event (${site}, ${mode}, ${saves} saves): `
  + `median ${times[saves >> 1].toFixed(0)} ms, fastest ${times[0].toFixed(0)} ms, slowest ${times[saves - 1].toFixed(0)} ms`
  + (rebuilds.length ? `; rebuild alone median ${rebuilds[rebuilds.length >> 1].toFixed(0)} ms` : ''));
