import { expect } from '@esm-bundle/chai';
import { defineElement, VERSION } from '../src/base/define.js';

describe('defineElement', () => {
  it('skips a tag defined twice, warning only when the versions differ', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      class A extends HTMLElement {}
      class B extends HTMLElement {}
      defineElement('tiendo-test-a', A);
      expect(() => defineElement('tiendo-test-a', B)).not.to.throw();
      expect(customElements.get('tiendo-test-a')).to.equal(A);
      expect(warnings).to.deep.equal([]);
      customElements.define('tiendo-test-b', class extends HTMLElement {});
      defineElement('tiendo-test-b', B);
      expect(String(warnings[0])).to.contain(`version ${VERSION} skipped`);
    } finally {
      console.warn = warn;
    }
  });
});
