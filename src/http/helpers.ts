/**
 * Headers and URLs of the HTTP API (no Fastify here): ready-made URLs, conditional requests, the
 * headers of image responses and the pixel budget (schemas are in schemas.ts, content negotiation
 * in negotiation.ts).
 */
import { PixelBudgetExceeded } from './errors.js';
import { requestedPixels } from '../render/plot-output.js';
import { OUTPUT_FORMATS, type OutputFormat, type PlotOptions } from '../options/plot-options.js';
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
  const headers: Record<string, string> = {
    'content-type': contentType,
    etag: `"${hash}"`,
    'cache-control': IMMUTABLE,
    'x-profile-id': id,
    'x-content-type-options': 'nosniff',
    link: `</profiles/${id}>; rel="related"`,
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
