/**
 * Cache keys. A profile's id is the sha256 of its uncompressed bytes; its summary is stored
 * under the id and the summary version; a render under a sha256 over everything that decides
 * its bytes (id, summary version, normalised options, renderer version), which is also its ETag.
 */
import { createHash } from 'node:crypto';
import { normalizeComparePlotOptions, type ComparePlotOptions, type PlotOptions } from '../options/plot-options.js';
import { normalizeAnyPlotOptions } from '../options/profile-options.js';
import { RENDERER_VERSION, SERIES_VERSION, SUMMARY_VERSION, ZOOM_INDEX_VERSION } from '../versions.js';

export function summaryKey(id: string): string {
  return `summary:${id}:v${SUMMARY_VERSION}`;
}

/** sha256 hex naming one rendered image: same id and same picture options → same hash. */
export function renderHash(id: string, options: PlotOptions): string {
  return createHash('sha256')
    .update(`${id}\n${SUMMARY_VERSION}\n${normalizeAnyPlotOptions(options)}\n${RENDERER_VERSION}`)
    .digest('hex');
}

/** sha256 hex naming one chart of two profiles (base first: swapped runs are another picture). */
export function compareRenderHash(baseId: string, headId: string, options: ComparePlotOptions): string {
  return createHash('sha256')
    .update(`compare\n${baseId}\n${headId}\n${SUMMARY_VERSION}\n${normalizeComparePlotOptions(options)}\n${RENDERER_VERSION}`)
    .digest('hex');
}

/** sha256 hex naming one series export (series.json / series.csv of an id with an axis and column count): its ETag. */
export function seriesHash(id: string, format: string, axis: string, buckets: number | null): string {
  return createHash('sha256').update(`${id}\n${SUMMARY_VERSION}\nseries ${SERIES_VERSION}\n${format}\n${axis}\n${buckets ?? 'all'}`).digest('hex');
}

export function renderKey(hash: string): string {
  return `render:${hash}`;
}

export function isRenderKey(key: string): boolean {
  return key.startsWith('render:');
}

/**
 * The zoom index of a profile: its directory (small) under the id; its pieces (raw chunks and
 * bucket levels) under the build that wrote them, since the id is known only once the upload is
 * read. Pieces are the first to go when the cache is full (isZoomPieceKey): a profile whose pieces
 * are evicted zooms to its summary's resolution again.
 */
export function zoomIndexKey(id: string): string {
  return `zoom:${id}:v${ZOOM_INDEX_VERSION}`;
}

export function zoomPieceKey(build: string, piece: string): string {
  return `zoompiece:${build}:${piece}`;
}

export function isZoomPieceKey(key: string): boolean {
  return key.startsWith('zoompiece:');
}
