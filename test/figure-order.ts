/** Where figures are drawn: in their own order, left to right, on one line (SPEC "Figures that never mislead"). */
import { expect } from '@esm-bundle/chai';

/** The text nodes under `root` (shadow roots included), in order. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
    ((n as Element).shadowRoot ?? n).childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** The boxes of each character of `text` where it is drawn inside `el`'s shadow root. */
export function charBoxes(el: Element, text: string): DOMRect[] {
  const node = textNodes(el.shadowRoot!).find((t) => t.data.includes(text));
  if (!node) throw new Error(`"${text}" is not drawn`);
  const start = node.data.indexOf(text);
  return [...text].map((_, i) => {
    const r = document.createRange();
    r.setStart(node, start + i);
    r.setEnd(node, start + i + 1);
    return r.getBoundingClientRect();
  });
}

/** `text` is drawn left to right, in its own order, on one line. */
export function expectInOrderOnOneLine(el: Element, text: string): void {
  const boxes = charBoxes(el, text);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i].left, `"${text}" character ${i} after ${i - 1}`).to.be.at.least(boxes[i - 1].left);
    expect(Math.abs(boxes[i].top - boxes[0].top), `"${text}" on one line`).to.be.below(2);
  }
}
