/**
 * The height a widget will have once its figures are drawn, estimated without a
 * browser (`tiendo snippet` runs in Node), so that the plain snippet can reserve
 * it: the page's text below the widget does not jump when the figures arrive
 * (issue 19, CLS). The builder measures the real widget in its frames instead.
 *
 * The estimate follows each widget's own layout (src/progress, src/kpi,
 * src/province-table styles): every part is a number of lines of a known font
 * size and line height, in em of the widget's text size (16 px unless the page
 * or the reader changes it). How many lines a text takes is estimated from its
 * length and an average character width, at three typical column widths: a
 * small phone (360 px wide), a large phone (412 px) and a desktop column
 * (720 px), each with the page's 16 px margins.
 *
 * The character widths are those of DejaVu Sans (0.52 em for Vietnamese text,
 * 0.6 em bold and for digits), the widest of the common system sans-serif
 * fonts; Roboto, San Francisco, Segoe UI and Arial are about 0.47 em. So where a
 * text is near a column's end the estimate errs tall by a line: the widget then
 * ends a line shorter than reserved rather than pushing the text below it down.
 * (Where the estimate itself is off, e.g. a figure and its rate that just fit
 * on one row, the widget can still end a line taller.)
 */
import type { Feed, FeedArea, FeedSource, MetricValue, ModelCounts } from '../feed/types.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import type { Lang } from '../i18n/messages.js';

/** Ready heights in CSS pixels at a 16 px text size, by column. */
export interface EstimatedHeights {
  /** A small phone: 360 px viewport. */
  narrow: number;
  /** A large phone: 412 px viewport. */
  phone: number;
  /** A desktop column. */
  desktop: number;
}

/** The viewports the estimate assumes, and the column inside each (16 px page margins). */
export const COLUMNS = { narrow: 360 - 32, phone: 412 - 32, desktop: 720 } as const;

/** Average advance of one character, in em: regular text, bold text and digits. */
const CHAR = 0.52;
const BOLD = 0.6;
const DIGIT = 0.6;
/** The box around every widget: 1em padding above and below, and a 1 px border (in px, added at the end). */
const PADDING = 2;
const BORDER_PX = 2;
/** The footer: 13/16 of the text size, 0.75 of it above, line height 1.5. */
const SMALL = 0.8125;

/** Characters of a text (a code point each). */
function chars(text: string): number {
  return [...text].length;
}

/** Lines a text of `width` em takes in a column of `column` em (words do not fill a line to its end). */
function lines(width: number, column: number): number {
  const room = Math.max(1, column - 0.5);
  return Math.max(1, Math.ceil(width / room));
}

/** Width in em of a text at a `size` (em) with an average advance `adv`. */
function textWidth(text: string, size = 1, adv = CHAR): number {
  return chars(text) * adv * size;
}

/** Width in em of a formatted figure ("4.222.575", "97,85%") at a `size`: digits are wide, separators narrow. */
function figureWidth(text: string, size = 1): number {
  return [...text].reduce((w, ch) => w + (/[.,\s]/.test(ch) ? 0.3 : DIGIT), 0) * size;
}

/** Rows of items that wrap (flex-wrap), each `widths[i]` em wide, `gap` em apart. */
function rows(widths: number[], gap: number, column: number): number {
  let n = widths.length ? 1 : 0;
  let used = 0;
  for (const w of widths) {
    if (used > 0 && used + gap + w > column) {
      n++;
      used = w;
    } else {
      used += (used > 0 ? gap : 0) + w;
    }
  }
  return n;
}

/** The footer's words as the widget writes them: "Nguồn: …", then the date, which never breaks inside. */
function footerHeight(lang: Lang, source: FeedSource | undefined, asOf: string | undefined, column: number): number {
  if (!source && !asOf) return 0;
  const room = column - 0.5;
  const name = source ? textWidth(`${lang === 'vi' ? 'Nguồn:' : 'Source:'} ${source.name}${asOf ? ' · ' : ''}`, SMALL) : 0;
  const date = asOf ? textWidth(`${lang === 'vi' ? 'Số liệu tính đến ngày' : 'Figures as of'} ${formatDate(asOf, lang)}`, SMALL) : 0;
  let n = name ? lines(name, column) : 0;
  // The date goes on the last line when it fits beside the name's last words, else on a line of its own.
  const last = name - (n - 1) * room;
  if (date && (!n || last + date > room)) n += lines(date, column);
  return 0.75 * SMALL + n * SMALL * 1.5;
}

/** The area a single-area widget shows (as the widget picks it), with its provenance. */
function areaOf(feed: Feed, province: string | undefined): { area: FeedArea; name?: string } | undefined {
  const id = province?.trim();
  if (id) {
    const p = feed.provinces.find((x) => x.id === id);
    return p && { area: p, name: p.name };
  }
  if (feed.provinces.length === 1) return { area: feed.provinces[0], name: feed.provinces[0].name };
  return feed.national && { area: feed.national, name: feed.national.name };
}

/** The progress bar: head (name and percentage), summary, change, bar, legend, footer. */
function progressHeight(area: FeedArea, name: string, lang: Lang, column: number): number | undefined {
  const m = area.models;
  if (!m?.total) return undefined;
  const n = (x: number) => formatNumber(x, lang);
  let h = PADDING;
  // The head: the name beside the percentage (1.5em, line height 1.2), or above it when both do not fit.
  const title = textWidth(name, 1, BOLD);
  if (m.completed === undefined) h += lines(title, column) * 1.5;
  else {
    // None completed is said in words (1em, line height 1.2), with the models in progress.
    const none =
      m.completed === 0 &&
      (lang === 'vi' ? 'Chưa hoàn thành mô hình nào' : 'No pilot model completed yet') +
        (m.inProgress ? (lang === 'vi' ? `; ${n(m.inProgress)} mô hình đang triển khai` : `; ${n(m.inProgress)} in progress`) : '');
    const percent = none ? textWidth(none, 1, BOLD) : figureWidth('99,9%', 1.5);
    const high = none ? lines(percent, column) * 1.2 : 1.8;
    h += title + 1 + percent <= column ? Math.max(1.5, high) : lines(title, column) * 1.5 + 0.25 + high;
  }
  // "494/1.371 mô hình hoàn thành".
  const summary = m.completed === undefined ? `${n(m.total)} mô hình điểm` : `${n(m.completed)}/${n(m.total)} ${lang === 'vi' ? 'mô hình hoàn thành' : 'pilot models completed'}`;
  h += lines(textWidth(summary), column) * 1.5;
  // "+59 mô hình hoàn thành so với 30/09/2025" (0.875em), when the history has an earlier count.
  const before = m.completed !== undefined && m.history?.some((p) => p.completed !== undefined);
  if (before) h += lines(textWidth(`+${n(m.completed!)} ${lang === 'vi' ? 'mô hình hoàn thành so với' : 'more pilot models completed since'} 30/09/2025`, 0.875), column) * 0.875 * 1.5;
  // The bar: 1em and 0.5em above and below.
  h += 2;
  // The legend (0.875em): a swatch, the status and its count per item.
  const words = lang === 'vi' ? ['Hoàn thành', 'Đang triển khai', 'Chưa triển khai'] : ['Completed', 'In progress', 'Not started'];
  const counts: (keyof ModelCounts)[] = ['completed', 'inProgress', 'notStarted'];
  const items = counts.flatMap((k, i) => (m[k] === undefined ? [] : [(1.4 + textWidth(`${words[i]} ${n(m[k]!)}`)) * 0.875]));
  const r = rows(items, 1.25 * 0.875, column);
  if (r) h += r * 0.875 * 1.5 + (r - 1) * 0.25 * 0.875;
  return h;
}

/** The KPI tile: area, label, figure, period, trend, change, target meter, footer. */
function kpiHeight(feed: Feed, area: FeedArea, name: string | undefined, metricId: string | undefined, lang: Lang, column: number): number | undefined {
  const id = metricId?.trim() || (feed.metrics.length === 1 ? feed.metrics[0].id : undefined);
  const def = feed.metrics.find((x) => x.id === id);
  const f: MetricValue | undefined = id && Object.hasOwn(area.metrics, id) ? area.metrics[id] : undefined;
  if (!def || !f) return undefined;
  const n = (x: number) => formatNumber(x, lang);
  let h = PADDING;
  // The area's name (0.875em), then the metric's name.
  if (name) h += lines(textWidth(name, 0.875), column) * 0.875 * 1.5;
  h += lines(textWidth(def.name, 1, BOLD), column) * 1.5;
  // The figure: the value (2em bold, line height 1.15) with its total, the unit, the rate (1.25em); they wrap as words.
  const top = f.total ?? def.max;
  const rate = f.total !== undefined && f.value !== undefined;
  const big = f.value !== undefined && top === undefined && f.value >= 1e6;
  const parts: [width: number, height: number][] = [];
  if (f.value === undefined) parts.push([figureWidth('99,99%', 2), 2.3]);
  else {
    const value = big ? figureWidth(n(Math.round(f.value / 1e5) / 10), 2) + textWidth(' triệu', 2, BOLD) : figureWidth(n(f.value), 2);
    parts.push([value + (top !== undefined ? figureWidth(`/${n(top)}`) : 0), 2.3]);
  }
  if (def.unit) parts.push([textWidth(def.unit), 1.5]);
  if (rate) parts.push([textWidth('·'), 1.5], [figureWidth('99,99%', 1.25), 1.875]);
  let rowsOf: [number, number][] = [];
  for (const [w, hi] of parts) {
    const last = rowsOf.at(-1);
    if (last && last[0] + 0.4 + w <= column) rowsOf[rowsOf.length - 1] = [last[0] + 0.4 + w, Math.max(last[1], hi)];
    else rowsOf = [...rowsOf, [w, hi]];
  }
  h += 0.25 + rowsOf.reduce((s, [, hi]) => s + hi, 0);
  // The exact figure under a compact one, and the period (0.875em).
  if (big) h += 0.875 * 1.5;
  if (f.period) h += lines(textWidth(f.period, 0.875), column) * 0.875 * 1.5;
  // The trend line (1.5em, 0.35em above) when the history gives a second point.
  const points = (f.history ?? []).filter((p) => (f.value !== undefined ? p.value !== undefined : p.rate !== undefined || p.total !== undefined)).length;
  if (points >= 1) h += 1.85;
  // The change (0.9375em, 0.35em above): "▲ 52.264 so với 31/05/2022 (chiều hướng tốt)", a rate's in percentage points.
  const last = f.history?.at(-1);
  const was = f.previous ?? (f.value !== undefined ? last?.value : (last?.rate ?? (last?.value !== undefined && last.total ? last.value / last.total : undefined)));
  const now = f.value ?? f.rate;
  if (was !== undefined && now !== undefined) {
    const size = f.value !== undefined ? n(Math.abs(now - was)) : `${formatNumber(Math.abs(now - was) * 100, lang, 2)} ${lang === 'vi' ? 'điểm phần trăm' : 'percentage points'}`;
    const words = lang === 'vi' ? `▲ ${size} so với 30/09/2025 (chiều hướng tốt)` : `▲ ${size} since 30 Sep 2025 (better)`;
    h += (0.35 + lines(textWidth(words, 0.9375), column) * 1.5) * 0.9375;
  }
  // The target's meter: its words (0.875em) and a 0.5em track, 0.5em and 0.25em above.
  if (f.target !== undefined) h += 0.5 + lines(textWidth('Mục tiêu 99,99% · chưa đạt', 0.875), column) * 0.875 * 1.5 + 0.25 + 0.5;
  else if (def.max !== undefined) h += 0.5 + 0.25 + 0.5;
  return h;
}

/** The province table: caption, header, rows (in a box at most 36em tall), notes, tools, footer. */
function tableHeight(feed: Feed, column: number): number | undefined {
  const listed = feed.provinces.filter((p) => p.models?.total || Object.keys(p.metrics).length);
  if (!listed.length) return undefined;
  const small = 0.875;
  const withModels = listed.some((p) => p.models?.total);
  // Columns: the name, and the figures (the models' three counts and the share, else the metrics).
  const figures = withModels ? 4 : Math.max(1, feed.metrics.filter((d) => listed.some((p) => Object.hasOwn(p.metrics, d.id))).length);
  const cell = small * 1.5 + 0.375 * small * 2;
  // A phone's column fits about 1.5 figures beside the name; the header's words wrap to two or three lines.
  const wide = column > 30;
  const header = (wide ? 2 : 3) * small * 1.5 + 0.375 * small * 2;
  const caption = lines(textWidth(feed.title ?? '', small, BOLD), wide ? column : Math.max(column, 20)) * small * 1.5 + 0.5 * small;
  const body = (listed.length + (feed.national ? 1 : 0)) * cell;
  const table = caption + header + body;
  const maxBox = 36;
  const scrollsY = table > maxBox;
  const scrollsX = !wide && figures > 2;
  let h = PADDING;
  // The scroll hint (0.8125em, 0.25em under it) while the box scrolls.
  if (scrollsY || scrollsX) h += SMALL * 1.5 + 0.25 * SMALL;
  h += Math.min(table, maxBox);
  // A note when the provinces' sources or dates differ.
  const sources = new Set(listed.map((p) => `${p.source?.name ?? ''}|${p.asOf ?? ''}`));
  if (sources.size > 1) h += 0.75 + lines(textWidth('Nguồn và thời điểm của số liệu khác nhau theo từng tỉnh, thành phố: xem chú thích ở từng dòng.', small), column) * small * 1.5;
  // The tools: the CSV button (about 30 px at 16 px), 0.75 of their 0.875em text above.
  h += 0.75 * small + 1.875;
  return h;
}

/**
 * The estimated ready heights of `tag` for the feed's figures, in CSS px at a
 * 16 px text size; undefined for widgets this module does not estimate (model
 * list, chart, map) and when the feed has no figures for the choice.
 */
export function estimateHeights(feed: Feed, tag: string, c: { province?: string; metric?: string; lang: Lang }): EstimatedHeights | undefined {
  const at = (column: number): number | undefined => {
    const inner = (column - 2) / 16 - PADDING;
    let h: number | undefined;
    let source: FeedSource | undefined;
    let asOf: string | undefined;
    if (tag === 'tiendo-progress' || tag === 'tiendo-kpi') {
      const picked = areaOf(feed, c.province);
      if (!picked) return undefined;
      const { area } = picked;
      const metric = tag === 'tiendo-kpi' ? c.metric?.trim() || (feed.metrics.length === 1 ? feed.metrics[0].id : undefined) : undefined;
      const figure = metric && Object.hasOwn(area.metrics, metric) ? area.metrics[metric] : undefined;
      source = figure?.source ?? area.source ?? feed.source;
      asOf = figure?.asOf ?? area.asOf ?? feed.asOf;
      const word = c.lang === 'vi' ? 'Toàn quốc' : 'Nationwide';
      h =
        tag === 'tiendo-progress'
          ? progressHeight(area, picked.name || word, c.lang, inner)
          : kpiHeight(feed, area, picked.name || word, c.metric, c.lang, inner);
    } else if (tag === 'tiendo-province-table') {
      h = tableHeight(feed, inner);
      source = feed.source;
      asOf = feed.asOf;
    }
    if (h === undefined) return undefined;
    return Math.round((h + footerHeight(c.lang, source, asOf, inner)) * 16 + BORDER_PX);
  };
  const narrow = at(COLUMNS.narrow);
  const phone = at(COLUMNS.phone);
  const desktop = at(COLUMNS.desktop);
  return narrow === undefined || phone === undefined || desktop === undefined ? undefined : { narrow, phone, desktop };
}
