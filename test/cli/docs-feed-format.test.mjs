/**
 * docs/feed-format.md is the feed format's reference shipped in the repository,
 * generated from schema/feed.schema.json by scripts/docs-feed-format.mjs
 * (`npm run docs:feed-format`). These tests fail when the committed page is not
 * what the script writes now, when the page leaves out an object, a field or a
 * rule only the library checks, and when a doc of the repository points at a
 * file outside it (or at one that is not there).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EXAMPLE, LIBRARY_RULES, LIBRARY_WARNINGS, OUTPUT, renderFeedFormat } from '../../scripts/docs-feed-format.mjs';
import { root, tool } from './helpers.mjs';

const page = readFileSync(join(root, OUTPUT), 'utf8');
const schema = JSON.parse(readFileSync(join(root, 'schema/feed.schema.json'), 'utf8'));

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters of every script kept), spaces as hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Every Markdown link target `](…)` in a text, fenced code left out. */
const links = (text) => [...text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('docs/feed-format.md', () => {
  it('is what `npm run docs:feed-format` writes from the schema now', () => {
    // On failure: run `npm run docs:feed-format` and commit docs/feed-format.md.
    assert.equal(page, renderFeedFormat(), 'docs/feed-format.md is out of date: run npm run docs:feed-format');
  });

  it('has a section for every object and a row for every field, in Vietnamese and English', () => {
    const objects = [['', schema], ...Object.entries(schema.$defs).filter(([, d]) => d.type === 'object')];
    for (const [name, def] of objects) {
      if (name) assert.ok(page.includes(`\n## \`${name}\`\n`), `section ${name}`);
      const [vi, en] = def.description.split(' / ');
      assert.ok(page.includes(vi) && page.includes(en), `description of ${name || 'the feed'}`);
      for (const field of Object.keys(def.properties ?? {})) {
        const section = name ? page.slice(page.indexOf(`\n## \`${name}\`\n`)) : page;
        assert.match(section, new RegExp(`\\n\\| \`${field}\` \\|`), `${name || 'root'}.${field}`);
      }
    }
    for (const [name] of Object.entries(schema.$defs).filter(([, d]) => d.type !== 'object')) {
      assert.ok(page.includes(`<a id="${name.toLowerCase()}"></a>\`${name}\``), `value type ${name}`);
    }
  });

  it('states every rule the schema leaves to the library, as test/cli/schema.test.mjs lists them, with the validator’s words', () => {
    const source = readFileSync(join(root, 'test/cli/schema.test.mjs'), 'utf8');
    const block = source.slice(source.indexOf('const LIBRARY_ONLY'), source.indexOf(']);', source.indexOf('const LIBRARY_ONLY')));
    const listed = [...block.matchAll(/\['(rule\.\w+)'/g)].map((m) => m[1]);
    assert.ok(listed.length >= 5, `found ${listed.length} rules in schema.test.mjs`);
    // The 5 MB limit is about the file, not the JSON value: schema.test.mjs says so beside its list.
    assert.deepEqual(LIBRARY_RULES.map((r) => r.rule).sort(), [...listed, 'rule.tooBig'].sort());
    for (const { vi, en } of [...LIBRARY_RULES, ...LIBRARY_WARNINGS]) {
      assert.ok(page.includes(vi.replace(/\|/g, '\\|')), vi);
      assert.ok(page.includes(en.replace(/\|/g, '\\|')), en);
    }
    for (const words of ['vượt quá total', 'is more than total', 'trùng mã', 'nguồn dữ liệu lớn hơn 5 MB', 'phải trước ngày của số liệu hiện tại']) {
      assert.ok(page.includes(words), words);
    }
  });

  it('shows an example that the schema and the library both accept, without a warning', () => {
    const shown = /```json\n([\s\S]*?)\n```/.exec(page);
    assert.ok(shown, 'a JSON example');
    assert.deepEqual(JSON.parse(shown[1]), EXAMPLE);
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    const accepts = ajv.compile(schema);
    assert.equal(accepts(EXAMPLE), true, JSON.stringify(accepts.errors));
    const result = tool.validateFeed(EXAMPLE);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
  });

  it('links only within the page and the repository', () => {
    const anchors = new Set([
      ...[...page.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])),
      ...[...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]),
    ]);
    for (const target of links(page)) {
      if (target.startsWith('#')) assert.ok(anchors.has(decodeURIComponent(target.slice(1))), `no heading for ${target}`);
      else assert.ok(existsSync(resolve(root, 'docs', target.split('#')[0])), `${target} is not in the repository`);
    }
  });
});

describe('the repository’s docs', () => {
  const docs = [
    'README.md',
    ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
    ...readdirSync(join(root, 'stories')).filter((f) => f.endsWith('.mdx')).map((f) => `stories/${f}`),
  ];

  it('never point at a file outside the repository, or at one it lacks', () => {
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const target of links(text)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const file = resolve(root, dirname(doc), target.split('#')[0]);
        assert.ok(!relative(root, file).startsWith('..'), `${doc}: ${target} points outside the repository`);
        assert.ok(existsSync(file), `${doc}: ${target} is not in the repository`);
      }
    }
  });

  it('send readers to docs/feed-format.md for the feed format, never to a contract the package lacks', () => {
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), 'utf8');
      assert.doesNotMatch(text, /SPEC\.md|\.\.\/shared\//, `${doc} names a file outside the repository`);
    }
    for (const text of [schema.description, ...Object.values(schema.$defs).map((d) => d.description)]) {
      assert.doesNotMatch(text, /SPEC\.md/);
    }
    assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\]\(docs\/feed-format\.md\)/);
    assert.match(readFileSync(join(root, 'docs/huong-dan-du-lieu.md'), 'utf8'), /\]\(feed-format\.md\)/);
    assert.match(readFileSync(join(root, 'docs/huong-dan-bien-tap-vien.md'), 'utf8'), /\]\(feed-format\.md\)/);
  });
});
