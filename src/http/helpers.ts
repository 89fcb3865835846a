/**
 * Headers and URLs of the HTTP API (no Fastify here): ready-made URLs, conditional requests, the
 * headers of image responses and the pixel budget (schemas are in schemas.ts, content negotiation
 * in negotiation.ts).
 */
import { createHash } from 'node:crypto';
import { PixelBudgetExceeded } from './errors.js';
import { comparePath, overlayPath } from '../compare/links.js';
import { requestedPixels } from '../render/plot-output.js';
import { OUTPUT_FORMATS, PlotOptionError, type OutputFormat, type PlotOptions } from '../options/plot-options.js';
import { anyPlotOptionsQuery } from '../options/profile-options.js';

/** Rendered images never change at their URL: a year, immutable (what browsers and CDNs keep longest). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An SVG opened directly must not run anything: no scripts, no external loads; inline styles only. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Absolute URLs of a profile: its stats and its chart in every format, with these options. */
export function profileUrls(base: string, id: string, options: Partial<PlotOptions> = {}) {
  const query = anyPlotOptionsQuery(options);
  const suffix = query ? `?${query}` : '';
  const urls: Record<string, string> = { stats: `${base}/profiles/${id}` };
  for (const format of OUTPUT_FORMATS) urls[format] = `${base}/profiles/${id}/plot.${format}${suffix}`;
  return urls as { stats: string } & Record<OutputFormat, string>;
}

/** Absolute URLs of a comparison (POST /compare answers them): its JSON, summary.md, overlay, badge, and both profiles'. */
export function compareUrls(base: string, baseId: string, headId: string) {
  const path = `${base}${comparePath(baseId, headId)}`;
  return {
    compare: path,
    summary: `${path}/summary.md`,
    overlay: { png: `${base}${overlayPath(baseId, headId, 'png')}`, svg: `${base}${overlayPath(baseId, headId, 'svg')}` },
    badge: `${path}/badge.svg?metric=peak.heap`,
    base: profileUrls(base, baseId),
    head: profileUrls(base, headId),
  };
}

/**
 * The ETag of a response that is a pure function of content-addressed inputs (a comparison of
 * two ids, a badge): a sha256 over everything that decides its bytes, versions included.
 */
export function contentEtag(...parts: readonly (string | number | null)[]): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}"`;
}

/** A query parameter no route of this kind takes is a 400 naming it and the ones it takes, as an unknown plot option is. */
export function rejectUnknownParameters(query: object, allowed: readonly string[]): void {
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) throw new PlotOptionError(name, value, `one of the parameters ${allowed.join(', ')}`);
  }
}

/** Path of a chart, for Content-Location. */
export function plotPath(id: string, options: PlotOptions): string {
  const query = anyPlotOptionsQuery(options);
  return `/profiles/${id}/plot.${options.format}${query ? `?${query}` : ''}`;
}

/** Whether an If-None-Match header matches an ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** Headers of every chart response. */
export function plotHeaders(hash: string, id: string, contentType: string, format: OutputFormat): Record<string, string> {
  return { ...imageHeaders(hash, contentType, format), 'x-profile-id': id, link: `</profiles/${id}>; rel="related"` };
}

/** Headers of the chart of two profiles: both linked (base first). */
export function comparePlotHeaders(hash: string, base: string, head: string, contentType: string, format: OutputFormat): Record<string, string> {
  return { ...imageHeaders(hash, contentType, format), link: `</profiles/${base}>; rel="related", </profiles/${head}>; rel="related"` };
}

function imageHeaders(hash: string, contentType: string, format: OutputFormat): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': contentType,
    etag: `"${hash}"`,
    'cache-control': IMMUTABLE,
    'x-content-type-options': 'nosniff',
  };
  if (format === 'svg') headers['content-security-policy'] = SVG_CSP;
  return headers;
}

/**
 * Errors may be kept briefly (a dashboard reloading a broken chart does not hammer the server)
 * but not for long (the profile may be uploaded a minute later). 5xx and the statuses that say
 * "try again" are never kept.
 */
export const ERROR_MAX_AGE_SECONDS = 60;
const UNCACHEABLE_CLIENT_ERRORS = new Set([408, 429]);

/** Cache-Control of an error response, or null for a success. */
export function errorCacheControl(status: number): string | null {
  if (status < 400) return null;
  if (status >= 500 || UNCACHEABLE_CLIENT_ERRORS.has(status)) return 'no-store';
  return `max-age=${ERROR_MAX_AGE_SECONDS}`;
}

/** Query parameters that only defeat caches (`?v=2`, jQuery's `_=…`): accepted on every GET and ignored. */
export const CACHE_BUSTING_PARAMETERS: readonly string[] = ['v', '_'];

/** Response headers a cross-origin page may read (CORS). */
export const CORS_EXPOSED_HEADERS: readonly string[] = ['ETag', 'X-Profile-Id', 'Link', 'Content-Location', 'X-Memplot-Error', 'Retry-After', 'X-Request-Id'];

/** Throws PixelBudgetExceeded when the image these options ask for has more than `budget` pixels (before any upload is read or render queued). */
export function checkPixelBudget(options: PlotOptions, budget: number): void {
  const pixels = requestedPixels(options);
  if (pixels > budget) throw new PixelBudgetExceeded(pixels, options.width, options.height, options.format === 'svg' ? 1 : options.scale, budget);
}
