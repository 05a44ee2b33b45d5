import { LazyChunk } from '../base/lazy-chunk.js';

/**
 * The chart's table and summary (src/chart/chart-table.ts): asked for together with the chart's
 * code, not one round trip later (issue 19); the element asks through this one chunk too.
 */
export const chartTableChunk = new LazyChunk('chart-table', () => import('./chart-table.js'));
