/**
 * How bars across areas are laid out at a width: upright while every name fits under its
 * bar, else lying, best first, every name shown (a long one wrapped onto lines), each row
 * tall enough for its name. Part of the chart's view chunk (chart-table): the renderer is
 * handed it, so the bar-only Chart.js chunk stays within its budget.
 */
import type { ChartGrid, Plan } from './chart-types.js';

/** The lines of `text` that fit `max` (measured by `w`), as even as its words allow: fewest lines first. */
function wrap(text: string, max: number, w: (s: string) => number): string[] {
  const words = text.split(' ');
  if (w(text) <= max) return [text];
  for (let n = 2; n < words.length; n++) {
    const target = w(text) / n;
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      // A new line where this word would pass the target by more than the line falls short of it.
      if (line && lines.length < n - 1 && w(next) - target >= target - w(line)) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
    if (lines.every((l) => w(l) <= max)) return lines;
  }
  return words;
}

/**
 * Bars across areas at `width` CSS pixels, their names measured in `font` on `ctx`: upright
 * while every name fits on one line under its bar (a few areas on a wide screen), else lying
 * (`horizontal-bar`, many areas, a narrow screen), best first, every name shown (a long one
 * wrapped onto two lines or more), each row tall enough for its name and a bar that is not a
 * hairline, the whole as tall as its rows and the value axis.
 */
export function planBars(g: ChartGrid, font: { size: number; family: string }, width: number, ctx: CanvasRenderingContext2D): Plan {
  const { rows, highlight: id, metric } = g.view;
  const size = font.size;
  ctx.font = `${size}px ${font.family}`;
  const w = (s: string) => ctx.measureText(s).width;
  // A marked area's label starts with ▶.
  const names = g.names.map((n, j) => (rows[j].id === id ? `▶ ${n}` : n));
  const all = rows.map((_, j) => j);
  // Upright bars: the value axis takes about four characters of the width, each name one slot of the rest.
  const slot = (width - size * 4) / rows.length;
  if (g.view.type !== 'horizontal-bar' && names.every((n) => w(n) <= slot - size / 2)) return { horizontal: false, order: all, labels: names };
  // Best first (rank 1 on top: the highest figure, or the lowest where lower is better); rows with no figure last.
  const sign = metric?.higherIsBetter === false ? -1 : 1;
  const score = (j: number) => (rows[j].score === undefined ? -Infinity : sign * rows[j].score!);
  const order = all.sort((a, b) => (score(a) === score(b) ? 0 : score(b) > score(a) ? 1 : -1));
  // Names take at most about two fifths of the width, wrapped beyond it.
  const labels = order.map((j) => wrap(names[j], Math.max(width * 0.4, size * 6), w));
  // Each row as tall as its neighbours' names need (half of each), and never less than two lines of text.
  const line = size * 1.2;
  const tall = labels.map((l) => l.length * line);
  const row = Math.max(size * 2, ...tall.map((h, i) => (h + (tall[i + 1] ?? h)) / 2 + size * 0.6));
  // The value axis's labels and room around the chart area.
  return { horizontal: true, order, labels: labels.map((l) => (l.length > 1 ? l : l[0])), height: row * rows.length + size * 2.5 + 12 };
}
