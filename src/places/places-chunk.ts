import { LazyChunk } from '../base/lazy-chunk.js';

/**
 * The places' lists and the regrouping (src/places/regroup.ts), fetched only by a widget that adds
 * up or names former provinces (`regroup="2025"`, `show-present`): one chunk for the table, the
 * chart and the map.
 */
export const placesChunk = new LazyChunk('places', () => import('./regroup.js'));
