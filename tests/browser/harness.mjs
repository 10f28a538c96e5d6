// The browser-test harness: builds a site with the real keikaku binary, serves it on
// 127.0.0.1, and drives Debian's chromium through playwright-core. Later suites (glossary,
// furigana, accessibility) add their own *.test.mjs files on top of this module.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { copyContent, tempDir } from '../serve/lib.mjs';

const require = createRequire(import.meta.url);

export const [keikaku, repoRoot] = process.argv.slice(2);
if (!keikaku || !repoRoot) {
  console.error('usage: node TEST.test.mjs KEIKAKU_BINARY REPO_ROOT');
  process.exit(2);
}

export { tempDir };

/**
 * Runs `keikaku build` of `source` (relative to the repository, or absolute) into `out`;
 * returns spawnSync's result, failed or not.
 */
export function keikakuBuild(source, out) {
  return spawnSync(keikaku, ['build', '--source', resolve(repoRoot, source), '--output', out], { encoding: 'utf8' });
}

/** Builds `source` (relative to the repository, or absolute) with the real binary; returns the output folder. */
export function buildSite(source = 'content') {
  const out = join(tempDir(), 'site');
  const r = keikakuBuild(source, out);
  if (r.status !== 0) throw new Error(`keikaku build failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return out;
}

/** A private copy of `from` (a content folder of the repository) with `settings` added to its site.yaml. */
export function siteWith(from, settings) {
  const dir = copyContent(repoRoot, from);
  const file = join(dir, 'site.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${settings}\n`);
  return dir;
}

/** Every file of a built site, as site-relative paths with '/' separators, sorted. */
export function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .filter((p) => !p.startsWith('.'))
    .sort();
}

/** How far `page`'s document scrolls sideways, in CSS px (0 when it fits). */
export const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The types of content file, each with its JSON Schema from `keikaku schema`. */
export const CONTENT_TYPES = ['site', 'plan', 'chapter', 'glossary', 'readings'];

/** The JSON Schemas that `keikaku schema` writes, by content file type. */
export function contentSchemas() {
  const out = tempDir();
  const made = spawnSync(keikaku, ['schema', '--output', out], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`keikaku schema failed: ${made.stderr}`);
  return Object.fromEntries(CONTENT_TYPES.map((t) => [t, JSON.parse(readFileSync(join(out, `${t}.schema.json`), 'utf8'))]));
}

/** Which schema a content file follows, by its name (as docs/content.md maps them), or null. */
export function contentTypeOf(path) {
  const name = path.split('/').pop();
  if (!name.endsWith('.yaml')) return null;
  if (name === 'site.yaml') return 'site';
  if (name === 'readings.yaml') return 'readings';
  if (name === 'plan.yaml') return 'plan';
  if (name === 'glossary.yaml') return 'glossary';
  if (name === 'references.yaml' || name.startsWith('chapter-')) return 'chapter';
  return null;
}

/** The plan folders of a built site (those with an overview page), by name, sorted. */
export function planFolders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml',
};

/**
 * Serves `dir` under `mount` (e.g. '/' or '/town/keikaku/') on 127.0.0.1 like a plain web
 * server: index.html for folders, the site's 404.html for anything missing.
 */
export async function serve(dir, mount = '/') {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (path.startsWith(mount)) {
      const rel = normalize(path.slice(mount.length));
      if (!rel.startsWith('..') && !rel.includes(`${sep}..`)) {
        file = join(dir, rel);
        try { if (statSync(file).isDirectory()) file = join(file, 'index.html'); } catch { file = null; }
        try { if (file && !statSync(file).isFile()) file = null; } catch { file = null; }
      }
    }
    const served = file ?? join(dir, '404.html');
    res.writeHead(file ? 200 : 404, { 'content-type': MIME[extname(served)] ?? 'application/octet-stream' });
    const body = readFileSync(served);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${mount}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

// Flags that keep Chromium off the network and quiet on a closed machine (see env notes).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page that records console errors, failed requests and every request that leaves
 * `allowedOrigin` (those are aborted, so a test can never reach the network).
 */
export async function openPage(browser, allowedOrigin, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...contextOptions });
  const page = await context.newPage();
  const problems = { consoleErrors: [], external: [], failed: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin) || url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    problems.external.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => problems.failed.push(r.url()));
  return { context, page, problems };
}

/** The WCAG 2.0/2.1/2.2 A and AA rule tags of axe-core. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in the page; returns violations as lines. By default the WCAG A/AA rules on
 * the whole page; `runOnly` (tags or rule ids) and `include` (selectors) narrow it.
 */
export async function axe(page, { runOnly = { type: 'tag', values: WCAG_AA }, include } = {}) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const result = await page.evaluate(([options, selectors]) => {
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    return window.axe.run(context, { runOnly: options });
  }, [runOnly, include ?? null]);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// A minimal test runner: sequential, prints one line per test and a closing count line.
const tests = [];
export function test(name, fn) { tests.push({ name, fn }); }

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs the tests in order, then `after` (e.g. a summary or cleanup), and exits. */
export async function run(after) {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    try {
      await fn();
      passed += 1;
      console.log(`ok    ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL  ${name}\n      ${String(e.stack ?? e).split('\n').join('\n      ')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (after) await after();
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
