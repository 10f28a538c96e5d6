// `keikaku serve` in Chromium: an edit reloads the open page by itself and keeps its
// scroll position; pages the edit did not change stay as they are; a broken file shows
// the error overlay, fixing it clears it — all without touching the browser.
import { join } from 'node:path';
import { assert, axe, keikaku, launch, openPage, repoRoot, run, test } from './harness.mjs';
import { copyContent, edit, startServe, tempDir } from '../serve/lib.mjs';

const content = copyContent(repoRoot);
const plan = join(content, 'plans/shoo-dx-policy');
const serve = await startServe(keikaku, ['--source', content, '--port', '0'], { cwd: tempDir() }).ready;
const browser = await launch();
const { page, problems } = await openPage(browser, `http://127.0.0.1:${serve.port}`);
let loads = 0;
page.on('load', () => { loads += 1; });
const url = `${serve.url}shoo-dx-policy/chapter-4.html`;

test('an edit reloads the page once the rebuild is done, at the same scroll position', async () => {
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete');
  const y = await page.evaluate(() => {
    window.scrollTo(0, Math.floor((document.documentElement.scrollHeight - innerHeight) / 2));
    return window.scrollY;
  });
  assert(y > 300, `the page is long enough to scroll (${y})`);
  const before = loads;
  const reloaded = page.waitForEvent('load');
  edit(join(plan, 'chapter-4.yaml'), '効率的かつ実効性の高いDXを推進していきます。', '効率的かつ実効性の高いDXを推進していきます。（プレビューで確認）');
  await reloaded;
  await page.waitForFunction(() => document.body.textContent.includes('プレビューで確認'));
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.scrollY);
  assert(Math.abs(after - y) <= 2, `scroll ${y} → ${after}`);
  await page.waitForTimeout(800);
  assert(loads === before + 1, `${loads - before} loads for one edit`);
});

test('an edit to another page leaves this one alone', async () => {
  const before = loads;
  edit(join(plan, 'chapter-2.yaml'), '真の目的は', '本当の目的は');
  await page.waitForTimeout(1500);
  assert(loads === before, 'the page reloaded for a change elsewhere');
});

test('a broken file shows the overlay with where and what; fixing it clears it', async () => {
  const reloaded = page.waitForEvent('load');
  edit(join(plan, 'chapter-4.yaml'), 'title: 取組事項', 'title: 取組事項: <img src=x onerror=alert(1)>');
  await reloaded;
  const overlay = page.locator('#keikaku-error');
  await overlay.waitFor({ state: 'visible' });
  const text = await overlay.innerText();
  assert(text.includes('chapter-4.yaml:2:12'), `position in: ${text}`);
  assert(text.includes('title: 取組事項: <img src=x onerror=alert(1)>'), 'the source line, as text');
  assert(await page.locator('#keikaku-error img').count() === 0, 'source turned into markup');
  assert(await page.locator('#keikaku-error mark').count() === 1, 'the error line is marked');
  assert((await page.title()).includes('取組事項'), 'the last good page is still behind the overlay');
  const violations = await axe(page);
  assert(violations.length === 0, `axe:\n${violations.join('\n')}`);
  await page.keyboard.press('Escape');
  assert(!(await overlay.isVisible()), 'Escape hides the overlay');

  const fixed = page.waitForEvent('load');
  edit(join(plan, 'chapter-4.yaml'), 'title: 取組事項: <img src=x onerror=alert(1)>', 'title: 取組事項（修正）');
  await fixed;
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('修正'));
  assert(await page.locator('#keikaku-error').count() === 0, 'overlay cleared');
});

test('no console errors, failed requests or requests leaving the preview', async () => {
  assert(problems.consoleErrors.length === 0, `console: ${problems.consoleErrors.join('\n')}`);
  assert(problems.external.length === 0, `external: ${problems.external.join('\n')}`);
  const failed = problems.failed.filter((u) => !u.includes('/__keikaku/events'));
  assert(failed.length === 0, `failed: ${failed.join('\n')}`);
});

test('the server stops cleanly', async () => {
  await browser.close();
  const exit = await serve.stop();
  assert(exit.code === 0, `exit ${JSON.stringify(exit)}`);
});

await run();
