// Furigana in Chromium: the ふりがな switch (at once, remembered across pages, no line moves),
// the site's default without JavaScript, printing, and what the accessibility tree gives a
// screen reader: each word once — the base of ordinary words, the kana of names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assert, axe, buildSite, launch, listFiles, openPage, run, serve, test } from './harness.mjs';

const site = buildSite('content');
const server = await serve(site);
const browser = await launch();
// 勝央町's plan has automatic furigana (grade 3) and names; 三木町's has names only.
const rubyPage = 'shoo-dx-policy/chapter-2.html';
const otherPage = 'miki-dx-plan/chapter-1.html';

const state = (page) => page.evaluate(() => {
  const b = document.querySelector('.furigana-switch');
  const rts = [...document.querySelectorAll('rt')];
  return {
    pressed: b.getAttribute('aria-pressed'),
    label: b.textContent,
    visible: !b.hidden && b.getBoundingClientRect().width > 0,
    shown: rts.filter((r) => getComputedStyle(r).display !== 'none').length,
    total: rts.length,
  };
});

// The top and height of every block in the main text and of each line of base text.
const layout = (page) => page.evaluate(() => [...document.querySelectorAll('main p, main li, main h1, main h2, main h3')]
  .map((e) => { const r = e.getBoundingClientRect(); return `${r.top.toFixed(1)}+${r.height.toFixed(1)}`; }).join(' '));

// Bottoms of the lines of base text (readings and hidden kana left out) of the tallest
// paragraph with ruby.
const lineBottoms = (page) => page.evaluate(() => {
  const p = [...document.querySelectorAll('main p')].filter((e) => e.querySelector('ruby'))
    .sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
  const bottoms = new Set();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('rt, rp, .kana-sr')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.height > 0) bottoms.add(Math.round(r.bottom));
  }
  return [...bottoms].sort((a, b) => a - b);
});

// Text and descriptions the Chromium accessibility tree exposes inside the first element
// matching `selector` (CDP Accessibility.getFullAXTree, ignored nodes left out).
async function accessibleText(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { node } = await cdp.send('DOM.describeNode', { nodeId });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const start = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  assert(start, `${selector} is not in the accessibility tree`);
  const texts = [];
  const descriptions = [];
  const walk = (n) => {
    if (!n.ignored) {
      if (n.role?.value === 'StaticText') texts.push(n.name?.value ?? '');
      if (n.description?.value) descriptions.push(n.description.value);
    }
    for (const c of n.childIds ?? []) if (byId.has(c)) walk(byId.get(c));
  };
  walk(start);
  await cdp.detach();
  return { text: texts.join(''), descriptions };
}

test('the switch script is one small file that every page loads', async () => {
  const files = listFiles(site);
  const scripts = files.filter((f) => /^assets\/furigana\.[0-9a-f]{8}\.js$/.test(f));
  assert(scripts.length === 1, `switch scripts: ${scripts}`);
  const size = gzipSync(readFileSync(join(site, scripts[0])), { level: 9 }).length;
  console.log(`      switch script: ${size} bytes gzip`);
  assert(size <= 512, `switch script is ${size} bytes gzip`);
  for (const p of files.filter((f) => f.endsWith('.html'))) {
    assert(readFileSync(join(site, p), 'utf8').includes(`${scripts[0]}" defer></script>`), `${p} does not load the switch`);
  }
});

test('the switch is in every page header, pressed by default, and hides every reading at once', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${rubyPage}`);
  let s = await state(page);
  assert(s.visible && s.pressed === 'true' && s.label === 'ふりがな', JSON.stringify(s));
  assert(s.total >= 100 && s.shown === s.total, `readings shown: ${s.shown}/${s.total}`);
  const before = await layout(page);
  await page.locator('.furigana-switch').click();
  s = await state(page);
  assert(s.pressed === 'false' && s.label === 'ふりがな' && s.shown === 0, JSON.stringify(s));
  // The blocks before the first one with readings keep their place when the readings go.
  const after = await layout(page);
  const firstRuby = await page.evaluate(() => [...document.querySelectorAll('main p, main li, main h1, main h2, main h3')]
    .findIndex((e) => e.querySelector('ruby')));
  assert(firstRuby >= 0, 'no block with readings');
  const kept = (l) => l.split(' ').slice(0, firstRuby + 1).map((b) => b.split('+')[0]).join(' ');
  assert(kept(before) === kept(after), `blocks moved:\n${before}\n${after}`);
  await page.locator('.furigana-switch').click();
  assert((await state(page)).shown === s.total, 'readings did not come back');
  for (const p of ['index.html', '404.html', 'otaki-dx-plan/glossary.html', 'takahashi-dx-plan/full.html']) {
    await page.goto(`${server.url}${p}`);
    assert((await page.locator('.site-header .furigana-switch:visible').count()) === 1, `${p}: no switch`);
  }
  assert(problems.consoleErrors.length === 0, `console errors: ${problems.consoleErrors}`);
  await context.close();
});

test('the choice is remembered across pages and reloads', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${rubyPage}`);
  await page.locator('.furigana-switch').click();
  await page.goto(`${server.url}${otherPage}`);
  let s = await state(page);
  assert(s.pressed === 'false' && s.shown === 0 && s.total > 0, `on another page: ${JSON.stringify(s)}`);
  await page.reload();
  s = await state(page);
  assert(s.pressed === 'false' && s.shown === 0, `after reload: ${JSON.stringify(s)}`);
  await page.locator('.furigana-switch').click();
  await page.goto(`${server.url}${rubyPage}`);
  s = await state(page);
  assert(s.pressed === 'true' && s.shown === s.total, `switched back on: ${JSON.stringify(s)}`);
  await context.close();
});

// Hiding readings may rewrap a line (a reading wider than its base widens it), but the line
// pitch never changes: lines with and without readings, switch on or off, are equally spaced.
test('lines with readings are evenly spaced at 320 and 360 px, at the same pitch on and off', async () => {
  for (const width of [320, 360]) {
    const { page, context } = await openPage(browser, server.origin, { viewport: { width, height: 740 } });
    await page.goto(`${server.url}${rubyPage}`);
    const pitch = [];
    for (const on of [true, false]) {
      const bottoms = await lineBottoms(page);
      assert(bottoms.length >= 4, `${width}px: only ${bottoms.length} lines`);
      const gaps = bottoms.slice(1).map((b, i) => b - bottoms[i]);
      assert(Math.max(...gaps) - Math.min(...gaps) <= 1, `${width}px, furigana ${on}: line gaps ${gaps}`);
      pitch.push(gaps[0]);
      if (on) await page.locator('.furigana-switch').click();
    }
    assert(Math.abs(pitch[0] - pitch[1]) <= 1, `${width}px: line pitch ${pitch[0]} with readings, ${pitch[1]} without`);
    await context.close();
  }
});

test('without JavaScript the site default applies and no dead switch is shown', async () => {
  const { page, context } = await openPage(browser, server.origin, { javaScriptEnabled: false });
  await page.goto(`${server.url}${rubyPage}`);
  const s = await state(page);
  assert(!s.visible, 'the switch is shown without its script');
  assert(s.total > 0 && s.shown === s.total, `readings without JavaScript: ${s.shown}/${s.total}`);
  await context.close();
});

test('printing follows the switch', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${rubyPage}`);
  await page.emulateMedia({ media: 'print' });
  let s = await state(page);
  assert(s.shown === s.total, `printed with the switch on: ${s.shown}/${s.total}`);
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.furigana-switch').click();
  await page.emulateMedia({ media: 'print' });
  s = await state(page);
  assert(s.shown === 0, `printed with the switch off: ${s.shown} readings`);
  await context.close();
});

test('screen readers get each word once: the base of words, the kana of names, switch on or off', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}shoo-dx-policy/chapter-1.html`);
  // The paragraph with the most ruby of both kinds.
  const selector = await page.evaluate(() => {
    const p = [...document.querySelectorAll('main p')].filter((e) => e.querySelector('ruby:not([aria-hidden])') && e.querySelector('.kana-sr'))
      .sort((a, b) => b.querySelectorAll('ruby').length - a.querySelectorAll('ruby').length)[0];
    p.id = 'ruby-probe';
    return '#ruby-probe';
  });
  // (Glossary pop-ups are hidden until opened: not part of what is read.)
  const html = await page.locator(selector).evaluate((p) => {
    const c = p.cloneNode(true);
    c.querySelectorAll('.term-pop').forEach((e) => e.remove());
    return c.innerHTML;
  });
  const words = [...html.matchAll(/<ruby>([^<]+)<rp>（<\/rp><rt aria-hidden="true">([^<]+)<\/rt>/g)].map((m) => ({ base: m[1], reading: m[2] }));
  const names = [...html.matchAll(/<span class="kana-sr">([^<]+)<\/span><ruby aria-hidden="true">([^<]+)<rp>/g)].map((m) => ({ kana: m[1], base: m[2] }));
  assert(words.length > 0 && names.length > 0, `words ${words.length}, names ${names.length}`);
  for (const on of [true, false]) {
    const { text, descriptions } = await accessibleText(page, selector);
    const count = (s) => text.split(s).length - 1;
    const visibleText = await page.locator(selector).evaluate((p) => {
      const c = p.cloneNode(true);
      c.querySelectorAll('rt, rp, .kana-sr, .term-pop').forEach((e) => e.remove());
      return c.textContent;
    });
    for (const w of words) {
      assert(count(w.base) === visibleText.split(w.base).length - 1, `furigana ${on}: 「${w.base}」 read ${count(w.base)} times in 「${text}」`);
      assert(!text.includes(w.reading) || visibleText.includes(w.reading), `furigana ${on}: reading 「${w.reading}」 exposed in 「${text}」`);
    }
    for (const n of names) {
      assert(text.includes(n.kana), `furigana ${on}: name 「${n.base}」 not read as 「${n.kana}」 in 「${text}」`);
      assert(!text.includes(n.base), `furigana ${on}: name 「${n.base}」 exposed as kanji in 「${text}」`);
    }
    assert(descriptions.length === 0, `furigana ${on}: readings exposed as descriptions: ${descriptions}`);
    if (on) console.log(`      read: ${text.slice(0, 60)}… (${words.length} words with readings, ${names.length} names)`);
    if (on) await page.locator('.furigana-switch').click();
  }
  await context.close();
});

test('axe-core finds no violation on ruby pages with the switch on and off', async () => {
  const { page, context } = await openPage(browser, server.origin);
  for (const p of [rubyPage, 'shoo-dx-policy/glossary.html', otherPage]) {
    await page.goto(`${server.url}${p}`);
    for (const on of [true, false]) {
      const violations = await axe(page);
      assert(violations.length === 0, `${p} (furigana ${on}):\n${violations.join('\n')}`);
      await page.locator('.furigana-switch').click();
    }
    await page.evaluate(() => localStorage.clear());
  }
  await context.close();
});

await run(async () => {
  await browser.close();
  server.close();
});
