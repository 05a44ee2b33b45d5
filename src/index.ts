/**
 * tiendo: embeddable public-progress widgets. Importing this module defines
 * every element; defining twice (two copies of the script) is harmless.
 */
export { TiendoProgress, type ProgressView } from './progress/tiendo-progress.js';
export { TiendoKpi, type KpiView } from './kpi/tiendo-kpi.js';
export {
  TiendoProvinceTable,
  type ProvinceTableView,
  type TableColumn,
  type TableRow,
} from './province-table/tiendo-province-table.js';
export { TiendoModelList, type ModelListView, type ModelListItem } from './model-list/tiendo-model-list.js';
export { TiendoChart, type ChartView, type ChartType, type ChartGrid, type ChartRow } from './chart/tiendo-chart.js';
export { TiendoElement, type ViewBase, type WidgetProblem } from './base/tiendo-element.js';
export { validateFeed, validateFeedText, issueText, type FeedIssue, type ValidationResult } from './feed/validation.js';
export { subscribeFeed, FeedError, type FeedSnapshot, type FeedErrorKind } from './feed/loader.js';
export type { TiendoLoadEvent, TiendoErrorEvent, TiendoLoadDetail, TiendoErrorDetail } from './base/events.js';
export type * from './feed/types.js';
export { VERSION, WIDGET_TAGS } from './base/define.js';
export { widgetAttributes } from './base/widget-attributes.js';
export { msg, toLang, loadMessages, type Lang } from './i18n/messages.js';
export type { TiendoIntrinsicElements } from './jsx.js';
