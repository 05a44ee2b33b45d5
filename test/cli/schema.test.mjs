/**
 * The feed's JSON Schema (schema/feed.schema.json, draft 2020-12) and the
 * library's validator agree: on every sample feed, on every invalid case of the
 * validator's tests, on hand-picked edges and on thousands of random mutations,
 * what one rejects the other rejects, except for the rules JSON Schema cannot
 * state, listed below, which only the library enforces.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as fc from 'fast-check';
import { baseFeed, dailyPoints, invalidFeeds } from '../fixtures/invalid-feeds.mjs';
import { root, tool } from './helpers.mjs';

/**
 * The rules of SPEC.md that JSON Schema cannot express: they compare values
 * with each other or with other array items. A feed that breaks only these is
 * valid for the schema and invalid for the library (`tiendo validate`).
 * The 5 MB limit is another: it is about the file, not the JSON value.
 */
const LIBRARY_ONLY = new Map([
  ['rule.modelsSum', 'completed + inProgress + notStarted ≤ total (a sum compared with a sibling)'],
  ['rule.valueOverTotal', 'value ≤ total (two siblings compared)'],
  ['rule.duplicate', 'ids unique within models, metrics, provinces and a province\'s communes (uniqueItems compares whole items, not one key)'],
  ['rule.historyOrder', 'history dates strictly increasing (each point compared with the one before, as moments in time)'],
  ['rule.historyBefore', 'history dates before the figure\'s own date (compared with the nearest asOf, up the tree)'],
]);

const schemaFile = join(root, 'schema/feed.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// strictRequired is off: `anyOf: [{ required: ['national'] }, …]` is plain JSON Schema that ajv's extra lint dislikes.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const schemaAccepts = ajv.compile(schema);

const libraryErrors = (json) => tool.validateFeed(json).errors;
const samples = readdirSync(join(root, 'demo/feeds'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(root, 'demo/feeds', f), 'utf8'))]);

/** Asserts the agreement for one JSON value; returns whether the library accepted it. */
function agree(json, label) {
  const errors = libraryErrors(json);
  const bySchema = schemaAccepts(json);
  const shown = () => `${label}\nlibrary: ${JSON.stringify(errors.map((e) => [e.path, e.rule]))}\nschema: ${JSON.stringify(schemaAccepts.errors)}\n${JSON.stringify(json).slice(0, 600)}`;
  if (!errors.length) assert.ok(bySchema, `the schema rejects what the library accepts: ${shown()}`);
  if (!bySchema) assert.ok(errors.length, `the library accepts what the schema rejects: ${shown()}`);
  if (bySchema && errors.length) {
    assert.ok(
      errors.every((e) => LIBRARY_ONLY.has(e.rule)),
      `the schema accepts a feed the library rejects for a rule the schema can state: ${shown()}`,
    );
  }
  return !errors.length;
}

describe('JSON Schema', () => {
  it('is a valid draft 2020-12 schema, shipped as dist/feed.schema.json by the CLI build', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'dist/feed.schema.json'), 'utf8')), schema);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.exports['./feed.schema.json'], './dist/feed.schema.json');
  });

  it('describes everything in Vietnamese and English ("tiếng Việt / English")', () => {
    const missing = [];
    const visit = (node, where) => {
      if (!node || typeof node !== 'object') return;
      if (typeof node.description === 'string') {
        const [vi, en, ...rest] = node.description.split(' / ');
        if (!vi?.trim() || !en?.trim() || rest.length) missing.push(`${where}: "${node.description.slice(0, 60)}…"`);
      }
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description && !child.$ref) missing.push(`${where}.properties.${key}: no description`);
        visit(child, `${where}.properties.${key}`);
      }
      for (const [key, child] of Object.entries(node.$defs ?? {})) {
        if (!child.description) missing.push(`$defs.${key}: no description`);
        visit(child, `$defs.${key}`);
      }
      for (const key of ['items', 'additionalProperties', 'then']) visit(node[key], `${where}.${key}`);
    };
    assert.ok(schema.description);
    visit(schema, '#');
    assert.deepEqual(missing, []);
    // Every rule the schema leaves to the library is said in its top description, in both languages.
    assert.match(schema.description, /không vượt quá total.*không trùng.*communes.*history.*tăng dần.*5 MB\. \/ .*must not exceed total.*unique.*communes.*history.*increasing.*5 MB/s);
  });

  it('accepts every sample feed, as the library does', () => {
    assert.ok(samples.length >= 2);
    for (const [name, json] of samples) assert.equal(agree(json, name), true, name);
  });

  it('rejects every invalid case of the validator\'s tests, except the rules only the library can check', () => {
    const cases = invalidFeeds();
    let byBoth = 0;
    for (const { name, text, rule } of cases) {
      const json = JSON.parse(text);
      assert.ok(libraryErrors(json).some((e) => e.rule === rule), `${name}: the library reports ${rule}`);
      if (LIBRARY_ONLY.has(rule)) {
        // Honest about the gap: the schema cannot see it, and says so by accepting.
        assert.equal(schemaAccepts(json), true, `${name}: ${rule} is listed as library-only, yet the schema rejects it`);
      } else {
        assert.equal(schemaAccepts(json), false, `${name}: the schema must reject (${rule})`);
        byBoth++;
      }
      agree(json, name);
    }
    assert.equal(byBoth, cases.length - cases.filter((c) => LIBRARY_ONLY.has(c.rule)).length);
    assert.deepEqual([...new Set(cases.filter((c) => LIBRARY_ONLY.has(c.rule)).map((c) => c.rule))].sort(), [...LIBRARY_ONLY.keys()].sort());
  });

  it('holds every invalid case of test/feed-validation.test.ts (the shared fixture has not drifted)', () => {
    const source = readFileSync(join(root, 'test/feed-validation.test.ts'), 'utf8');
    const list = source.slice(source.indexOf('const invalid'), source.indexOf('];', source.indexOf('const invalid')));
    const names = [...list.matchAll(/^\s*\['([^']+)',/gm)].map((m) => m[1]);
    assert.ok(names.length >= 40, `found ${names.length} cases`);
    assert.deepEqual(invalidFeeds().map((c) => c.name), names);
  });

  it('agrees on hand-picked edges: dates, text, rates, targets, links, unknown keys', () => {
    const withProvince = (patch) => {
      const f = baseFeed();
      Object.assign(f.provinces[0], patch);
      return f;
    };
    const withFigure = (figure) => {
      const f = baseFeed();
      f.national.metrics.online = figure;
      return f;
    };
    const withModelHistory = (history) => {
      const f = baseFeed();
      f.provinces[0].models.history = history;
      return f;
    };
    const edges = [
      ['leap day 2024', withProvince({ asOf: '2024-02-29' }), true],
      ['leap day 2000', withProvince({ asOf: '2000-02-29' }), true],
      ['no leap day 2023', withProvince({ asOf: '2023-02-29' }), false],
      ['no leap day 1900', withProvince({ asOf: '1900-02-29' }), false],
      ['31 April', withProvince({ asOf: '2024-04-31' }), false],
      ['leap day 1600', withProvince({ asOf: '1600-02-29' }), true],
      ['leap day 1584', withProvince({ asOf: '1584-02-29' }), true],
      ['no leap day 2100', withProvince({ asOf: '2100-02-29' }), false],
      ['year 0099 (Date.UTC reads it as 1999)', withProvince({ asOf: '0099-01-01' }), false],
      ['year 1582 (before the Gregorian calendar)', withProvince({ asOf: '1582-12-31' }), false],
      ['year 1583', withProvince({ asOf: '1583-01-01' }), true],
      ['year 9999', withProvince({ asOf: '9999-12-31' }), true],
      ['date-time, no seconds', withProvince({ asOf: '2024-10-04T08:30' }), true],
      ['date-time with offset', withProvince({ asOf: '2024-10-04T08:30:15.250+07:00' }), true],
      ['hour 24', withProvince({ asOf: '2024-10-04T24:00' }), false],
      ['lower-case t', withProvince({ asOf: '2024-10-04t08:30' }), false],
      ['trailing newline in a date', withProvince({ asOf: '2024-10-04\n' }), false],
      ['name of tabs and no-break spaces', withProvince({ name: '\t\u00a0\u2003' }), false],
      ['national name empty', { ...baseFeed(), national: { name: '' } }, true],
      ['rate alone', withFigure({ rate: 0.93 }), true],
      ['rate 1', withFigure({ rate: 1 }), true],
      ['target over 1 without a rate', withFigure({ value: 5, target: 90 }), true],
      ['target over 1 with a total', withFigure({ value: 5, total: 10, target: 90 }), false],
      ['target over 1 with a rate', withFigure({ rate: 0.5, target: 1.5 }), false],
      ['value equal to total', withFigure({ value: 10, total: 10 }), true],
      ['previous rate over 1 with a rate alone', withFigure({ rate: 0.5, previous: 40 }), false],
      ['previous rate with a rate alone', withFigure({ rate: 0.5, previous: 0.4 }), true],
      ['previous count with a value and a rate', withFigure({ value: 5, rate: 0.5, previous: 40 }), true],
      ['count beyond 2^53', withProvince({ models: { total: 2 ** 60 } }), false],
      ['count 38.0', withProvince({ models: { total: 38.0 } }), true],
      ['javascript: link (dropped with a warning)', { ...baseFeed(), source: { name: 'A', url: 'javascript:alert(1)' } }, true],
      ['relative link (dropped with a warning)', withProvince({ source: { name: 'A', url: '/x' } }), true],
      ['link not text', withProvince({ source: { name: 'A', url: 5 } }), false],
      ['unknown keys everywhere', { ...baseFeed(), future: { x: [1] }, provinces: [{ id: 'a', name: 'A', colour: 'red', models: { total: 1, extra: 'x' } }] }, true],
      ['national only', { version: 1, national: {} }, true],
      ['empty province list', { version: 1, provinces: [] }, true],
      ['null national', { version: 1, national: null }, false],
      ['model status for an unknown model id', withProvince({ modelStatus: { 99: 'not-started' } }), true],
      ['metric value null', withFigure(null), false],
      ['higherIsBetter false', { ...baseFeed(), metrics: [{ id: 'a', name: 'A', higherIsBetter: false }] }, true],
      ['max 0.5', { ...baseFeed(), metrics: [{ id: 'a', name: 'A', max: 0.5 }] }, true],
      ['empty history', withModelHistory([]), true],
      ['history point with only a date (the counts of its parent)', withModelHistory([{ asOf: '2024-01-31' }]), true],
      ['history point with its own total', withModelHistory([{ asOf: '2024-01-31', total: 40, completed: 1 }]), true],
      ['history point with a null count', withModelHistory([{ asOf: '2024-01-31', completed: null }]), false],
      ['history point asOf a number', withModelHistory([{ asOf: 20240131 }]), false],
      ['history point asOf with a time and a zone', withModelHistory([{ asOf: '2024-01-31T08:30:00+07:00', completed: 1 }]), true],
      ['history point unknown keys (previous, source) ignored', withModelHistory([{ asOf: '2024-01-31', previous: 'x', source: 5 }]), true],
      ['history of 1,000 points', withModelHistory(dailyPoints(1000)), true],
      ['history of 1,001 points', withModelHistory(dailyPoints(1001)), false],
      ['history null', withModelHistory(null), false],
      ['history point date after the feed (library only)', withModelHistory([{ asOf: '2030-01-01' }]), false],
      ['metric history of rates', withFigure({ rate: 0.9, history: [{ asOf: '2024-01-31', rate: 0.5 }, { asOf: '2024-02-29', rate: 1 }] }), true],
      ['metric history of a value and a total', withFigure({ value: 5, history: [{ asOf: '2024-01-31', value: 1, total: 2, period: 'Tháng 1/2024' }] }), true],
      ['metric history point with a total alone', withFigure({ value: 5, history: [{ asOf: '2024-01-31', total: 2 }] }), false],
      ['metric history point with value equal to total', withFigure({ value: 5, history: [{ asOf: '2024-01-31', value: 2, total: 2 }] }), true],
      ['metric history point value over total (library only)', withFigure({ value: 5, history: [{ asOf: '2024-01-31', value: 3, total: 2 }] }), false],
      ['metric history point target over 1 ignored', withFigure({ value: 5, history: [{ asOf: '2024-01-31', value: 3, target: 90 }] }), true],
      ['communes empty', withProvince({ communes: [] }), true],
      ['commune with every field', withProvince({ communes: [{ id: 'xa-a', code: '00001', name: 'Xã A', models: { total: 2, completed: 1, history: [{ asOf: '2024-01-31', completed: 0 }] }, modelStatus: { 6: 'completed' }, metrics: { online: { value: 1, total: 2 } }, asOf: '2024-06-30', source: { name: 'UBND xã A', url: 'https://a.vn/' } }] }), true],
      ['commune without code', withProvince({ communes: [{ id: 'xa-a', name: 'Xã A' }] }), true],
      ['commune code of six digits', withProvince({ communes: [{ id: 'xa-a', code: '000001', name: 'Xã A' }] }), false],
      ['commune code with a letter', withProvince({ communes: [{ id: 'xa-a', code: '0000a', name: 'Xã A' }] }), false],
      ['commune code with a newline after it', withProvince({ communes: [{ id: 'xa-a', code: '00001\n', name: 'Xã A' }] }), false],
      ['commune name empty', withProvince({ communes: [{ id: 'xa-a', name: ' ' }] }), false],
      ['communes on the national block ignored', { ...baseFeed(), national: { communes: 5 } }, true],
      ['commune ids repeated in two provinces', (() => { const f = baseFeed(); f.provinces[0].communes = [{ id: 'a', name: 'A' }]; f.provinces[1].communes = [{ id: 'a', name: 'A' }]; return f; })(), true],
      ['model status disagreeing with the counts (a warning)', withProvince({ modelStatus: { 6: 'completed', 7: 'completed', 8: 'completed', 9: 'completed', 10: 'completed', 11: 'completed', 12: 'completed' } }), true],
    ];
    for (const [name, json, valid] of edges) {
      assert.equal(agree(json, name), valid, name);
    }
    // __proto__ as a key is plain data for both.
    const proto = JSON.parse('{"version":1,"national":{"metrics":{"__proto__":{"value":1}}}}');
    assert.equal(agree(proto, '__proto__ metric'), true);
    const badProto = JSON.parse('{"version":1,"national":{"metrics":{"__proto__":{"value":-1}}}}');
    assert.equal(agree(badProto, '__proto__ metric, negative'), false);
  });

  it('agrees on 3,000 random mutations of the sample feeds', () => {
    const pool = [
      -1, 0, -0, 0.5, 1, 1.5, 2, 38, 1e20, 2 ** 53, '', ' ', 'x', 'nghe-an', 'Nghệ An', 'A-b', '38', '50.579',
      '2024-10-04', '2024-02-29', '2023-02-29', '2024-10-04T10:00', '2024-13-01', 'completed', 'in-progress', 'done',
      'https://a.vn/', 'javascript:x', null, true, false, [], {}, [{}], [{ id: 'a', name: 'A' }],
      { name: 'A' }, { name: ' ' }, { value: 1 }, { rate: 0.5 }, { total: 5 }, { value: 2, total: 1 }, { rate: 2 },
      { id: 'a', name: 'A' }, { id: 'nghe-an', name: 'Nghệ An' }, { total: 3, completed: 1 }, { total: 3, completed: 2, inProgress: 2 },
      '2022-01-31', '2030-01-01', '00001', '1700',
      [{ asOf: '2024-01-31', completed: 1 }], [{ asOf: '2024-01-31', value: 1 }, { asOf: '2024-02-29', rate: 0.5 }],
      [{ asOf: '2024-02-29' }, { asOf: '2024-01-31' }], [{ asOf: '2024-01-31', total: 1, completed: 2 }], { asOf: '2024-01-31', value: 3, total: 2 },
      [{ id: 'xa-a', name: 'Xã A', code: '17001' }], [{ id: 'xa-a', name: 'Xã A' }, { id: 'xa-a', name: 'Xã B' }],
    ];
    const keys = ['version', 'id', 'name', 'code', 'total', 'completed', 'inProgress', 'notStarted', 'value', 'rate',
      'target', 'previous', 'period', 'asOf', 'nextUpdate', 'source', 'url', 'models', 'metrics', 'modelStatus',
      'national', 'provinces', 'title', 'unit', 'max', 'higherIsBetter', 'history', 'communes', 'x-unknown'];

    /** Every [parent, key] of a JSON tree, the root's own keys included. */
    const slots = (json) => {
      const out = [];
      const walk = (node) => {
        if (node === null || typeof node !== 'object') return;
        for (const key of Object.keys(node)) {
          out.push([node, Array.isArray(node) ? Number(key) : key]);
          walk(node[key]);
        }
      };
      walk(json);
      return out;
    };

    const mutation = fc.record({
      slot: fc.nat(),
      kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add', 'duplicate', 'nudge'),
      value: fc.constantFrom(...pool),
      key: fc.constantFrom(...keys),
      delta: fc.constantFrom(-1, 1, 0.5, 100),
    });
    const starts = [baseFeed(), ...samples.map(([, json]) => json)];
    let acceptedByBoth = 0;
    let libraryOnly = 0;
    fc.assert(
      fc.property(fc.nat(starts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (start, mutations) => {
        const json = structuredClone(starts[start]);
        for (const m of mutations) {
          const all = slots(json);
          if (!all.length) break;
          const [parent, key] = all[m.slot % all.length];
          const value = structuredClone(m.value);
          if (m.kind === 'replace') parent[key] = value;
          else if (m.kind === 'delete') {
            if (Array.isArray(parent)) parent.splice(key, 1);
            else delete parent[key];
          } else if (m.kind === 'add') {
            const target = parent[key];
            if (target && typeof target === 'object' && !Array.isArray(target)) target[m.key] = value;
            else if (Array.isArray(target)) target.push(value);
          } else if (m.kind === 'duplicate') {
            if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
          } else if (typeof parent[key] === 'number') parent[key] += m.delta;
        }
        const errors = libraryErrors(json);
        if (!errors.length) acceptedByBoth++;
        else if (schemaAccepts(json)) libraryOnly++;
        agree(json, JSON.stringify(mutations));
      }),
      { numRuns: 3000, seed: 6062024 },
    );
    // The mutations reach both sides of the line.
    assert.ok(acceptedByBoth > 100, `valid mutations: ${acceptedByBoth}`);
    assert.ok(libraryOnly > 10, `library-only rejections: ${libraryOnly}`);
  });
});
