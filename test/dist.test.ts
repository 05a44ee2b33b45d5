import { expect } from '@esm-bundle/chai';
import { until, visibleText } from './helpers.js';

/**
 * The built script, as an editor uses it: a plain page with one script tag and
 * two tags. `npm test` builds dist/ first.
 */
function page(body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '600px';
  frame.style.height = '600px';
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
  document.body.append(frame);
  return new Promise((resolve) => frame.addEventListener('load', () => resolve(frame), { once: true }));
}

describe('dist/tiendo.js on a plain page', () => {
  it('renders the seed figures from the built script alone', async () => {
    const frame = await page(`
      <script type="module" src="/dist/tiendo.js"></script>
      <tiendo-progress src="/demo/feeds/de-an-06.json" province="nghe-an">Nghệ An: 6/38 mô hình hoàn thành</tiendo-progress>
      <tiendo-kpi src="/demo/feeds/de-an-06.json" metric="on-time"></tiendo-kpi>`);
    const doc = frame.contentDocument!;
    const [progress, kpi] = [doc.querySelector('tiendo-progress')!, doc.querySelector('tiendo-kpi')!];
    await until(() => progress.getAttribute('state') === 'ready' && kpi.getAttribute('state') === 'ready', 'both ready');
    expect(visibleText(progress)).to.contain('6/38 mô hình hoàn thành');
    expect(visibleText(progress)).to.contain('15,8%');
    expect(visibleText(kpi)).to.contain('74.336/74.587 hồ sơ · 99,66%');
    frame.remove();
  });

  it('is harmless when included twice, under two URLs', async () => {
    const frame = document.createElement('iframe');
    const errors: string[] = [];
    frame.srcdoc = `<!doctype html><html><body>
      <script>window.addEventListener('error', (e) => (window.__errors = (window.__errors || []).concat(e.message)));</script>
      <script type="module" src="/dist/tiendo.js"></script>
      <script type="module" src="/dist/tiendo.js?copy=2"></script>
      <tiendo-progress total="38" completed="6" in-progress="20" label="Nghệ An"></tiendo-progress>
    </body></html>`;
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const win = frame.contentWindow as Window & { __errors?: string[] };
    const el = frame.contentDocument!.querySelector('tiendo-progress')!;
    await until(() => el.getAttribute('state') === 'ready', 'ready');
    // Both copies really ran: the second module instance is a different URL.
    const copies = win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/dist/tiendo.js'));
    expect(copies).to.have.length(2);
    errors.push(...(win.__errors ?? []));
    expect(errors).to.deep.equal([]);
    expect(visibleText(el)).to.contain('6/38 mô hình hoàn thành');
    frame.remove();
  });
});

/**
 * The embed and the builder ship in dist/ beside tiendo.js, ready to host as
 * they are: the portal copies the folder, nothing is built on its side.
 */
describe('dist/ as a portal hosts it: the embed and the builder', () => {
  it('holds the embed, the resize script and the builder, each pointing at files beside it', async () => {
    const files = ['tiendo.js', 'embed.html', 'embed.js', 'embed.css', 'tiendo-resize.js', 'builder.html', 'builder.js', 'builder.css'];
    for (const name of files) expect((await fetch(`/dist/${name}`)).status, name).to.equal(200);
    const builder = await (await fetch('/dist/builder.html')).text();
    expect(builder).to.contain('<script type="module" src="./builder.js">');
    expect(builder).not.to.match(/\.ts"/);
    // builder.js loads the library beside it at run time: it defines no element of its own.
    const script = await (await fetch('/dist/builder.js')).text();
    expect(script).to.contain('tiendo.js');
    expect(script).not.to.contain('customElements.define');
    expect(script).not.to.match(/localhost|\/src\//);
  });

  it('ships embed.html with the safe defaults an operator can change in it', async () => {
    const doc = new DOMParser().parseFromString(await (await fetch('/dist/embed.html')).text(), 'text/html');
    expect(doc.querySelector('meta[name="tiendo-allowed-origins"]')!.getAttribute('content')).to.equal('');
    expect(doc.querySelector('meta[name="tiendo-inline-figures"]')!.getAttribute('content')).to.equal('off');
    expect(doc.querySelector('base')!.getAttribute('target')).to.equal('_blank');
    expect(doc.querySelector('base')!.hasAttribute('href')).to.equal(false);
  });
});
