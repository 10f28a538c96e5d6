// `keikaku schema`: the JSON Schema of the content files validates every bundled content
// file with an independent validator (ajv, from npm; YAML parsed by the npm yaml package, as
// VS Code's YAML extension does), and rejects the mistakes the loader rejects.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { assert, contentSchemas, contentTypeOf, repoRoot, run, test } from './harness.mjs';

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(contentSchemas()).map(([type, schema]) => [type, ajv.compile(schema)]));
const typeOf = contentTypeOf;

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

const errorsOf = (type, text) => {
  const validate = validators[type];
  return validate(parse(text)) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
};

test('every bundled content file is valid against its schema', async () => {
  const files = [...yamlFiles(join(repoRoot, 'content')), ...yamlFiles(join(repoRoot, 'tests/sites/basic'))];
  let checked = 0;
  for (const file of files) {
    const type = typeOf(file);
    if (!type) continue;
    const errors = errorsOf(type, readFileSync(file, 'utf8'));
    assert(errors.length === 0, `${file}:\n${errors.join('\n')}`);
    checked += 1;
  }
  assert(checked >= 25, `only ${checked} files checked`);
  console.log(`      ${checked} content files valid`);
});

test('the schema rejects what the loader rejects: unknown keys, missing keys, wrong types, bad choices', async () => {
  const bad = {
    'titel: x\nchapters: []\nmunicipality: {name: 町}\nkind: k\n': ['plan', 'must NOT have additional properties'],
    'title: t\nkind: k\nchapters: []\n': ['plan', "must have required property 'municipality'"],
    'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: chapter-1.yaml\n': ['plan', 'must be array'],
    'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: []\nfurigana: {auto: 9}\n': ['plan', 'must be equal to one of the allowed values'],
    'municipality: {name: 町}\ntitle: t\nkind: k\nchapters: []\ndraft: maybe\n': ['plan', 'must be boolean'],
    'title: c\ncontent:\n  - figure: {caption: c}\n    table: {caption: t}\n': ['chapter', 'must NOT have more than 1 properties'],
  };
  for (const [text, [type, expected]] of Object.entries(bad)) {
    const errors = errorsOf(type, text);
    assert(errors.some((e) => e.includes(expected)), `${JSON.stringify(text)}: ${errors.join('; ') || 'accepted'}`);
  }
  // And a paragraph may be a plain string or a block with one kind.
  assert(errorsOf('chapter', 'title: c\ncontent:\n  - 段落です。\n  - callout: {body: 注意}\n').length === 0, 'blocks');
});

await run();
