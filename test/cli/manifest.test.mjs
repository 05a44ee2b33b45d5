/**
 * custom-elements.json lists what a page can use, nothing internal (issue: the house).
 * It is written here from the source, as `npm run build` writes it.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('custom-elements.json', () => {
  let elements;
  before(() => {
    // Where `npm run build` writes it (dist/, which the tests build anyway).
    execFileSync(process.execPath, [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
    elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  });

  it('documents every widget with its shared attributes, parts and events', () => {
    const tags = elements.map((d) => d.tagName).sort();
    for (const tag of ['tiendo-chart', 'tiendo-kpi', 'tiendo-map', 'tiendo-model-list', 'tiendo-picker', 'tiendo-progress', 'tiendo-province-table']) {
      assert.ok(tags.includes(tag), `${tag} in the manifest`);
    }
    for (const d of elements) {
      const attrs = d.attributes.map((a) => a.name);
      for (const shared of ['src', 'province', 'group', 'refresh', 'debug', 'show-sentence']) assert.ok(attrs.includes(shared), `${d.tagName} ${shared}`);
      assert.ok(d.cssParts.some((p) => p.name === 'footer'), `${d.tagName}: the shared parts, written once on the base`);
      assert.ok(d.events.some((e) => e.name === 'tiendo-load') && d.events.some((e) => e.name === 'tiendo-error'), `${d.tagName} events`);
    }
  });

  it('lists no internal member: only the attributes\' properties', () => {
    for (const d of elements) {
      const fields = new Set(d.attributes.map((a) => a.fieldName));
      const extra = d.members.filter((m) => !fields.has(m.name)).map((m) => m.name);
      assert.deepEqual(extra, [], `${d.tagName} lists ${extra.join(', ')}`);
      for (const name of ['fromFeed', 'fromAttributes', 'readerLang', 'figures', 'usesArea', 'followGroup']) {
        assert.ok(!d.members.some((m) => m.name === name), `${d.tagName}: ${name} is internal`);
      }
    }
  });
});
