/**
 * Every feed of the hostile corpus, served by the mock feed server (feed mode)
 * and written inside the tag (inline mode), in every element of elements.ts:
 * a clear message or a correct render, no uncaught error, nothing executed, no
 * link but http(s), the built-in prototypes untouched.
 */
import { expect } from '@esm-bundle/chai';
import type { TiendoErrorEvent } from '../../src/index.js';
import { cleanup, mockFeed, mount, visibleText } from '../helpers.js';
import { CORPUS, PWNED, type HostileCase } from './corpus.js';
import { WIDGETS, widgetMarkup } from './elements.js';
import { expectInert, expectPrototypesUntouched, prototypeSnapshot, settled, watchErrors } from './safety.js';

const CALM = 'Chưa hiển thị được số liệu. Vui lòng quay lại sau.';

/** Mounts every widget twice (with and without `debug`) on the case, fed one way or the other. */
async function mountCase(c: HostileCase, mode: 'feed' | 'inline'): Promise<{ box: HTMLElement; els: HTMLElement[]; events: Map<Element, TiendoErrorEvent> }> {
  const box = mount('', { style: 'width:320px' });
  const events = new Map<Element, TiendoErrorEvent>();
  box.addEventListener('tiendo-error', (e) => events.set(e.target as Element, e));
  const url = mode === 'feed' ? await mockFeed([{ body: c.body() }]) : undefined;
  const text = mode === 'inline' ? c.body() : '';
  const els: HTMLElement[] = [];
  for (const w of WIDGETS) {
    for (const debug of [true, false]) {
      const holder = document.createElement('div');
      holder.innerHTML = widgetMarkup(w, url, debug ? 'debug' : '', 'Nội dung dự phòng');
      const el = holder.firstElementChild as HTMLElement;
      if (mode === 'inline') {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = text;
        el.append(script);
      }
      box.append(el);
      els.push(el);
    }
  }
  await settled(els, 20_000);
  return { box, els, events };
}

describe('hostile feeds', function () {
  this.timeout(60_000);
  const prototypes = prototypeSnapshot();

  afterEach(() => {
    cleanup();
    delete (window as any)[PWNED];
  });

  it(`has at least 40 cases (${CORPUS.length})`, () => {
    expect(CORPUS.length).to.be.at.least(40);
    expect(new Set(CORPUS.map((c) => c.name)).size).to.equal(CORPUS.length);
  });

  for (const mode of ['feed', 'inline'] as const) {
    describe(`${mode} mode`, () => {
      for (const c of CORPUS) {
        it(c.name, async () => {
          const errors = watchErrors();
          let mounted;
          try {
            mounted = await mountCase(c, mode);
          } finally {
            errors.stop();
          }
          const { els, events } = mounted;
          for (const el of els) {
            const where = `<${el.localName}${el.hasAttribute('debug') ? ' debug' : ''}>`;
            const state = el.getAttribute('state');
            if (c.expect.valid) {
              expect(state, `${where} state (${events.get(el)?.detail.message ?? ''})`).to.equal('ready');
              expect(events.has(el), `${where} fired tiendo-error`).to.equal(false);
              c.expect.check?.(el);
            } else {
              expect(state, `${where} state`).to.equal('error');
              const event = events.get(el);
              expect(event, `${where} tiendo-error`).to.not.equal(undefined);
              const { detail } = event!;
              expect(detail.kind, `${where} kind`).to.equal(mode === 'feed' ? c.expect.kind : 'invalid');
              if (c.expect.path !== undefined) expect(detail.path, `${where} path`).to.equal(c.expect.path);
              // A clear message: the path at fault, in words, with no placeholder left unfilled.
              expect(detail.message, `${where} message`).to.match(/\S/);
              expect(detail.message, `${where} message`).not.to.match(/\{\w+\}|undefined|\[object /);
              if (c.expect.path) expect(detail.message).to.contain(`${c.expect.path}: `);
              const seen = visibleText(el);
              expect(seen, `${where} calm message`).to.contain(CALM);
              expect(seen, `${where} fallback`).to.contain('Nội dung dự phòng');
              if (el.hasAttribute('debug') && c.expect.path) expect(seen, `${where} debug`).to.contain(c.expect.path);
              if (!el.hasAttribute('debug')) expect(seen, `${where} without debug`).to.equal(`Nội dung dự phòng ${CALM}`);
            }
            expectInert(el);
          }
          expect(errors.errors, 'no uncaught error or console.error').to.deep.equal([]);
          expectPrototypesUntouched(prototypes);
        });
      }
    });
  }
});
