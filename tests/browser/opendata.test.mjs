// Open data (docs/open-data.md): every plan's data/plan.json validates against
// docs/plan-data.schema.json with an independent validator (ajv, draft 2020-12), every CSV
// reads back with a standard CSV reader (csv-parse), the CSV rows match plan.json, and each
// overview links each file with its type and real size.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { assert, buildSite, planFolders, repoRoot, run, test } from './harness.mjs';

const sites = { content: buildSite('content'), components: buildSite('tests/sites/components') };
const schema = JSON.parse(readFileSync(join(repoRoot, 'docs/plan-data.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

// The plan folders of a built site that have open data, as paths.
const plansOf = (dir) => planFolders(dir).filter((name) => existsSync(join(dir, name, 'data'))).map((name) => join(dir, name));

/**
 * The records of a CSV file, read by a standard reader (csv-parse, strict RFC 4180: quotes
 * where a field needs them, the same number of fields in every record), after checking what
 * Excel in Japan needs: a UTF-8 byte order mark and CRLF line ends.
 */
function parseCsv(buffer) {
  assert(buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf, 'no UTF-8 byte order mark');
  const text = buffer.subarray(3).toString('utf8');
  assert(text.endsWith('\r\n'), 'the last record does not end with CRLF');
  // Every LF outside a quoted field follows a CR (a line break inside a field may be LF).
  const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
  assert(!/[^\r]\n/.test(unquoted) && !/\r(?!\n)/.test(unquoted), 'a line end that is not CRLF');
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false, skip_empty_lines: false });
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
  let definitions = 0;
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
        // Round trip: the fields read back are the data plan.json gives.
        const same = (got, want, what) => assert(got === want, `${plan.slug}/${file} ${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        if (file === 'measures.csv') {
          same(rows[0].join(','), '番号,施策,基本方針等,重点,担当所属,関係所属,実施時期,目標,URL', 'header');
          rows.slice(1).forEach((r, i) => {
            const m = plan.measures[i];
            same(r[0], m.number, 'number');
            same(r[1], m.title, 'title');
            same(r[2], m.group, 'group');
            same(r[3], m.priority ? '重点' : '', 'priority');
            same(r[8], m.url, 'URL');
            assert(existsSync(join(planDir, r[8].split('#')[0])), `${plan.slug}: ${r[8]} leads nowhere`);
          });
        }
        if (file === 'glossary.csv') {
          same(rows[0].join(','), '用語,よみ,別名,正式名称,説明,URL', 'header');
          rows.slice(1).forEach((r, i) => {
            const g = plan.glossary[i];
            same(r[1], g.reading, 'reading');
            same(r[2], g.aliases.join('、'), 'aliases');
            same(r[3], g.expansion, 'expansion');
            // plan.json has the Markdown, the CSV its text: paragraphs on lines of their own.
            if (!/[*_[\]<>`#|\\]/.test(g.definition)) {
              same(r[4].trim(), g.definition.trim().replace(/\n{2,}/g, '\n'), 'definition');
              definitions += 1;
            }
            same(r[5], g.url, 'URL');
            assert(r[0].length > 0, `${plan.slug}: an empty term`);
          });
        }
      }
      report.push(`${name}/${plan.slug}: ${files.map((f) => `${f} ${statSync(join(planDir, 'data', f)).size}`).join(', ')}`);
    }
  }
  assert(definitions >= 20, `only ${definitions} glossary definitions compared`);
  report.push(`${definitions} glossary definitions read back equal`);
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
