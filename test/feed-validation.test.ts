import { expect } from '@esm-bundle/chai';
import { instantOf, lastEarlierPoint, metricChange, metricSeries, modelChange, modelSeries, nearestAsOf } from '../src/feed/history.js';
import { issueText, validateFeed, validateFeedText, type FeedIssue } from '../src/feed/validation.js';
import { loadMessages } from '../src/i18n/messages.js';
import { FEED, ONE_PROVINCE_FEED, loadJson } from './helpers.js';
// @ts-expect-error -- a plain .mjs fixture without types
import { baseFeed, dailyPoints, sampleCommunes } from './fixtures/invalid-feeds.mjs';

type Json = Record<string, any>;

/** The valid feed every case starts from, shared with the Node tests (schema, CLI). */
const base = (): Json => baseFeed();

/** Gives the base feed's Nghệ An four valid communes, changed by `change`. */
const withCommunes = (f: Json, change: (communes: any[]) => void) => {
  f.provinces[0].communes = sampleCommunes();
  change(f.provinces[0].communes);
};

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
  ['history not an array', (f) => (f.provinces[0].models.history = {}), 'provinces[0].models.history', 'rule.array'],
  ['history point not an object', (f) => (f.provinces[0].models.history = [6]), 'provinces[0].models.history[0]', 'rule.object'],
  ['history point without asOf', (f) => (f.provinces[0].models.history = [{ completed: 2 }]), 'provinces[0].models.history[0].asOf', 'rule.required'],
  ['history point asOf impossible day', (f) => (f.provinces[0].models.history = [{ asOf: '2024-02-30', completed: 2 }]), 'provinces[0].models.history[0].asOf', 'rule.date'],
  ['history count negative', (f) => (f.provinces[1].models.history = [{ asOf: '2024-01-31' }, { asOf: '2024-02-29' }, { asOf: '2024-03-31', completed: -1 }]), 'provinces[1].models.history[2].completed', 'rule.whole'],
  ['history total as formatted string', (f) => (f.provinces[0].models.history = [{ asOf: '2024-01-31', total: '38' }]), 'provinces[0].models.history[0].total', 'rule.numberAsString'],
  ['history sum over the total of its parent', (f) => (f.provinces[0].models.history = [{ asOf: '2024-02-29', completed: 20, inProgress: 20 }]), 'provinces[0].models.history[0]', 'rule.modelsSum'],
  ['history sum over its own total', (f) => (f.provinces[0].models.history = [{ asOf: '2024-02-29', total: 30, completed: 10, inProgress: 25 }]), 'provinces[0].models.history[0]', 'rule.modelsSum'],
  ['history dates not increasing', (f) => (f.provinces[0].models.history = [{ asOf: '2024-04-30', completed: 4 }, { asOf: '2024-02-29', completed: 2 }]), 'provinces[0].models.history[1].asOf', 'rule.historyOrder'],
  ['history date repeated', (f) => (f.provinces[0].models.history = [{ asOf: '2024-04-30', completed: 4 }, { asOf: '2024-04-30', completed: 5 }]), 'provinces[0].models.history[1].asOf', 'rule.historyOrder'],
  ['history date on the date of the feed', (f) => (f.provinces[0].models.history = [{ asOf: '2024-10-04', completed: 5 }]), 'provinces[0].models.history[0].asOf', 'rule.historyBefore'],
  ['history date after the date of the province', (f) => Object.assign(f.provinces[0], { asOf: '2024-06-20', models: { ...f.provinces[0].models, history: [{ asOf: '2024-07-31', completed: 5 }] } }), 'provinces[0].models.history[0].asOf', 'rule.historyBefore'],
  ['national models history after the national date', (f) => Object.assign(f.national, { asOf: '2022-08-17', models: { total: 43, history: [{ asOf: '2022-09-01', completed: 1 }] } }), 'national.models.history[0].asOf', 'rule.historyBefore'],
  ['history of 1,001 points', (f) => (f.provinces[0].models.history = dailyPoints(1001)), 'provinces[0].models.history', 'rule.historyLength'],
  ['metric history not an array', (f) => (f.national.metrics.online.history = 'Tháng 5'), 'national.metrics.online.history', 'rule.array'],
  ['metric history point without value or rate', (f) => (f.national.metrics.online.history = [{ asOf: '2022-01-31', total: 5 }]), 'national.metrics.online.history[0]', 'rule.valueOrRate'],
  ['metric history value negative', (f) => (f.provinces[0].metrics.online.history = [{ asOf: '2024-05-31', value: -5 }]), 'provinces[0].metrics.online.history[0].value', 'rule.nonNegative'],
  ['metric history value over total', (f) => (f.provinces[0].metrics.online.history = [{ asOf: '2024-05-31', value: 80000, total: 70000 }]), 'provinces[0].metrics.online.history[0]', 'rule.valueOverTotal'],
  ['metric history rate over 1', (f) => (f.national.metrics.online = { rate: 0.93, history: [{ asOf: '2022-05-31', rate: 93 }] }), 'national.metrics.online.history[0].rate', 'rule.rate'],
  ['metric history period not text', (f) => (f.national.metrics.online.history = [{ asOf: '2022-05-31', value: 5, period: 5 }]), 'national.metrics.online.history[0].period', 'rule.string'],
  ['metric history after the date of the metric', (f) => Object.assign(f.national.metrics.online, { asOf: '2022-08-17', history: [{ asOf: '2022-08-31', value: 1 }] }), 'national.metrics.online.history[0].asOf', 'rule.historyBefore'],
  ['metric history times not increasing', (f) => (f.national.metrics.online.history = [{ asOf: '2022-05-31T10:00:00+07:00', value: 1 }, { asOf: '2022-05-31T09:00:00+07:00', value: 2 }]), 'national.metrics.online.history[1].asOf', 'rule.historyOrder'],
  ['metric history times equal across zones', (f) => (f.national.metrics.online.history = [{ asOf: '2022-05-31T09:00:00+07:00', value: 1 }, { asOf: '2022-05-31T02:00:00Z', value: 2 }]), 'national.metrics.online.history[1].asOf', 'rule.historyOrder'],
  ['communes not an array', (f) => (f.provinces[0].communes = {}), 'provinces[0].communes', 'rule.array'],
  ['commune not an object', (f) => withCommunes(f, (c) => (c[1] = 'Xã B')), 'provinces[0].communes[1]', 'rule.object'],
  ['commune id missing', (f) => withCommunes(f, (c) => delete c[0].id), 'provinces[0].communes[0].id', 'rule.required'],
  ['commune id not a slug', (f) => withCommunes(f, (c) => (c[0].id = 'Xã A')), 'provinces[0].communes[0].id', 'rule.slug'],
  ['commune id duplicated within the province', (f) => withCommunes(f, (c) => (c[2].id = 'xa-a')), 'provinces[0].communes[2].id', 'rule.duplicate'],
  ['commune name missing', (f) => withCommunes(f, (c) => delete c[1].name), 'provinces[0].communes[1].name', 'rule.required'],
  ['commune code not five digits', (f) => withCommunes(f, (c) => (c[0].code = '1700')), 'provinces[0].communes[0].code', 'rule.communeCode'],
  ['commune code a number', (f) => withCommunes(f, (c) => (c[0].code = 17001)), 'provinces[0].communes[0].code', 'rule.string'],
  ['commune models total missing', (f) => withCommunes(f, (c) => delete c[3].models.total), 'provinces[0].communes[3].models.total', 'rule.required'],
  ['commune models sum over total', (f) => withCommunes(f, (c) => (c[0].models.inProgress = 5)), 'provinces[0].communes[0].models', 'rule.modelsSum'],
  ['commune model status unknown', (f) => withCommunes(f, (c) => (c[1].modelStatus = { 6: 'done' })), 'provinces[0].communes[1].modelStatus.6', 'rule.modelStatus'],
  ['commune metric value over total', (f) => withCommunes(f, (c) => (c[2].metrics.online.value = 11)), 'provinces[0].communes[2].metrics.online', 'rule.valueOverTotal'],
  ['commune asOf not ISO', (f) => withCommunes(f, (c) => (c[1].asOf = '30/06/2024')), 'provinces[0].communes[1].asOf', 'rule.date'],
  ['commune source without name', (f) => withCommunes(f, (c) => (c[1].source = { url: 'https://a.vn/' })), 'provinces[0].communes[1].source.name', 'rule.required'],
  ['commune history sum over total', (f) => withCommunes(f, (c) => (c[0].models.history = [{ asOf: '2024-01-31', completed: 6 }])), 'provinces[0].communes[0].models.history[0]', 'rule.modelsSum'],
  ['commune history after the date of the commune', (f) => withCommunes(f, (c) => (c[3].models.history = [{ asOf: '2024-07-01', completed: 1 }])), 'provinces[0].communes[3].models.history[0].asOf', 'rule.historyBefore'],
  ['commune history after the date of its province', (f) => (withCommunes(f, (c) => (c[0].models.history = [{ asOf: '2024-06-25', completed: 0 }])), (f.provinces[0].asOf = '2024-06-20')), 'provinces[0].communes[0].models.history[0].asOf', 'rule.historyBefore'],
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

describe('feed validation: history and communes', () => {
  before(() => loadMessages('en', true));

  /** The feed, or the errors as [path, rule] when it was refused. */
  const verdict = (f: Json) => {
    const { feed, errors } = validateFeed(f);
    return feed ?? errors.map((e) => [e.path, e.rule]);
  };

  it('hands out a feed without history or communes exactly as before', () => {
    const { feed } = validateFeed(base());
    for (const p of feed!.provinces) {
      expect(p).not.to.have.property('communes');
      if (p.models) expect(p.models).not.to.have.property('history');
      for (const id of Object.keys(p.metrics)) expect(p.metrics[id]).not.to.have.property('history');
    }
    expect(feed!.national!.metrics.online).to.deep.equal({
      value: 201884, total: undefined, rate: undefined, previous: undefined, target: undefined, period: undefined, asOf: undefined, source: undefined,
    });
  });

  it('accepts history on a province, the national block and a commune, keeping each point normalised', () => {
    const f = base();
    f.provinces[0].models.history = [
      { asOf: '2024-02-29', completed: 2, inProgress: 14 },
      { asOf: '2024-04-30', total: 36, completed: 4, inProgress: 18, notStarted: 14 },
      { asOf: '2024-05-31', inProgress: 20 },
    ];
    f.national.models = { total: 43, completed: 10, history: [{ asOf: '2024-01-31', completed: 3 }] };
    f.provinces[0].communes = [{ id: 'xa-a', code: '17001', name: 'Xã A', models: { total: 5, completed: 2, inProgress: 3, history: [{ asOf: '2024-06-30', completed: 1, notStarted: 1 }] } }];
    const { feed, errors } = validateFeed(f);
    expect(errors).to.deep.equal([]);
    const na = feed!.provinces[0];
    // A point without total has its parent's; the missing one of the three counts is derived, as on the parent.
    expect(na.models!.history).to.deep.equal([
      { asOf: '2024-02-29', total: 38, completed: 2, inProgress: 14, notStarted: 22 },
      { asOf: '2024-04-30', total: 36, completed: 4, inProgress: 18, notStarted: 14 },
      { asOf: '2024-05-31', total: 38, completed: undefined, inProgress: 20, notStarted: undefined },
    ]);
    expect(feed!.national!.models!.history).to.deep.equal([{ asOf: '2024-01-31', total: 43, completed: 3, inProgress: undefined, notStarted: undefined }]);
    expect(na.communes![0].models!.history).to.deep.equal([{ asOf: '2024-06-30', total: 5, completed: 1, inProgress: 3, notStarted: 1 }]);
  });

  it('accepts history on every kind of metric value: a value, a value of a total, a reported rate, with periods', () => {
    const f = base();
    f.national.metrics.online = {
      value: 201884,
      period: '6 tháng đầu năm 2022',
      asOf: '2022-08-17',
      history: [
        { asOf: '2022-03-31', value: 58310, period: 'Quý I/2022', previous: 'ignored', source: 'ignored' },
        { asOf: '2022-05-31T17:00:00+07:00', value: 149620, total: 200000 },
        { asOf: '2022-06-30', rate: 0.8 },
      ],
    };
    f.provinces[0].metrics.rate = { rate: 0.95, history: [{ asOf: '2024-09-30', rate: 0.9 }, { asOf: '2024-10-03T23:59:59+07:00', value: 9, total: 10 }] };
    const { feed, errors } = validateFeed(f);
    expect(errors).to.deep.equal([]);
    expect(feed!.national!.metrics.online.history).to.deep.equal([
      { asOf: '2022-03-31', value: 58310, total: undefined, rate: undefined, period: 'Quý I/2022' },
      { asOf: '2022-05-31T17:00:00+07:00', value: 149620, total: 200000, rate: undefined, period: undefined },
      { asOf: '2022-06-30', value: undefined, total: undefined, rate: 0.8, period: undefined },
    ]);
    expect(feed!.provinces[0].metrics.rate.history).to.have.length(2);
  });

  it('accepts an empty history, one point, and 1,000 points', () => {
    for (const points of [[], [{ asOf: '2024-01-01', completed: 1 }], dailyPoints(1000)]) {
      const f = base();
      f.provinces[0].models.history = points;
      const result = verdict(f) as Json;
      expect(result.provinces[0].models.history, `${points.length} points`).to.have.length(points.length);
    }
  });

  it('compares dates as moments: a date is the start of its day, a date or time without a zone is Vietnam time', () => {
    const at = (asOf: string, point: string) => {
      const f = base();
      f.provinces[0].asOf = asOf;
      f.provinces[0].models.history = [{ asOf: point, completed: 1 }];
      return validateFeed(f).errors.map((e) => e.rule);
    };
    expect(at('2024-06-01', '2024-05-31T16:59:59Z')).to.deep.equal([]);
    expect(at('2024-06-01', '2024-05-31T17:00:00Z')).to.deep.equal(['rule.historyBefore']);
    expect(at('2024-06-01', '2024-05-31T23:59:59.999')).to.deep.equal([]);
    expect(at('2024-06-01T08:00', '2024-06-01T07:59')).to.deep.equal([]);
    expect(at('2024-06-01T08:00', '2024-06-01T01:00Z')).to.deep.equal(['rule.historyBefore']);
    expect(at('2024-06-01T08:00:00.5', '2024-06-01T08:00:00.499')).to.deep.equal([]);
    expect(instantOf('2024-06-01')).to.equal(Date.UTC(2024, 4, 31, 17));
    expect(instantOf('2024-06-01T08:00:00-05:30')).to.equal(Date.UTC(2024, 5, 1, 13, 30));
    expect(instantOf('1583-01-01')).to.equal(Date.UTC(1582, 11, 31, 17));
    expect(Number.isNaN(instantOf('01/06/2024'))).to.equal(true);
  });

  it('holds history to its own figure date, else the area date, else the feed date; without any, only the order counts', () => {
    const late = [{ asOf: '2030-01-31', value: 1 }, { asOf: '2030-02-28', value: 2 }];
    // No date anywhere: the points only need to increase.
    expect(verdict({ version: 1, national: { metrics: { m: { value: 3, history: late } } } })).to.have.property('national');
    expect(verdict({ version: 1, national: { metrics: { m: { value: 3, history: [...late].reverse() } } } })).to.deep.equal([
      ['national.metrics.m.history[1].asOf', 'rule.historyOrder'],
    ]);
    // The figure own date wins over the feed date, even when it is later.
    const own = base();
    own.national.metrics.online = { value: 3, asOf: '2031-01-01', history: late };
    expect(verdict(own)).to.have.property('national');
    // A province date wins over the feed date for its models and metrics, and a commune inherits it.
    const area = base();
    area.asOf = '2031-01-01';
    area.provinces[0].asOf = '2024-06-20';
    area.provinces[0].communes = [{ id: 'a', name: 'A', models: { total: 3, history: [{ asOf: '2024-06-20' }] } }];
    area.provinces[0].metrics.online.history = [{ asOf: '2024-06-21', value: 1 }];
    expect(verdict(area)).to.deep.equal([
      ['provinces[0].metrics.online.history[0].asOf', 'rule.historyBefore'],
      ['provinces[0].communes[0].models.history[0].asOf', 'rule.historyBefore'],
    ]);
  });

  it('names each broken history rule by its path, in Vietnamese and English', async () => {
    await loadMessages('vi', true);
    const f = base();
    f.provinces[1].models.history = [{ asOf: '2024-03-31' }, { asOf: '2024-02-29' }, { asOf: '2024-10-05', completed: -1 }];
    const { errors } = validateFeed(f);
    expect(errors.map((e) => issueText(e, 'vi'))).to.deep.equal([
      'provinces[1].models.history[1].asOf: phải sau ngày của mốc trước (2024-03-31): các mốc xếp theo thời gian, cũ nhất trước',
      'provinces[1].models.history[2].completed: phải là số nguyên không âm',
      'provinces[1].models.history[2].asOf: phải trước ngày của số liệu hiện tại (2024-10-04)',
    ]);
    expect(errors.map((e) => issueText(e, 'en'))).to.deep.equal([
      'provinces[1].models.history[1].asOf: must come after the previous point\'s date (2024-03-31): points run in time order, oldest first',
      'provinces[1].models.history[2].completed: must be a whole number ≥ 0',
      'provinces[1].models.history[2].asOf: must come before the date of the current figure (2024-10-04)',
    ]);
    const long = base();
    long.national.metrics.online.history = dailyPoints(1001).map((p: Json) => ({ asOf: p.asOf, value: p.completed }));
    expect(validateFeed(long).errors.map((e) => issueText(e, 'vi'))).to.deep.equal(['national.metrics.online.history: có 1.001 mốc, nhiều hơn mức tối đa 1.000 mốc']);
  });

  it('accepts communes with the fields and rules of a province', () => {
    const f = base();
    f.provinces[0].communes = [
      ...sampleCommunes(),
      { id: 'dac-khu-x', code: '00000', name: 'Đặc khu X', modelStatus: { 6: 'in-progress' }, source: { name: 'UBND', url: 'javascript:x' }, communes: 'ignored' },
    ];
    f.provinces[1].communes = [{ id: 'xa-a', name: 'Xã A của Hà Tĩnh' }];
    const { feed, errors, warnings } = validateFeed(f);
    expect(errors).to.deep.equal([]);
    const [a, , c, d, x] = feed!.provinces[0].communes!;
    expect(a).to.deep.include({ id: 'xa-a', code: '17001', name: 'Xã A' });
    expect(a.models).to.deep.equal({ total: 5, completed: 1, inProgress: undefined, notStarted: undefined });
    expect(c.metrics.online.value).to.equal(5);
    expect(d.models!.notStarted).to.equal(2);
    expect(d.asOf).to.equal('2024-06-30');
    expect(Object.getPrototypeOf(x.modelStatus)).to.equal(null);
    expect(x.source).to.deep.equal({ name: 'UBND' });
    expect(x).not.to.have.property('communes');
    expect(warnings.map((w) => [w.path, w.rule])).to.deep.equal([['provinces[0].communes[4].source.url', 'rule.url']]);
    // An id is unique within its province: another province may use it.
    expect(feed!.provinces[1].communes![0].id).to.equal('xa-a');
  });

  it('accepts a modelStatus that disagrees with the counts or names an unknown model, with a warning for each', async () => {
    await loadMessages('vi', true);
    const f = base();
    f.models.push({ id: '21', name: 'LGSP' }, { id: '22', name: 'Truyền thông' });
    // Hà Tĩnh: 0 completed (derived), 21 in progress, 22 not started of 43.
    f.provinces[1].models.notStarted = 22;
    f.provinces[1].modelStatus = { 6: 'completed', 21: 'in-progress', 99: 'not-started' };
    f.provinces[0].communes = [{ id: 'a', name: 'A', models: { total: 1 }, modelStatus: { 21: 'completed', 22: 'completed' } }];
    const { feed, warnings } = validateFeed(f);
    expect(feed!.provinces[1].modelStatus['99']).to.equal('not-started');
    expect(warnings.map((w) => [w.path, w.rule])).to.deep.equal([
      ['provinces[0].communes[0].modelStatus', 'rule.statusOverTotal'],
      ['provinces[1].modelStatus', 'rule.statusOverCount'],
      ['provinces[1].modelStatus.99', 'rule.statusUnknownModel'],
    ]);
    expect(warnings.map((w) => issueText(w, 'vi'))).to.deep.equal([
      'provinces[0].communes[0].modelStatus: ghi trạng thái của 2 mô hình, nhiều hơn models.total (1); số liệu vẫn được hiển thị',
      'provinces[1].modelStatus: ghi 1 mô hình "completed", nhiều hơn models.completed (0); số liệu vẫn được hiển thị',
      'provinces[1].modelStatus.99: mô hình "99" không có trong danh mục models của nguồn dữ liệu',
    ]);
    expect(issueText(warnings[1], 'en')).to.equal('provinces[1].modelStatus: its "completed" entries (1) outnumber models.completed (0); the figures are still shown');
    // The base feed agrees with itself: no warning.
    expect(validateFeed(base()).warnings).to.deep.equal([]);
  });

  it('caps a flood of warnings and counts the rest', async () => {
    await loadMessages('vi', true);
    const f = base();
    f.provinces[0].modelStatus = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`m${i}`, 'not-started']));
    f.provinces[0].models.total = 200;
    delete f.provinces[0].models.notStarted;
    const { feed, warnings } = validateFeed(f);
    expect(feed).not.to.equal(undefined);
    expect(warnings).to.have.length(101);
    expect(issueText(warnings[100], 'vi')).to.equal('và 50 cảnh báo khác');
  });
});

describe('history helpers (src/feed/history.ts)', () => {
  const models = { total: 38, completed: 6, inProgress: 20, notStarted: 12 };
  const modelHistory = [
    { asOf: '2024-02-29', total: 38, completed: 2, inProgress: 14, notStarted: 22 },
    { asOf: '2024-04-30', total: 38, completed: undefined, inProgress: 18, notStarted: undefined },
  ];

  it('finds the last earlier point, if any', () => {
    expect(lastEarlierPoint(modelHistory)).to.equal(modelHistory[1]);
    expect(lastEarlierPoint([])).to.equal(undefined);
    expect(lastEarlierPoint(undefined)).to.equal(undefined);
  });

  it('reckons a model count against the last point that knows it, with its date', () => {
    expect(modelChange({ ...models, history: modelHistory })).to.deep.equal({ delta: 4, from: 2, to: 6, asOf: '2024-02-29', kind: 'value' });
    expect(modelChange({ ...models, history: modelHistory }, 'inProgress')).to.deep.equal({ delta: 2, from: 18, to: 20, asOf: '2024-04-30', kind: 'value' });
    expect(modelChange(models)).to.equal(undefined);
    expect(modelChange({ total: 38, history: modelHistory })).to.equal(undefined);
  });

  it('reckons a metric against previous when given, else against the last point of history', () => {
    const history = [
      { asOf: '2024-04-30', value: 40000, total: 60000 },
      { asOf: '2024-05-31', rate: 0.7 },
    ];
    expect(metricChange({ value: 50579, previous: 41000, history })).to.deep.equal({ delta: 9579, from: 41000, to: 50579, kind: 'value' });
    expect(metricChange({ value: 50579, history })).to.deep.equal({ delta: 10579, from: 40000, to: 50579, asOf: '2024-04-30', kind: 'value' });
    const rate = metricChange({ rate: 0.75, history })!;
    expect([rate.from, rate.asOf, rate.kind]).to.deep.equal([0.7, '2024-05-31', 'rate']);
    expect(metricChange({ rate: 0.75, history: [history[0]] })!.from).to.equal(40000 / 60000);
    expect(metricChange({ value: 5 })).to.equal(undefined);
    expect(metricChange({ value: 5, history: [{ asOf: '2024-05-31', rate: 0.7 }] })).to.equal(undefined);
  });

  it('lays out a series: the history, then the figure at its nearest date', () => {
    expect(nearestAsOf(undefined, '2024-06-20', '2024-10-04')).to.equal('2024-06-20');
    expect(nearestAsOf(undefined, undefined)).to.equal(undefined);
    expect(modelSeries({ ...models, history: modelHistory }, '2024-06-20').map((p) => [p.asOf, p.completed])).to.deep.equal([
      ['2024-02-29', 2],
      ['2024-04-30', undefined],
      ['2024-06-20', 6],
    ]);
    expect(metricSeries({ value: 3, period: 'T6' }, undefined)).to.deep.equal([{ asOf: undefined, value: 3, total: undefined, rate: undefined, period: 'T6' }]);
  });

  it('keeps the sample feeds valid with their histories, and the helpers read them', async () => {
    const one = validateFeed(await loadJson(ONE_PROVINCE_FEED)).feed!;
    const na = one.provinces[0];
    expect(na.models!.history!.length).to.be.at.least(2);
    expect(modelChange(na.models!)!.asOf).to.equal(lastEarlierPoint(na.models!.history)!.asOf);
    const all = validateFeed(await loadJson(FEED)).feed!;
    const online = all.national!.metrics['online-dossiers'];
    expect(online.value).to.equal(201884);
    expect(metricChange(online)!.asOf).to.equal(lastEarlierPoint(online.history)!.asOf);
  });
});
