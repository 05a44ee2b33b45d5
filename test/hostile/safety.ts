/**
 * The checks every hostile suite makes after throwing something at a widget:
 * nothing ran, no link but http(s), no handler attribute, no element that can
 * load or run anything, no uncaught error, the built-in prototypes untouched.
 */
import { expect } from '@esm-bundle/chai';
import { PWNED } from './corpus.js';

/** Every node of a widget's shadow tree, nested shadow roots included. */
export function shadowElements(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return out;
}

const LINK_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'];
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'form', 'img', 'image', 'video', 'audio', 'foreignobject']);

/** Nothing inside the widget can run script, load a resource or link anywhere but http(s). */
export function expectInert(host: Element): void {
  for (const el of shadowElements(host)) {
    const where = `<${el.localName}> in <${host.localName}>`;
    expect(ACTIVE_ELEMENTS.has(el.localName), `${where} may not exist`).to.equal(false);
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${where} has handler ${attr.name}`).to.equal(false);
      if (LINK_ATTRIBUTES.includes(attr.name)) {
        expect(el.localName, `${where} has ${attr.name}`).to.equal('a');
        expect(attr.value, `${where} ${attr.name}`).to.match(/^https?:\/\//i);
      }
      if (attr.name === 'style') expect(attr.value, `${where} style`).not.to.match(/url\(|expression\(|javascript:/i);
    }
  }
  expect((window as any)[PWNED], 'a payload ran').to.equal(undefined);
}

/** The own property names and descriptors of the built-in prototypes, to compare after a case. */
export interface PrototypeSnapshot {
  take(): string;
  initial: string;
}

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['EventTarget.prototype', EventTarget.prototype],
  ['Element.prototype', Element.prototype],
  ['HTMLElement.prototype', HTMLElement.prototype],
];

function describePrototypes(): string {
  return PROTOTYPES.map(([name, proto]) => {
    const keys = Reflect.ownKeys(proto)
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(proto, k)!;
        return `${String(k)}:${typeof d.value}:${Boolean(d.get)}:${Boolean(d.set)}`;
      })
      .sort();
    return `${name}=${Object.getPrototypeOf(proto) === null ? 'null' : 'obj'}|${keys.join(',')}`;
  }).join('\n');
}

export function prototypeSnapshot(): PrototypeSnapshot {
  return { take: describePrototypes, initial: describePrototypes() };
}

export function expectPrototypesUntouched(snapshot: PrototypeSnapshot): void {
  const now = snapshot.take();
  if (now !== snapshot.initial) {
    const before = new Set(snapshot.initial.split(/[\n,]/));
    const changed = now.split(/[\n,]/).filter((k) => !before.has(k));
    expect(changed, 'built-in prototypes changed').to.deep.equal([]);
  }
  const probe: Record<string, unknown> = {};
  expect(probe.polluted, 'Object.prototype.polluted').to.equal(undefined);
  expect(Object.getPrototypeOf(probe)).to.equal(Object.prototype);
}

/**
 * Records uncaught errors, unhandled rejections and console.error calls until
 * `stop()`, which returns them. Mocha fails on an uncaught error too; this also
 * catches what a library swallows into console.error.
 */
export function watchErrors(): { stop(): string[]; errors: string[] } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}\n${(e.error as Error | undefined)?.stack ?? ''}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandled rejection: ${String(e.reason)}\n${(e.reason as Error | undefined)?.stack ?? ''}`);
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = original;
      return errors;
    },
  };
}

/** Waits until every element has left the loading state (or `ms` passed). */
export async function settled(els: Element[], ms = 10_000): Promise<void> {
  const start = performance.now();
  while (els.some((el) => !['ready', 'empty', 'error'].includes(el.getAttribute('state') ?? ''))) {
    if (performance.now() - start > ms) {
      const states = els.map((el) => `<${el.localName}> ${el.getAttribute('state')}`).join(', ');
      throw new Error(`timed out waiting for the widgets to settle: ${states}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(els.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
}
