/**
 * tiendo: embeddable public-progress widgets; the package's module (dist/index.js). Importing it
 * defines every element: the progress bar and the KPI at once, the others as soon as one appears
 * in the document (their code is fetched then; see `defineLazily`). Defining twice (two copies of
 * the script) is harmless. A page's script tag loads it through src/tiendo.ts (dist/tiendo.js).
 */
import { defineLazily } from './base/define.js';
import type { LazyChunk } from './base/lazy-chunk.js';
import { tableViewChunk } from './province-table/view-chunk.js';
import { chartTableChunk } from './chart/view-chunk.js';
export { TiendoProgress, type ProgressView } from './progress/tiendo-progress.js';
export { TiendoKpi, type KpiView } from './kpi/tiendo-kpi.js';
export type {
  TiendoProvinceTable,
  ProvinceTableView,
  TableColumn,
  TableRow,
} from './province-table/tiendo-province-table.js';
export type { TiendoModelList, ModelListView, ModelListItem } from './model-list/tiendo-model-list.js';
export type { TiendoChart, ChartView, ChartType, ChartGrid, ChartRow } from './chart/tiendo-chart.js';
export type { TiendoPicker, PickerView, PickerOption } from './picker/tiendo-picker.js';
export type { TiendoMap, MapView, MapTile, MapFigure } from './map/tiendo-map.js';
export { TiendoElement, type ViewBase, type WidgetProblem } from './base/tiendo-element.js';
export { validateFeed, validateFeedText, issueText, type FeedIssue, type ValidationResult } from './feed/validation.js';
export { subscribeFeed, FeedError, type FeedSnapshot, type FeedErrorKind } from './feed/loader.js';
export type { TiendoLoadEvent, TiendoErrorEvent, TiendoSelectEvent, TiendoLoadDetail, TiendoErrorDetail, TiendoSelectDetail } from './base/events.js';
export type * from './feed/types.js';
export { VERSION, WIDGET_TAGS, defineWidget } from './base/define.js';
export { widgetAttributes } from './base/widget-attributes.js';
export { msg, toLang, loadMessages, type Lang } from './i18n/messages.js';
export type { TiendoIntrinsicElements } from './jsx.js';

/**
 * A widget whose view is a chunk of its own asks for it together with its code, not one round trip
 * later (issue 19). A view that fails here is asked for again by the widget, which says so.
 */
const withView = (view: LazyChunk<unknown>, widget: () => Promise<unknown>) => () => {
  view.load().catch(() => undefined);
  return widget();
};

defineLazily('tiendo-province-table', withView(tableViewChunk, () => import('./province-table/tiendo-province-table.js')));
defineLazily('tiendo-model-list', () => import('./model-list/tiendo-model-list.js'));
defineLazily('tiendo-chart', withView(chartTableChunk, () => import('./chart/tiendo-chart.js')));
defineLazily('tiendo-picker', () => import('./picker/tiendo-picker.js'));
defineLazily('tiendo-map', () => import('./map/tiendo-map.js'));
