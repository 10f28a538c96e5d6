// Every page of the bundled site, accessible and light, proven in Chromium on every build:
// axe-core (WCAG 2.0/2.1/2.2 A and AA, light and dark; AAA contrast for body text),
// reflow at 320 CSS px and at 1280 px with 400 % zoom, no request leaving the site, no web
// font, no console error, content and navigation without JavaScript, the Nu Html Checker,
// readable type, and the page-weight budget. Prints one summary line per check.
// With KEIKAKU_A11Y_RESULTS=FILE it also writes the figures for the accessibility
// statement page (scripts/a11y-results.sh).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assert, axe, buildSite, launch, listFiles, openPage, run, serve, sideways, tempDir, test } from './harness.mjs';

const require = createRequire(import.meta.url);
const site = buildSite('content');
const pages = listFiles(site).filter((p) => p.endsWith('.html'));
const server = await serve(site);
const browser = await launch();
const summary = [];
const figures = [];

// Runs `check(page, path)` on every page in one context; returns the failures as lines.
async function everyPage(contextOptions, check) {
  const { page, context } = await openPage(browser, server.origin, contextOptions);
  const failures = [];
  for (const p of pages) {
    await page.goto(`${server.url}${p}`);
    const problem = await check(page, p);
    if (problem) failures.push(`${p}: ${problem}`);
  }
  await context.close();
  return failures;
}

// One summary line per check; `label` names the check for residents on the statement page.
function record(name, label, line, failures) {
  summary.push(`${name.padEnd(34)} ${line}`);
  figures.push({ name: label, pages: pages.length, failures: failures.length });
  assert(failures.length === 0, failures.join('\n'));
}

test('axe-core: no WCAG A/AA violation on any page, and AAA contrast (7:1) for body text, in light and dark', async () => {
  const aa = [];
  const aaa = [];
  for (const colorScheme of ['light', 'dark']) {
    await everyPage({ colorScheme }, async (page, p) => {
      const found = await axe(page);
      const enhanced = await axe(page, { runOnly: ['color-contrast-enhanced'], include: ['main p', 'main li', 'main td', 'main dd'] });
      aa.push(...found.map((v) => `${p} (${colorScheme}): ${v}`));
      aaa.push(...enhanced.map((v) => `${p} (${colorScheme}): ${v}`));
    });
  }
  record('axe-core WCAG A/AA (light, dark)', 'WCAG 2.2 の A・AA の達成基準の自動検査（通常の配色と暗い配色）', `${pages.length} pages × 2 schemes, ${aa.length} violations`, aa);
  record('AAA contrast of body text', '本文の文字と背景のコントラスト比 7:1 以上', `${pages.length} pages × 2 schemes, ${aaa.length} failures`, aaa);
});

test('no horizontal scrolling at 320 CSS px, nor at 1280 px with 400 % zoom', async () => {
  const narrow = await everyPage({ viewport: { width: 320, height: 640 } }, async (page) => {
    const overflow = await sideways(page);
    return overflow > 0 ? `${overflow}px sideways at 320 px` : null;
  });
  // 1280 × 1024 at 400 % zoom is a 320 × 256 CSS px viewport with four device pixels each.
  const zoomed = await everyPage({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }, async (page) => {
    const overflow = await sideways(page);
    return overflow > 0 ? `${overflow}px sideways at 400 % zoom` : null;
  });
  record('reflow 320 px / 1280 px at 400 %', '幅 320 px の画面と 400 % の拡大で横にスクロールしないこと', `${pages.length} pages × 2, ${narrow.length + zoomed.length} failures`, [...narrow, ...zoomed]);
});

const loads = new Map();  // page → the CSS and scripts it loaded (site paths)

test('nothing leaves the site: no external request, no web font, no failed request, no console error', async () => {
  const { page, problems, context } = await openPage(browser, server.origin);
  let current = null;
  let requests = 0;
  const fonts = [];
  page.on('request', (r) => {
    requests += 1;
    if (r.resourceType() === 'font') fonts.push(r.url());
    if (current && ['stylesheet', 'script'].includes(r.resourceType()) && r.url().startsWith(server.url)) {
      loads.get(current).push(decodeURIComponent(r.url().slice(server.url.length)));
    }
  });
  for (const p of pages) {
    current = p;
    loads.set(p, []);
    await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
  }
  await context.close();
  const failures = [
    ...problems.external.map((u) => `external request ${u}`),
    ...fonts.map((u) => `web font ${u}`),
    ...problems.failed.map((u) => `failed request ${u}`),
    ...problems.consoleErrors.map((e) => `console error ${e}`),
  ];
  record('requests', 'ほかのサイトへの通信、ウェブフォント、読み込みの失敗、スクリプトのエラーがないこと', `${pages.length} pages, ${requests} requests: ${problems.external.length} external, ` +
    `${fonts.length} fonts, ${problems.failed.length} failed, ${problems.consoleErrors.length} console errors`, failures);
});

test('page weight: the median page fits in 14 KB gzip, none but the full text exceeds 30 KB', async () => {
  assert(loads.size === pages.length, 'the requests check must run first');
  const gz = (file) => gzipSync(readFileSync(join(site, file)), { level: 9 }).length;
  const weights = pages.map((p) => ({ page: p, bytes: gz(p) + loads.get(p).reduce((sum, f) => sum + gz(f), 0) }));
  weights.sort((a, b) => a.bytes - b.bytes);
  const median = weights[weights.length >> 1].bytes;
  const others = weights.filter((w) => !w.page.endsWith('/full.html'));
  const largest = others[others.length - 1];
  const full = weights.filter((w) => w.page.endsWith('/full.html')).pop();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const w of weights) console.log(`      ${kb(w.bytes).padStart(8)}  ${w.page}`);
  const failures = [];
  if (median > 14 * 1024) failures.push(`median ${kb(median)} > 14 KB`);
  for (const w of others) if (w.bytes > 30 * 1024) failures.push(`${w.page}: ${kb(w.bytes)} > 30 KB`);
  // Shared, cacheable files: the stylesheet and scripts are named by their content hash.
  for (const f of new Set([...loads.values()].flat())) {
    if (!/\.[0-9a-f]{8,}\.(css|js)$/.test(f)) failures.push(`${f}: not named by content hash`);
  }
  const css = [...new Set([...loads.values()].flat())].filter((f) => f.endsWith('.css'));
  if (css.length !== 1) failures.push(`${css.length} stylesheets; one shared stylesheet expected`);
  if (css.some((f) => /@font-face|@import\s+url/.test(readFileSync(join(site, f), 'utf8')))) failures.push('web font or import in CSS');
  record('page weight (gzip HTML+CSS+JS)', 'ページの重さ（圧縮後の中央値 14 KB 以下、全文のページ以外は 30 KB 以下）', `median ${kb(median)}, largest ${kb(largest.bytes)} (${largest.page}), ` +
    `full text up to ${kb(full.bytes)}`, failures);
});

test('without JavaScript every page keeps its content and navigation', async () => {
  const failures = await everyPage({ javaScriptEnabled: false }, async (page, p) => {
    const text = (await page.locator('main').innerText()).trim();
    if (text.length < 20) return 'main is empty';
    if (await page.locator('header a').count() < 1) return 'no link in the header';
    if (p !== 'index.html' && p !== '404.html' && await page.locator('nav.breadcrumbs a').count() < 1) return 'no breadcrumbs';
    return null;
  });
  record('no JavaScript', 'JavaScript を使わなくても内容とナビゲーションがあること', `${pages.length} pages, ${failures.length} lost content or navigation`, failures);
});

test('type reads well: 16 px or more, Japanese line height, a Japanese font stack', async () => {
  const failures = await everyPage({}, async (page) => {
    const problems = await page.evaluate(() => {
      const found = [];
      // Body text: paragraphs, list items, cells and definitions; not the auxiliary small print.
      const text = [...document.querySelectorAll('main :is(p, li, td, th, dd)')]
        .filter((e) => !e.closest('nav, .figure-source, .table-source, caption') && e.textContent.trim());
      for (const e of text) {
        const s = getComputedStyle(e);
        const size = parseFloat(s.fontSize);
        const ratio = parseFloat(s.lineHeight) / size;
        if (size < 16) found.push(`${e.tagName.toLowerCase()}.${e.className} ${size}px`);
        else if (ratio < 1.7) found.push(`${e.tagName.toLowerCase()}.${e.className} line height ${ratio.toFixed(2)}`);
        if (found.length) break;
      }
      const family = getComputedStyle(document.body).fontFamily;
      if (!family.startsWith('"Hiragino Sans"') || /^system-ui/.test(family)) found.push(`font ${family}`);
      return found;
    });
    return problems.length ? problems.join(', ') : null;
  });
  record('typography', '本文の文字の大きさ（16 px 以上）と行の高さ', `${pages.length} pages, ${failures.length} failures`, failures);
});

test('printed, pages drop the navigation and show where external links go', async () => {
  const failures = await everyPage({}, async (page) => {
    await page.emulateMedia({ media: 'print' });
    const problems = await page.evaluate(() => {
      const shown = [...document.querySelectorAll('.site-header, .breadcrumbs, .pager, .skip-link, .furigana-switch')]
        .filter((e) => e.checkVisibility());
      const external = [...document.querySelectorAll('main a[href^="http"]')]
        .filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')));
      return [...shown.map((e) => `${e.className} printed`), ...external.map((a) => `${a.href} without its URL`)];
    });
    await page.emulateMedia({ media: 'screen' });
    return problems.length ? problems.join(', ') : null;
  });
  record('print', '印刷したときにナビゲーションを省き、外部リンクのアドレスを示すこと', `${pages.length} pages, ${failures.length} failures`, failures);
});

test('the Nu Html Checker finds no error on any page', async () => {
  const vnu = require('vnu-jar');
  const check = (target) => {
    const r = spawnSync('java', ['-jar', vnu, '--format', 'json', '--skip-non-html', '--exit-zero-always', target],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert(r.status === 0, `vnu could not run: ${r.error ?? r.stderr}`);
    return JSON.parse(r.stderr).messages;
  };
  // The checker itself works: a broken page is caught.
  const probe = tempDir();
  writeFileSync(join(probe, 'broken.html'), '<!DOCTYPE html><html lang="ja"><title>x</title><p><div></span>');
  assert(check(probe).some((m) => m.type === 'error'), 'vnu found nothing in a broken page');
  const messages = check(site);
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const warnings = messages.filter((m) => m.subType === 'warning');
  const failures = errors.map((m) => `${m.url?.replace(/^.*\/site\//, '')}:${m.lastLine}: ${m.message}`);
  record('Nu Html Checker', 'HTML の文法（Nu Html Checker）', `${pages.length} pages, ${errors.length} errors, ${warnings.length} warnings`, failures);
});

await run(async () => {
  console.log('\nsummary');
  for (const line of summary) console.log(`  ${line}`);
  if (process.env.KEIKAKU_A11Y_RESULTS) {
    // The accessibility statement's figures (schema: a11y-results in keikaku's content schema).
    const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    const results = {
      date: new Date().toISOString().slice(0, 10),
      pages,
      tools: [
        { name: 'Chromium', version: browser.version() },
        { name: 'axe-core', version: version('axe-core') },
        { name: 'Nu Html Checker (vnu-jar)', version: version('vnu-jar') },
      ],
      checks: figures,
    };
    writeFileSync(process.env.KEIKAKU_A11Y_RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote ${process.env.KEIKAKU_A11Y_RESULTS}`);
  }
  await browser.close();
  server.close();
});
