// The built bundled site opens, navigates and reads in Chromium (every-page checks of
// accessibility, reflow and weight are in pages.test.mjs).
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, buildSite, launch, listFiles, openPage, repoRoot, run, serve, test } from './harness.mjs';

const site = buildSite('content');
const pages = listFiles(site).filter((p) => p.endsWith('.html') && p !== '404.html');
const server = await serve(site);
const browser = await launch();

test('the site index lists the plans and links to each', async () => {
  const { page, problems, context } = await openPage(browser, server.origin);
  const response = await page.goto(`${server.url}index.html`);
  assert(response.status() === 200, `status ${response.status()}`);
  assert((await page.getAttribute('html', 'lang')) === 'ja', 'lang is not ja');
  const links = await page.locator('.plan-list a').count();
  const plans = readdirSync(join(repoRoot, 'content/plans')).length;
  assert(links === plans && plans > 0, `${links} plans listed, ${plans} in content/plans`);
  await page.locator('.plan-list a').first().click();
  await page.waitForLoadState();
  assert(page.url().endsWith('/index.html'), `went to ${page.url()}`);
  assert((await page.locator('h1').count()) === 1, 'overview needs one h1');
  assert((await page.locator('nav.toc a').count()) > 2, 'no contents on the overview');
  assert(problems.consoleErrors.length === 0, `console errors: ${problems.consoleErrors}`);
  assert(problems.external.length === 0, `external requests: ${problems.external}`);
  await context.close();
});

test('a reader can walk a plan with next links from the overview to the glossary', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.url}${pages.find((p) => p.endsWith('/index.html'))}`);
  let steps = 0;
  while (await page.locator('a[rel="next"]').count()) {
    await page.locator('a[rel="next"]').click();
    await page.waitForLoadState();
    assert((await page.locator('nav.breadcrumbs [aria-current="page"]').count()) === 1, `no breadcrumb on ${page.url()}`);
    steps += 1;
    assert(steps < 50, 'next links loop');
  }
  assert(steps >= 2, `only ${steps} next links`);
  await context.close();
});

test('every page loads, has one h1 and a stylesheet, and makes no request outside the site', async () => {
  const { page, problems, context } = await openPage(browser, server.origin);
  for (const p of pages) {
    const response = await page.goto(`${server.url}${p}`);
    assert(response.status() === 200, `${p}: status ${response.status()}`);
    assert((await page.locator('h1').count()) === 1, `${p}: h1 count`);
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
    assert(styled === 'absolute', `${p}: stylesheet not applied`);
  }
  assert(problems.failed.length === 0, `failed requests: ${problems.failed}`);
  assert(problems.external.length === 0, `external requests: ${problems.external}`);
  assert(problems.consoleErrors.length === 0, `console errors: ${problems.consoleErrors}`);
  await context.close();
});

test('the site works opened from the file system, links naming index.html', async () => {
  const { page, context } = await openPage(browser, 'file:');
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await page.locator('.plan-list a').first().click();
  await page.waitForLoadState();
  assert(page.url().startsWith('file:') && page.url().endsWith('/index.html'), page.url());
  assert((await page.locator('nav.toc').count()) === 1, 'overview did not open from disk');
  await context.close();
});

test('under a sub-path the 404 page links and styles from the base path', async () => {
  const sub = buildSite('tests/sites/basic');  // base_path: /plans/
  const mounted = await serve(sub, '/plans/');
  const { page, context } = await openPage(browser, mounted.origin);
  const response = await page.goto(`${mounted.url}no/such/deep/page.html`);
  assert(response.status() === 404, `status ${response.status()}`);
  assert((await page.locator('h1').innerText()).includes('見つかりません'), 'not the site 404 page');
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
  assert(styled === 'absolute', 'stylesheet not loaded on the 404 page');
  await page.locator('main a').click();
  await page.waitForLoadState();
  assert(page.url() === `${mounted.url}index.html`, `404 link went to ${page.url()}`);
  await context.close();
  mounted.close();
});

await run(async () => { await browser.close(); server.close(); });
