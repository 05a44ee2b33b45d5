import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessibleDocument, mockFeed, openPage, until, visibleText } from './helpers.js';

/**
 * The embed builder (demo/builder.html), and the round trip an editor makes:
 * the snippet it gives, pasted into a blank page, renders the same widget as
 * its preview, in both forms (script + tag, iframe). The snippets point at the
 * built dist/ (`npm test` builds it first).
 */
type Page = { frame: HTMLIFrameElement; doc: Document };

async function builder(query = ''): Promise<Page> {
  const frame = await openPage(`/demo/builder.html${query}`, 1200, 1400);
  const doc = frame.contentDocument!;
  await until(() => /hợp lệ|Valid feed/.test(doc.getElementById('feed-status')!.textContent ?? ''), 'feed loaded', 8000);
  return { frame, doc };
}

function set(doc: Document, id: string, value: string): void {
  const el = doc.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

function previewWidget(doc: Document): Element {
  return doc.querySelector('#preview > *')!;
}

async function ready(el: Element | null | undefined, what: string): Promise<Element> {
  await until(() => el?.getAttribute('state') === 'ready', `${what} ready`, 8000);
  return el!;
}

/** A blank page holding only the pasted snippet. */
async function paste(snippet: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:900px;height:700px;border:0';
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${snippet}</body></html>`;
  document.body.append(frame);
  // The iframe snippet loads lazily, as it should on a portal: keep it in view so every engine loads it.
  frame.scrollIntoView();
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentDocument!;
}

const cases: { widget: string; options: Record<string, string> }[] = [
  { widget: 'tiendo-progress', options: { province: 'nghe-an' } },
  { widget: 'tiendo-kpi', options: { province: 'vinh-phuc', 'opt-metric': 'residence-online' } },
  { widget: 'tiendo-province-table', options: {} },
  { widget: 'tiendo-model-list', options: { province: 'nghe-an' } },
  { widget: 'tiendo-chart', options: {} },
];

describe('embed builder', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const { widget, options } of cases) {
    it(`round-trips ${widget} through both snippet forms`, async () => {
      const { doc } = await builder();
      const offered = [...doc.querySelectorAll<HTMLOptionElement>('#widget option')].map((o) => o.value);
      expect(offered).to.include(widget);
      set(doc, 'widget', widget);
      for (const [id, value] of Object.entries(options)) set(doc, id, value);
      const preview = await ready(previewWidget(doc), 'preview');
      const expected = visibleText(preview);
      expect(expected).not.to.equal('');

      const scriptPage = await paste(doc.getElementById('snippet-script')!.textContent!);
      const pasted = await ready(scriptPage.querySelector(widget), 'pasted widget');
      expect(visibleText(pasted)).to.equal(expected);

      const iframePage = await paste(doc.getElementById('snippet-iframe')!.textContent!);
      const inner = iframePage.querySelector('iframe')!;
      await until(() => Boolean(inner.contentDocument?.querySelector(widget)), 'embedded widget', 8000);
      const embedded = await ready(inner.contentDocument!.querySelector(widget), 'embedded widget');
      expect(visibleText(embedded)).to.equal(expected);
    });
  }

  it('writes attribute values as text in the snippet, never as markup', async () => {
    const { doc } = await builder();
    set(doc, 'widget', 'tiendo-progress');
    set(doc, 'opt-label', '"><img src=x onerror="parent.__pwned=1">');
    const snippet = doc.getElementById('snippet-script')!.textContent!;
    expect(snippet).to.contain('label="&quot;>&lt;img src=x onerror=&quot;parent.__pwned=1&quot;>"');
    const page = await paste(snippet);
    const el = await ready(page.querySelector('tiendo-progress'), 'pasted');
    expect(visibleText(el)).to.contain('"><img src=x');
    expect(page.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('copies a snippet from the keyboard and says so', async () => {
    const { doc } = await builder();
    const button = doc.getElementById('copy-script') as HTMLButtonElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const status = doc.getElementById('copy-status')!;
    await until(() => (status.textContent ?? '') !== '', 'copy status');
    const snippet = doc.getElementById('snippet-script')!.textContent;
    if (/Đã sao chép/.test(status.textContent!)) {
      // Clipboard granted: nothing more the page can check without reading it back.
      expect(status.getAttribute('role')).to.equal('status');
    } else {
      expect(status.textContent).to.contain('Ctrl+C');
      expect(doc.getSelection()!.toString()).to.equal(snippet);
    }
  });

  it('shows the validator’s messages when the feed is invalid or unreachable', async () => {
    const { doc } = await builder();
    const bad = await mockFeed([{ body: { version: 1, provinces: [{ id: 'Nghe An', name: 'Nghệ An', models: { total: 3, completed: 5 } }] } }]);
    const input = doc.getElementById('src') as HTMLInputElement;
    input.value = new URL(bad, location.href).href;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => doc.querySelectorAll('#feed-errors li').length > 0, 'errors listed');
    const errors = [...doc.querySelectorAll('#feed-errors li')].map((li) => li.textContent);
    expect(errors).to.include('provinces[0].id: phải gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nghe-an');
    expect(errors.some((e) => e!.startsWith('provinces[0].models: tổng completed'))).to.equal(true);
    input.value = new URL('/__mock/not-there', location.href).href;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => /Không tải được/.test(doc.getElementById('feed-status')!.textContent!), 'unreachable message');
  });

  it('speaks English with ?lang=en', async () => {
    const { doc } = await builder('?lang=en');
    expect(doc.querySelector('h1')!.textContent).to.equal('Build a tiendo embed code');
    expect(doc.getElementById('snippet-iframe')!.textContent).to.contain('lang=en');
  });

  it('passes axe', async () => {
    const { doc } = await builder();
    await ready(previewWidget(doc), 'preview');
    await expectAccessibleDocument(doc);
  });
});
