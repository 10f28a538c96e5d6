// Open data (docs/open-data.md): every plan's data/plan.json validates against
// docs/plan-data.schema.json with an independent validator (ajv, draft 2020-12), every CSV
// reads back with an RFC 4180 reader written here, the CSV rows match plan.json, and each
// overview links each file with its type and real size.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { assert, buildSite, repoRoot, run, test } from './harness.mjs';

const sites = { content: buildSite('content'), components: buildSite('tests/sites/components') };
const schema = JSON.parse(readFileSync(join(repoRoot, 'docs/plan-data.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

// The plan folders of a built site: those with an overview.
const plansOf = (dir) => readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')) && existsSync(join(dir, e.name, 'data')))
  .map((e) => join(dir, e.name));

/** RFC 4180: the records of `text` (UTF-8 with BOM, CRLF), each a list of fields. */
function parseCsv(buffer) {
  assert(buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf, 'no UTF-8 byte order mark');
  const text = buffer.subarray(3).toString('utf8');
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      assert(field === '', `a quote inside an unquoted field at ${i}`);
      i += 1;
      for (;;) {
        assert(i < text.length, 'an unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      assert(i === text.length || text[i] === ',' || text[i] === '\r', `text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') { row.push(field); field = ''; i += 1; continue; }
    if (c === '\r') {
      assert(text[i + 1] === '\n', `a CR without LF at ${i}`);
      row.push(field); rows.push(row); row = []; field = ''; i += 2; continue;
    }
    assert(c !== '\n', `a bare LF outside quotes at ${i}`);
    field += c;
    i += 1;
  }
  assert(field === '' && row.length === 0, 'the last record does not end with CRLF');
  return rows;
}

// The words of the overview's link to a file: 「計画の全体（JSON、12KB）」 (markdown.cc DocumentLabel).
function sizeLabel(type, bytes) {
  if (bytes < 1024 * 1024) return `${type}、${Math.ceil(bytes / 1024)}KB`;
  const tenths = Math.floor((bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024));
  return `${type}、${Math.floor(tenths / 10)}.${tenths % 10}MB`;
}

const countRows = (rows) => rows.reduce((n, r) => n + 1 + countRows(r.rows), 0);
function schedulesOf(plan) {
  const found = [];
  const walk = (holder) => {
    for (const b of holder.blocks) if (b.type === 'schedule') found.push(b);
    for (const s of holder.sections) walk(s);
  };
  plan.chapters.forEach(walk);
  return found;
}

const report = [];

test('every plan.json validates against docs/plan-data.schema.json (ajv, draft 2020-12)', () => {
  let plans = 0;
  for (const [name, dir] of Object.entries(sites)) {
    for (const planDir of plansOf(dir)) {
      plans += 1;
      const data = JSON.parse(readFileSync(join(planDir, 'data/plan.json'), 'utf8'));
      assert(validate(data), `${name} ${planDir}: ${JSON.stringify(validate.errors, null, 1)}`);
      assert(data.schema_version === 1 && data.generated_by === 'keikaku', 'header fields');
    }
  }
  assert(plans === readdirSync(join(repoRoot, 'content/plans')).length + 1, `${plans} plans with data`);
  // The validator does reject what the schema forbids.
  const dir = plansOf(sites.components)[0];
  const data = JSON.parse(readFileSync(join(dir, 'data/plan.json'), 'utf8'));
  delete data.chapters[0].title;
  assert(!validate(data), 'a chapter without a title passed');
  data.chapters[0].title = 1;
  assert(!validate(data), 'a number as a title passed');
});

test('every CSV reads as RFC 4180 with a header and one row per measure, schedule item and term', () => {
  for (const [name, dir] of Object.entries(sites)) {
    for (const planDir of plansOf(dir)) {
      const plan = JSON.parse(readFileSync(join(planDir, 'data/plan.json'), 'utf8'));
      const files = readdirSync(join(planDir, 'data')).sort();
      const expected = {
        'measures.csv': plan.measures.length,
        'schedules.csv': schedulesOf(plan).reduce((n, s) => n + countRows(s.rows), 0),
        'glossary.csv': plan.glossary.length,
      };
      for (const [file, count] of Object.entries(expected)) {
        const path = join(planDir, 'data', file);
        assert(existsSync(path) === (count > 0), `${name} ${plan.slug}: ${file} ${existsSync(path) ? 'written' : 'missing'} for ${count} rows`);
        if (count === 0) continue;
        const rows = parseCsv(readFileSync(path));
        assert(rows.length === count + 1, `${plan.slug}/${file}: ${rows.length - 1} rows for ${count}`);
        for (const r of rows) assert(r.length === rows[0].length, `${plan.slug}/${file}: a row of ${r.length} fields`);
        if (file === 'measures.csv') {
          assert(rows[0][0] === '番号' && rows[0][8] === 'URL', `header ${rows[0]}`);
          rows.slice(1).forEach((r, i) => {
            assert(r[8] === plan.measures[i].url, `${plan.slug}: measure ${i} URL ${r[8]}`);
            assert(existsSync(join(planDir, r[8].split('#')[0])), `${plan.slug}: ${r[8]} leads nowhere`);
          });
        }
        if (file === 'glossary.csv') rows.slice(1).forEach((r, i) => assert(r[0].length > 0 && plan.glossary[i].term.includes(r[0].slice(0, 1)), `term ${r[0]}`));
      }
      report.push(`${name}/${plan.slug}: ${files.map((f) => `${f} ${statSync(join(planDir, 'data', f)).size}`).join(', ')}`);
    }
  }
});

test('each overview links each data file with its type and size, and the license when set', () => {
  for (const [name, dir] of Object.entries(sites)) {
    for (const planDir of plansOf(dir)) {
      const html = readFileSync(join(planDir, 'index.html'), 'utf8');
      const section = html.match(/<section class="open-data"[\s\S]*?<\/section>/);
      assert(section, `${planDir}: no データ（オープンデータ） section`);
      assert(html.indexOf('class="open-data"') > html.indexOf('</nav>'), 'the data section is not after the contents');
      for (const file of readdirSync(join(planDir, 'data'))) {
        const type = file.endsWith('.json') ? 'JSON' : 'CSV';
        const label = sizeLabel(type, statSync(join(planDir, 'data', file)).size);
        assert(section[0].includes(`href="data/${file}"`), `${planDir}: no link to data/${file}`);
        assert(section[0].includes(`（${label}）</a>`), `${planDir}: no 「（${label}）」 for ${file}`);
      }
      const licensed = name === 'components';
      assert(section[0].includes('ライセンス') === licensed, `${planDir}: license shown ${!licensed}`);
      if (licensed) assert(section[0].includes('<a href="https://creativecommons.org/licenses/by/4.0/deed.ja">CC BY 4.0</a>'), section[0]);
    }
  }
});

await run(() => console.log(`      ${report.join('\n      ')}`));
