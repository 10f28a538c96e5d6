// `keikaku serve` against a real HTTP client on 127.0.0.1: safe serving, live reload,
// errors shown and recovered from, drafts, ports, theme folders, and a clean Ctrl-C.
// Usage: node serve.test.mjs KEIKAKU_BINARY REPO_ROOT
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { assert, keikaku, repoRoot, run, test } from '../browser/harness.mjs';
import { buildOf, copyContent, edit, openEvents, request, startServe, tempDir, until } from './lib.mjs';

const SECRET = 'root:x:0:0';

// Serves a private copy of tests/sites/basic (mounted at /plans/, its base_path).
async function serveBasic(extraArgs = [], options = {}) {
  const content = copyContent(repoRoot, 'tests/sites/basic');
  const cwd = tempDir();
  const serve = await startServe(keikaku, ['--source', content, '--port', '0', ...extraArgs], { cwd, ...options }).ready;
  return { serve, content, cwd };
}

// Stops a server and checks that it exited cleanly (under the sanitizers: without findings).
async function stopped(serve) {
  const exit = await serve.stop();
  assert(exit.code === 0, `serve exited ${JSON.stringify(exit)}:\n${serve.stderr.slice(-3000)}`);
}

const chapter = (content) => join(content, 'plans/sample/chapter-1.yaml');

test('serves the site from memory under its base path, with types, HEAD, redirects and the 404 page', async () => {
  const { serve, cwd } = await serveBasic();
  try {
    assert(serve.base === '/plans/', `mounted at ${serve.base}`);
    const root = await request(serve.port, '/');
    assert(root.status === 302 && root.headers.location === '/plans/', `/ → ${root.status} ${root.headers.location}`);
    const index = await request(serve.port, '/plans/');
    assert(index.status === 200, `index ${index.status}`);
    assert(index.headers['content-type'] === 'text/html; charset=utf-8', index.headers['content-type']);
    assert(index.headers['cache-control'] === 'no-store', 'no-store');
    assert(index.body.includes('<script src="/__keikaku/live-reload.js"'), 'live-reload script injected');
    const folder = await request(serve.port, '/plans/sample?x=1');
    assert(folder.status === 302 && folder.headers.location === '/plans/sample/?x=1', `redirect ${folder.headers.location}`);
    const head = await request(serve.port, '/plans/sample/', { method: 'HEAD' });
    assert(head.status === 200 && head.body === '' && Number(head.headers['content-length']) > 1000, 'HEAD');
    const css = index.body.match(/href="([^"]*assets\/style\.[0-9a-f]+\.css)"/)[1];
    const style = await request(serve.port, `/plans/${css.replace(/^(\.\.\/)*/, '')}`);
    assert(style.status === 200 && style.headers['content-type'] === 'text/css; charset=utf-8', `css ${style.status}`);
    const png = await request(serve.port, '/plans/sample/map.png');
    assert(png.status === 200 && png.headers['content-type'] === 'image/png', `png ${png.status}`);
    const js = await request(serve.port, '/__keikaku/live-reload.js');
    assert(js.headers['content-type'] === 'text/javascript; charset=utf-8' && js.body.includes('EventSource'), 'script');
    const missing = await request(serve.port, '/plans/nothing.html');
    assert(missing.status === 404 && missing.body.includes('ページが見つかりません'), `404 ${missing.status}`);
    assert(missing.body.includes('data-missing'), 'the 404 page reloads on any change');
    const post = await request(serve.port, '/plans/', { method: 'POST' });
    assert(post.status === 405, `POST ${post.status}`);
    assert(!existsSync(join(cwd, 'site')), 'serve wrote site/');
  } finally {
    await stopped(serve);
  }
});

test('nothing outside the site is served: traversal in any encoding, NUL, symlinks, absolute paths', async () => {
  const { serve, content } = await serveBasic();
  try {
    // Symbolic links in the content folder pointing outside it.
    symlinkSync('/etc/passwd', join(content, 'plans/sample/passwd.txt'));
    symlinkSync('/etc', join(content, 'plans/sample/etc'));
    const vectors = [
      '/../../../../etc/passwd', '/plans/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/plans/..%2f..%2fetc%2fpasswd',
      '/plans/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/.%2e/.%2e/etc/passwd', '/plans/%252e%252e/etc/passwd',
      '/plans/..%5c..%5cetc%5cpasswd', '/plans/..\\..\\etc\\passwd', '/plans/....//....//etc/passwd', '//etc/passwd',
      '/etc/passwd', '/plans//etc/passwd', '/plans/index.html%00.txt', '/plans/%00/../../etc/passwd',
      '/plans/sample/passwd.txt', '/plans/sample/etc/passwd', '/plans/%c0%ae%c0%ae/etc/passwd',
      '/plans/sample/../../../etc/passwd', 'http://127.0.0.1/../../etc/passwd', '/proc/self/environ',
      `/plans/${encodeURIComponent(content)}/site.yaml`, '/plans/site.yaml', '/plans/sample/plan.yaml',
    ];
    const statuses = {};
    for (const v of vectors) {
      const res = await request(serve.port, v);
      assert(res.status === 400 || res.status === 404, `${v} → ${res.status}`);
      assert(!res.body.includes(SECRET) && !res.body.includes('municipality:'), `${v} leaked a file`);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
    assert(statuses[400] >= 8 && statuses[404] >= 8, `statuses ${JSON.stringify(statuses)}`);
  } finally {
    await stopped(serve);
  }
});

test('a figure image that links outside the content folder is refused by the build', async () => {
  const content = copyContent(repoRoot, 'tests/sites/basic');
  rmSync(join(content, 'plans/sample/map.png'));
  symlinkSync('/etc/passwd', join(content, 'plans/sample/map.png'));
  const serve = await startServe(keikaku, ['--source', content, '--port', '0'], { cwd: tempDir() }).ready;
  try {
    const page = await request(serve.port, '/plans/sample/');
    assert(page.status === 503 && page.body.includes('keikaku-error'), `status ${page.status}`);
    assert(page.body.includes('content.outside-file'), 'the overlay names the rule');
    const png = await request(serve.port, '/plans/sample/map.png');
    assert(!png.body.includes(SECRET), 'leaked /etc/passwd');
  } finally {
    await stopped(serve);
  }
});

test('open live-reload streams never block page requests, up to the limit and beyond', async () => {
  const { serve } = await serveBasic();
  const streams = [];
  const loadPages = async (n) => {
    const started = performance.now();
    const pages = await Promise.all(Array.from({ length: n }, (_, i) =>
      request(serve.port, i % 2 ? '/plans/' : '/plans/sample/chapter-1.html', { timeout: 3000 })));
    assert(pages.every((p) => p.status === 200), 'every page answered');
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < 32; i += 1) streams.push(await openEvents(serve.port));
    assert(streams.every((s) => s.status === 200), 'every stream opened');
    const with32 = await loadPages(40);
    // A refused connection is retried by the kernel after a second: stay well below.
    assert(with32 < 900, `40 pages took ${with32.toFixed(0)} ms with 32 streams open`);
    for (let i = 0; i < 32; i += 1) streams.push(await openEvents(serve.port));
    assert(streams.every((s) => s.status === 200), '64 streams opened');
    const over = await openEvents(serve.port);
    assert(over.status === 503, `stream 65 → ${over.status}`);
    over.close();
    const with64 = await loadPages(40);
    assert(with64 < 900, `40 pages took ${with64.toFixed(0)} ms with 64 streams open`);
    console.log(`      40 pages in ${with32.toFixed(0)} ms with 32 streams open, ${with64.toFixed(0)} ms with 64`);
  } finally {
    streams.forEach((s) => s.close());
    await stopped(serve);
  }
});

test('an edit triggers exactly one reload event, sent after the rebuild', async () => {
  const { serve, content } = await serveBasic();
  try {
    const before = await request(serve.port, '/plans/sample/chapter-1.html');
    const stream = await openEvents(serve.port, buildOf(before.body));
    edit(chapter(content), 'この章では計画の背景を述べます。', 'この章では計画の背景と目的を述べます。');
    await until(() => stream.events.length > 0, 'the reload event');
    const event = stream.events[0].data;
    assert(event.error === false, 'no error');
    assert(event.changed.includes('sample/chapter-1.html'), `changed: ${event.changed}`);
    assert(!event.changed.includes('sample/chapter-2.html'), 'chapter 2 did not change');
    // The event came after the rebuild: the page already has the new text.
    const after = await request(serve.port, '/plans/sample/chapter-1.html');
    assert(after.body.includes('計画の背景と目的を述べます'), 'new text served');
    assert(buildOf(after.body) === event.build, 'the page carries the new build');
    await new Promise((r) => setTimeout(r, 1000));
    assert(stream.events.length === 1, `${stream.events.length} events for one edit`);
    // A save that changes no page sends nothing.
    edit(chapter(content), 'content:', '# 注記\ncontent:');
    await new Promise((r) => setTimeout(r, 1000));
    assert(stream.events.length === 1, 'no event for a save without visible change');
    assert(/変わったファイルはありません/.test(serve.stdout), serve.stdout);
    stream.close();
  } finally {
    await stopped(serve);
  }
});

test('atomic saves (write a temporary file, rename it over) and new folders are seen', async () => {
  const { serve, content } = await serveBasic();
  try {
    const stream = await openEvents(serve.port, buildOf((await request(serve.port, '/plans/')).body));
    const file = chapter(content);
    const text = readFileSync(file, 'utf8').replace('目的', '計画の目的');
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    await until(() => stream.events.length === 1, 'reload after an atomic save');
    // A plan written into folders created after the server started.
    const plan = join(content, 'plans/new-plan');
    mkdirSync(plan, { recursive: true });
    writeFileSync(join(plan, 'chapter-1.yaml'), 'title: 新しい計画の章\ncontent:\n  - 新しい章です。\n');
    writeFileSync(join(plan, 'plan.yaml'), 'municipality:\n  name: 見本町\ntitle: 新しい計画\nkind: 方針\nchapters: [chapter-1.yaml]\n');
    await until(() => stream.events.length === 2, 'reload after the new plan');
    assert((await request(serve.port, '/plans/')).body.includes('新しい計画'), 'new plan listed');
    edit(join(plan, 'chapter-1.yaml'), '新しい計画の章', '新しい計画の第1章');
    await until(() => stream.events.length === 3, 'reload after editing inside the new folder');
    assert((await request(serve.port, '/plans/new-plan/chapter-1.html')).body.includes('新しい計画の第1章'), 'edit seen');
    stream.close();
  } finally {
    await stopped(serve);
  }
});

test('a YAML error shows the overlay with its position, keeps the last good site, and clears when fixed', async () => {
  const { serve, content } = await serveBasic();
  try {
    const stream = await openEvents(serve.port, buildOf((await request(serve.port, '/plans/')).body));
    // Line 2, column 16: a second 「: 」 in a plain value.
    edit(chapter(content), 'title: 計画の背景', 'title: 計画の<b>背景: です');
    await until(() => stream.events.length === 1, 'the error event');
    assert(stream.events[0].data.error === true, 'error event');
    const page = await request(serve.port, '/plans/sample/chapter-1.html');
    assert(page.status === 200, 'the last good page is still served');
    assert(page.body.includes('この章では計画の背景を述べます。'), 'last good content');
    const overlay = page.body.slice(page.body.indexOf('<div id="keikaku-error"'));
    assert(overlay.startsWith('<div id="keikaku-error"'), 'overlay shown');
    const where = overlay.match(/<code>([^<]*chapter-1\.yaml):(\d+):(\d+)<\/code>/);
    assert(where, `position in overlay: ${overlay.slice(0, 600)}`);
    assert(where[1] === chapter(content), `file ${where[1]}`);
    assert(where[2] === '2' && where[3] === '16', `position ${where[2]}:${where[3]}`);
    assert(overlay.includes('[yaml.syntax]'), 'rule id');
    assert(overlay.includes('title: 計画の&lt;b&gt;背景: です</mark>') && !overlay.includes('<b>背景'), 'source line escaped');
    assert(overlay.includes('number: 第1章') && overlay.includes('この章では計画の背景を述べます。'), 'lines around');
    assert(serve.stderr.includes(`${where[1]}:${where[2]}:${where[3]}: error`), `terminal: ${serve.stderr}`);
    // Other pages show it too, the server keeps running.
    assert((await request(serve.port, '/plans/')).body.includes('id="keikaku-error"'), 'overlay on every page');
    edit(chapter(content), 'title: 計画の<b>背景: です', 'title: 計画の背景（直しました）');
    await until(() => stream.events.length === 2, 'the fixed event');
    assert(stream.events[1].data.error === false, 'fixed');
    const fixed = await request(serve.port, '/plans/sample/chapter-1.html');
    assert(!fixed.body.includes('id="keikaku-error"') && fixed.body.includes('直しました'), 'overlay cleared');
    // A deleted site.yaml is an error too, not a crash.
    renameSync(join(content, 'site.yaml'), join(content, 'site.yml'));
    await until(() => stream.events.length === 3, 'missing site.yaml');
    assert((await request(serve.port, '/plans/')).body.includes('site.yaml'), 'names the missing file');
    renameSync(join(content, 'site.yml'), join(content, 'site.yaml'));
    await until(() => stream.events.length === 4 && !stream.events[3].data.error, 'restored');
    stream.close();
  } finally {
    await stopped(serve);
  }
  assert(serve.exit.code === 0, `exit ${JSON.stringify(serve.exit)}`);
});

test('drafts are shown by serve and left out by build', async () => {
  const content = copyContent(repoRoot, 'tests/sites/basic');
  writeFileSync(join(content, 'plans/sample/chapter-3.yaml'), 'number: 第3章\ntitle: 検討中の章\ndraft: true\ncontent:\n  - まだ下書きです。\n');
  edit(join(content, 'plans/sample/plan.yaml'), '  - chapter-2.yaml', '  - chapter-2.yaml\n  - chapter-3.yaml');
  const serve = await startServe(keikaku, ['--source', content, '--port', '0'], { cwd: tempDir() }).ready;
  try {
    const page = await request(serve.port, '/plans/sample/chapter-3.html');
    assert(page.status === 200 && page.body.includes('この章は下書きです'), `draft page ${page.status}`);
  } finally {
    await stopped(serve);
  }
  const { spawnSync } = await import('node:child_process');
  const out = join(tempDir(), 'site');
  const built = spawnSync(keikaku, ['build', '--source', content, '--output', out], { encoding: 'utf8' });
  assert(built.status === 0, built.stderr);
  assert(!existsSync(join(out, 'sample/chapter-3.html')), 'build wrote the draft');
  assert(!readFileSync(join(out, 'sample/index.html'), 'utf8').includes('検討中の章'), 'build lists the draft');
});

test('a template and a stylesheet in the theme folder, created while serving, are used at once', async () => {
  const theme = join(tempDir(), 'theme');
  mkdirSync(theme);
  const { serve } = await serveBasic(['--theme', theme]);
  try {
    const stream = await openEvents(serve.port, buildOf((await request(serve.port, '/plans/')).body));
    mkdirSync(join(theme, 'templates'));
    const layout = readFileSync(join(repoRoot, 'templates/layout.tpl'), 'utf8');
    writeFileSync(join(theme, 'templates/layout.tpl'), layout.replace('</footer>', '<p>町のテーマです</p></footer>'));
    await until(() => stream.events.length === 1, 'reload after the template edit');
    const page = (await request(serve.port, '/plans/')).body;
    assert(page.includes('町のテーマです'), 'theme template used');
    // A design token changed in a partial: a new stylesheet (new content hash) on every page.
    mkdirSync(join(theme, 'assets/scss'), { recursive: true });
    const tokens = readFileSync(join(repoRoot, 'assets/scss/_tokens.scss'), 'utf8');
    writeFileSync(join(theme, 'assets/scss/_tokens.scss'), tokens.replace(/^\$text: #[0-9a-f]+;/m, '$text: #123456;'));
    await until(() => stream.events.length === 2, 'reload after the stylesheet edit');
    const css = stream.events[1].data.changed.find((f) => /^assets\/style\.[0-9a-f]+\.css$/.test(f) && !page.includes(f));
    assert(css, `a new stylesheet: ${stream.events[1].data.changed}`);
    assert((await request(serve.port, `/plans/${css}`)).body.includes('#123456'), 'the new colour is served');
    assert((await request(serve.port, '/plans/')).body.includes(css), 'pages link the new stylesheet');
    stream.close();
  } finally {
    await stopped(serve);
  }
});

test('with --poll, edits are found by polling', async () => {
  const { serve, content } = await serveBasic(['--poll']);
  try {
    assert(serve.stdout.includes('ポーリング'), serve.stdout);
    const stream = await openEvents(serve.port, buildOf((await request(serve.port, '/plans/')).body));
    edit(chapter(content), '目的', '目的と範囲');
    await until(() => stream.events.length === 1, 'reload by polling');
    stream.close();
  } finally {
    await stopped(serve);
  }
});

test('ports: a busy default moves to the next, a busy --port is an error, other hosts are refused', async () => {
  const blocker = createServer();
  const blocked = await new Promise((resolve) => {
    blocker.once('error', () => resolve(false));
    blocker.listen(8080, '127.0.0.1', () => resolve(true));
  });
  const content = copyContent(repoRoot, 'tests/sites/basic');
  const first = await startServe(keikaku, ['--source', content], { cwd: tempDir() }).ready;
  const second = await startServe(keikaku, ['--source', content], { cwd: tempDir() }).ready;
  try {
    assert(first.port > 8080 || !blocked, `first on ${first.port} though 8080 was taken`);
    assert(first.port >= 8080 && first.port < 8090 && second.port > first.port && second.port < 8090,
      `ports ${first.port}, ${second.port}`);
    assert(first.port === 8080 || first.stdout.includes('使われていた'), first.stdout);
    const taken = startServe(keikaku, ['--source', content, '--port', String(first.port)], { cwd: tempDir() });
    taken.ready.catch(() => {});
    const exit = await taken.exited;
    assert(exit.code === 1 && taken.stderr.includes(`ポート ${first.port}`), `${JSON.stringify(exit)} ${taken.stderr}`);
    const rebinding = await request(first.port, '/plans/', { headers: { Host: 'attacker.example:8080' } });
    assert(rebinding.status === 403, `foreign Host → ${rebinding.status}`);
  } finally {
    await stopped(first);
    await stopped(second);
    blocker.close();
  }
});

test('--open starts the desktop browser on the preview URL', async () => {
  const bin = tempDir();
  const log = join(bin, 'opened');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > '${log}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const { serve } = await serveBasic(['--open'], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  try {
    await until(() => existsSync(log) && readFileSync(log, 'utf8').trim() !== '', 'xdg-open');
    assert(readFileSync(log, 'utf8').trim() === serve.url, readFileSync(log, 'utf8'));
  } finally {
    await stopped(serve);
  }
});

test('Ctrl-C stops the server cleanly, with streams open', async () => {
  const { serve } = await serveBasic();
  const stream = await openEvents(serve.port);
  const started = performance.now();
  const exit = await serve.stop('SIGINT');
  const elapsed = performance.now() - started;
  assert(exit.code === 0, `exit ${JSON.stringify(exit)}`);
  assert(elapsed < 3000, `stopping took ${elapsed.toFixed(0)} ms`);
  assert(serve.stdout.includes('プレビューを終わりました'), serve.stdout);
  await request(serve.port, '/plans/').then(() => assert(false, 'still answering'), () => {});
  stream.close();
});

await run();
