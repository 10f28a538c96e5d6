// The one-page full text (full.html) of each bundled plan printed as an A4 document, in
// Chromium: a PDF of about the pages we expect, the cover alone on page 1 with no page number,
// each chapter and the glossary from the top of a page, nothing wider than the printed page,
// readings printed when the reader switched them on and not when off, the glossary's back-links
// left out. Page text comes from poppler's pdftotext (scripts/install-deps.sh installs it).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, buildSite, launch, openPage, run, serve, siteWith, tempDir, test } from './harness.mjs';

const site = buildSite('content');
const server = await serve(site);
const browser = await launch();
const scratch = tempDir();

// Pages of the PDF as printed with the reader's readings switched on (the site's default), measured
// with the print stylesheet of this commit; the range allows about ±25 % for text and font changes.
const PLANS = {
  'miki-dx-plan': [17, 29], // measured 23
  'otaki-dx-plan': [11, 18], // measured 14
  'shoo-dx-policy': [8, 14], // measured 11
  'takahashi-dx-plan': [14, 24], // measured 19
};

// The A4 page box less the @page margins (16 mm left and right), in CSS px.
const A4_CONTENT_WIDTH = Math.floor(((210 - 32) / 25.4) * 96);

const PDF_PAGE = /\/Type\s*\/Page(?![s\w])/g;
const pageCount = (pdf) => (pdf.toString('latin1').match(PDF_PAGE) || []).length;
const squash = (s) => s.replace(/\s+/g, '');

/** The text of each page of a PDF file (pdftotext ends every page with a form feed). */
function pdfPages(file) {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
  return r.stdout.split('\f').slice(0, -1);
}

/** The first `n` non-empty lines of a page, joined without white space. */
const firstLines = (page, n = 3) => squash(page.split('\n').filter((l) => l.trim()).slice(0, n).join(''));

/** Prints `page` to an A4 PDF in the scratch folder: its file, page count and text by page. */
async function pdfOf(page, name) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = pdfPages(file);
  assert(pages.length === pageCount(pdf), `${name}: pdftotext gives ${pages.length} pages, the PDF has ${pageCount(pdf)}`);
  return { file, count: pageCount(pdf), pages };
}

/**
 * Opens `url` with the reader's ふりがな choice ('on', 'off' or null for the site default) in
 * localStorage before the page's script runs, in print media, and prints it to A4.
 */
async function printed(url, furigana, name, fn = async () => {}) {
  const { page, context, problems } = await openPage(browser, server.origin);
  if (furigana) await context.addInitScript((v) => localStorage.setItem('keikaku-furigana', v), furigana);
  try {
    await page.emulateMedia({ media: 'print' });
    await page.goto(url);
    await fn(page);
    const pdf = await pdfOf(page, name);
    assert(problems.consoleErrors.length === 0 && problems.failed.length === 0 && problems.external.length === 0,
      `${name}: ${[...problems.consoleErrors, ...problems.failed, ...problems.external]}`);
    return { ...pdf, page, context };
  } catch (e) {
    await context.close();
    throw e;
  }
}

// What the page says, read in the DOM: texts with readings, rp and the screen reader's kana removed.
function facts(page) {
  return page.evaluate(() => {
    const plain = (el) => {
      if (!el) return null;
      const c = el.cloneNode(true);
      c.querySelectorAll('rt, rp, .kana-sr, .vh').forEach((e) => e.remove());
      return c.textContent;
    };
    const main = document.querySelector('main');
    const readings = [...main.querySelectorAll('rt')].map((r) => r.textContent.replace(/\s+/g, ''));
    return {
      title: plain(document.querySelector('.full-cover h1')),
      town: plain(document.querySelector('.full-cover .plan-town')),
      // What follows the cover: the preface or the first chapter.
      afterCover: plain(document.querySelector('.full-cover + section > h2')),
      chapters: [...document.querySelectorAll('.full-text > .chapter > h2, .full-text > .glossary-section > h2')].map(plain),
      chapterReadings: [...document.querySelectorAll('.full-text > .chapter > h2')]
        .map((h) => [plain(h), [...h.querySelectorAll('rt')].map((r) => r.textContent.replace(/\s+/g, ''))]),
      glossary: Boolean(document.querySelector('.full-text > .glossary-section')),
      termUses: document.querySelectorAll('.term-uses').length,
      mainText: plain(main).replace(/\s+/g, ''),
      readings,
      external: [...main.querySelectorAll('a[href^="http"]')].map((a) => a.getAttribute('href')),
    };
  });
}

const counts = {};
// Each plan printed with readings off (the first test's), for the readings and long-table tests.
const offPrints = {};
const shownReadings = (page) => page.$$eval('main rt', (rts) => rts.filter((r) => getComputedStyle(r).display !== 'none').length);
const readingCounts = {};
let headingReadings = 0;

for (const [plan, [low, high]] of Object.entries(PLANS)) {
  const url = `${server.url}${plan}/full.html`;

  test(`${plan}: an A4 document of ${low}–${high} pages, cover alone on page 1, each chapter and the glossary from a new page`, async () => {
    let shownOff = null;
    const off = await printed(url, 'off', `${plan}-off`, async (page) => { shownOff = await shownReadings(page); });
    offPrints[plan] = { count: off.count, pages: off.pages, shown: shownOff };
    const f = await facts(off.page);
    await off.context.close();
    const def = await printed(url, null, `${plan}-default`);
    await def.context.close();
    counts[plan] = { default: def.count, off: off.count };
    assert(def.count > 1 && def.count >= low && def.count <= high, `${plan}: ${def.count} pages (expected ${low}–${high})`);
    assert(off.count > 1 && off.count <= def.count, `${plan}: ${off.count} pages without readings, ${def.count} with`);
    if (plan === Object.keys(PLANS)[0]) {
      // Once: the page count read from the PDF's page dictionaries agrees with poppler's.
      const info = spawnSync('pdfinfo', [def.file], { encoding: 'utf8' }).stdout.match(/^Pages:\s+(\d+)/m);
      assert(info && Number(info[1]) === def.count, `pdfinfo says ${info?.[1]} pages, the regex ${def.count}`);
    }

    const pages = off.pages;
    const [cover, second] = pages;
    assert(f.title && f.town && f.chapters.length > 1, `${plan}: the cover has a title and town, the text chapters (${f.chapters.length})`);
    assert(squash(cover).includes(squash(f.title)), `${plan}: page 1 lacks the title「${f.title}」:\n${cover}`);
    assert(squash(cover).includes(squash(f.town)), `${plan}: page 1 lacks the town「${f.town}」`);
    assert(!squash(cover).includes(squash(f.afterCover)) && !squash(cover).includes(squash(f.chapters[0])),
      `${plan}: page 1 holds more than the cover:\n${cover}`);
    // No page number on the cover; the others have "N / total" in the bottom margin.
    assert(!/\b1\s*\/\s*\d+\b/.test(cover), `${plan}: the cover is numbered`);
    pages.slice(1).forEach((p, i) => {
      const last = p.split('\n').filter((l) => l.trim()).at(-1) ?? '';
      assert(last.trim() === `${i + 2} / ${pages.length}`, `${plan}: page ${i + 2} ends with「${last.trim()}」, not its number`);
    });
    // No blank page after the cover: page 2 starts with what follows it.
    assert(firstLines(second).startsWith(squash(f.afterCover)), `${plan}: page 2 starts with「${firstLines(second)}」, not「${f.afterCover}」`);

    // Each chapter heading (and 用語集) at the top of its own page, in order.
    let previous = 0;
    for (const heading of f.chapters) {
      const at = pages.findIndex((p, i) => i > 0 && firstLines(p).startsWith(squash(heading)));
      assert(at > previous, `${plan}: 「${heading}」 does not start a page after page ${previous + 1} (found on ${at + 1})`);
      previous = at;
    }
    assert(!f.glossary || f.chapters.at(-1) === '用語集', `${plan}: the glossary heading was not checked`);

    // The glossary's back-links are left out; external links show their address.
    const all = squash(pages.join(''));
    if (f.glossary) assert(f.termUses > 0 && !all.includes('本文に戻る'), `${plan}: back-links printed (${f.termUses} in the page)`);
    for (const href of f.external) assert(all.includes(squash(href)), `${plan}: the address ${href} is not printed`);
  });

  test(`${plan}: nothing wider than the printed page (viewport ${A4_CONTENT_WIDTH} px, print media)`, async () => {
    const { page, context } = await openPage(browser, server.origin, { viewport: { width: A4_CONTENT_WIDTH, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(url);
    const r = await page.evaluate(() => {
      const main = document.querySelector('main');
      const s = getComputedStyle(main);
      const box = main.getBoundingClientRect();
      const left = box.left + parseFloat(s.paddingLeft);
      const right = box.right - parseFloat(s.paddingRight);
      const els = [...main.querySelectorAll('table, svg, img, pre, figure')].filter((e) => getComputedStyle(e).display !== 'none');
      const wide = els.map((e) => [e, e.getBoundingClientRect()])
        .filter(([, b]) => b.left < left - 0.5 || b.right > right + 0.5)
        .map(([e, b]) => `${e.tagName.toLowerCase()}「${(e.querySelector('caption, figcaption')?.textContent ?? '').trim()}」 ${Math.round(b.left)}–${Math.round(b.right)} px`);
      const html = document.documentElement;
      return { checked: els.length, tables: els.filter((e) => e.tagName === 'TABLE').length, wide, width: right - left,
        overflow: html.scrollWidth - html.clientWidth };
    });
    await context.close();
    assert(r.tables > 0 && r.checked >= r.tables, `${plan}: no table to check (${r.checked} elements)`);
    assert(r.width > A4_CONTENT_WIDTH - 40, `${plan}: main is ${r.width} px wide`);
    assert(r.wide.length === 0, `${plan}: wider than main (${Math.round(r.width)} px): ${r.wide.join(', ')}`);
    assert(r.overflow <= 0, `${plan}: the document scrolls sideways by ${r.overflow} px`);
  });

  test(`${plan}: readings printed when switched on, not when off`, async () => {
    const on = await printed(url, 'on', `${plan}-on`, async (page) => {
      const shown = await shownReadings(page);
      const total = await page.locator('main rt').count();
      assert(total > 0 && shown === total, `${plan}: switched on, ${shown}/${total} readings shown in print`);
    });
    const f = await facts(on.page);
    await on.context.close();
    const off = offPrints[plan];
    assert(off, `${plan}: no print with readings off (the first test did not print)`);
    assert(off.shown === 0, `${plan}: switched off, ${off.shown} readings shown in print`);
    const onText = squash(on.pages.join(''));
    const offText = squash(off.pages.join(''));
    // The first reading of the page, and every reading that the text does not hold otherwise.
    const [first] = f.readings;
    assert(first && onText.includes(first), `${plan}: the first reading「${first}」 is not printed with the switch on`);
    const own = [...new Set(f.readings)].filter((r) => r.length >= 3 && !f.mainText.includes(r));
    assert(own.length > 0, `${plan}: no reading to look for`);
    const missing = own.filter((r) => !onText.includes(r));
    assert(missing.length <= own.length / 10, `${plan}: ${missing.length}/${own.length} readings not printed: ${missing.slice(0, 8)}`);
    readingCounts[plan] = `${own.length - missing.length}/${own.length}`;
    // A heading's readings print above it at the top of its page (a reading lifted out of its
    // line box once landed at the foot of the page before).
    for (const [heading, readings] of f.chapterReadings.filter(([, r]) => r.length > 0)) {
      const at = on.pages.findIndex((p) => firstLines(p, 4).includes(squash(heading)));
      assert(at > 0, `${plan}: 「${heading}」 is not at the top of a page with the readings on`);
      const top = firstLines(on.pages[at], 4);
      const absent = readings.filter((r) => !top.includes(r));
      assert(absent.length === 0, `${plan}: readings ${absent} of 「${heading}」 not at the top of page ${at + 1}`);
      headingReadings += 1;
    }
    const leaked = own.filter((r) => offText.includes(r));
    assert(leaked.length === 0, `${plan}: printed with readings off: ${leaked.slice(0, 8)}`);
    assert(!offText.includes(first) || f.mainText.includes(first), `${plan}: the reading「${first}」 printed with readings off`);
  });
}

test('a table longer than a page splits across pages and repeats its header', async () => {
  const plan = 'otaki-dx-plan';
  const plain = offPrints[plan];
  assert(plain, `${plan}: no print with readings off (the first test did not print)`);
  const rows = 90;
  const long = await printed(`${server.url}${plan}/full.html`, 'off', 'long-table', (page) => page.evaluate((n) => {
    const body = Array.from({ length: n }, (_, i) => `<tr><th>長い表の行${i + 1}</th><td>内容${i + 1}</td></tr>`).join('');
    const wrap = document.createElement('div');
    wrap.className = 'table-scroll';
    wrap.innerHTML = `<table><caption>長い表</caption><thead><tr><th>見出し列甲</th><th>見出し列乙</th></tr></thead><tbody>${body}</tbody></table>`;
    document.querySelector('.full-text > .chapter').append(wrap);
  }, rows));
  await long.context.close();
  const holding = long.pages.filter((p) => p.includes('長い表の行'));
  const headed = holding.filter((p) => squash(p).includes('見出し列甲見出し列乙'));
  const text = squash(long.pages.join(''));
  const lost = Array.from({ length: rows }, (_, i) => `長い表の行${i + 1}内容${i + 1}`).filter((r) => !text.includes(r));
  assert(long.count > plain.count + 1, `${long.count} pages with the long table, ${plain.count} without`);
  assert(holding.length >= 2 && headed.length === holding.length, `the table is on ${holding.length} pages, its header on ${headed.length}`);
  assert(lost.length === 0, `rows not printed: ${lost.slice(0, 5)}`);
});

test('the cover prints the web address, which the screen does not show', async () => {
  // The bundled content has no base_url, so no address: build a copy that has one.
  const base = 'https://www.example.jp/keikaku/';
  const urlServer = await serve(buildSite(siteWith('content', `base_url: ${base}`)));
  try {
    const { page, context } = await openPage(browser, urlServer.origin);
    await page.goto(`${urlServer.url}shoo-dx-policy/full.html`);
    const line = page.locator('.full-cover .print-source');
    assert(await line.count() === 1, 'the cover has no .print-source');
    assert(!(await line.isVisible()), 'the web address is shown on screen');
    await page.emulateMedia({ media: 'print' });
    assert(await line.isVisible(), 'the web address is hidden in print');
    const { pages: [cover] } = await pdfOf(page, 'source');
    await context.close();
    assert(squash(cover).includes(`この文書のウェブ版：${base}shoo-dx-policy/full.html`), `page 1 lacks the web address:\n${cover}`);
  } finally {
    urlServer.close();
  }
});

test('printing in dark mode gives dark text on white, links in the text colour', async () => {
  const { page, context } = await openPage(browser, server.origin, { colorScheme: 'dark' });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.url}takahashi-dx-plan/full.html`);
  const r = await page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    const links = [...document.querySelectorAll('main a')];
    return { color: html.color, background: html.backgroundColor, links: links.length,
      coloured: links.filter((a) => getComputedStyle(a).color !== getComputedStyle(a.parentElement).color).length };
  });
  await context.close();
  assert(r.color === 'rgb(26, 26, 26)' && r.background === 'rgb(255, 255, 255)', `printed colours ${r.color} on ${r.background}`);
  assert(r.links > 0 && r.coloured === 0, `${r.coloured} of ${r.links} links printed in their own colour`);
});

await run(async () => {
  console.log(`pages (readings on / off): ${Object.entries(counts).map(([p, c]) => `${p} ${c.default}/${c.off}`).join(', ')}`);
  console.log(`readings found in the PDF with the switch on: ${Object.entries(readingCounts).map(([p, c]) => `${p} ${c}`).join(', ')}; chapter headings with readings checked at their page tops: ${headingReadings}`);
  await browser.close();
  server.close();
});
