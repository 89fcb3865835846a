/**
 * The HTTP error catalog and the one mapping from any error to a status and a JSON body
 * `{error, message, hint?}`, for every route and for 404. Client mistakes get their honest 4xx
 * with what was wrong; server faults get a 5xx whose message is masked (details go to the log
 * only). Every code a client can receive is in errorCatalog(), which docs/http.md's error table
 * is checked against (test/server/errors.test.ts).
 */
import { NotMemProfileError } from '../service/not-mem-profile.js';
import createError from '@fastify/error';
import { InputTooLargeError, MemFormatError } from '../format/errors.js';
import { BusyError, WorkTimeoutError } from '../service/limiter.js';
import { StoreUnavailableError, StoreWriteError } from '../cache/store.js';
import { PlotOptionError } from '../options/plot-options.js';
import { RasterOptionError } from '../raster/raster-options.js';
import { ThresholdError } from '../compare/thresholds.js';
import { UnknownMetricError } from '../compare/badge-content.js';
import { METRIC_NAMES } from '../compare/metrics.js';
import { SeriesQueryError } from '../aggregate/series-query.js';

export const Unauthorized = createError('UNAUTHORIZED', 'a valid bearer token is required to upload (Authorization: Bearer <token>)', 401);
export const ProfileNotFound = createError('PROFILE_NOT_FOUND', 'no profile with id %s here; upload the file with POST /profiles', 404);
export const RouteNotFound = createError('ROUTE_NOT_FOUND', 'no route %s %s', 404);
export const MissingFile = createError('MISSING_FILE', 'the multipart upload has no part named "file"', 400);
export const UnexpectedFile = createError('UNEXPECTED_FILE', 'unexpected file part "%s": send part "file" (a .mem, or malloc-tag snapshots) and "tags" (a snapshot) at most once; POST /compare takes one part "base" and one "head"', 400);
export const MissingParts = createError('MISSING_PARTS', 'the multipart upload has no part named "%s": POST /compare takes the files in parts "base" and "head"', 400);
export const BadUpload = createError('BAD_UPLOAD', 'the upload could not be read: %s', 400);
export const UnsupportedMediaType = createError('UNSUPPORTED_MEDIA_TYPE', '%s', 415);
export const StoreWriteFailed = createError('STORE_WRITE_FAILED', 'the cache store cannot write (%s): nothing was kept', 503);
export const UploadTooSlow = createError('UPLOAD_TOO_SLOW', 'the upload delivered fewer than %d bytes in %d ms and was aborted', 408);
export const RateLimited = createError('RATE_LIMITED', 'more than %d %s a minute from this client', 429);
export const TooManyClientUploads = createError('TOO_MANY_UPLOADS', 'this client already has %d uploads in progress', 429);
export const NotAcceptable = createError('NOT_ACCEPTABLE', 'none of the accepted types (%s) can be produced; ask for one of %s', 406);
/** Errors Node's HTTP parser finds before any route runs (answered by client-error.ts, connection closed). */
export const BadHttp = createError('BAD_HTTP', 'the request is not valid HTTP/1.1 (%s)', 400);
export const HeadersTooLarge = createError('HEADERS_TOO_LARGE', 'the request line and headers together are over the 16 KiB the server reads', 431);
export const RequestTimeout = createError('REQUEST_TIMEOUT', 'the request did not arrive whole in time (MEMPLOT_REQUEST_TIMEOUT_MS)', 408);
/** Arguments: pixels asked for, width, height, scale, budget. */
export const PixelBudgetExceeded = createError<'PIXEL_BUDGET_EXCEEDED', 400, [number, number, number, number, number]>(
  'PIXEL_BUDGET_EXCEEDED',
  'the image asked for has %s pixels (width %s × height %s × scale %s squared), over the budget of %s pixels per render (MEMPLOT_MAX_RENDER_PIXELS)',
  400,
);

/** The errors this layer raises, each with its code and status. */
const HTTP_ERRORS = [Unauthorized, ProfileNotFound, RouteNotFound, MissingFile, MissingParts, UnexpectedFile, BadUpload, UnsupportedMediaType, StoreWriteFailed, UploadTooSlow, RateLimited, TooManyClientUploads, NotAcceptable, PixelBudgetExceeded, BadHttp, HeadersTooLarge, RequestTimeout];

/** The status of each domain error's code (the classes carry the code; HTTP decides the status). */
const DOMAIN_STATUS: Readonly<Record<string, number>> = {
  BAD_OPTION: 400,
  BAD_RASTER_OPTION: 400,
  BAD_THRESHOLD: 400,
  BAD_METRIC: 400,
  BAD_SERIES_QUERY: 400,
  INPUT_TOO_LARGE: 413,
  MEM_TOO_SHORT: 422,
  MEM_NOT_MEMUSAGE: 422,
  MEM_BAD_GZIP: 422,
  MTAG_BAD_JSON: 422,
  MTAG_NOT_MALLOC_TAG: 422,
  MTAG_TOO_LARGE: 413,
  MTAG_TOO_COMPLEX: 422,
  MTAG_BAD_COMBINATION: 422,
  NOT_A_MEM_PROFILE: 422,
  BUSY: 503,
  TIMEOUT: 503,
  STORE_UNAVAILABLE: 503,
  STORE_WRITE_FAILED: 503,
  SHUTTING_DOWN: 503,
};

/** Codes of Fastify and its plugins that reach clients as they are. */
const FRAMEWORK_STATUS: Readonly<Record<string, number>> = {
  FST_ERR_VALIDATION: 400,
  FST_UNDER_PRESSURE: 503,
};

/** Every code a client can receive in `error`, with its status (500 INTERNAL_ERROR aside). */
export function errorCatalog(): Map<string, number> {
  const catalog = new Map<string, number>(Object.entries({ ...DOMAIN_STATUS, ...FRAMEWORK_STATUS }));
  for (const HttpError of HTTP_ERRORS as ReadonlyArray<new () => { code: string; statusCode?: number }>) {
    const error = new HttpError();
    catalog.set(error.code, error.statusCode ?? 500);
  }
  return catalog;
}

export interface HttpErrorReply {
  statusCode: number;
  body: { error: string; message: string; hint?: string; [extra: string]: unknown };
  headers: Record<string, string>;
}

/** Body types read as the raw file (curl --data-binary sends form-urlencoded unless told otherwise). */
export const RAW_CONTENT_TYPES = ['application/octet-stream', 'application/gzip', 'application/x-gzip', 'application/x-www-form-urlencoded'];
/** Every body type an upload may have, as text for messages. */
export const ACCEPTED_BODY_TYPES = `multipart/form-data or ${RAW_CONTENT_TYPES.join(', ')}`;
const UPLOAD_HINT = 'send the .mem file (or its gzip) as multipart field "file" (curl -F file=@x.mem) or as a raw body (curl --data-binary @x.mem -H "Content-Type: application/octet-stream")';

const THRESHOLD_HINT = 'fail_on is METRIC OP VALUE: peak.heap>+5% (relative change), final.heap>+1MiB (absolute change), peak.total>=512MiB (value); see docs/http.md';

/** What the error handler knows of the request, for messages that say what was received. */
export interface ErrorRequestContext {
  contentType?: string;
}

/** Status, body and headers for any error thrown while answering a request. */
export function httpErrorReply(error: unknown, request: ErrorRequestContext = {}): HttpErrorReply {
  const headers: Record<string, string> = {};
  if (error instanceof PlotOptionError) {
    return {
      statusCode: DOMAIN_STATUS[error.code],
      body: { error: error.code, message: error.message, hint: `${error.option} must be ${error.allowed}`, option: error.option, value: error.value, allowed: error.allowed },
      headers,
    };
  }
  if (error instanceof ThresholdError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: THRESHOLD_HINT, expression: error.expression }, headers };
  }
  if (error instanceof UnknownMetricError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: `metric must be one of ${METRIC_NAMES.join(', ')}` }, headers };
  }
  if (error instanceof NotMemProfileError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: 'compare the .mem recordings of both runs; a snapshot is drawn with GET /profiles/:id/plot.png' }, headers };
  }
  if (error instanceof RasterOptionError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: `check ${error.parameter}` }, headers };
  }
  if (error instanceof SeriesQueryError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: `check ${error.parameter}`, parameter: error.parameter }, headers };
  }
  if (error instanceof MemFormatError) {
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }, headers };
  }
  if (error instanceof InputTooLargeError) {
    return {
      statusCode: DOMAIN_STATUS[error.code],
      body: { error: error.code, message: error.message, hint: 'the limit is set by MEMPLOT_MAX_UPLOAD_BYTES', limit: error.limit },
      headers,
    };
  }
  if (error instanceof BusyError || error instanceof WorkTimeoutError) {
    headers['retry-after'] = String(error.retryAfterSeconds);
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: error.message, hint: `retry after ${error.retryAfterSeconds} s` }, headers };
  }
  if (error instanceof StoreWriteError) {
    const failed = new StoreWriteFailed(error.reason);
    headers['retry-after'] = '30';
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: failed.code, message: failed.message, hint: 'the server is short of cache space; retry later' }, headers };
  }
  if (error instanceof StoreUnavailableError) {
    headers['retry-after'] = '5';
    return { statusCode: DOMAIN_STATUS[error.code], body: { error: error.code, message: 'the cache store is unavailable', hint: 'retry later' }, headers };
  }
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown; validation?: unknown; validationContext?: unknown } | null;
  const status = typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode <= 599 ? e.statusCode : 500;
  if (status >= 500 && status !== 503) {
    return { statusCode: status, body: { error: 'INTERNAL_ERROR', message: 'the server failed to answer this request; it has been logged' }, headers };
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    // Fastify's own "Unsupported Media Type" says neither what came nor what would do.
    const received = request.contentType ? `Content-Type ${JSON.stringify(request.contentType)}` : 'a request without Content-Type';
    const message = `${received} is not accepted here: expected ${ACCEPTED_BODY_TYPES}`;
    return { statusCode: 415, body: { error: 'UNSUPPORTED_MEDIA_TYPE', message, hint: UPLOAD_HINT }, headers };
  }
  const code = typeof e?.code === 'string' ? e.code : status === 503 ? 'SERVICE_UNAVAILABLE' : 'BAD_REQUEST';
  const message = typeof e?.message === 'string' ? e.message : 'bad request';
  const body: HttpErrorReply['body'] = { error: code, message };
  if (code === 'UNSUPPORTED_MEDIA_TYPE') body.hint = UPLOAD_HINT;
  if (code === 'MISSING_FILE' || code === 'UNEXPECTED_FILE' || code === 'BAD_UPLOAD') body.hint = UPLOAD_HINT;
  if (code === 'MISSING_PARTS') body.hint = 'curl -F base=@base.mem -F head=@head.mem URL/compare';
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  if (code === 'UPLOAD_TOO_SLOW') body.hint = 'send the upload faster (the minimum is set by MEMPLOT_UPLOAD_MIN_BYTES and MEMPLOT_UPLOAD_RATE_WINDOW_MS)';
  if (code === 'RATE_LIMITED' || code === 'TOO_MANY_UPLOADS') body.hint = `retry after ${headers['retry-after'] ?? 'a while'} s`;
  if (code === 'PIXEL_BUDGET_EXCEEDED') body.hint = 'ask for a smaller width, height or scale';
  if (code === 'ROUTE_NOT_FOUND') body.hint = 'see GET /docs';
  if (status === 503) {
    headers['retry-after'] = '5';
    body.hint = 'the server is overloaded; retry later';
  }
  return { statusCode: status, body, headers };
}
