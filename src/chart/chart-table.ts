/**
 * What `<tiendo-chart>` does before any drawing: reads the provinces out of a
 * feed, puts them in the reader's words with the summary (highest, lowest, the
 * highlighted province's rank), and renders the title, the plot box and the
 * accessible table. A small chunk of its own, fetched by the first chart on a
 * page, so pages without charts do not download it; Chart.js is another chunk
 * (chart-renderer.ts), fetched only once a chart is visible.
 */
import { html, type TemplateResult } from 'lit';
import { cssomStyle } from '../base/cssom-style.js';
import { formatNumber, formatPercent, formatPercentShort } from '../i18n/format.js';
import { msg } from '../i18n/messages.js';
import type { WidgetProblem } from '../base/tiendo-element.js';
import type { Feed, MetricValue, ModelStatus } from '../feed/types.js';
import type { Lang, MessageKey, MessageParams } from '../i18n/messages.js';
import type { ChartGrid, ChartRow, ChartType, ChartView } from './chart-types.js';

const TYPES: readonly string[] = ['bar', 'horizontal-bar', 'line', 'doughnut'];
const STATUSES: readonly ModelStatus[] = ['completed', 'in-progress', 'not-started'];

/** The attributes that choose what a chart shows. */
export interface ChartChoice {
  type?: string;
  metric?: string;
  highlight?: string;
  province?: string;
}

function rateOf(f: MetricValue): number | undefined {
  return f.value !== undefined && f.total ? f.value / f.total : f.rate;
}

/**
 * The view of `feed` for the attributes in `c`: one metric across provinces, or
 * without `metric` each province's pilot models; undefined when no province has
 * the figures (the empty state).
 */
export function chartView(feed: Feed, c: ChartChoice): ChartView | WidgetProblem | undefined {
  // An unknown type falls back to the default, as an HTML enumerated attribute does.
  const type = (TYPES.includes(c.type?.trim() ?? '') ? c.type!.trim() : 'bar') as ChartType;
  const id = c.metric?.trim();
  let rows: ChartRow[] = [];
  let metric: ChartView['metric'];
  if (id) {
    const def = feed.metrics.find((m) => m.id === id);
    const figures = feed.provinces.filter((p) => Object.hasOwn(p.metrics, id));
    if (!def && !figures.length) return { key: 'error.metric', params: { id }, kind: 'selection' };
    // Rates compare provinces of any size; counts only where some province has no rate.
    const rate = figures.every((p) => rateOf(p.metrics[id]) !== undefined);
    metric = { name: def?.name ?? id, unit: def?.unit, rate, higherIsBetter: def?.higherIsBetter ?? true };
    for (const p of figures) {
      const v = rate ? rateOf(p.metrics[id]) : p.metrics[id].value;
      if (v !== undefined) rows.push({ id: p.id, name: p.name, values: [v], score: v });
    }
  } else {
    for (const { id, name, models: m } of feed.provinces) {
      const values = [m?.completed, m?.inProgress, m?.notStarted];
      // A province with no count by status (only a total, or no models) has nothing to draw.
      if (values.some((v) => v !== undefined)) {
        rows.push({ id, name, values, score: m!.total && values[0] !== undefined ? values[0] / m!.total : undefined });
      }
    }
    // A doughnut of pilot models: the models of every province, by status.
    const provinces = rows;
    if (type === 'doughnut' && provinces.length) {
      rows = STATUSES.map((status, i) => {
        const n = provinces.reduce((sum, r) => sum + (r.values[i] ?? 0), 0);
        return { id: status, name: '', values: [n], score: n };
      });
    }
  }
  if (!rows.length) return undefined;
  return {
    name: feed.title ?? '',
    type,
    metric,
    rows,
    highlight: (c.highlight || c.province)?.trim() || undefined,
    source: feed.source,
    asOf: feed.asOf,
  };
}

/** The view in the reader's words, with its summary. */
export function chartGrid(v: ChartView, lang: Lang): ChartGrid {
  const t = (key: MessageKey, params?: MessageParams) => msg(lang, key, params);
  const m = v.metric;
  const byStatus = !m && v.type === 'doughnut';
  const num = (x: number) => formatNumber(x, lang);
  const fmt = m?.rate ? (x: number) => formatPercent(x, lang) : num;
  const caption = m ? t('chart.metric', { name: m.name }) : t(byStatus ? 'chart.modelsTotal' : 'chart.models');
  const names = v.rows.map((r) => r.name || t(`status.${r.id as ModelStatus}`));
  // Provinces of a pilot-model chart are ranked by their completed share.
  const score = m || byStatus ? fmt : (x: number) => t('chart.share', { percent: formatPercent(x, lang) });
  const ranked = v.rows.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score!);
  const item = (r: ChartRow) => `${names[v.rows.indexOf(r)]} (${score(r.score!)})`;
  let summary = '';
  if (ranked.length) {
    summary = t('chart.summary', { max: item(ranked[0]), min: item(ranked[ranked.length - 1]) });
    const h = ranked.find((r) => r.id === v.highlight);
    if (h) {
      // Rank 1 is the best: the highest figure, or the lowest where lower is better. Ties share a rank.
      const better = (r: ChartRow) => (m?.higherIsBetter === false ? r.score! < h.score! : r.score! > h.score!);
      const rank = 1 + ranked.filter(better).length;
      summary += `; ${t('chart.rank', { name: h.name, value: score(h.score!), rank, count: ranked.length })}`;
    }
  }
  return {
    view: v,
    lang,
    caption,
    head: t(byStatus ? 'chart.status' : 'chart.province'),
    series: m
      ? [m.unit && !m.rate ? `${m.name} (${m.unit})` : m.name]
      : byStatus
        ? [t('progress.label')]
        : STATUSES.map((s) => t(`status.${s}`)),
    names,
    summary,
    fmt,
    tick: m?.rate ? (x: number) => formatPercentShort(x, lang) : num,
  };
}

/** The title, the box the chart is drawn in (a canvas named by the summary), the toggle and the table. */
export function renderChart(g: ChartGrid, open: boolean, toggle: () => void): TemplateResult {
    const v = g.view;
  const hl = (r: ChartRow) => r.id === v.highlight;
  return html`
    <p part="title" class="title">${g.caption}</p>
    <div part="plot" class="plot ${v.type}" style=${cssomStyle({ '--rows': String(v.rows.length) })}>
      <canvas part="canvas" role="img" aria-label=${g.summary || g.caption}></canvas>
    </div>
    <button part="toggle" type="button" aria-expanded=${open} aria-controls="data" @click=${toggle}>
      ${msg(g.lang, open ? 'chart.hide' : 'chart.show')}
    </button>
    <table id="data" part="table" class=${open ? '' : 'visually-hidden'}>
      <caption>
        ${g.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${g.head}</th>
          ${g.series.map((s) => html`<th scope="col">${s}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${v.rows.map(
          (r, i) =>
            html`<tr class=${hl(r) ? 'hl' : ''}>
              <th scope="row">${hl(r) ? html`<span aria-hidden="true">▶ </span>` : ''}${g.names[i]}</th>
              ${r.values.map((x) => html`<td>${x === undefined ? '—' : g.fmt(x)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  `;
}
