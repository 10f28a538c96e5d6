// Glossary references in Chromium: with the script each reference is a toggle button whose
// pop-up explains the term in place (WCAG 1.4.13); without it, a link to the page's term list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assert, axe, buildSite, launch, listFiles, openPage, run, serve, test } from './harness.mjs';

const site = buildSite('content');
const files = listFiles(site);
const pages = files.filter((p) => p.endsWith('.html') && p !== '404.html');
const server = await serve(site);
const browser = await launch();

// References as the HTML has them (no script): links to this page's own term list.
const refsByPage = new Map();
for (const p of pages) {
  const html = readFileSync(join(site, p), 'utf8');
  const glossaryAt = html.search(/<dl class="glossary">/);
  const refs = [...html.matchAll(/<a class="term" id="(ref-[^"]+)" href="#([^"]+)">/g)]
    .filter((m) => glossaryAt < 0 || m.index < glossaryAt);
  if (refs.length) refsByPage.set(p, refs.map((m) => ({ id: m[1], target: m[2] })));
}
const totalRefs = [...refsByPage.values()].reduce((n, r) => n + r.length, 0);
const chapter = 'otaki-dx-plan/chapter-1.html';

const rect = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
});
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('the glossary script is one small shared file', async () => {
  const scripts = files.filter((f) => /^assets\/glossary\./.test(f));
  assert(scripts.length === 1 && /^assets\/glossary\.[0-9a-f]{8}\.js$/.test(scripts[0]), `scripts: ${scripts}`);
  const size = gzipSync(readFileSync(join(site, scripts[0])), { level: 9 }).length;
  console.log(`      glossary script: ${size} bytes gzip`);
  assert(size <= 1536, `glossary script is ${size} bytes gzip, over 1.5 KB`);
  for (const p of pages) {
    const html = readFileSync(join(site, p), 'utf8');
    const loads = /<script src="[^"]*assets\/glossary\.[0-9a-f]{8}\.js" defer>/.test(html);
    assert(loads === refsByPage.has(p), `${p}: script loaded ${loads} with ${refsByPage.get(p)?.length ?? 0} references`);
  }
});

test('every reference on every page becomes a toggle button with its own pop-up', async () => {
  assert(totalRefs >= 54, `only ${totalRefs} references in the built site`);
  const { page, context, problems } = await openPage(browser, server.origin);
  for (const [p, refs] of refsByPage) {
    await page.goto(`${server.url}${p}`);
    const buttons = await page.locator('button.term').evaluateAll((bs) => bs.map((b) => ({
      id: b.id, expanded: b.getAttribute('aria-expanded'), controls: b.getAttribute('aria-controls'),
      popHidden: document.getElementById(b.getAttribute('aria-controls'))?.hidden,
    })));
    assert(buttons.length === refs.length, `${p}: ${buttons.length} buttons for ${refs.length} references`);
    for (const [i, b] of buttons.entries()) {
      assert(b.id === refs[i].id, `${p}: button ${i} has id ${b.id}, not ${refs[i].id}`);
      assert(b.expanded === 'false' && b.popHidden === true, `${p}: ${b.id} not a closed toggle (${JSON.stringify(b)})`);
    }
    assert((await page.locator('main a.term[href^="#"]').count()) === (await page.locator('.glossary a.term[href^="#"]').count()),
      `${p}: a reference outside the term list was left a link`);
  }
  console.log(`      ${totalRefs} references on ${refsByPage.size} pages`);
  assert(problems.consoleErrors.length === 0, `console errors: ${problems.consoleErrors}`);
  await context.close();
});

test('keyboard: Enter and Space open, one pop-up at a time, Esc closes and focus returns to the term', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${chapter}`);
  const [first, second] = [page.locator('button.term').nth(0), page.locator('button.term').nth(1)];
  const popOf = async (b) => page.locator(`#${await b.getAttribute('aria-controls')}`);
  await first.focus();
  await page.keyboard.press('Enter');
  assert((await first.getAttribute('aria-expanded')) === 'true', 'Enter did not open the pop-up');
  const pop1 = await popOf(first);
  assert(await pop1.isVisible(), 'pop-up not visible');
  const target = (await page.locator('button.term').nth(0).evaluate((b) => b.id)).replace(/^ref-(.*)-\d+$/, '$1');
  const definition = (await page.locator(`#${target} + dd > p:not([class])`).first().innerText()).trim();
  assert((await pop1.innerText()).includes(definition.slice(0, 30)), 'the pop-up does not show the definition');
  assert((await page.evaluate(() => document.activeElement.className)) === 'term', 'focus left the term on opening');

  await second.focus();
  await page.keyboard.press(' ');
  assert((await second.getAttribute('aria-expanded')) === 'true', 'Space did not open the pop-up');
  assert((await first.getAttribute('aria-expanded')) === 'false' && !(await pop1.isVisible()), 'two pop-ups open at once');
  assert((await page.locator('.term-pop:not([hidden])').count()) === 1, 'more than one pop-up visible');

  // Into the pop-up with Tab; Esc from inside returns focus to the term.
  await page.keyboard.press('Tab');
  assert((await page.evaluate(() => document.activeElement.className)) === 'term-pop-close', 'Tab did not reach 閉じる');
  await page.keyboard.press('Escape');
  assert((await second.getAttribute('aria-expanded')) === 'false', 'Esc did not close');
  assert(await second.evaluate((b) => b === document.activeElement), 'focus did not return to the term after Esc');

  // 閉じる closes and returns focus too.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert((await second.getAttribute('aria-expanded')) === 'false', '閉じる did not close');
  assert(await second.evaluate((b) => b === document.activeElement), 'focus did not return to the term after 閉じる');

  // The term itself toggles.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert((await second.getAttribute('aria-expanded')) === 'false', 'pressing the term again did not close');
  await context.close();
});

test('a tap outside closes; hovering and moving the pointer away leave it open', async () => {
  const { page, context } = await openPage(browser, server.origin, { hasTouch: true, isMobile: true });
  await page.goto(`${server.url}${chapter}`);
  const term = page.locator('button.term').first();
  await term.tap();
  const pop = page.locator(`#${await term.getAttribute('aria-controls')}`);
  assert(await pop.isVisible(), 'tap did not open');
  await pop.hover();
  await page.mouse.move(5, 5);
  assert(await pop.isVisible(), 'moving the pointer away closed the pop-up (1.4.13 persistent)');
  await pop.locator('p').last().tap();
  assert(await pop.isVisible(), 'a tap inside the pop-up closed it');
  const h1 = await rect(page.locator('h1'));
  await page.locator('h1').scrollIntoViewIfNeeded();
  await page.touchscreen.tap(h1.left + 5, (await rect(page.locator('h1'))).top + 5);
  assert(!(await pop.isVisible()), 'a tap outside did not close the pop-up');
  await context.close();
});

test('at 320 px every pop-up fits the screen and never covers its term', async () => {
  const { page, context } = await openPage(browser, server.origin, { viewport: { width: 320, height: 640 } });
  let checked = 0;
  for (const p of refsByPage.keys()) {
    await page.goto(`${server.url}${p}`);
    const count = await page.locator('button.term').count();
    for (let i = 0; i < count; i++) {
      const term = page.locator('button.term').nth(i);
      await term.scrollIntoViewIfNeeded();
      await term.click();
      const pop = page.locator(`#${await term.getAttribute('aria-controls')}`);
      const [t, r] = [await rect(term), await rect(pop)];
      assert(r.left >= 0 && r.right <= 320, `${p} #${i}: pop-up spans ${r.left}–${r.right} px`);
      assert(!overlaps(t, r), `${p} #${i}: pop-up covers its term`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `${p} #${i}: the open pop-up makes the page scroll sideways by ${overflow}px`);
      await page.keyboard.press('Escape');
      checked += 1;
    }
  }
  assert(checked === totalRefs, `checked ${checked} of ${totalRefs}`);
  await context.close();
});

test('without JavaScript a reference jumps to its entry and the entry links back', async () => {
  const { page, context } = await openPage(browser, server.origin, { javaScriptEnabled: false });
  await page.goto(`${server.url}${chapter}`);
  const ref = refsByPage.get(chapter)[0];
  const link = page.locator(`a#${ref.id}`);
  assert((await link.innerText()).length > 0, 'reference has no text');
  const name = await link.evaluate((a) => a.textContent);
  assert(name.endsWith('（用語解説）'), `accessible name is ${name}`);
  await link.click();
  assert(page.url().endsWith(`#${ref.target}`), `went to ${page.url()}`);
  const entry = page.locator(`#${ref.target}`);
  const box = await rect(entry);
  assert(box.top >= 0 && box.top < 740, `entry is not on screen (top ${box.top})`);
  await page.locator(`#${ref.target} + dd .term-uses a`).first().click();
  assert(page.url().endsWith(`#${ref.id}`), `back link went to ${page.url()}`);
  await context.close();
});

test('printing hides pop-ups and keeps the page term list', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${chapter}`);
  await page.locator('button.term').first().click();
  await page.emulateMedia({ media: 'print' });
  assert(!(await page.locator('.term-pop:not([hidden])').isVisible()), 'an open pop-up prints');
  assert(await page.locator('.page-terms').isVisible(), 'the term list does not print');
  await context.close();
});

test('axe-core finds no violation on any page with a pop-up open', async () => {
  const { page, context } = await openPage(browser, server.origin);
  const failures = [];
  for (const p of refsByPage.keys()) {
    await page.goto(`${server.url}${p}`);
    await page.locator('button.term').first().click();
    const violations = await axe(page);
    if (violations.length) failures.push(`${p}:\n${violations.join('\n')}`);
  }
  assert(failures.length === 0, failures.join('\n'));
  await context.close();
});

await run(async () => { await browser.close(); server.close(); });
