/**
 * What `<tiendo-chart>` does before any drawing: reads its figures out of a feed
 * (chart-view.ts), puts them in the reader's words with the summary (across
 * areas: highest, lowest, the highlighted area's rank; over time: each area's
 * first and latest figures and the change, with their dates), and renders the
 * title, the plot box and the accessible table. A small chunk of its own,
 * fetched by the first chart on a page, so pages without charts do not download
 * it; Chart.js is another chunk (chart-renderer.ts), fetched only once a chart is
 * visible, with one more for a chart over time (chart-time.ts) or a doughnut
 * (chart-doughnut.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyle } from '../base/cssom-style.js';
import type { FeedSource, ModelStatus } from '../feed/types.js';
import { formatDate, formatDateSpoken, formatNumber, formatPercent, formatPercentShort, isolate } from '../i18n/format.js';
import type { Lang, MessageParams } from '../i18n/messages.js';
import type { ChartGrid, ChartRow, ChartView, LegendEntry, TimePlot, TimeSeries } from './chart-types.js';
import { chartMsg, type ChartWord } from './chart-words.js';
import { STATUSES } from './chart-view.js';

export { chartView, compareNote, LIMIT } from './chart-view.js';
export { planBars } from './chart-layout.js';
export { chartMsg } from './chart-words.js';

/**
 * "Cổng TTĐT tỉnh Nghệ An · 20/06/2024": where a row's figures come from. The source's name is
 * isolated for direction: a stray U+202E in it cannot reverse the date after it.
 */
function origin(lang: Lang, source?: FeedSource, asOf?: string): string {
  return [source?.name && isolate(source.name), asOf && formatDate(asOf, lang)].filter(Boolean).join(' · ') || '—';
}

/** A metric as a column or series: "Hồ sơ (hồ sơ)", each feed string isolated for direction. */
const metricName = (m: { name: string; unit?: string; rate: boolean }) => (m.unit && !m.rate ? `${isolate(m.name)} (${isolate(m.unit)})` : isolate(m.name));

/**
 * The view in the reader's words, with its summary. `areaName` is the element's name for an area
 * over time: its own, else the reader's word for the nation (a feed's "Toàn quốc" too). `mark`
 * marks a feed's name inside the title and the summary, which the element then renders as
 * Vietnamese text (`lang="vi"`, isolated): a Vietnamese voice reads it in an English widget.
 */
export function chartGrid(v: ChartView, lang: Lang, areaName: (name: string) => string, mark: (name: string) => string): ChartGrid {
  const t = (key: ChartWord, params?: MessageParams) => chartMsg(lang, key, params);
  const m = v.metric;
  const num = (x: number) => formatNumber(x, lang);
  const fmt = m?.rate ? (x: number) => formatPercent(x, lang) : num;
  // The sentence is written for the ear: a share near the edges is "hơn 99,9%", not "> 99,9%".
  const said = m?.rate ? (x: number) => formatPercent(x, lang, 1, true) : num;
  const each = t(v.level === 'commune' ? 'chart.each.commune' : 'chart.each.province');
  const mixed = v.mixed;
  const r = v.regrouped;
  const common = {
    view: v,
    lang,
    fmt,
    tick: m?.rate ? (x: number) => formatPercentShort(x, lang) : num,
    mixedNote: mixed && t(mixed.source && mixed.asOf ? 'chart.mixed' : mixed.source ? 'chart.mixed.source' : 'chart.mixed.asOf', { each }),
    // What `regroup` did: added up, why some figures are "—", the provinces it could not place.
    regroupNotes: r && [
      t('chart.regrouped'),
      ...(r.withheld ? [t(`chart.withheld.${r.withheld}`, { name: m ? metricName(m) : t('chart.modelsName') })] : []),
      ...(r.unplaced.length ? [t('chart.unplaced', { names: r.unplaced.map(isolate).join(', ') })] : []),
    ],
    sources:
      mixed && v.sources
        ? { head: t('chart.note'), rows: v.sources.map((s): [string, string] => [s.name, origin(lang, s.source, s.asOf)]) }
        : undefined,
  };
  const metricLabel = m ? metricName(m) : '';
  if (!v.time) return { ...common, ...across(v, lang, t, said, metricLabel, mark) };
  // `show-present`: a former province's series is named with its present unit (its name isolated for direction).
  const areas = v.time.map((a) => (a.present ? { ...a, name: t('chart.partOf', { name: isolate(a.name), unit: a.present }) } : a));
  return { ...common, ...overTime(v, areas, lang, t, said, metricLabel, areaName, mark) };
}

type Words = (key: ChartWord, params?: MessageParams) => string;

/** One metric, or each area's pilot models, across areas; or every area's models by status. `fmt` writes a figure as the sentence says it. */
function across(v: ChartView, lang: Lang, t: Words, fmt: (x: number) => string, metricLabel: string, mark: (name: string) => string) {
  const m = v.metric;
  const byStatus = !m && v.type === 'doughnut';
  const communes = v.level === 'commune';
  const area = v.within ? mark(v.within) : '';
  const caption = communes
    ? t(m ? 'chart.communes.metric' : byStatus ? 'chart.communes.modelsTotal' : 'chart.communes.models', { name: m ? mark(m.name) : '', area })
    : m
      ? t('chart.metric', { name: mark(m.name) })
      : t(byStatus ? 'chart.modelsTotal' : 'chart.models');
  // `show-present`: "Vĩnh Phúc (nay thuộc Phú Thọ)", the names isolated for direction; `mark`, the feed's names marked (for the summary).
  const nameOf = (r: ChartRow, own = isolate) =>
    r.present ? t('chart.partOf', { name: own(r.name), unit: own(r.present) }) : r.name ? own(r.name) : t(`status.${r.id as ModelStatus}`);
  const names = v.rows.map((r) => nameOf(r));
  // Many communes: the chart draws some (v.rows), the table and the ranks count every one.
  const cut = v.trimmed;
  const every = cut?.every ?? v.rows;
  // Areas of a pilot-model chart are ranked by their completed share.
  const score = m || byStatus ? fmt : (x: number) => t('chart.share', { percent: formatPercent(x, lang, 1, true) });
  const ranked = every.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score!);
  const item = (r: ChartRow) => `${nameOf(r, mark)} (${score(r.score!)})`;
  let summary = '';
  if (ranked.length) {
    summary = t('chart.summary', { max: item(ranked[0]), min: item(ranked[ranked.length - 1]) });
    const h = ranked.find((r) => r.id === v.highlight);
    if (h) {
      // Rank 1 is the best: the highest figure, or the lowest where lower is better. Ties share a rank.
      const better = (r: ChartRow) => (m?.higherIsBetter === false ? r.score! < h.score! : r.score! > h.score!);
      const rank = 1 + ranked.filter(better).length;
      // The highest and the lowest were just said with their figures: their rank alone (each figure read once).
      const said = h === ranked[0] || h === ranked[ranked.length - 1];
      summary += `; ${t(said ? 'chart.rankOnly' : 'chart.rank', { name: mark(h.name), value: score(h.score!), rank, count: ranked.length })}`;
    }
  }
  // "10 xã, phường cao nhất và 10 thấp nhất trên 130; Xã Thạch Hà xếp thứ 57": said before the summary, and shown.
  const drawnWords = cut && t('chart.trimmed', { top: cut.top, bottom: cut.bottom, count: cut.count });
  if (drawnWords) summary = summary ? `${drawnWords}; ${summary}` : drawnWords;
  const notesOf = (rows: ChartRow[]) => rows.map((r) => origin(lang, r.source, r.asOf));
  const series = m ? [metricLabel] : byStatus ? [t('progress.label')] : STATUSES.map((s) => t(`status.${s}`));
  const legend: LegendEntry[] = byStatus
    ? names.map((text, style) => ({ text, style }))
    : v.type === 'doughnut'
      ? names.map((text, style) => ({ text, style, marked: v.rows[style].id === v.highlight }))
      : m
        ? []
        : series.map((text, style) => ({ text, style }));
  return {
    caption,
    head: t(byStatus ? 'chart.status' : communes ? 'chart.commune' : 'chart.province'),
    series,
    names,
    cells: v.rows.map((r) => r.values),
    // Each row keeps its own source and date when they differ between rows.
    notes: v.mixed && !byStatus ? { head: t('chart.note'), cells: notesOf(v.rows) } : undefined,
    table: cut && {
      names: every.map((r) => nameOf(r)),
      cells: every.map((r) => r.values),
      ids: every.map((r) => r.id),
      notes: v.mixed ? notesOf(every) : undefined,
    },
    shown:
      drawnWords &&
      t('chart.trimmed.shows', {
        shown: cut.name && cut.rank ? `${drawnWords}; ${t('chart.trimmed.rank', { name: cut.name, rank: cut.rank })}` : drawnWords,
      }),
    // A unit added up from several former provinces: which (and which the feed lacks).
    parts: every.some((r) => r.parts)
      ? {
          head: t('chart.parts'),
          rows: every
            .filter((r) => r.parts)
            .map((r): [string, string] => [r.name, [r.parts!.join(', '), ...(r.missing ? [t('chart.missing', { names: r.missing.join(', ') })] : [])].join('; ')]),
        }
      : undefined,
    legend,
    summary,
  };
}

/** One area's figure, or its model counts, or several areas', over time: one table row per date. `fmt` writes a figure as the sentence says it. */
function overTime(
  v: ChartView,
  areas: TimeSeries[],
  lang: Lang,
  t: Words,
  fmt: (x: number) => string,
  metricLabel: string,
  areaName: (name: string) => string,
  mark: (name: string) => string,
) {
  const m = v.metric;
  const several = areas.length > 1;
  const plots: TimePlot[] = [];
  const series: string[] = [];
  areas.forEach((a, area) => {
    if (m) {
      plots.push({ area, value: 0 });
      series.push(several ? isolate(areaName(a.name)) : metricLabel);
    } else {
      STATUSES.forEach((s, value) => {
        plots.push({ area, value, stack: several ? a.id : undefined });
        series.push(several ? t('chart.of', { area: isolate(areaName(a.name)), series: t(`status.${s}`) }) : t(`status.${s}`));
      });
    }
  });
  // One row per date, in date order; an area without a figure that day shows "—".
  const at = [...new Set(areas.flatMap((a) => a.points.map((p) => p.at)))].sort((a, b) => a - b);
  const row = new Map(at.map((x, i) => [x, i]));
  const iso: string[] = [];
  const cells = at.map(() => plots.map((): number | undefined => undefined));
  const periods = at.map(() => '');
  plots.forEach(({ area, value }, s) => {
    for (const p of areas[area].points) {
      const i = row.get(p.at)!;
      iso[i] ??= p.asOf;
      cells[i][s] = p.values[value];
      if (p.period && !several) periods[i] = p.period;
    }
  });
  const name = several ? '' : areaName(areas[0].name);
  // The nation in the reader's word reads as an adverb: "… toàn quốc theo thời gian", "… nationwide over time".
  const nation = !several && name === t('area.national');
  const caption = m
    ? t(several ? 'chart.time.metricCompare' : nation ? 'chart.time.metric.national' : 'chart.time.metric', { name: mark(m.name), area: mark(name) })
    : t(several ? 'chart.time.modelsCompare' : nation ? 'chart.time.models.national' : 'chart.time.models', { area: mark(name) });
  return {
    caption,
    head: t('chart.date'),
    series,
    names: iso.map((d) => formatDate(d, lang)),
    spoken: iso.map((d) => formatDateSpoken(d, lang)),
    cells,
    at,
    plots,
    notes: periods.some(Boolean) ? { head: t('chart.period'), cells: periods } : undefined,
    sources: v.mixed
      ? { head: t('chart.note'), rows: areas.map((a): [string, string] => [areaName(a.name), origin(lang, a.source, a.asOf)]) }
      : undefined,
    // A single figure needs no key; the models' statuses, or the areas compared, do.
    legend: series.length > 1 ? series.map((text, style) => ({ text, style, marked: several && areas[plots[style].area].id === v.highlight })) : [],
    summary: areas
      .map((a) => change(a, lang, t, fmt, m?.rate ?? false, !m, (n) => mark(areaName(n))))
      .filter(Boolean)
      .join('; '),
  };
}

/**
 * An area's movement for the ear: its latest figure and date, and the change since
 * its first ("Nghệ An: 6 trên 38 mô hình hoàn thành ngày 20 tháng 6 năm 2024, tăng 6 so
 * với 0 ngày 31 tháng 1 năm 2024"). A change that rounds to nothing is "không đổi".
 */
function change(a: TimeSeries, lang: Lang, t: Words, fmt: (x: number) => string, rate: boolean, models: boolean, areaName: (n: string) => string): string {
  const known = a.points.filter((p) => p.values[0] !== undefined);
  if (!known.length) return '';
  const first = known[0];
  const last = known[known.length - 1];
  const f = first.values[0]!;
  const l = last.values[0]!;
  const name = areaName(a.name);
  const latest = models && last.total !== undefined ? t('chart.completedOf', { completed: l, total: last.total }) : fmt(l);
  const latestDate = formatDateSpoken(last.asOf, lang);
  if (known.length === 1) return t('chart.time.one', { name, latest, latestDate });
  const size = rate ? formatNumber(Math.abs(l - f) * 100, lang, 1) : formatNumber(Math.abs(l - f), lang);
  const firstDate = formatDateSpoken(first.asOf, lang);
  if (size === formatNumber(0, lang)) return t('chart.time.same', { name, latest, latestDate, firstDate });
  const delta = rate ? t('chart.points', { value: size }) : size;
  return t('chart.time.change', { name, latest, latestDate, firstDate, first: fmt(f), change: t(l > f ? 'chart.up' : 'chart.down', { delta }) });
}

/**
 * The title (the element's, naming the figure), which of many communes it draws,
 * the box the chart is drawn in with its key (HTML text, wrapping, under forced
 * colours too), the toggle and the table it opens (every row, even those the chart
 * leaves out); the notes on mixed provenance and on regrouped figures.
 * (Attribute mistakes are said by the element under `debug`.)
 */
export function renderChart(g: ChartGrid, open: boolean, toggle: () => void, title: TemplateResult): TemplateResult {
  const v = g.view;
  const t = (key: ChartWord) => chartMsg(g.lang, key);
  // The table's rows: every commune when the chart draws only some, else the chart's own.
  const tb = g.table ?? { names: g.names, cells: g.cells, ids: v.rows.map((r) => r.id), notes: g.notes?.cells };
  const hl = (i: number) => !v.time && tb.ids[i] === v.highlight;
  // An area's name from the feed: isolated for direction, and Vietnamese inside an English chart
  // (not a status, a date, or a former province named with its present unit in the reader's words).
  const every = v.trimmed?.every ?? v.rows;
  const fed = !v.time && (v.metric || v.type !== 'doughnut');
  const nameCell = (name: string, i: number) =>
    fed && !every[i]?.present ? html`<bdi lang=${g.lang === 'vi' ? nothing : 'vi'}>${name}</bdi>` : name;
  const columns = 1 + g.series.length + (g.notes ? 1 : 0);
  // Many areas side by side lie as bars: the box is sized for them before the renderer says so.
  const many = !v.time && v.type === 'bar' && v.rows.length > 8;
  const foot = (head: string, rows: [string, string][]) =>
    html`<tr>
        <th scope="colgroup" colspan=${columns}>${head}</th>
      </tr>
      ${rows.map(
        ([name, text]) => html`<tr>
          <th scope="row">${name}</th>
          <td colspan=${columns - 1}>${text}</td>
        </tr>`,
      )}`;
  // The canvas and its key are for the eye: the sentence says what they show, the table (when opened) every figure.
  return html`
    ${title}
    ${g.shown
      ? html`<p part="shown-note" class="mixed">${g.shown} ${chartMsg(g.lang, 'chart.trimmed.table', { count: tb.names.length })}</p>`
      : nothing}
    <div class="frame ${v.type}-frame">
      <div part="plot" class="plot ${v.type}${v.time ? ' time' : ''}${many ? ' many' : ''}" style=${cssomStyle({ '--rows': String(v.time ? 0 : v.rows.length) })}>
        <canvas part="canvas" aria-hidden="true"></canvas>
      </div>
      ${g.legend.length
        ? html`<ul part="legend" class="key" aria-hidden="true">
            ${g.legend.map(
              (e) =>
                html`<li class=${e.marked ? 'marked' : ''}><canvas class="swatch" data-style=${e.style} data-marked=${e.marked ? '1' : nothing}></canvas>${e.marked ? '▶ ' : ''}${e.text}</li>`,
            )}
          </ul>`
        : nothing}
    </div>
    <button part="toggle" type="button" aria-expanded=${open} aria-controls="data" @click=${toggle}>
      ${t(open ? 'chart.hide' : 'chart.show')}
    </button>
    <table id="data" part="table" ?hidden=${!open}>
      <caption>
        ${t('chart.table')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${g.head}</th>
          ${g.series.map((s) => html`<th scope="col">${s}</th>`)} ${g.notes ? html`<th scope="col">${g.notes.head}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${tb.names.map(
          (name, i) =>
            html`<tr class=${hl(i) ? 'hl' : ''}>
              <th scope="row">
                ${hl(i) ? html`<span aria-hidden="true">▶ </span>` : ''}${g.spoken
                  ? html`<span aria-hidden="true">${name}</span><span class="visually-hidden">${g.spoken[i]}</span>`
                  : nameCell(name, i)}
              </th>
              ${tb.cells[i].map((x) => html`<td>${x === undefined ? '—' : g.fmt(x)}</td>`)}
              ${tb.notes ? html`<td class="note-cell">${tb.notes[i]}</td>` : nothing}
            </tr>`,
        )}
      </tbody>
      ${g.sources || g.parts
        ? html`<tfoot>
            ${g.sources ? foot(g.sources.head, g.sources.rows) : nothing} ${g.parts ? foot(g.parts.head, g.parts.rows) : nothing}
          </tfoot>`
        : nothing}
    </table>
    ${g.mixedNote ? html`<p part="mixed-note" class="mixed">${g.mixedNote}</p>` : nothing}
    ${g.regroupNotes ? g.regroupNotes.map((n) => html`<p part="regroup-note" class="mixed">${n}</p>`) : nothing}
  `;
}
