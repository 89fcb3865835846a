// @ts-check
/**
 * GET /profiles/:id/series: the M4 columns (first, last, min, max of heap, stack and heap + stack)
 * of a window, parsed with positions as BigInts. Errors come back as the server's words.
 */

/** @typedef {[number, number, number, number]} M4 first, last, min, max */
/** @typedef {{ from: bigint, to: bigint, heap: M4, stack: M4, total: M4 }} Column */
/**
 * @typedef {{ source: 'summary' | 'index' | 'calls', finest: boolean, zoom: 'full' | 'summary' }} Resolution
 * where the columns come from (the summary, the zoom index, single calls), whether none finer exist on the server, and its MEMPLOT_ZOOM
 */
/**
 * @typedef {{ axis: 'calls' | 'time', from: bigint, to: bigint, columns: Column[], resolution: Resolution | null, limited: boolean }} Series
 * `limited`: zooming further shows no more detail, yet the columns are not single calls (the server keeps no finer data).
 */

/** An error answer as the server worded it ({error, message, hint}). */
export class ServerError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {string | undefined} hint
   */
  constructor(status, code, message, hint) {
    super(hint ? `${message} (${hint})` : message);
    this.status = status;
    this.code = code;
  }
}

/**
 * The server's error answer as a ServerError (JSON {error, message, hint}, or its status if not JSON).
 * @param {number} status
 * @param {string} text
 */
export function serverError(status, text) {
  try {
    const body = JSON.parse(text);
    if (body && typeof body.message === 'string') return new ServerError(status, String(body.error), body.message, body.hint);
  } catch {
    // not JSON: a proxy's page, say
  }
  return new ServerError(status, `HTTP_${status}`, `the server answered ${status}`, undefined);
}

/** @param {unknown} value */
const position = (value) => BigInt(String(value));

/**
 * @param {string} profile
 * @param {'calls' | 'time'} axis
 * @param {{ from: bigint, to: bigint } | null} range null: the whole profile
 * @param {number} buckets
 * @param {AbortSignal} [signal]
 * @returns {Promise<Series>}
 */
export async function fetchSeries(profile, axis, range, buckets, signal) {
  const query = new URLSearchParams({ axis, buckets: String(buckets) });
  if (range) {
    query.set('from', String(range.from));
    query.set('to', String(range.to));
  }
  const response = await fetch(`/profiles/${encodeURIComponent(profile)}/series?${query}`, { headers: { accept: 'application/json' }, signal });
  const text = await response.text();
  if (!response.ok) throw serverError(response.status, text);
  const body = JSON.parse(text);
  /** @type {Column[]} */
  const columns = body.columns.map((/** @type {any} */ column) => ({ from: position(column.from), to: position(column.to), heap: column.heap, stack: column.stack, total: column.total }));
  /** @type {Resolution | null} */
  const resolution = body.resolution ?? null;
  const limited = resolution !== null && resolution.finest && resolution.source !== 'calls';
  return { axis: body.axis, from: position(body.from), to: position(body.to), columns, resolution, limited };
}
