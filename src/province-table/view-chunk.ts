import { LazyChunk } from '../base/lazy-chunk.js';

/**
 * The table's view (src/province-table/province-table-view.ts). It lives in the core beside the
 * lazy definition of `<tiendo-province-table>` so that the page asks for it together with the
 * element's code, not one round trip later (issue 19), and both ask through this one chunk.
 */
export const tableViewChunk = new LazyChunk('province-table-view', () => import('./province-table-view.js'));
