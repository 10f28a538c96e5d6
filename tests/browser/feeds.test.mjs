// Feeds and the sitemap (docs/deploy.md, docs/open-data.md): every plan's feed.xml is a
// well-formed Atom document (RFC 4287) with the elements the format requires, and sitemap.xml
// a well-formed sitemap (sitemaps.org 0.9) naming every page at its public address. The XML
// is parsed by Chromium's own XML parser (DOMParser, application/xml), not by string checks.
// Sites: the bundled content (no public address: relative links, URN ids), the basic test
// site with a base_url added (absolute links, a sitemap), and the hostile fixture, whose
// revision history is made of injection vectors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, buildSite, launch, listFiles, openPage, planFolders, repoRoot, run, serve, siteWith, test } from './harness.mjs';

const BASE_URL = 'https://www.town.example.jp/keikaku/';

const sites = {
  content: buildSite('content'),
  hostile: buildSite('tests/sites/hostile'),
  public: buildSite(siteWith('tests/sites/basic', `base_url: ${BASE_URL}`)),
};
const server = await serve(sites.content);
const browser = await launch();
const { page } = await openPage(browser, server.origin);
await page.goto(server.url);

/**
 * Parses `xml` in Chromium. Returns { error } for a document that is not well-formed, else
 * a summary of an Atom feed or sitemap: the root's name and namespace and its children.
 */
async function parseXml(xml) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent };
    const root = doc.documentElement;
    const kids = (el, name) => [...el.children].filter((c) => c.localName === name && c.namespaceURI === root.namespaceURI);
    const one = (el, name) => kids(el, name).map((c) => c.textContent);
    const links = (el) => kids(el, 'link').map((l) => ({ rel: l.getAttribute('rel') ?? 'alternate', href: l.getAttribute('href'), type: l.getAttribute('type') }));
    if (root.localName === 'feed') {
      return {
        root: root.localName, ns: root.namespaceURI, lang: root.getAttribute('xml:lang'),
        id: one(root, 'id'), title: one(root, 'title'), updated: one(root, 'updated'),
        authors: kids(root, 'author').map((a) => one(a, 'name')), links: links(root),
        entries: kids(root, 'entry').map((e) => ({
          id: one(e, 'id'), title: one(e, 'title'), updated: one(e, 'updated'), summary: one(e, 'summary'),
          authors: kids(e, 'author').length, links: links(e),
        })),
      };
    }
    return { root: root.localName, ns: root.namespaceURI, locs: kids(root, 'url').map((u) => one(u, 'loc')) };
  }, xml);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isAbsoluteIri = (s) => { try { return Boolean(new URL(s).protocol); } catch { return false; } };

// The ids of elements in an HTML file, for links with a fragment.
const idsIn = (file) => new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

/**
 * Checks the feed of plan folder `plan` in built site `dir` against RFC 4287; `base` is the
 * plan's public address or '' for relative links. Returns the parsed feed.
 */
async function checkFeed(dir, plan, base) {
  const file = join(dir, plan, 'feed.xml');
  const feed = await parseXml(readFileSync(file, 'utf8'));
  const where = `${plan}/feed.xml`;
  assert(!feed.error, `${where} is not well-formed XML: ${feed.error}`);
  assert(feed.root === 'feed' && feed.ns === 'http://www.w3.org/2005/Atom', `${where}: root ${feed.root} in ${feed.ns}`);
  assert(feed.lang === 'ja', `${where}: xml:lang ${feed.lang}`);
  // atom:feed: exactly one id, title and updated; an author (no entry has its own).
  for (const name of ['id', 'title', 'updated']) assert(feed[name].length === 1, `${where}: ${feed[name].length} <${name}>`);
  assert(isAbsoluteIri(feed.id[0]), `${where}: id ${feed.id[0]} is not an absolute IRI`);
  assert(RFC3339.test(feed.updated[0]), `${where}: updated ${feed.updated[0]}`);
  assert(feed.authors.length === 1 && feed.authors[0].length === 1 && feed.authors[0][0].trim() !== '', `${where}: author`);
  const self = feed.links.filter((l) => l.rel === 'self');
  assert(self.length === 1 && self[0].href === `${base}feed.xml`, `${where}: self link ${JSON.stringify(self)}`);
  const alternate = feed.links.filter((l) => l.rel === 'alternate');
  assert(alternate.length === 1 && alternate[0].type === 'text/html', `${where}: alternate ${JSON.stringify(alternate)}`);
  assert(feed.entries.length > 0, `${where}: no entries`);
  // atom:entry: one id, title, updated; an alternate link (there is no content) that leads to
  // the line of the history page; ids unique; entries newest first.
  const ids = new Set();
  const history = idsIn(join(dir, plan, 'revisions.html'));
  let previous = null;
  for (const e of feed.entries) {
    for (const name of ['id', 'title', 'updated']) assert(e[name].length === 1, `${where}: an entry with ${e[name].length} <${name}>`);
    assert(isAbsoluteIri(e.id[0]) && !ids.has(e.id[0]), `${where}: entry id ${e.id[0]}`);
    ids.add(e.id[0]);
    assert(RFC3339.test(e.updated[0]), `${where}: entry updated ${e.updated[0]}`);
    assert(previous === null || e.updated[0] <= previous, `${where}: entries not newest first`);
    previous = e.updated[0];
    assert(e.summary.length === 1 && e.title[0].trim() !== '', `${where}: entry title or summary missing`);
    const link = e.links.filter((l) => l.rel === 'alternate');
    assert(link.length === 1, `${where}: entry links ${JSON.stringify(e.links)}`);
    assert(link[0].href.startsWith(`${base}revisions.html#`), `${where}: entry link ${link[0].href}`);
    const fragment = link[0].href.split('#')[1];
    assert(history.has(fragment), `${where}: #${fragment} is not on revisions.html`);
  }
  assert(feed.updated[0] === feed.entries[0].updated[0], `${where}: the feed's updated is not its newest entry's`);
  // Every page of the plan names the feed in its <head>.
  for (const html of listFiles(join(dir, plan)).filter((p) => p.endsWith('.html'))) {
    const text = readFileSync(join(dir, plan, html), 'utf8');
    const m = text.match(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="([^"]+)">/);
    assert(m && m[1] === `${'../'.repeat(html.split('/').length - 1)}feed.xml`, `${plan}/${html}: no feed link in <head>`);
  }
  return feed;
}

test('every bundled plan has a well-formed Atom feed with the required elements', async () => {
  const plans = planFolders(sites.content);
  assert(plans.length === readdirSync(join(repoRoot, 'content/plans')).length, `feeds of ${plans.length} plans`);
  const counts = [];
  for (const plan of plans) counts.push(`${plan} ${(await checkFeed(sites.content, plan, '')).entries.length}`);
  console.log(`      entries: ${counts.join(', ')}`);
  // Without a public address there is no sitemap (it must use absolute URLs).
  assert(!existsSync(join(sites.content, 'sitemap.xml')), 'a sitemap without base_url');
});

test('with base_url: absolute feed links and ids; sitemap.xml names every page', async () => {
  await checkFeed(sites.public, 'sample', `${BASE_URL}sample/`);
  const feed = readFileSync(join(sites.public, 'sample/feed.xml'), 'utf8');
  assert(feed.includes(`<id>${BASE_URL}sample/revisions.html</id>`), 'feed id is not the history page');
  const map = await parseXml(readFileSync(join(sites.public, 'sitemap.xml'), 'utf8'));
  assert(!map.error, `sitemap.xml is not well-formed XML: ${map.error}`);
  assert(map.root === 'urlset' && map.ns === 'http://www.sitemaps.org/schemas/sitemap/0.9', `sitemap root ${map.root} ${map.ns}`);
  const locs = map.locs.map((l) => { assert(l.length === 1, 'a <url> without one <loc>'); return l[0]; });
  // Every page but 404.html, each once, at its public address (a folder for index.html).
  const pages = listFiles(sites.public).filter((p) => p.endsWith('.html') && p !== '404.html');
  const expected = pages.map((p) => BASE_URL + p.replace(/(^|\/)index\.html$/, '$1')).sort();
  assert(JSON.stringify([...locs].sort()) === JSON.stringify(expected),
    `sitemap locations differ:\n${[...locs].sort().join('\n')}\nexpected:\n${expected.join('\n')}`);
  assert(locs.includes(`${BASE_URL}sample/revisions.html`), 'the revision history is not in the sitemap');
  const robots = readFileSync(join(sites.public, 'robots.txt'), 'utf8');
  assert(robots.includes(`Sitemap: ${BASE_URL}sitemap.xml\n`), 'robots.txt does not name the sitemap');
  console.log(`      sitemap: ${locs.length} pages`);
});

test('a revision history of injection vectors still gives well-formed XML with the text intact', async () => {
  const feed = await checkFeed(sites.hostile, 'hostile', 'https://www.town.example.jp/a&b/hostile/');  // its base_url has an &
  const xml = readFileSync(join(sites.hostile, 'hostile/feed.xml'), 'utf8');
  // The vectors are text of the entry, not markup: the XML has no element but Atom's.
  const names = await page.evaluate((text) => [...new Set([...new DOMParser().parseFromString(text, 'application/xml')
    .getElementsByTagName('*')].map((e) => e.localName))].sort(), xml);
  const atom = ['author', 'entry', 'feed', 'generator', 'id', 'link', 'name', 'subtitle', 'summary', 'title', 'updated'];
  assert(names.every((n) => atom.includes(n)), `elements beyond Atom's: ${names.join(', ')}`);
  assert(feed.entries.some((e) => e.summary[0].includes('<script>alert(1)</script>')), 'the vector is not in the summary as text');
});

await run(async () => {
  await browser.close();
  server.close();
});
