// Generates a synthetic keikaku site of N pages for the benchmark, deterministically (a
// seeded PRNG: the same N gives byte-identical files), from the texts of the bundled plans in
// content/: their prose paragraphs, lists, tables, section titles, measures, schedule
// items, glossaries and the names of content/readings.yaml. With --hugo it also writes an
// equivalent Hugo 0.111 site of the same N pages, to time the two side by side.
//
// Usage: node bench/gen-site.mjs --pages N --out DIR [--hugo DIR2]
//
// Pages as keikaku counts them: the site index, 404 and accessibility pages (3), and per plan
// its index, full text, glossary and measures pages (4) plus one page per chapter. Plans get about 50
// chapters each (40 to 60), so 10,000 pages are about 190 plans. Each chapter has a lead
// sentence with ruby, two or three sections of prose with glossary references and ruby, a
// list, a table, and in some chapters a schedule, measures or a callout.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The `yaml` module of the browser tests (tests/browser/package.json; `make test-deps`).
const YAML = createRequire(join(root, 'tests/browser/package.json'))('yaml');

const { values: args } = parseArgs({ options: { pages: { type: 'string' }, out: { type: 'string' }, hugo: { type: 'string' } } });
const pages = Number(args.pages);
if (!Number.isInteger(pages) || pages < 10 || !args.out) {
  console.error('usage: node bench/gen-site.mjs --pages N --out DIR [--hugo DIR2]   (N >= 10)');
  process.exit(2);
}

// ---- Deterministic randomness (mulberry32) ----
let seed = 0x6b65696b ^ pages;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));  // lo..hi inclusive
const pick = (list) => list[Math.floor(random() * list.length)];
// n different elements of `list` (all of them when it has no more), in random order.
function sample(list, n) {
  const copy = [...list];
  for (let i = 0; i < Math.min(n, copy.length); i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

// ---- Harvest the bundled content ----
const load = (file) => YAML.parse(readFileSync(file, 'utf8'));
const contentDir = join(root, 'content');
const planDirs = readdirSync(join(contentDir, 'plans')).sort().map((d) => join(contentDir, 'plans', d));

// Glossary references, ruby and footnotes are taken out (the generator places its own), and
// texts that could not move to another plan as they are (links, numbered references to
// figures and tables that only exist in their own plan) are left out.
const plain = (s) => s.replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1').replace(/\{([^}|]*)\|[^}]*\}/g, '$1').trim();
const movable = (s) => !/\]\(|https?:|\[\^|<!--|keikaku-ignore|《|｜|(^|[^\p{sc=Han}])(図表|図|表)[-－]?[0-9０-９①-⑳]/u.test(s);
const pool = { prose: [], lists: [], tables: [], titles: [], measures: [], scheduleItems: [], callouts: [] };
const munis = [];
const glossaries = [];

// Paragraphs and lists of a Markdown text (a list may follow its paragraph without a blank line).
function harvestText(md) {
  for (const block of md.split(/\n\s*\n/)) {
    const text = plain(block);
    if (!movable(text)) continue;
    const runs = [];  // consecutive lines that are all list items, or all not
    for (const line of text.split('\n')) {
      const item = /^ *- \S/.test(line);
      if (runs.length && runs.at(-1).item === item) runs.at(-1).lines.push(line);
      else runs.push({ item, lines: [line] });
    }
    for (const { item, lines } of runs) {
      if (item) {
        if (lines.length <= 12 && lines[0].startsWith('- ') && lines.filter((l) => l.startsWith('- ')).length >= 2) pool.lists.push(lines);
      } else if (!/^[|#>*\d(（①]/.test(lines[0]) && lines.join('').length >= 40) {
        pool.prose.push(lines.join(''));
      }
    }
  }
}

const cleanCells = (v) => (typeof v === 'string' ? plain(v) : Array.isArray(v) ? v.map(cleanCells)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanCells(x)])) : v);

function harvestBlocks(blocks = []) {
  for (const b of blocks) {
    if (typeof b === 'string') harvestText(b);
    else if (b.table) {
      const { number, source, ...table } = b.table;  // numbered anew per plan
      if (movable(JSON.stringify(table))) pool.tables.push(cleanCells(table));
    } else if (b.measures) {
      for (const m of b.measures) {
        const body = m.body ?? m.direction ?? m.challenges;
        if (body && movable(body) && movable(m.title)) pool.measures.push({ title: plain(m.title), body: plain(body) });
      }
    } else if (b.schedule) {
      const rows = (list) => list.forEach((r) => { if (movable(r.item)) pool.scheduleItems.push(plain(r.item)); rows(r.rows ?? []); });
      rows(b.schedule.rows);
    } else if (b.callout && movable(b.callout.body) && b.callout.title) {
      pool.callouts.push({ title: plain(b.callout.title), body: plain(b.callout.body) });
      harvestText(b.callout.body);  // its lists also serve as lists of the prose
    }
  }
}

function harvestSections(sections = []) {
  for (const s of sections) {
    if (movable(s.title) && s.title.length <= 30) pool.titles.push(plain(s.title));
    harvestBlocks(s.content);
    harvestSections(s.sections);
  }
}

for (const dir of planDirs) {
  const plan = load(join(dir, 'plan.yaml'));
  munis.push(plan.municipality);
  for (const file of plan.chapters) {
    const chapter = load(join(dir, file));
    harvestBlocks(chapter.content);
    harvestSections(chapter.sections);
  }
  if (plan.glossary) glossaries.push(load(join(dir, plan.glossary)).terms.map(({ related, ...t }) => t));
}
const readings = load(join(contentDir, 'readings.yaml')).names;
// Words that get ruby where they occur: the names of readings.yaml and the glossary terms
// written in kanji only; longest first.
const rubyWords = [...readings.filter((n) => !n.word.includes(' ')),
  ...glossaries.flat().filter((t) => /^\p{sc=Han}+$/u.test(t.term)).map((t) => ({ word: t.term, reading: t.reading }))]
  .sort((a, b) => b.word.length - a.word.length);
for (const [name, list] of Object.entries(pool)) {
  if (list.length === 0) throw new Error(`gen-site: found no ${name} in content/`);
}

// ---- Inline markup: glossary references and ruby, outside existing markup only ----
// Replaces the first occurrence of `word` in `text` that is not inside [[…]] or {…|…}.
function markFirst(text, word, markup) {
  const parts = text.split(/(\[\[.*?\]\]|\{[^}]*\})/);
  for (let i = 0; i < parts.length; i += 2) {
    const at = parts[i].indexOf(word);
    if (at >= 0) {
      parts[i] = parts[i].slice(0, at) + markup + parts[i].slice(at + word.length);
      return parts.join('');
    }
  }
  return null;
}
function addRuby(text) {
  for (const { word, reading } of rubyWords) {
    const marked = markFirst(text, word, `{${word}|${reading}}`);
    if (marked) return marked;
  }
  return text;
}

// ---- The site model: plans of chapters, each chapter a list of sections of blocks ----
// Per plan: index.html, full.html, glossary.html and measures.html (施策の一覧: every plan has
// measures, in the second section of its first chapter at least) and its chapters.
const planPages = 4;
const planCount = Math.max(1, Math.round((pages - 3) / (50 + planPages)));
const chapterTotal = pages - 3 - planPages * planCount;
const weights = Array.from({ length: planCount }, () => int(40, 60));
const weightSum = weights.reduce((a, b) => a + b, 0);
const chapterCounts = weights.map((w) => Math.floor((chapterTotal * w) / weightSum));
for (let i = 0, rest = chapterTotal - chapterCounts.reduce((a, b) => a + b, 0); rest > 0; i = (i + 1) % planCount, rest--) chapterCounts[i]++;

const kinds = ['推進計画', '基本方針', '推進計画', 'ガイドライン'];
const years = [2022, 2023, 2024, 2025];

function makeSchedule() {
  const from = pick(years);
  const to = from + int(2, 4);
  const rows = sample(pool.scheduleItems, int(3, 6)).map((item) => {
    const r = random();
    if (r < 0.15) return { item, text: '随時' };
    const a = int(from, to);
    return r < 0.3 ? { item, from: a, to, continues: true } : { item, from: a, to: int(a, to) };
  });
  return { schedule: { caption: `${pick(pool.titles)}の工程`, item_label: '取組', from, to, rows } };
}

function makeChapter(plan, n, terms, tableNumber) {
  const sections = [];
  const sectionCount = int(2, 3);
  const [title, ...titles] = sample(pool.titles, sectionCount + 1);
  for (let s = 1; s <= sectionCount; s++) {
    const paragraphs = sample(pool.prose, s === 1 ? int(2, 3) : int(1, 2));
    const content = [];
    if (s === 1) {
      content.push({ paragraphs, list: [...pick(pool.lists)] });
      content.push({ table: { number: `図表-${tableNumber}`, ...pick(pool.tables) } });
    } else {
      content.push({ paragraphs });
    }
    // One more block in the second section of most chapters: about as many as in content/,
    // whose 19 chapters have 5 schedules, 5 lists of measures and 7 callouts (and 12 tables).
    const r = s === 2 ? (n === 1 ? 0.45 : random()) : 1;
    if (r < 0.3) content.push(makeSchedule());
    else if (r < 0.6) content.push({ measures: sample(pool.measures, int(2, 4)).map((m, i) => ({ number: `(${i + 1})`, ...m })) });
    else if (r < 0.9) content.push({ callout: pick(pool.callouts) });
    sections.push({ number: `${n}.${s}`, title: titles[s - 1], content });
  }
  const lead = `この章では、{${plan.municipality.name}|${plan.municipality.reading}}の「${title}」について述べます。`;
  const chapter = { number: `第${n}章`, title, lead, sections };

  // Glossary references: each term where its name or an alias occurs in the prose, else as
  // an item of the first list. Then ruby on the names that occur, about one paragraph in two.
  const first = sections[0].content[0];
  for (const term of terms) {
    const names = [term.term, ...(term.aliases ?? [])];
    let done = false;
    for (const sec of sections) {
      const ps = sec.content[0].paragraphs;
      for (let i = 0; i < ps.length && !done; i++) {
        for (const name of names) {
          const marked = markFirst(ps[i], name, `[[${name}]]`);
          if (marked) { ps[i] = marked; done = true; break; }
        }
      }
    }
    if (!done) {
      const shortest = names.reduce((a, b) => (b.length < a.length ? b : a));
      first.list.push(shortest === term.term ? `- [[${term.term}]]の活用` : `- [[${term.term}|${shortest}]]の活用`);
    }
  }
  for (const sec of sections) {
    const ps = sec.content[0].paragraphs;
    for (let i = 0; i < ps.length; i++) if (random() < 0.5) ps[i] = addRuby(ps[i]);
  }
  return chapter;
}

const plans = [];
for (let p = 0; p < planCount; p++) {
  const municipality = munis[p % munis.length];
  const glossary = glossaries[p % glossaries.length];
  const plan = {
    slug: `plan-${String(p + 1).padStart(4, '0')}`,
    municipality,
    title: `${municipality.name}デジタル推進計画（見本${p + 1}）`,
    kind: kinds[p % kinds.length],
    period: { from: 2023 + (p % 3), to: 2027 + (p % 3) },
    autoLink: p % 4 !== 3,  // as in content/: three plans of four link the terms they use
    glossary,
    chapters: [],
  };
  const used = new Set();
  for (let c = 1; c <= chapterCounts[p]; c++) {
    // Two or three terms a chapter, in turn, so that every term of the glossary is used.
    const terms = Array.from({ length: int(2, 3) }, (_, k) => glossary[(2 * c + k) % glossary.length]);
    terms.forEach((t) => used.add(t));
    plan.chapters.push(makeChapter(plan, c, [...new Set(terms)], c));
  }
  plan.glossary = glossary.filter((t) => used.has(t));  // all of it, but in the smallest sites
  plans.push(plan);
}

// ---- keikaku content folder ----
const write = (file, text) => { mkdirSync(dirname(file), { recursive: true }); writeFileSync(file, text); };
const yaml = (value) => YAML.stringify(value, { lineWidth: 0 });

function keikakuBlocks(content) {
  return content.flatMap((b) => {
    if (b.paragraphs) return [[...b.paragraphs, ...(b.list ? [b.list.join('\n')] : [])].join('\n\n') + '\n'];
    return [b];
  });
}

function writeKeikaku(dir) {
  rmSync(dir, { recursive: true, force: true });
  write(join(dir, 'site.yaml'), yaml({
    title: `合成サイト（${pages} ページ）`,
    description: 'keikaku のベンチマーク用に、同梱の計画の文章から作ったサイトです。',
    plans: plans.map((p) => p.slug),
    furigana: { shown: true, readings: 'readings.yaml' },
  }));
  write(join(dir, 'readings.yaml'), readFileSync(join(contentDir, 'readings.yaml')));
  for (const plan of plans) {
    const base = join(dir, 'plans', plan.slug);
    write(join(base, 'plan.yaml'), yaml({
      municipality: plan.municipality,
      title: plan.title,
      kind: plan.kind,
      period: plan.period,
      chapters: plan.chapters.map((_, i) => `chapter-${i + 1}.yaml`),
      glossary: 'glossary.yaml',
      ...(plan.autoLink ? { auto_link_terms: 'first' } : {}),
    }));
    write(join(base, 'glossary.yaml'), yaml({ terms: plan.glossary }));
    plan.chapters.forEach((ch, i) => write(join(base, `chapter-${i + 1}.yaml`), yaml({
      number: ch.number,
      title: ch.title,
      content: [ch.lead],
      sections: ch.sections.map((s) => ({ number: s.number, title: s.title, content: keikakuBlocks(s.content) })),
    })));
  }
}

// ---- Hugo site: the same pages, Markdown with shortcodes for the glossary references ----
const rubyHtml = (s) => s.replace(/\{([^}|]*)\|([^}]*)\}/g, '<ruby>$1<rp>（</rp><rt>$2</rt><rp>）</rp></ruby>');
const hugoInline = (s) => rubyHtml(s.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g,
  (_, term, shown) => (shown ? `{{< term "${term}" "${shown}" >}}` : `{{< term "${term}" >}}`)));
const cell = (c) => hugoInline(typeof c === 'string' ? c : c.text).trim().replace(/\n+/g, '<br>').replace(/\|/g, '\\|');

function hugoTable(caption, header, rows) {
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const head = header ?? Array(width).fill(' ');
  const line = (cells) => `| ${Array.from({ length: width }, (_, i) => (cells[i] === undefined ? '' : cell(cells[i]))).join(' | ')} |`;
  return [`**${hugoInline(caption)}**`, '', line(head), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n');
}

function hugoBlock(b) {
  if (b.paragraphs) return [...b.paragraphs, ...(b.list ? [b.list.join('\n')] : [])].map(hugoInline).join('\n\n');
  if (b.table) return hugoTable(`${b.table.number} ${b.table.caption}`, b.table.header, b.table.rows);
  if (b.callout) return `> **${hugoInline(b.callout.title)}**\n>\n${hugoInline(b.callout.body).trim().split('\n').map((l) => `> ${l}`).join('\n')}`;
  if (b.measures) return b.measures.map((m) => `### ${m.number} ${hugoInline(m.title)}\n\n${hugoInline(m.body).trim()}`).join('\n\n');
  if (b.schedule) {
    const { caption, item_label, from, to, rows } = b.schedule;
    const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const marks = (r) => span.map((y) => (r.text ? r.text : y >= r.from && y <= r.to ? '実施' : ''));
    return hugoTable(caption, [item_label, ...span.map((y) => `${y}年度`)], rows.map((r) => [r.item, ...marks(r)]));
  }
  throw new Error(`gen-site: unknown block ${Object.keys(b)}`);
}

const frontMatter = (fields) => `---\n${yaml(fields)}---\n`;
const layouts = {
  'layouts/_default/baseof.html': `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
<header><p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
{{ with .CurrentSection }}{{ if not .IsHome }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><a href="{{ (site.GetPage "/accessibility").RelPermalink }}">ウェブアクセシビリティ方針</a></footer>
</body>
</html>
`,
  'layouts/_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<nav aria-label="目次">{{ .TableOfContents }}</nav>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}
`,
  'layouts/_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<nav aria-label="目次"><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>{{ end }}
`,
  'layouts/_default/full.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<nav aria-label="目次"><ol>{{ range where .CurrentSection.RegularPages "Params.chapter" true }}<li><a href="#{{ .File.ContentBaseName }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
{{ range where .CurrentSection.RegularPages "Params.chapter" true }}<section id="{{ .File.ContentBaseName }}"><h2>{{ .Title }}</h2>{{ .Content }}</section>{{ end }}{{ end }}
`,
  'layouts/404.html': `{{ define "main" }}<h1>ページが見つかりません</h1><p><a href="{{ site.Home.RelPermalink }}">トップページ</a></p>{{ end }}
`,
  // The glossary reference: a link to the term on the plan's glossary page, with its definition.
  'layouts/shortcodes/term.html': `{{- $term := .Get 0 -}}
<a class="term" href="{{ .Page.CurrentSection.RelPermalink }}glossary/#{{ anchorize $term }}"{{ with index site.Data.glossary $term }} title="{{ . }}"{{ end }}>{{ .Get 1 | default $term }}</a>`,
};

function writeHugo(dir) {
  rmSync(dir, { recursive: true, force: true });
  write(join(dir, 'config.toml'), `baseURL = "/"
languageCode = "ja"
title = "合成サイト（${pages} ページ）"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
`);
  for (const [file, text] of Object.entries(layouts)) write(join(dir, file), text);
  const definitions = {};
  for (const t of glossaries.flat()) for (const name of [t.term, ...(t.aliases ?? [])]) definitions[name] ??= t.definition.trim();
  write(join(dir, 'data/glossary.yaml'), yaml(definitions));
  write(join(dir, 'content/_index.md'), frontMatter({ title: 'トップ' }));
  write(join(dir, 'content/accessibility.md'), frontMatter({ title: 'ウェブアクセシビリティ方針' }) + '\nJIS X 8341-3:2016 の適合レベル AA に準拠することを目標とします。\n');
  for (const plan of plans) {
    const base = join(dir, 'content', plan.slug);
    write(join(base, '_index.md'), frontMatter({ title: plan.title }) + `\n${plan.municipality.name}の${plan.kind}です。\n`);
    write(join(base, 'full.md'), frontMatter({ title: `${plan.title}（全文）`, layout: 'full', weight: 10000 }));
    const measures = plan.chapters.flatMap((ch) => ch.sections.flatMap((s) => s.content.flatMap((b) => b.measures ?? [])));
    write(join(base, 'measures.md'), frontMatter({ title: '施策の一覧', weight: 10002 })
      + measures.map((m) => `\n- ${hugoInline(m.title)}`).join('') + '\n');
    write(join(base, 'glossary.md'), frontMatter({ title: '用語集', weight: 10001 })
      + plan.glossary.map((t) => `\n## ${t.term}\n\n${t.definition.trim()}\n`).join(''));
    plan.chapters.forEach((ch, i) => write(join(base, `chapter-${i + 1}.md`),
      frontMatter({ title: `${ch.number} ${ch.title}`, weight: i + 1, chapter: true })
      + `\n${rubyHtml(ch.lead)}\n`
      + ch.sections.map((s) => `\n## ${s.number} ${s.title}\n\n${s.content.map(hugoBlock).join('\n\n')}\n`).join('')));
  }
}

writeKeikaku(args.out);
if (args.hugo) writeHugo(args.hugo);
const chapters = plans.reduce((n, p) => n + p.chapters.length, 0);
console.log(`gen-site: ${pages} pages = 3 site pages + ${planCount} plans × ${planPages} (index, full text, glossary, measures) + ${chapters} chapters`);
