/**
 * A cross-origin feed refused by CORS (issue 17, "Attribute mistakes are said"): a real widget
 * whose `src` is on another origin that sends no Access-Control-Allow-Origin names CORS as the
 * likely cause, under `debug` in the widget and on the console, in Vietnamese and English; a
 * citizen (no `debug`) sees the calm message. The other origin is this same test server reached
 * by its other name (localhost ↔ 127.0.0.1); the same feed allowed by CORS loads.
 */
import { expect } from '@esm-bundle/chai';
import '../src/index.js';
import { FEED, cleanup, loadJson, mockFeed, mount, untilState, visibleText } from './helpers.js';

/** The mock at `url` on the other name of this host: another origin, same server. */
function crossOrigin(url: string): string {
  const u = new URL(url, location.href);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return u.href;
}

/** Console warnings while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return seen;
}

const WORDS = {
  vi: 'Máy chủ của tệp số liệu có thể chưa cho phép trang này đọc (CORS): máy chủ cần gửi tiêu đề Access-Control-Allow-Origin cho địa chỉ của trang.',
  en: "Its server may not allow this page to read it (CORS): the server must send an Access-Control-Allow-Origin header for this page's address.",
};

/** What a citizen sees when a widget cannot show its figures. */
const CALM = { vi: 'Chưa hiển thị được số liệu. Vui lòng quay lại sau.', en: 'The figures cannot be shown right now. Please check back later.' };

describe('a feed on another origin refused by CORS: the widget names CORS (vi and en)', function () {
  this.timeout(60_000);
  afterEach(cleanup);

  let feed: unknown;
  before(async () => {
    feed = await loadJson(FEED);
  });

  for (const lang of ['vi', 'en'] as const) {
    for (const tag of ['tiendo-progress', 'tiendo-province-table', 'tiendo-chart']) {
      it(`<${tag}> with debug: the error names CORS, on screen, on the console and in tiendo-error (${lang})`, async () => {
        const refused = crossOrigin(await mockFeed([{ body: feed }]));
        expect(new URL(refused).origin).not.to.equal(location.origin);
        let el!: HTMLElement;
        let detail: { message: string; url: string } | undefined;
        const said = await warnings(async () => {
          el = mount(`<${tag} lang="${lang}" debug src="${refused}" province="nghe-an"></${tag}>`).firstElementChild as HTMLElement;
          el.addEventListener('tiendo-error', (e) => (detail = (e as CustomEvent).detail));
          await untilState(el, 'error', 15_000);
        });
        const url = new URL(refused).href;
        const shown = visibleText(el);
        expect(shown).to.contain(WORDS[lang]);
        expect(shown).to.contain(url);
        expect(said.filter((w) => w.includes('(CORS)')), said.join('\n')).to.have.length(1);
        expect(said.find((w) => w.includes('(CORS)'))).to.contain(WORDS[lang]).and.to.contain(`<${tag}>`);
        expect(detail?.message).to.contain(WORDS[lang]);
        expect(detail?.url).to.equal(refused);
      });
    }

    it(`without debug a citizen sees the calm message, not the editor's reason; allowed by CORS the same feed loads (${lang})`, async () => {
      const refused = crossOrigin(await mockFeed([{ body: feed }]));
      const plain = mount(`<tiendo-progress lang="${lang}" src="${refused}" province="nghe-an">Nghệ An: 6/38</tiendo-progress>`).firstElementChild as HTMLElement;
      await warnings(() => untilState(plain, 'error', 15_000));
      expect(visibleText(plain)).to.equal(`Nghệ An: 6/38 ${CALM[lang]}`);
      const allowed = crossOrigin(await mockFeed([{ body: feed, headers: { 'Access-Control-Allow-Origin': '*' } }]));
      const ok = mount(`<tiendo-progress lang="${lang}" debug src="${allowed}" province="nghe-an"></tiendo-progress>`).firstElementChild as HTMLElement;
      await untilState(ok, 'ready', 15_000);
      expect(visibleText(ok)).to.contain('6/38');
    });

    it(`a same-origin feed that fails without an answer is not blamed on CORS (${lang})`, async () => {
      const reset = await mockFeed([{ reset: 'before', hold: 5000 }]);
      const el = mount(`<tiendo-progress lang="${lang}" debug src="${reset}" province="nghe-an"></tiendo-progress>`).firstElementChild as HTMLElement;
      await warnings(() => untilState(el, 'error', 15_000));
      expect(visibleText(el)).not.to.contain('CORS');
    });
  }
});
