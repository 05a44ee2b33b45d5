import { expect } from '@esm-bundle/chai';
import { issueText, validateFeed, validateFeedText, type FeedIssue } from '../src/feed/validation.js';
import { loadMessages } from '../src/i18n/messages.js';
import { FEED, ONE_PROVINCE_FEED, loadJson } from './helpers.js';
// @ts-expect-error -- a plain .mjs fixture without types
import { baseFeed } from './fixtures/invalid-feeds.mjs';

type Json = Record<string, any>;

/** The valid feed every case starts from, shared with the Node tests (schema, CLI). */
const base = (): Json => baseFeed();

/** Each case breaks one rule of SPEC.md; the feed must be rejected with that path and rule. */
const invalid: [string, (f: Json) => void, string, string][] = [
  ['root not an object', (f) => Object.assign(f, { __replace: [] }), '', 'rule.object'],
  ['version missing', (f) => delete f.version, 'version', 'rule.version'],
  ['version 2', (f) => (f.version = 2), 'version', 'rule.version'],
  ['version as a string', (f) => (f.version = '1'), 'version', 'rule.version'],
  ['neither national nor provinces', (f) => (delete f.national, delete f.provinces), '', 'rule.needArea'],
  ['provinces not an array', (f) => (f.provinces = {}), 'provinces', 'rule.array'],
  ['province not an object', (f) => (f.provinces[1] = 'Hà Tĩnh'), 'provinces[1]', 'rule.object'],
  ['province id missing', (f) => delete f.provinces[0].id, 'provinces[0].id', 'rule.required'],
  ['province id not a slug', (f) => (f.provinces[0].id = 'Nghệ An'), 'provinces[0].id', 'rule.slug'],
  ['province id duplicated', (f) => (f.provinces[1].id = 'nghe-an'), 'provinces[1].id', 'rule.duplicate'],
  ['province name missing', (f) => delete f.provinces[0].name, 'provinces[0].name', 'rule.required'],
  ['province name empty', (f) => (f.provinces[0].name = '  '), 'provinces[0].name', 'rule.nonEmpty'],
  ['province code a number', (f) => (f.provinces[0].code = 40), 'provinces[0].code', 'rule.string'],
  ['models total missing', (f) => delete f.provinces[0].models.total, 'provinces[0].models.total', 'rule.required'],
  ['models count negative', (f) => (f.provinces[0].models.completed = -1), 'provinces[0].models.completed', 'rule.whole'],
  ['models count fractional', (f) => (f.provinces[0].models.completed = 2.5), 'provinces[0].models.completed', 'rule.whole'],
  ['models count as formatted string', (f) => (f.provinces[0].models.total = '38'), 'provinces[0].models.total', 'rule.numberAsString'],
  ['models sum over total', (f) => (f.provinces[0].models.notStarted = 13), 'provinces[0].models', 'rule.modelsSum'],
  ['derived count would be negative', (f) => (f.provinces[1].models = { total: 10, completed: 8, inProgress: 5 }), 'provinces[1].models', 'rule.modelsSum'],
  ['model status unknown', (f) => (f.provinces[0].modelStatus['6'] = 'done'), 'provinces[0].modelStatus.6', 'rule.modelStatus'],
  ['metric value negative', (f) => (f.provinces[0].metrics.online.value = -5), 'provinces[0].metrics.online.value', 'rule.nonNegative'],
  ['metric value as formatted string', (f) => (f.provinces[0].metrics.online.value = '50.579'), 'provinces[0].metrics.online.value', 'rule.numberAsString'],
  ['metric value infinite (1e999)', (f) => (f.__text = JSON.stringify(f).replace('50579', '1e999')), 'provinces[0].metrics.online.value', 'rule.number'],
  ['metric value over total', (f) => (f.provinces[0].metrics.online.value = 80000), 'provinces[0].metrics.online', 'rule.valueOverTotal'],
  ['metric rate over 1', (f) => (f.national.metrics.online = { rate: 93 }), 'national.metrics.online.rate', 'rule.rate'],
  ['metric without value or rate', (f) => (f.national.metrics.online = { total: 5 }), 'national.metrics.online', 'rule.valueOrRate'],
  ['target not a rate where there is a rate', (f) => (f.provinces[0].metrics.online.target = 90), 'provinces[0].metrics.online.target', 'rule.rate'],
  ['metrics not an object', (f) => (f.provinces[0].metrics = []), 'provinces[0].metrics', 'rule.object'],
  ['period not text', (f) => (f.national.metrics.online.period = 2022), 'national.metrics.online.period', 'rule.string'],
  ['asOf not ISO', (f) => (f.asOf = '04/10/2024'), 'asOf', 'rule.date'],
  ['asOf impossible day', (f) => (f.provinces[0].asOf = '2024-02-30'), 'provinces[0].asOf', 'rule.date'],
  ['nextUpdate not ISO', (f) => (f.nextUpdate = 'tháng sau'), 'nextUpdate', 'rule.date'],
  ['metric asOf not ISO', (f) => (f.national.metrics.online.asOf = '2024/10/04'), 'national.metrics.online.asOf', 'rule.date'],
  ['source without name', (f) => (f.source = { url: 'https://a.vn/' }), 'source.name', 'rule.required'],
  ['source not an object', (f) => (f.source = 'Công an'), 'source', 'rule.object'],
  ['metric definition without name', (f) => delete f.metrics[0].name, 'metrics[0].name', 'rule.required'],
  ['metric definition duplicated', (f) => f.metrics.push({ id: 'online', name: 'x' }), 'metrics[1].id', 'rule.duplicate'],
  ['metric max not positive', (f) => (f.metrics[0].max = 0), 'metrics[0].max', 'rule.positive'],
  ['higherIsBetter not boolean', (f) => (f.metrics[0].higherIsBetter = 'yes'), 'metrics[0].higherIsBetter', 'rule.boolean'],
  ['model catalogue entry without id', (f) => delete f.models[0].id, 'models[0].id', 'rule.required'],
  ['model catalogue duplicated', (f) => f.models.push({ id: '6', name: 'x' }), 'models[1].id', 'rule.duplicate'],
  ['title not text', (f) => (f.title = 6), 'title', 'rule.string'],
];

function run(mutate: (f: Json) => void) {
  const f = base();
  mutate(f);
  if (f.__replace) return validateFeed(f.__replace);
  if (f.__text) return validateFeedText(f.__text);
  return validateFeed(f);
}

describe('feed validation', () => {
  before(() => loadMessages('en', true));

  it('accepts a valid feed and derives the missing model count', () => {
    const { feed, errors } = validateFeed(base());
    expect(errors).to.deep.equal([]);
    expect(feed!.provinces[0].models).to.deep.equal({ total: 38, completed: 6, inProgress: 20, notStarted: 12 });
    // Hà Tĩnh gives two of four counts: nothing can be derived, nothing is invented.
    expect(feed!.provinces[1].models).to.deep.equal({ total: 43, completed: undefined, inProgress: 21, notStarted: undefined });
    const derived = validateFeed({ ...base(), provinces: [{ id: 'a', name: 'A', models: { total: 38, completed: 6, inProgress: 20 } }] });
    expect(derived.feed!.provinces[0].models!.notStarted).to.equal(12);
  });

  it('accepts both sample feeds', async () => {
    for (const url of [FEED, ONE_PROVINCE_FEED]) {
      const { errors } = validateFeed(await loadJson(url));
      expect(errors, url).to.deep.equal([]);
    }
  });

  for (const [name, mutate, path, rule] of invalid) {
    it(`rejects: ${name} (${path || 'feed'})`, () => {
      const { feed, errors } = run(mutate);
      expect(feed, 'no feed is handed out').to.equal(undefined);
      expect(errors.map((e) => [e.path, e.rule])).to.deep.include([path, rule]);
    });
  }

  it('names the path and the rule in Vietnamese and English', () => {
    const f = base();
    f.provinces[2] = { id: 'x', name: 'X', models: { total: 5, completed: -1 } };
    const { errors } = validateFeed(f);
    expect(issueText(errors[0], 'vi')).to.equal('provinces[2].models.completed: phải là số nguyên không âm');
    expect(issueText(errors[0], 'en')).to.equal('provinces[2].models.completed: must be a whole number ≥ 0');
  });

  it('reports every problem in one pass, and caps a flood of them', () => {
    const f = base();
    f.asOf = 'x';
    f.provinces[0].models.completed = -1;
    expect(validateFeed(f).errors.map((e) => e.path)).to.have.members(['asOf', 'provinces[0].models.completed']);
    const flood = { version: 1, provinces: Array.from({ length: 500 }, () => ({ id: 'BAD' })) };
    const { errors } = validateFeed(flood);
    expect(errors.length).to.equal(101);
    expect(issueText(errors[100], "vi")).to.match(/^và [\d.]+ lỗi khác$/);
  });

  it('drops a link that is not http(s) with a warning and keeps the feed', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://a.vn/', '/relative']) {
      const f = base();
      f.source.url = url;
      f.provinces[0].source = { name: 'Sở', url };
      const { feed, warnings } = validateFeed(f);
      expect(feed!.source).to.deep.equal({ name: 'Công an tỉnh Hà Tĩnh' });
      expect(feed!.provinces[0].source).to.deep.equal({ name: 'Sở' });
      expect(warnings.map((w) => w.path)).to.have.members(['source.url', 'provinces[0].source.url']);
    }
  });

  it('ignores unknown keys, however deep', () => {
    const f = base();
    let deep: Json = {};
    const top = deep;
    for (let i = 0; i < 500; i++) deep = deep.next = {};
    Object.assign(f, { future: top, provinces: [{ ...f.provinces[0], colour: 'red' }] });
    const { feed, errors } = validateFeed(f);
    expect(errors).to.deep.equal([]);
    expect(feed).not.to.have.property('future');
    expect(feed!.provinces[0]).not.to.have.property('colour');
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const text = JSON.stringify(base()).replace(
      '"metrics":{"online":{"value":201884}}',
      '"metrics":{"__proto__":{"value":1,"polluted":true},"constructor":{"value":2}},"__proto__":{"polluted":true}',
    );
    const { feed, errors } = validateFeedText(text);
    expect(errors).to.deep.equal([]);
    expect(({} as Json).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
    expect(feed!.national!.metrics['__proto__'].value).to.equal(1);
    expect(feed!.national!.metrics['constructor'].value).to.equal(2);
    expect(Object.getPrototypeOf(feed!.national!.metrics)).to.equal(null);
  });

  it('allows a UTF-8 BOM and refuses text that is not JSON', () => {
    expect(validateFeedText('\uFEFF' + JSON.stringify(base())).errors).to.deep.equal([]);
    const html = validateFeedText('<!doctype html><title>404</title>');
    expect(html.errors[0].rule).to.equal('rule.json');
    expect(validateFeedText('').errors[0].rule).to.equal('rule.json');
  });

  it('refuses a feed over 5 MB before parsing it', () => {
    const big = JSON.stringify({ ...base(), padding: 'x'.repeat(5 * 1024 * 1024) });
    const { errors } = validateFeedText(big);
    expect(errors.map((e: FeedIssue) => e.rule)).to.deep.equal(['rule.tooBig']);
  });
});
