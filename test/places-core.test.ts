/**
 * The places' lists stay out of the citizens' core (issue 14: "the library's own data module, not in
 * the citizens' core; loaded by the widgets that need it"). Read from the built library (`npm test`
 * builds dist/ first): no file a page loads for a progress bar or a KPI (dist/tiendo.js and the core
 * chunk that dist/chunks.json names) holds a province's name, while the map's chunks hold all of them;
 * and a page with only those two widgets never fetches the places' chunks.
 */
import { expect } from '@esm-bundle/chai';
import { UNITS_2025, UNITS_BEFORE_2025 } from '../src/places/provinces.js';
import { until } from './helpers.js';

/** Every name of both lists, as written in the data ("Tuyên Quang", "Hà Nội" for "Thành phố Hà Nội"). */
const NAMES = [...new Set([...UNITS_2025, ...UNITS_BEFORE_2025].map((u) => u.name.replace(/^Thành phố /, '')))];

/**
 * A built file’s text, with any \u and \x escapes read back into characters (the test server may re-encode a
 * script it serves as ASCII), so that a name is found however the file spells it.
 */
const text = async (path: string) => {
  const res = await fetch(`/dist/${path}`, { cache: 'no-store' });
  expect(res.ok, `/dist/${path}`).to.equal(true);
  return (await res.text()).replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_, a?: string, b?: string, c?: string) =>
    String.fromCodePoint(parseInt(a ?? b ?? c!, 16)),
  );
};

describe('places: out of the core', () => {
  it('no file of the core holds a province’s name; the map’s chunks hold every one', async () => {
    const chunks = JSON.parse(await text('chunks.json')) as Record<string, string[]>;
    expect(chunks.core, 'the core in chunks.json').to.have.length.above(0);
    const core = ['tiendo.js', ...chunks.core];
    for (const file of core) {
      const body = await text(file);
      const found = NAMES.filter((n) => body.includes(n));
      expect(found, file).to.deep.equal([]);
    }
    // The check can find them: the map's own files, written the same way, hold all of them.
    const map = (await Promise.all(chunks['tiendo-map'].map(text))).join('\n');
    expect(NAMES.filter((n) => !map.includes(n))).to.deep.equal([]);
    expect(NAMES).to.include('Tuyên Quang');
    // No file of the map's places is part of the core.
    expect(chunks['tiendo-map'].filter((f) => core.includes(f))).to.deep.equal([]);
  });

  it('a page with a progress bar and a KPI never fetches the places’ chunks', async () => {
    const chunks = JSON.parse(await text('chunks.json')) as Record<string, string[]>;
    const places = chunks['tiendo-map'].filter((f) => !/\/tiendo-map-/.test(f));
    expect(places, 'the map has places chunks').to.have.length.above(0);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:600px;height:400px;border:0';
    frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>
      <script type="module" src="/dist/tiendo.js?places-core"></script>
      <tiendo-progress src="/demo/feeds/minh-hoa-34.json" province="nghe-an"></tiendo-progress>
      <tiendo-kpi src="/demo/feeds/minh-hoa-34.json" province="nghe-an" metric="on-time"></tiendo-kpi></body></html>`;
    document.body.append(frame);
    try {
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const doc = frame.contentDocument!;
      for (const tag of ['tiendo-progress', 'tiendo-kpi']) {
        const el = doc.querySelector(tag)!;
        await until(() => el.getAttribute('state') === 'ready', `${tag} ready (is ${el.getAttribute('state')})`, 10_000);
      }
      const fetched = frame
        .contentWindow!.performance.getEntriesByType('resource')
        .map((e) => e.name.replace(/^.*\/dist\//, '').replace(/\?.*$/, ''));
      expect(fetched.filter((f) => f.startsWith('chunks/core-')), 'the core was fetched').to.have.length(1);
      expect(fetched.filter((f) => places.includes(f))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
