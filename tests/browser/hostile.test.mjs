// Hostile content (issue "Robustness", item 3). tests/sites/hostile puts XSS vectors into every
// text and Markdown field of every kind of content file: markup and event handlers, javascript:
// and data: URLs with case, whitespace and entity tricks, broken entities, SVG and MathML tricks,
// quotes and backticks that would end an attribute, the end tags of raw-text elements, comment
// and CDATA ends, ctemplate markers, abused ruby and glossary syntax, raw HTML in Markdown.
//
// 1. The fixture has a vector in every text and Markdown field that `keikaku schema` lists
//    (a field added later without one fails here); the few fields with a strict format have
//    hostile values in the error cases (4.) instead.
// 2. In Chromium, on every page of the built fixture: alert/confirm/prompt are sentinels and
//    dialogs are recorded; every element gets every event, focus, and the glossary pop-ups
//    open. Then no script ran (no dialog, no sentinel call, no window.__pwned, the title is not
//    PWNED, no navigation), no element has an on* attribute, there are no elements beyond the
//    layout's (iframe, object, embed, base, form, style, meta http-equiv, foreignObject …), the
//    only scripts and stylesheet are the site's own, no URL is javascript:, vbscript: or data:
//    (but the data:image/png a Markdown image may use), no request leaves the site, the page
//    structure is intact, and the inline SVG charts hold nothing but drawing and text.
// 3. The vectors show as text where they were put.
// 4. Vectors where a field has a strict format (measure ids, file and folder names, base_path,
//    dates, years, choices …) fail the build: exit 1, FILE:LINE:COL: error [RULE], no site.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseDocument, visit } from 'yaml';
import {
  assert, buildSite, CONTENT_TYPES, contentSchemas, contentTypeOf, keikakuBuild, launch, listFiles, openPage, repoRoot, run, serve,
  tempDir, test,
} from './harness.mjs';

const FIXTURE = 'tests/sites/hostile';

// The text vector (&s in every file of the fixture), piece by piece.
const S_PARTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><script>window.__pwned=1</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>',
  '<a href=javascript:alert(1) onmouseover=alert(1)>a</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '" onfocus="alert(1)" autofocus="',
  "' onmouseover='alert(1)'",
  '`onmouseover=alert(1)`',
  "</textarea></title></style></noscript></script><script>document.title='PWNED'</script>",
  '--> <!-- ]]> <![CDATA[ x ]]>',
  '{{SITE_TITLE}}{{%AUTOESCAPE context="JS"}}{{>BODY}}{{!x}}',
  'javascript:alert(1) JaVaScRiPt:alert(1) java&#x09;script:alert(1) &#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '&lt &#x3c &amp;lt;script&gt;',
  '<base href=//evil.example/><meta http-equiv=refresh content=0;url=javascript:alert(1)>',
  '<object data=javascript:alert(1)></object><embed src=javascript:alert(1)>',
  '<form action=javascript:alert(1)><button formaction=javascript:alert(1)>b</button></form>',
  '<link rel=stylesheet href=//evil.example/x.css><style>*{background:url(javascript:alert(1))}</style>',
  '{<script>alert(1)</script>|x} {x|<img src=x onerror=alert(1)>}',
  '[[<script>alert(1)</script>]] [[x|<img src=x onerror=alert(1)>]]',
];
const S = S_PARTS.join(' ');
// Pieces of S that a page shows whole wherever S is (the others become ruby: the {…|…} pieces,
// and <svg onload=alert(1)>, a name of the readings file).
const S_SHOWN = [0, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22].map((i) => S_PARTS[i]);
// What the Markdown vector (&md) shows as text, wherever it is.
const MD_SHOWN = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '" onfocus="alert(1)" autofocus="',
  "' onmouseover='alert(1)'", '&lt;script>alert(1)&lt;/script>', '{{%AUTOESCAPE context="JS"}} {{>BODY}} {{!x}}',
  '{{!x}} --> ]]>', '`onmouseover=alert(1)`', '[[x|]]'];

const isHostile = (v) => /<script|onerror=|onmouseover=|onload=|javascript:/i.test(String(v));

// ---------------------------------------------------------------------------------------------
// 1. Every text and Markdown field of the schema has a vector.

const TYPES = CONTENT_TYPES;
const schemas = contentSchemas();

const TEXT = new Set(['string', 'markdown', 'string-list']);
const refName = (s) => (s?.$ref ? s.$ref.split('/').pop() : s?.allOf ? refName(s.allOf[0]) : undefined);

// The text fields of a schema: "DEFINITION.KEY" (and "DEFINITION.(text)" where a list item
// may be text, as a block or a table cell), with the kind of text.
function textFields(schema) {
  const fields = new Map();
  for (const [name, def] of Object.entries(schema.definitions)) {
    for (const o of [def, ...(def.anyOf ?? [])]) {
      for (const [key, p] of Object.entries(o.properties ?? {})) {
        if (TEXT.has(refName(p))) fields.set(`${name}.${key}`, refName(p));
      }
      if (TEXT.has(refName(o)) && o !== def) fields.set(`${name}.(text)`, refName(o));
    }
  }
  return fields;
}

// Walks `value` (a parsed content file) along the schema; records the text found per field.
function walk(schema, node, value, name, found) {
  const ref = node.$ref?.split('/').pop();
  if (ref) return walk(schema, schema.definitions[ref], value, ref, found);
  if (node.allOf) return walk(schema, node.allOf[0], value, name, found);
  const record = (field, v) => {
    if (!found.has(field)) found.set(field, []);
    found.get(field).push(...(Array.isArray(v) ? v : [v]).map(String));
  };
  if (node.anyOf) {
    if (value === null || typeof value !== 'object') return record(`${name}.(text)`, value);
    return walk(schema, node.anyOf.find((b) => b.properties), value, name, found);
  }
  if (node.type === 'array') {
    for (const v of value ?? []) walk(schema, node.items, v, name, found);
    return undefined;
  }
  if (!node.properties) return undefined;  // a choice, a number, a date …
  for (const [key, v] of Object.entries(value ?? {})) {
    const p = node.properties?.[key];
    assert(p, `${name} has no key ${key}`);
    if (TEXT.has(refName(p))) record(`${name}.${key}`, v);
    else walk(schema, p, v, name, found);
  }
  return undefined;
}

const fixtureFiles = () => listFiles(join(repoRoot, FIXTURE)).map((p) => join(repoRoot, FIXTURE, p));
const typeOf = contentTypeOf;

// Fields whose values have a strict format: hostile values there are build errors, tested in 4.
const STRICT = {
  'site.plans': 'plan folder names',
  'site.glossary': 'a file beside site.yaml',
  'site-furigana.readings': 'a file beside site.yaml',
  'accessibility.results': 'a file beside site.yaml',
  'plan.chapters': 'chapter file names',
  'plan.glossary': 'a file in the plan folder',
  'measure.id': 'a-z, 0-9 and -',
  'schedule-row.measure': 'the id of a measure',
  'name-reading.reading': 'hiragana',
  'site.base_url': 'an http(s) address of a folder',
  'data-license.url': 'an http(s) address',
};

const errorCases = [];  // filled below (4.); each names the strict field it covers, if any
const matrix = { fields: 0, text: 0, markdown: 0, cells: 0 };

test('the fixture has a vector in every text and Markdown field of `keikaku schema`', async () => {
  const found = new Map();
  const anchors = { s: new Set(), md: new Set() };
  for (const file of fixtureFiles()) {
    const type = typeOf(file);
    if (!type) continue;
    const text = readFileSync(file, 'utf8');
    walk(schemas[type], schemas[type], parse(text), 'root', found);
    visit(parseDocument(text), {
      Scalar(_, n) { if (n.anchor in anchors) anchors[n.anchor].add(n.value); },
    });
  }
  // One text vector and one Markdown vector, the same in every file.
  assert(anchors.s.size === 1 && anchors.s.has(S), `&s differs from S in this test: ${[...anchors.s].length} versions`);
  assert(anchors.md.size === 1, `&md has ${anchors.md.size} versions; copy one to the others`);
  const md = [...anchors.md][0];
  for (const shown of ['&lt;script&gt;alert(1)&lt;/script&gt;', '](javascript:alert(1))', '[[', '{x|', '<svg><script>']) {
    assert(md.includes(shown), `&md lacks ${shown}`);
  }
  const missing = [];
  const fields = new Map();
  for (const t of TYPES) for (const [f, kind] of textFields(schemas[t])) fields.set(f, kind);
  for (const [field, kind] of fields) {
    if (STRICT[field]) {
      assert(errorCases.some((c) => c.field === field), `${field} (${STRICT[field]}) has no error case`);
      continue;
    }
    if (!(found.get(field) ?? []).some(isHostile)) missing.push(field);
    matrix.fields += 1;
    if (kind === 'markdown') matrix.markdown += 1;
    else matrix.text += 1;
  }
  for (const field of Object.keys(STRICT)) assert(fields.has(field), `STRICT names ${field}, which the schema lacks`);
  assert(missing.length === 0, `fields without a vector in ${FIXTURE}:\n${missing.join('\n')}`);
  // The accessibility test results file is not among the files `keikaku schema` describes.
  const results = JSON.parse(readFileSync(join(repoRoot, FIXTURE, 'accessibility-results.json'), 'utf8'));
  for (const v of [results.pages, results.tools[0].name, results.tools[0].version, results.checks[0].name]) {
    assert([v].flat().some(isHostile), `accessibility-results.json: ${JSON.stringify(v)} is not a vector`);
  }
  const payloads = (t) => (t.match(/alert\(|__pwned|PWNED|evil\.example|\{\{|-->|]]>|&#?\w+;?/g) ?? []).length;
  matrix.cells = matrix.text * payloads(S) + matrix.markdown * payloads(md);
  console.log(`      ${matrix.fields} fields (${matrix.text} text × ${payloads(S)} payloads, ${matrix.markdown} Markdown × ` +
    `${payloads(md)} payloads: ${matrix.cells} cells), ${Object.keys(STRICT).length} strict fields in error cases`);
});

// ---------------------------------------------------------------------------------------------
// 2. and 3. In Chromium, every page of the built fixture.

const site = buildSite(FIXTURE);
const files = listFiles(site);
const pages = files.filter((p) => p.endsWith('.html'));
const basePath = parse(readFileSync(join(repoRoot, FIXTURE, 'site.yaml'), 'utf8')).base_path;
// Served where base_path says, so that the 404 page finds its stylesheet and script.
const server = await serve(site, basePath);
const browser = await launch();
const ownAssets = files.filter((p) => /^assets\/[\w-]+\.[0-9a-f]{8,}\.(js|css)$/.test(p));

// Inspects the page in the browser (after provoking it, if `provoke`). Returns what is wrong.
async function inspect({ assets, basePath: base, provoke }) {
  const problems = [];
  const HTML = 'http://www.w3.org/1999/xhtml';
  const describe = (el) => `<${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}>`;
  const EVENTS = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'pointerover',
    'pointerenter', 'pointerdown', 'pointerup', 'focus', 'focusin', 'focusout', 'blur', 'keydown', 'keypress', 'keyup',
    'input', 'beforeinput', 'change', 'select', 'load', 'error', 'abort', 'toggle', 'beforetoggle', 'animationstart',
    'animationend', 'transitionend', 'wheel', 'scroll', 'copy', 'cut', 'paste', 'contextmenu', 'dragstart', 'drop',
    'touchstart', 'invalid', 'reset', 'submit', 'begin', 'end', 'repeat', 'resize', 'show', 'auxclick', 'dblclick'];
  const withHandlers = () => [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
  // Every event on every element (not click: it would follow links), focus on each.
  for (const el of provoke ? document.querySelectorAll('*') : []) {
    for (const type of EVENTS) el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
    if (el.tabIndex >= 0) el.focus();  // what can take focus (the events above reach the rest)
  }
  for (const d of provoke ? document.querySelectorAll('details') : []) d.open = true;
  // Clicks: every button (the glossary pop-ups and the ふりがな switch), anything with a handler,
  // and every javascript: link (there should be none of those two).
  const jsLinks = [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')));
  for (const el of provoke ? [...document.querySelectorAll('button'), ...withHandlers(), ...jsLinks] : []) {
    if (el.click) el.click();
    else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  }
  if (provoke) await new Promise((resolve) => setTimeout(resolve, 100));

  const own = (attr, kinds) => {
    const url = new URL(attr, document.baseURI);
    const path = decodeURIComponent(url.pathname);
    return url.origin === location.origin && assets.filter((a) => kinds.test(a)).some((a) => path === `${base}${a}`);
  };
  // The scheme a browser reads: the DOM has decoded the entities; browsers drop C0 controls and
  // spaces around a URL and tabs and line breaks inside it, but do not decode %XX in a scheme
  // (java%09script:… is a relative path). The URL the browser resolves is checked as well.
  const scheme = (value) => {
    const s = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
    return /^([a-z][a-z0-9+.-]*):/.exec(s)?.[1];
  };
  const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background',
    'cite', 'codebase', 'longdesc', 'usemap', 'manifest', 'ping', 'lowsrc', 'dynsrc', 'icon', 'profile', 'archive', 'classid']);
  const PAINT = new Set(['fill', 'stroke', 'marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask', 'filter', 'cursor']);
  const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'textarea',
    'select', 'option', 'style', 'template', 'portal', 'foreignobject', 'math', 'noscript', 'marquee', 'isindex', 'keygen',
    'audio', 'video', 'source', 'track', 'canvas', 'dialog', 'slot', 'param', 'xmp', 'plaintext', 'listing', 'animate',
    'set', 'animatetransform', 'animatemotion', 'use', 'image', 'feimage']);
  for (const el of document.querySelectorAll('*')) {
    const name = el.localName.toLowerCase();
    if (FORBIDDEN.has(name)) problems.push(`${describe(el)} element`);
    if (name === 'a' && el.namespaceURI !== HTML) problems.push(`${describe(el)} in ${el.namespaceURI}`);
    for (const attr of el.attributes) {
      const n = attr.name.toLowerCase();
      if (n.startsWith('on')) problems.push(`${describe(el)} has ${n}="${attr.value.slice(0, 40)}"`);
      // The glossary script places its pop-ups (.term-pop) with a style attribute.
      if (n === 'style' && el.matches('div.term-pop') && !/url\(|expression|@import/i.test(attr.value)) continue;
      if (['style', 'srcdoc', 'autofocus', 'http-equiv', 'formaction', 'action', 'target'].includes(n)) problems.push(`${describe(el)} has ${n}`);
      if (URL_ATTRS.has(n)) {
        let resolved = null;
        try { resolved = new URL(attr.value, document.baseURI).protocol.slice(0, -1); } catch { /* not a URL: inert */ }
        for (const s of new Set([scheme(attr.value), resolved])) {
          if (!['javascript', 'vbscript', 'data', 'file', 'blob', 'filesystem'].includes(s)) continue;
          // A Markdown image may be a data: PNG, GIF, JPEG or WebP (markdown.cc): it cannot run.
          if (s === 'data' && name === 'img' && n === 'src' && /^data:image\/(png|gif|jpeg|webp)[;,]/i.test(attr.value)) continue;
          problems.push(`${describe(el)} ${n}="${attr.value.slice(0, 60)}"`);
        }
      }
      if (PAINT.has(n) && /url\(/i.test(attr.value) && !/^url\(#[\w-]+\)$/.test(attr.value)) problems.push(`${describe(el)} ${n}="${attr.value}"`);
    }
  }
  // The site's own scripts and stylesheet only; the layout's meta elements only.
  for (const s of [...document.querySelectorAll('*')].filter((el) => el.localName === 'script')) {
    if (s.namespaceURI !== HTML || s.textContent.trim() || !s.getAttribute('src') || !own(s.getAttribute('src'), /\.js$/)) {
      problems.push(`script ${s.namespaceURI === HTML ? '' : s.namespaceURI} src="${s.getAttribute('src')}" ${s.textContent.slice(0, 40)}`);
    }
  }
  for (const l of document.querySelectorAll('link')) {
    // The canonical address starts with the fixture's base_url.
    const canonical = l.rel === 'canonical' && l.getAttribute('href').startsWith('https://www.town.example.jp/a&b/');
    // The plan's own Atom feed, beside the page.
    const feed = l.rel === 'alternate' && l.type === 'application/atom+xml' && /^(\.\.\/)*feed\.xml$/.test(l.getAttribute('href'));
    if (!canonical && !feed && (l.rel !== 'stylesheet' || !own(l.getAttribute('href'), /\.css$/))) problems.push(`link rel="${l.rel}" href="${l.getAttribute('href')}"`);
  }
  // The layout's own: charset, viewport, description, and the Open Graph and Twitter card tags.
  const NAMES = ['viewport', 'description', 'twitter:card', 'twitter:title', 'twitter:description'];
  const PROPERTIES = ['og:title', 'og:type', 'og:site_name', 'og:locale', 'og:description', 'og:url'];
  for (const m of document.querySelectorAll('meta')) {
    const ok = (m.attributes.length === 1 && m.hasAttribute('charset')) ||
      (m.attributes.length === 2 && NAMES.includes(m.getAttribute('name')) && m.hasAttribute('content')) ||
      (m.attributes.length === 2 && PROPERTIES.includes(m.getAttribute('property')) && m.hasAttribute('content') &&
       (m.getAttribute('property') !== 'og:url' || m.getAttribute('content').startsWith('https://www.town.example.jp/a&b/')));
    if (!ok) problems.push(`meta ${[...m.attributes].map((a) => a.name).join(' ')}`);
  }
  // The page's structure is intact: nothing swallowed the rest of it.
  const structure = [
    document.querySelectorAll('head > title').length === 1, document.querySelectorAll('body > header.site-header').length === 1,
    document.querySelectorAll('main#main').length === 1, document.body.lastElementChild?.matches('footer.site-footer'),
    document.querySelectorAll('footer .generator').length === 1, !document.querySelector('main footer, footer main'),
  ];
  if (structure.includes(false)) problems.push(`structure broken: ${structure.join(' ')}`);
  // Inline SVG (the charts): drawing and text only.
  const DRAWING = new Set(['svg', 'title', 'desc', 'defs', 'pattern', 'marker', 'g', 'rect', 'path', 'circle', 'line',
    'polyline', 'polygon', 'text', 'tspan']);
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.matches('svg.chart[role="img"]')) problems.push(`${describe(svg)} is not a chart`);
    for (const el of svg.querySelectorAll('*')) {
      if (!DRAWING.has(el.localName) || el.namespaceURI !== 'http://www.w3.org/2000/svg') problems.push(`chart holds ${describe(el)} (${el.namespaceURI})`);
    }
  }
  return { problems, xss: window.__xss ?? ['sentinel missing'], pwned: window.__pwned, title: document.title };
}

// Visits every page (and a missing one, which the server answers with 404.html).
const visits = [...pages.map((p) => [p, p]), ['404 for a missing page', 'no/such/page.html']];

test('in Chromium no vector runs on any page and none leaves markup, handlers or live URLs', async () => {
  const { page: first, context, problems } = await openPage(browser, server.origin);
  await first.close();
  await context.addInitScript(() => {
    window.__xss = [];
    for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (...a) => { window.__xss.push([f, ...a]); };
  });
  const failures = [];
  for (const [label, path] of visits) {
    // A page of its own for each: whatever one page starts cannot reach the next.
    const page = await context.newPage();
    const where = `${label}: `;
    const url = new URL(path, server.url).href;
    const dialogs = [];
    const navigations = [];
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('framenavigated', (f) => navigations.push(f.url()));
    page.on('pageerror', (e) => failures.push(`${where}script error: ${e}`));
    page.on('popup', (p) => failures.push(`${where}opened ${p.url()}`));
    try {
      await page.goto(url, { waitUntil: 'load' });
      // The page as built, then after everything has been done to it (pop-ups open and so on).
      const before = await page.evaluate(inspect, { assets: ownAssets, basePath, provoke: false });
      failures.push(...before.problems.map((p) => where + p));
      const r = await page.evaluate(inspect, { assets: ownAssets, basePath, provoke: true });
      failures.push(...r.problems.filter((p) => !before.problems.includes(p)).map((p) => where + p));
      if (r.xss.length) failures.push(`${where}sentinel called: ${JSON.stringify(r.xss)}`);
      if (r.pwned !== undefined) failures.push(`${where}window.__pwned = ${r.pwned}`);
      if (r.title === 'PWNED' || !r.title.includes("</title></style></noscript></script><script>document.title='PWNED'</script>")) {
        failures.push(`${where}title "${r.title.slice(0, 80)}"`);
      }
    } catch (e) {  // the page navigated away or broke the inspection
      failures.push(`${where}${String(e).split('\n')[0]}`);
    }
    if (dialogs.length) failures.push(`${where}dialogs ${dialogs.join(', ')}`);
    if (page.url() !== url || navigations.length > 1) failures.push(`${where}navigated to ${navigations.join(', ')}`);
    await page.close();
  }
  await context.close();
  failures.push(...problems.external.map((u) => `request left the site: ${u}`));
  console.log(`      ${visits.length} pages, ${failures.length} problems`);
  assert(failures.length === 0, failures.join('\n'));
});

// Where each field shows: page, selector (or @attribute of it), and what it must contain.
const S_AT = (page, ...selectors) => selectors.map((selector) => [page, selector, S_SHOWN]);
const MD_AT = (page, ...selectors) => selectors.map((selector) => [page, selector, MD_SHOWN]);
const SHOWN = [
  ...S_AT('index.html', 'h1', '.site-name', '.lead', '.plan-town', '.plan-title', '.plan-meta', 'footer .generator',
    'head > title', 'meta[name="description"]@content'),
  ...S_AT('hostile/index.html', '.plan-cover h1', '.plan-cover .plan-town', '.subtitle', '.slogan', '.plan-facts dd',
    '#preface', '.signature', '.contact address p', '.plan-name', '.breadcrumbs'),
  ...S_AT('hostile/revisions.html', 'table.revisions td'),
  ...MD_AT('hostile/index.html', '.period-note', '.preface', '.page-terms dd'),
  ...S_AT('hostile/chapter-1.html', 'h1', 'h2[id^="sec-"]', 'h3[id^="sec-"]', 'section.measure > :is(h3, h4)',
    '.page-toc a', 'figcaption',
    '.figure-source', 'figure img@alt', 'table caption', 'thead th', 'tbody th', '.table-source', '.callout-title',
    '.measure-fields dt', '.measure-fields dd', '.pager a'),
  ...MD_AT('hostile/chapter-1.html', 'main > article > p', '.figure-description', 'tbody td', '.table-note', '.callout',
    '.measure-fields dd', '.measure > p, .measure > ul', 'section.section > p'),
  ...S_AT('hostile/chapter-2.html', 'h1', '.schedule caption', '.schedule thead th', '.schedule tbody th',
    '.schedule-when', '.milestone', '.schedule-list', '.organization caption', '.organization th', '.organization td',
    '.units-caption', '.unit-name', '.unit-description', 'svg.chart title', 'table.statistics caption',
    'table.statistics th', '.table-source', '.references-caption', '.references cite', '.references li'),
  ...MD_AT('hostile/chapter-2.html', '.schedule-block .table-note', '.organization .table-note', '.reference-note',
    '.term-box dd'),
  ...S_AT('hostile/glossary.html', '.glossary dt', '.glossary .aliases', '.glossary .expansion', '.glossary rt'),
  ...MD_AT('hostile/glossary.html', '.glossary dd'),
  ...S_AT('hostile/measures.html', '.measure-group h2', '.measure-index a', '.measure-chapter', '.measure-facts dt',
    '.measure-facts dd', '.lead'),
  ...S_AT('hostile/full.html', '.full-text h1', '.slogan', '.full-text h2', 'figcaption'),
  ...MD_AT('hostile/full.html', '.preface', '.figure-description', '.glossary dd'),
  // The municipality's name (and its reading, for screen readers) in the plan's own pages.
  ...['hostile/index.html', 'hostile/full.html'].map((p) => [p, '.plan-town', ['"><img src=x onerror=alert(1)>見本町', '<script>alert(1)</script>みほんちょう']]),
  ...S_AT('hostile-2/index.html', '.plan-cover h1', '.plan-town', '.plan-facts dd', '.contact'),
  ...S_AT('accessibility.html', 'main > p', 'main li', 'main th'),
  ...S_AT('404 for a missing page', 'main a', 'head > title'),
];

test('every vector shows as text where it was put', async () => {
  const { page, context } = await openPage(browser, server.origin);
  const byPage = new Map();
  for (const [p, selector, wanted] of SHOWN) {
    if (!byPage.has(p)) byPage.set(p, []);
    byPage.get(p).push([selector, wanted]);
  }
  const failures = [];
  let checks = 0;
  for (const [p, list] of byPage) {
    const path = p.startsWith('404') ? 'no/such/page.html' : p;
    await page.goto(new URL(path, server.url).href);
    const texts = await page.evaluate((selectors) => selectors.map((sel) => {
      const [css, attr] = sel.split('@');
      return [...document.querySelectorAll(css)].map((e) => (attr ? e.getAttribute(attr) ?? '' : e.textContent));
    }), list.map(([s]) => s));
    list.forEach(([selector, wanted], i) => {
      if (texts[i].length === 0) failures.push(`${p}: no ${selector}`);
      for (const w of wanted) {
        checks += 1;
        if (!texts[i].some((t) => t.includes(w))) failures.push(`${p}: ${selector} lacks ${w}`);
      }
    });
  }
  await context.close();
  console.log(`      ${SHOWN.length} places × their vectors: ${checks} checks, ${failures.length} missing`);
  assert(failures.length === 0, failures.join('\n'));
});

test('the built site holds only pages, its own assets and the images; no feed or data file carries markup', async () => {
  // Data files (open data, feeds, sitemap.xml, robots.txt) carry the content as data, not markup.
  const data = (p) => /^[^/]+\/(data\/(plan\.json|(measures|schedules|glossary)\.csv)|feed\.xml)$/.test(p) ||
    ['sitemap.xml', 'robots.txt'].includes(p);
  const others = files.filter((p) => !p.endsWith('.html') && !ownAssets.includes(p) && !data(p));
  const images = ["hostile/img' onerror='alert(1)' x='&.png", "hostile-2/img' onerror='alert(1)' x='&.png"];
  assert(JSON.stringify(others.sort()) === JSON.stringify(images.sort()), `unexpected files: ${others.join(', ')}`);
  assert(files.filter(data).length >= 4, `no data files: ${files.filter(data)}`);
  for (const f of files.filter(data)) {
    const text = readFileSync(join(site, f), 'utf8');
    if (f.endsWith('.json')) {
      // Parses, holds the vectors as text, and no < > & that a browser guessing HTML could read as markup.
      const plan = JSON.parse(text);
      assert(JSON.stringify(plan).includes('<script>alert(1)</script>'), `${f} lacks the vector as text`);
      assert(!/[<>&]/.test(text), `${f} has a raw < > or &`);
    } else if (f === 'sitemap.xml') {
      // Well-formed: only <url><loc>ADDRESS</loc></url> lines, the address escaped.
      const lines = text.trim().split('\n');
      assert(lines.slice(2, -1).every((l) => /^<url><loc>https:\/\/www\.town\.example\.jp\/a&amp;b\/[^<>"&]*<\/loc><\/url>$/.test(l)),
        `${f}: ${lines.slice(2, -1).find((l) => !l.startsWith('<url><loc>https://www.town.example.jp/a&amp;b/'))}`);
    } else if (f.endsWith('feed.xml')) {
      // The vectors as escaped text; feeds.test.mjs parses the feed with Chromium's XML parser.
      assert(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${f} lacks the escaped vector`);
      assert(!text.includes('<script') && !/<(?!\/?(feed|title|subtitle|id|updated|author|name|link|generator|entry|summary)[\s>\/]|\?xml )/.test(text),
        `${f} has markup beyond Atom's`);
    } else if (f === 'robots.txt') {
      assert(text === 'User-agent: *\nAllow: /\nSitemap: https://www.town.example.jp/a&b/sitemap.xml\n', `${f}: ${text}`);
    } else {
      assert(text.startsWith('\ufeff'), `${f} has no BOM`);  // CSV: data for a spreadsheet, never served as a page
    }
  }
  // The charts are drawn at build time: the pages that have one hold its caption as SVG title.
  const chapter = readFileSync(join(site, 'hostile/chapter-2.html'), 'utf8');
  assert((chapter.match(/<svg class="chart"/g) ?? []).length === 2, 'two charts expected on hostile/chapter-2.html');
});

// ---------------------------------------------------------------------------------------------
// 4. Vectors that must be errors.

const SITE = 'title: t\n';
const PLAN = 'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [c.yaml]\n';
const CHAPTER = 'title: c\n';
// A case: files over the minimal site, the file and text where the error is reported (its
// first occurrence in that file; null for a folder), the rule, and the strict field it covers.
const errorCase = (name, rule, at, mark, files, field) => errorCases.push({ name, rule, at, mark, files, field });
const chapterWith = (content) => ({ 'plans/x/c.yaml': `title: c\ncontent:\n${content}` });
errorCase('measure id with quotes and a handler', 'content.measure-id', 'plans/x/c.yaml', '"x\\"',
  chapterWith('  - measures:\n      - id: "x\\" onmouseover=\\"alert(1)"\n        number: "1"\n        title: a\n'), 'measure.id');
errorCase('measure id that is a tag', 'content.measure-id', 'plans/x/c.yaml', '"<script>',
  chapterWith('  - measures:\n      - {id: "<script>alert(1)</script>", number: "1", title: a}\n'), 'measure.id');
errorCase('measure id that is a javascript: URL', 'content.measure-id', 'plans/x/c.yaml', 'javascript:',
  chapterWith('  - measures:\n      - {id: javascript:alert(1), number: "1", title: a}\n'), 'measure.id');
errorCase('schedule item naming a hostile measure id', 'ref.measure', 'plans/x/c.yaml', '"\\">',
  chapterWith('  - schedule:\n      caption: s\n      from: 2024\n      to: 2025\n      rows:\n' +
    '        - {item: i, measure: "\\"><script>alert(1)</script>"}\n'), 'schedule-row.measure');
errorCase('chapter file named with markup', 'content.file-name', 'plans/x/plan.yaml', '"\\">',
  { 'plans/x/plan.yaml': 'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: ["\\"><script>alert(1)</script>.yaml"]\n' }, 'plan.chapters');
errorCase('chapter file named javascript:', 'content.file-name', 'plans/x/plan.yaml', 'javascript:',
  { 'plans/x/plan.yaml': 'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: [javascript:alert(1).yaml]\n' }, 'plan.chapters');
errorCase('plan glossary file named with markup', 'content.missing-file', 'plans/x/plan.yaml', '"<img',
  { 'plans/x/plan.yaml': `${PLAN}glossary: "<img src=x onerror=alert(1)>.yaml"\n` }, 'plan.glossary');
errorCase('site glossary file named with markup', 'content.missing-file', 'site.yaml', '"<script>',
  { 'site.yaml': 'title: t\nglossary: "<script>alert(1)</script>.yaml"\n' }, 'site.glossary');
errorCase('readings file named with markup', 'content.missing-file', 'site.yaml', '"<svg',
  { 'site.yaml': 'title: t\nfurigana:\n  readings: "<svg onload=alert(1)>.yaml"\n' }, 'site-furigana.readings');
errorCase('test results file named with markup', 'content.missing-file', 'site.yaml', '"\\"',
  { 'site.yaml': 'title: t\naccessibility:\n  results: "\\" onmouseover=\\"alert(1).json"\n' }, 'accessibility.results');
errorCase('reading that is markup, not hiragana', 'readings.reading', 'readings.yaml', '"<script>',
  { 'site.yaml': 'title: t\nfurigana: {readings: readings.yaml}\n', 'readings.yaml': 'names:\n  - word: 町\n    reading: "<script>alert(1)</script>"\n' },
  'name-reading.reading');
errorCase('site plans naming a hostile folder', 'content.unknown-plan', 'site.yaml', '"<script>',
  { 'site.yaml': 'title: t\nplans: ["<script>alert(1)</script>"]\n' }, 'site.plans');
errorCase('plan folder named with markup', 'content.file-name', 'plans/"><img src=x onerror=alert(1)>', null,
  { 'plans/"><img src=x onerror=alert(1)>/plan.yaml': PLAN, 'plans/"><img src=x onerror=alert(1)>/c.yaml': CHAPTER }, 'site.plans');
errorCase('figure image named with quotes and a handler (missing)', 'content.missing-file', 'plans/x/c.yaml', '"x\\"',
  chapterWith('  - figure: {caption: f, alt: a, image: "x\\" onerror=\\"alert(1).png"}\n'));
errorCase('figure image that is a javascript: URL', 'content.image-type', 'plans/x/c.yaml', 'javascript:',
  chapterWith('  - figure: {caption: f, alt: a, image: javascript:alert(1)}\n'));
errorCase('figure image that is a data: URL', 'content.image-type', 'plans/x/c.yaml', '"data:',
  chapterWith('  - figure: {caption: f, alt: a, image: "data:image/svg+xml,<svg onload=alert(1)>"}\n'));
// Published beside the pages, these would run their scripts with the site's address.
errorCase('figure image that is an SVG drawing with a script', 'content.image-type', 'plans/x/c.yaml', 'evil.svg',
  { ...chapterWith('  - figure: {caption: f, alt: a, image: evil.svg}\n'),
    'plans/x/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>' });
errorCase('Markdown image that is an HTML page', 'content.image-type', 'plans/x/c.yaml', '![',
  { ...chapterWith('  - "![a](evil.html)"\n'), 'plans/x/evil.html': '<script>alert(document.domain)</script>' });
errorCase('Markdown image that is an SVG drawing, named with quotes', 'content.image-type', 'plans/x/c.yaml', '![',
  { ...chapterWith('  - \'![a](<x" onload="alert(1).svg>)\'\n'), 'plans/x/x" onload="alert(1).svg': '<svg onload="alert(1)"/>' });
errorCase('figure image outside the plan folder (absolute)', 'content.outside-file', 'plans/x/c.yaml', '/etc/passwd',
  chapterWith('  - figure: {caption: f, alt: a, image: /etc/passwd}\n'));
errorCase('figure image outside the plan folder (..)', 'content.outside-file', 'plans/x/c.yaml', '../',
  chapterWith('  - figure: {caption: f, alt: a, image: ../../../../etc/passwd}\n'));
errorCase('Markdown image named with quotes and a handler (missing)', 'content.missing-file', 'plans/x/c.yaml', '![a]',
  chapterWith('  - \'![a](<x" onerror="alert(1).png>)\'\n'));
errorCase('Markdown link to a document named with quotes and a handler (missing)', 'content.missing-file', 'plans/x/c.yaml',
  '[a]', chapterWith('  - \'[a](<x" onmouseover="alert(1).pdf>)\'\n'));
errorCase('license url that is a javascript: URL', 'content.license-url', 'site.yaml', 'javascript:',
  { 'site.yaml': 'title: t\ndata_license: {name: n, url: javascript:alert(1)}\n' }, 'data-license.url');
errorCase('license url that breaks out of an attribute', 'content.license-url', 'site.yaml', '"https:',
  { 'site.yaml': 'title: t\ndata_license: {name: n, url: "https://x.example/\\" onmouseover=\\"alert(1)"}\n' }, 'data-license.url');
errorCase('base_url that is a tag', 'content.base-url', 'site.yaml', '"<script>',
  { 'site.yaml': 'title: t\nbase_url: "<script>alert(1)</script>"\n' }, 'site.base_url');
errorCase('base_url that is a javascript: URL', 'content.base-url', 'site.yaml', 'javascript:',
  { 'site.yaml': 'title: t\nbase_url: javascript:alert(1)//\n' }, 'site.base_url');
errorCase('base_url that breaks out of an attribute', 'content.base-url', 'site.yaml', '"https:',
  { 'site.yaml': 'title: t\nbase_url: "https://evil.example/\\" onmouseover=\\"alert(1)"\n' }, 'site.base_url');
errorCase('base_path to another server (//)', 'content.base-path', 'site.yaml', '//',
  { 'site.yaml': 'title: t\nbase_path: //evil.example/\n' });
errorCase('base_path to another server (/\\)', 'content.base-path', 'site.yaml', '"/',
  { 'site.yaml': 'title: t\nbase_path: "/\\\\evil.example/"\n' });
errorCase('base_path to another server (/ tab /)', 'content.base-path', 'site.yaml', '"/',
  { 'site.yaml': 'title: t\nbase_path: "/\\t/evil.example/"\n' });
errorCase('date that is markup', 'schema.date', 'plans/x/plan.yaml', '"<script>',
  { 'plans/x/plan.yaml': `${PLAN}established: "<script>alert(1)</script>"\n` });
errorCase('revision date that is a handler', 'schema.date', 'plans/x/plan.yaml', '"\\"',
  { 'plans/x/plan.yaml': `${PLAN}revisions:\n  - {date: "\\" onmouseover=\\"alert(1)", description: d}\n` });
errorCase('fiscal year that is a javascript: URL', 'schema.fiscal-year', 'plans/x/plan.yaml', 'javascript:',
  { 'plans/x/plan.yaml': `${PLAN}period: {from: javascript:alert(1), to: 2025}\n` });
errorCase('milestone year that is markup', 'schema.fiscal-year', 'plans/x/c.yaml', '"<img',
  chapterWith('  - schedule:\n      caption: s\n      from: 2024\n      to: 2025\n      rows:\n' +
    '        - {item: i, from: 2024, milestones: [{when: "<img src=x onerror=alert(1)>", label: l}]}\n'));
errorCase('chart kind that is markup', 'schema.choice', 'plans/x/c.yaml', '"<script>',
  chapterWith('  - statistics: {caption: c, chart: "<script>alert(1)</script>", categories: [a], series: [{name: n, values: [1]}]}\n'));
errorCase('statistics value that is markup', 'schema.type', 'plans/x/c.yaml', '"<svg',
  chapterWith('  - statistics: {caption: c, categories: [a], series: [{name: n, values: ["<svg onload=alert(1)>"]}]}\n'));
errorCase('colspan that is a handler', 'schema.type', 'plans/x/c.yaml', '"\\"',
  chapterWith('  - table: {caption: c, rows: [[{text: t, colspan: "\\" onmouseover=\\"alert(1)"}]]}\n'));
errorCase('priority that is markup', 'schema.type', 'plans/x/c.yaml', '"<b',
  chapterWith('  - measures: [{number: "1", title: t, priority: "<b onmouseover=alert(1)>"}]\n'));
errorCase('automatic furigana setting that is markup', 'schema.choice', 'plans/x/c.yaml', '"<script>',
  { 'plans/x/c.yaml': 'title: c\nfurigana: {auto: "<script>alert(1)</script>"}\n' });
errorCase('auto_link_terms that is markup', 'schema.choice', 'plans/x/plan.yaml', '"<img',
  { 'plans/x/plan.yaml': `${PLAN}auto_link_terms: "<img src=x onerror=alert(1)>"\n` });
errorCase('key that is markup', 'schema.unknown-key', 'plans/x/c.yaml', '"<script>',
  { 'plans/x/c.yaml': 'title: c\n"<script>alert(1)</script>": x\n' });
// (Reported where the text starts: the name, decoded from its entities, is not in the file as such.)
errorCase('glossary reference to an unknown term that is markup', 'ref.glossary', 'plans/x/c.yaml', '"[[&lt;img',
  chapterWith('  - "[[&lt;img src=x onerror=alert(1)&gt;]]"\n'));
errorCase('glossary reference to an unknown term with quotes', 'ref.glossary', 'plans/x/c.yaml', '[["',
  chapterWith('  - \'x [["onmouseover="alert(1)]]\'\n'));
errorCase('term box naming an unknown term that is markup', 'ref.glossary', 'plans/x/c.yaml', '"<script>',
  chapterWith('  - terms: ["<script>alert(1)</script>"]\n'));
errorCase('related term that is unknown markup', 'ref.glossary', 'plans/x/glossary.yaml', '"<svg',
  { 'plans/x/plan.yaml': `${PLAN}glossary: glossary.yaml\n`, 'plans/x/glossary.yaml':
    'terms:\n  - term: DX\n    definition: d\n    related: ["<svg onload=alert(1)>"]\n', 'plans/x/c.yaml': 'title: c\ncontent: ["[[DX]]"]\n' });

test('vectors in fields with a strict format fail the build at their place: exit 1, FILE:LINE:COL: error [RULE]', async () => {
  const failures = [];
  for (const c of errorCases) {
    const dir = join(tempDir(), 'content');
    const all = { 'site.yaml': SITE, 'plans/x/plan.yaml': PLAN, 'plans/x/c.yaml': CHAPTER, ...c.files };
    if (Object.keys(c.files).some((f) => f.startsWith('plans/') && !f.startsWith('plans/x/'))) {
      for (const f of Object.keys(all)) if (f.startsWith('plans/x/')) delete all[f];
    }
    for (const [f, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    const out = join(dirname(dir), 'site');
    const r = keikakuBuild(dir, out);
    const said = `${r.stdout}${r.stderr}`;
    let where = join(dir, c.at);
    if (c.mark !== null) {
      const text = all[c.at];
      const at = text.indexOf(c.mark);
      assert(at >= 0, `${c.name}: ${c.mark} not in ${c.at}`);
      const before = text.slice(0, at).split('\n');
      where += `:${before.length}:${[...before[before.length - 1]].length + 1}`;
    }
    const expected = `${where}: error [${c.rule}]`;
    if (r.status !== 1 || !said.includes(expected) || existsSync(out)) {
      failures.push(`${c.name}: exit ${r.status}, ${existsSync(out) ? 'site written, ' : ''}expected ${expected} in:\n${said.slice(0, 600)}`);
    }
  }
  console.log(`      ${errorCases.length} cases`);
  assert(failures.length === 0, failures.join('\n\n'));
});

await run(async () => {
  console.log(`\nmatrix: ${matrix.fields} fields with vectors, ${matrix.cells} field × payload cells; ` +
    `${errorCases.length} error cases; ${visits.length} pages in Chromium`);
  await browser.close();
  server.close();
});
