// Schedules, measures, statistics and organisation charts as residents meet them, in
// Chromium: the accessibility tree names what the eye sees (years, spans in words, the
// priority in words, the chart's title), a 320 px phone reads schedules as lists with no
// sideways scroll, print and forced colours keep the bars, and axe-core finds nothing on any
// page holding a component — the fixture site's and the bundled plans'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, axe, buildSite, launch, listFiles, openPage, run, serve, sideways, test } from './harness.mjs';

const fixture = buildSite('tests/sites/components');
const bundled = buildSite('content');
const fixtureServer = await serve(fixture);
const bundledServer = await serve(bundled);
const browser = await launch();

// Pages of the bundled site that hold each component (by its markup), each page read once.
const bundledHtml = listFiles(bundled).filter((p) => p.endsWith('.html')).map((p) => [p, readFileSync(join(bundled, p), 'utf8')]);
const holding = (marker) => bundledHtml.filter(([, html]) => html.includes(marker)).map(([p]) => p);
const bundledPages = {
  schedule: holding('<table class="schedule">'),
  measures: holding('<section class="measure"'),
  organization: holding('<div class="organization">'),
  index: listFiles(bundled).filter((p) => p.endsWith('/measures.html')),
};

async function withPage(server, path, options, fn) {
  const { page, context, problems } = await openPage(browser, server.origin, options);
  await page.goto(`${server.url}${path}`);
  try {
    await fn(page);
  } finally {
    await context.close();
  }
  assert(problems.consoleErrors.length === 0 && problems.failed.length === 0, `${path}: ${[...problems.consoleErrors, ...problems.failed]}`);
}

const shown = (page, selector) => page.$$eval(selector, (els) => els.map((e) => getComputedStyle(e).display !== 'none'));

test('schedule: years, items and spans in the accessibility tree of the table', async () => {
  await withPage(fixtureServer, 'demo/chapter-2.html', { viewport: { width: 1024, height: 800 } }, async (page) => {
    const table = page.getByRole('table', { name: '取組のスケジュール' });
    assert(await table.count() === 1, 'the schedule is a table named by its caption');
    for (const [wareki, seireki] of [['令和6年度', '2024年度'], ['令和10年度', '2028年度']]) {
      const name = new RegExp(`^${wareki}\\s*（${seireki}）$`);
      assert(await table.getByRole('columnheader', { name }).count() === 1, `column header ${wareki}（${seireki}）`);
    }
    // The row header says the item and its time in words; a screen reader hears both.
    const row = table.getByRole('rowheader', { name: '電子申請の受付 令和7年度（2025年度）から令和10年度（2028年度）まで（以降も継続）。令和8年度（2026年度）：主な手続の半数を受付' });
    assert(await row.count() === 1, 'row header with the span in words');
    // The continuing bar's arrow is hidden from the tree; its words are not.
    const cells = await table.getByRole('cell', { name: /^実施\s*（以降も継続）$/ }).count();
    assert(cells === 1, `one last-year cell says it continues (${cells})`);
    assert(await table.getByRole('cell', { name: /^実施\s*主な手続の半数を受付$/ }).count() === 1, 'milestone cell in words (◆ hidden)');
    assert(await table.getByRole('link', { name: '行政手続のオンライン化' }).count() === 1, 'item linked to its measure');
    assert((await shown(page, '.schedule-list')).every((v) => !v), 'the list form is hidden on a wide screen');
    // Bars of adjacent years touch: one span for the eye.
    const gaps = await page.$$eval('tr:has(.bar)', (rows) => rows.map((r) => {
      const bars = [...r.querySelectorAll('.bar')].map((b) => b.getBoundingClientRect());
      return bars.slice(1).map((b, i) => Math.round(b.left - bars[i].right));
    }).flat());
    assert(gaps.every((g) => g <= 1), `bars of adjacent years join (gaps ${gaps})`);
  });
});

test('schedule at 320 px: a list per item with its time in words, no sideways scroll', async () => {
  await withPage(fixtureServer, 'demo/chapter-2.html', { viewport: { width: 320, height: 640 } }, async (page) => {
    assert(await sideways(page) <= 0, 'no horizontal page scroll');
    assert((await shown(page, '.schedule-table')).every((v) => !v), 'the table is hidden');
    assert((await shown(page, '.schedule-list')).every((v) => v), 'the list is shown');
    const group = page.getByRole('group', { name: '取組のスケジュール' });
    assert(await group.count() === 1, 'the list is labelled by the caption');
    const items = await group.getByRole('listitem').allInnerTexts();
    assert(items.length === 6, `six items (${items.length})`);
    assert(items.some((t) => t.startsWith('対象手続の洗い出し') && t.includes('令和6年度（2024年度）')), items.join(' / '));
    assert(await page.getByRole('table', { name: '取組のスケジュール' }).count() === 0, 'the hidden table is out of the tree');
    // Each item fits the screen.
    const widest = await page.$$eval('.schedule-list li', (els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    assert(widest <= 320, `list items end within 320 px (${widest})`);
  });
});

test('schedule in print and in forced colours: the table, with visible bars', async () => {
  await withPage(fixtureServer, 'demo/chapter-2.html', { viewport: { width: 320, height: 640 } }, async (page) => {
    await page.emulateMedia({ media: 'print' });
    assert((await shown(page, '.schedule-table')).every((v) => v), 'print shows the table');
    assert((await shown(page, '.schedule-list')).every((v) => !v), 'print hides the list');
  });
  await withPage(fixtureServer, 'demo/chapter-2.html', { viewport: { width: 1024, height: 800 }, forcedColors: 'active' }, async (page) => {
    const colours = await page.$eval('.bar', (b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b.closest('td')).backgroundColor]);
    assert(colours[0] !== colours[1] && colours[0] !== 'rgba(0, 0, 0, 0)', `a bar stands out in forced colours (${colours})`);
  });
});

test('measures: anchors the schedule links to, and the index with the priority in words', async () => {
  await withPage(fixtureServer, 'demo/measures.html', {}, async (page) => {
    assert(await page.getByRole('heading', { level: 1, name: '施策の一覧' }).count() === 1, 'h1');
    for (const group of ['1.1 基本方針1 暮らしのDX', '1.2 基本方針2 行政のDX', '1.3 基本方針3 地域のDX']) {
      assert(await page.getByRole('heading', { level: 2, name: group }).count() === 1, `group ${group}`);
    }
    const lead = await page.locator('.lead').innerText();
    assert(lead.includes('「重点」と書いた2件は、計画が重点的に取り組むとしている施策です'), lead);
    await page.getByRole('link', { name: '施策1 行政手続のオンライン化' }).click();
    await page.waitForURL(/chapter-1\.html#online-procedures$/);
    const heading = await page.locator('#online-procedures h3').innerText();
    assert(heading.includes('行政手続のオンライン化'), heading);
    assert(await page.locator('#online-procedures .priority').innerText() === '★重点的に取り組む施策です。', 'priority in words');
  });
});

test('statistics: an SVG chart named by its caption, within a 320 px screen, the table beside it', async () => {
  await withPage(fixtureServer, 'demo/chapter-2.html', { viewport: { width: 320, height: 640 } }, async (page) => {
    for (const name of ['電子申請を使ったことがある人の割合（年代別）', '人口の推移']) {
      const img = page.getByRole('img', { name });
      assert(await img.count() === 1, `chart ${name}`);
      const box = await img.boundingBox();
      assert(box.x >= 0 && box.x + box.width <= 320, `chart ${name} within the screen (${JSON.stringify(box)})`);
      assert(await page.getByRole('table', { name: new RegExp(`^${name}`) }).count() === 1, `table ${name}`);
    }
    assert(await page.getByRole('cell', { name: '61' }).count() === 1, 'values in the table');
    assert(await sideways(page) <= 0, 'no horizontal page scroll');
  });
});

test('organisation: roles as a table with headers, the hierarchy as nested lists', async () => {
  await withPage(fixtureServer, 'demo/chapter-2.html', {}, async (page) => {
    const table = page.getByRole('table', { name: 'DX推進体制' });
    assert(await table.getByRole('rowheader', { name: '最高情報責任者（CIO）' }).count() === 1, 'row header');
    assert(await table.getByRole('columnheader', { name: '役割' }).count() === 1, 'column header');
    const nested = await page.$$eval('.organization ul ul ul li', (els) => els.map((e) => e.innerText.trim()));
    assert(nested.includes('行政手続部会') && nested.includes('システム部会'), `three levels (${nested})`);
  });
});

// pages.test.mjs runs axe-core on every bundled page at 360 px, where schedules are lists;
// here the fixture's pages in both forms and both colour schemes, and the bundled pages with
// a component in the table form.
test('axe-core: no violation on any page holding a component, in the list and the table form', async () => {
  for (const [name, list] of Object.entries(bundledPages)) assert(list.length > 0, `the bundled plans have ${name} pages`);
  const runs = [];
  for (const p of listFiles(fixture).filter((f) => f.endsWith('.html'))) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [320, 1024]) runs.push([fixtureServer, p, colorScheme, width]);
    }
  }
  for (const p of [...new Set(Object.values(bundledPages).flat())]) runs.push([bundledServer, p, 'light', 1024]);
  const failures = [];
  for (const [server, p, colorScheme, width] of runs) {
    await withPage(server, p, { colorScheme, viewport: { width, height: 800 } }, async (page) => {
      failures.push(...(await axe(page)).map((v) => `${p} (${colorScheme}, ${width}px): ${v}`));
    });
  }
  console.log(`      ${runs.length} page views; bundled: ${Object.entries(bundledPages).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ')}`);
  assert(failures.length === 0, failures.join('\n'));
});

await run(async () => {
  await browser.close();
  await fixtureServer.close();
  await bundledServer.close();
});
