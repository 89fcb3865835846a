/**
 * Cache keys. A profile's id is the sha256 of its uncompressed bytes; its summary is stored
 * under the id and the summary version; a render under a sha256 over everything that decides
 * its bytes (id, summary version, normalised options, renderer version), which is also its ETag.
 */
import { createHash } from 'node:crypto';
import { normalizeComparePlotOptions, type ComparePlotOptions, type PlotOptions } from '../options/plot-options.js';
import { normalizeAnyPlotOptions } from '../options/profile-options.js';
import { RENDERER_VERSION, SUMMARY_VERSION } from '../versions.js';

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

export function renderKey(hash: string): string {
  return `render:${hash}`;
}

export function isRenderKey(key: string): boolean {
  return key.startsWith('render:');
}
