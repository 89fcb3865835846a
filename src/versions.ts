/**
 * The versions memplot states, each defined once. Loads nothing but package.json, so that the cache
 * keys, the CLI's --version and the OpenAPI document can know them without loading the renderer.
 */
import packageJson from '../package.json' with { type: 'json' };

/** memplot's own version, from package.json: the CLI's --version and the OpenAPI document's info.version. */
export const PACKAGE_VERSION: string = packageJson.version;

/** Bumped whenever the shape or the meaning of a summary changes: cached summaries of
 * another version are rebuilt, never reinterpreted. */
export const SUMMARY_VERSION = 3;

/**
 * The shape of the stats JSON (`memplot stats`, GET /profiles/:id, the compare routes), its
 * `version` field. 1 was the shape before it had one; 2 added meanHeap, meanHeapOverCalls,
 * temporary, duration and durationSeconds.
 */
export const STATS_VERSION = 2;

/** Part of every rendered-image cache key: bump whenever the same summary and options would draw differently. */
export const RENDERER_VERSION = '4';

/** Part of the zoom index's key: bump whenever the layout or the byte format of its pieces changes. */
export const ZOOM_INDEX_VERSION = 1;

/** Part of the ETag of series.json and series.csv: bump whenever the same summary would export differently. */
export const SERIES_VERSION = 1;
