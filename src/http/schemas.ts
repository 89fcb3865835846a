/**
 * JSON schemas shared by the routes: they validate, serialise and document (OpenAPI via
 * @fastify/swagger). Plain data, no Fastify.
 */
import { describeAllowed, optionValueText, OUTPUT_FORMATS, PLOT_OPTION_DEFINITIONS } from '../options/plot-options.js';
import { FORMATS } from '../render/formats.js';
import { DEFAULT_WINDOW_BUCKETS, MAX_SERIES_BUCKETS } from '../aggregate/series-query.js';

/**
 * JSON schema of the plot options as query parameters, for validation and the OpenAPI document.
 * Every value is accepted as text here: parsePlotOptions checks it and names the option, the
 * value and what is allowed, the same way for query parameters and multipart fields.
 */
export function plotOptionsQuerySchema(exclude: string[] = []) {
  // No `default` keywords: Fastify's validator would fill them in, hiding which options were given.
  const properties: Record<string, { type: 'string'; description: string }> = {};
  for (const def of PLOT_OPTION_DEFINITIONS) {
    if (exclude.includes(def.name)) continue;
    const fallback = def.default === null ? '' : ` Default: ${optionValueText(def.default)}.`;
    properties[def.name] = { type: 'string', description: `${def.description} Allowed: ${describeAllowed(def.type)}.${fallback}` };
  }
  return { type: 'object' as const, properties };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: a bad option or series query (named, with what is allowed) or a malformed upload',
  401: 'Missing or wrong bearer token (uploads, when MEMPLOT_API_TOKENS is set)',
  404: 'Unknown profile id',
  406: 'None of the Accept types can be produced',
  413: 'Upload too large (counted after decompression: a gzip bomb ends here)',
  415: 'Unsupported Content-Type or Content-Encoding',
  422: 'Not a memusage data file (the message says what was found)',
  503: 'Overloaded (render queue full, render timeout, store down): retry after Retry-After seconds',
  408: 'Upload too slow (below MEMPLOT_UPLOAD_MIN_BYTES per MEMPLOT_UPLOAD_RATE_WINDOW_MS): aborted',
  429: 'Too many requests from this client (uploads, uncached renders, uploads at once): retry after Retry-After seconds',
};

export const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'Stable machine-readable code, e.g. BAD_OPTION, MEM_NOT_MEMUSAGE' },
    message: { type: 'string' },
    hint: { type: 'string' },
  },
  additionalProperties: true,
} as const;

export function errorResponses(...statuses: number[]): Record<number, object> {
  const out: Record<number, object> = {};
  for (const status of statuses) out[status] = { description: STATUS_TEXT[status] ?? 'Error', ...errorSchema };
  return out;
}

/** An image body in each output format. Typed as an open schema: the handler sends a Buffer, which the binary-string schema would type as text. */
export function imageResponse(description: string): { description: string; content: Record<string, { schema: Record<string, unknown> }> } {
  const content: Record<string, { schema: { type: 'string'; format: 'binary' } }> = {};
  for (const format of OUTPUT_FORMATS) content[FORMATS[format].mediaType] = { schema: { type: 'string', format: 'binary' } };
  return { description, content };
}

export const profileIdParam = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: 'The profile id: sha256 (hex) of the uncompressed .mem bytes, as `sha256sum` prints it.',
} as const;

export const urlsSchema = {
  type: 'object',
  description: 'Ready-made absolute URLs: stats JSON and the chart in each format (with the options of the request).',
  properties: Object.fromEntries([['stats', { type: 'string' }], ...OUTPUT_FORMATS.map((f) => [f, { type: 'string' }])]),
} as const;

export const profileSchema = {
  type: 'object',
  required: ['id', 'stats', 'warnings', 'urls'],
  properties: {
    id: { type: 'string' },
    stats: { type: 'object', additionalProperties: true, description: 'The stats of `memplot stats`.' },
    warnings: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
    urls: urlsSchema,
  },
} as const;

const m4Values = { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: '[first, last, min, max]' } as const;
/** An x value: an entry index on the calls axis, an exact tick count (decimal string) on the time axis. */
const xValue = { anyOf: [{ type: 'integer' }, { type: 'string' }] } as const;

/** The series answer (series.json and the zoom windows of /series). */
export const seriesSchema = {
  type: 'object',
  required: ['axis', 'from', 'to', 'columns', 'resolution'],
  properties: {
    axis: { type: 'string', enum: ['calls', 'time'] },
    from: xValue,
    to: xValue,
    columns: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to', 'heap', 'stack', 'total'],
        properties: { from: xValue, to: xValue, heap: m4Values, stack: m4Values, total: m4Values },
      },
    },
    resolution: {
      type: 'object',
      required: ['source', 'finest', 'zoom'],
      properties: {
        source: { type: 'string', enum: ['summary', 'index', 'calls'] },
        finest: { type: 'boolean' },
        zoom: { type: 'string', enum: ['full', 'summary'] },
      },
    },
  },
} as const;

const seriesAxisQuery = { type: 'string', enum: ['calls', 'time'], default: 'calls', description: 'calls (entry index) or time (CPU ticks).' } as const;
const seriesBucketsQuery = { type: 'integer', minimum: 1, maximum: MAX_SERIES_BUCKETS, description: `Most columns (1 to ${MAX_SERIES_BUCKETS}).` } as const;

/** Query of series.json and series.csv: the whole run. */
export const seriesQuerySchema = {
  type: 'object',
  properties: { axis: seriesAxisQuery, buckets: { ...seriesBucketsQuery, description: `${seriesBucketsQuery.description} Default and largest useful value: the summary's resolution (its bucket count).` } },
} as const;

/** Query of the zoom endpoint /series: a window. from/to are checked by the domain (exact integers up to 2^64). */
export const seriesWindowQuerySchema = {
  type: 'object',
  properties: {
    axis: seriesAxisQuery,
    buckets: { ...seriesBucketsQuery, description: `${seriesBucketsQuery.description} Default: ${DEFAULT_WINDOW_BUCKETS}.` },
    from: { type: 'string', maxLength: 40, description: 'Start of the window (inclusive): an entry index, or absolute CPU ticks (as in the stats) on the time axis. Default: the start.' },
    to: { type: 'string', maxLength: 40, description: 'End of the window (exclusive). Default: the end of the run.' },
  },
} as const;
