/**
 * Colour contrast as WCAG 2.1 computes it, read from what the browser computed: every visible text of a
 * widget against the background behind it, and named graphics against the surface. Colours are read by
 * painting them on a 1×1 canvas, so any form an engine serialises (rgb(), color(srgb …), color-mix results)
 * is understood.
 */
type Rgba = [number, number, number, number];

let ctx: CanvasRenderingContext2D | undefined;

/** Any CSS colour as [r, g, b, a], r g b 0–255, a 0–1. */
export function parseColor(css: string): Rgba {
  ctx ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours (the first may be translucent: painted over the second). */
export function contrast(fg: Rgba, bg: Rgba): number {
  const [a, b] = [luminance(over(fg, bg)), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** The flat-tree parent: a slot for slotted nodes, the host for a shadow root's children. */
function parentOf(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  const p = el.parentNode;
  return p instanceof ShadowRoot ? p.host : (p as Element | null);
}

/** The opaque colour behind `el`: its own background and its ancestors' (flat tree), composed; white at the top. */
export function backgroundOf(el: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let e = el; e; e = parentOf(e)) {
    const c = parseColor(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((bg, top) => over(top, bg), [255, 255, 255, 1]);
}

/** Whether a reader sees `el` (not display:none, not visibility:hidden, not visually hidden by clipping). */
function shown(el: Element): boolean {
  const s = getComputedStyle(el);
  return s.display !== 'none' && s.visibility !== 'hidden' && s.clipPath !== 'inset(50%)';
}

export interface TextContrast {
  text: string;
  ratio: number;
}

/**
 * Every visible text in the widget's box (shadow DOM and slotted fallback) with its contrast against what is
 * behind it. A text node takes its colour from its flat-tree parent (a slotted text node from the slot).
 */
export function textContrasts(el: Element): TextContrast[] {
  const out: TextContrast[] = [];
  const walk = (node: Node, styled: Element) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text) out.push({ text, ratio: contrast(parseColor(getComputedStyle(styled).color), backgroundOf(styled)) });
      return;
    }
    if (!(node instanceof Element) || !shown(node) || node.localName === 'style' || node.localName === 'script') return;
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).forEach((n) => walk(n, node));
    (node.shadowRoot ?? node).childNodes.forEach((n) => walk(n, node));
  };
  const base = el.shadowRoot!.querySelector('[part~="base"]')!;
  walk(base, base);
  return out;
}

/** What of a graphic to read: its background colour, its gradients' colours, its border, stroke or outline. */
export type GraphicPaint = 'fill' | 'image' | 'border' | 'stroke' | 'outline';

/** The colours `el` is drawn in, for the paints named (transparent ones left out). */
export function graphicColors(el: Element, paints: GraphicPaint[]): Rgba[] {
  const s = getComputedStyle(el);
  const colors: string[] = [];
  for (const p of paints) {
    if (p === 'fill') colors.push(s.backgroundColor);
    else if (p === 'image') colors.push(...(s.backgroundImage.match(/(rgba?|color|oklch|oklab|lab|lch|hsla?)\([^()]*\)/g) ?? []));
    else if (p === 'border') colors.push(s.borderTopColor);
    else if (p === 'outline') colors.push(s.outlineColor);
    else colors.push(s.stroke);
  }
  return colors.map(parseColor).filter((c) => c[3] > 0);
}

/** The parent of `el` in the flat tree (for the background behind a graphic). */
export { parentOf };
