/**
 * A series request as the CLI and HTTP take it (axis, optional window, column count), checked
 * and turned into positions; and the answer's x values back from positions. Every check is
 * on the text's length and value, never a loop over it: a hostile window costs nothing.
 */
import { M4_MAX_BUCKETS } from './m4.js';
import type { SeriesAxis, SeriesColumn } from './series-columns.js';
import type { PositionColumn, PositionWindow } from './summary-series.js';

/** Most columns one answer holds: one per summary bucket at most (8192). */
export const MAX_SERIES_BUCKETS = M4_MAX_BUCKETS;
/** Columns of a zoom window when the request does not say (the default chart width). */
export const DEFAULT_WINDOW_BUCKETS = 800;

/** A bad series request: 400 BAD_SERIES_QUERY on HTTP, a usage error on the CLI. */
export class SeriesQueryError extends Error {
  readonly code = 'BAD_SERIES_QUERY';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'SeriesQueryError';
  }
}

export interface SeriesQuery {
  axis: SeriesAxis;
  /** Window edges as given (entry indices, or absolute ticks on the time axis); absent: the whole run. */
  from?: string;
  to?: string;
  buckets?: number;
}

const U64_MAX = (1n << 64n) - 1n;

/** An edge as an exact integer: an entry index (safe integer) or an absolute tick count (u64). */
function parseEdge(axis: SeriesAxis, name: string, text: string): bigint {
  if (!/^\d{1,20}$/.test(text)) throw new SeriesQueryError(name, `${name} must be a non-negative integer (${axis === 'calls' ? 'an entry index' : 'CPU ticks'}), received "${text.slice(0, 40)}"`);
  const value = BigInt(text);
  const max = axis === 'calls' ? BigInt(Number.MAX_SAFE_INTEGER) : U64_MAX;
  if (value > max) throw new SeriesQueryError(name, `${name} must be at most ${max}, received ${text}`);
  return value;
}

/** A position from an exact edge: entry index, or ticks since the start (clamped to [0, 2^53 − 1]). */
function toPosition(value: bigint, origin: bigint): number {
  const relative = value - origin;
  if (relative <= 0n) return 0;
  return relative > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(relative);
}

/**
 * The window of positions a query asks for, or null for the whole run. `startTime` is the
 * profile's start time (stats.time.start): time positions are ticks since it, and entries timed
 * before it sit at position 0, so a window ending at or before the start holds none.
 */
export function queryWindow(query: SeriesQuery, startTime: string, end: number): PositionWindow | null {
  if (query.from === undefined && query.to === undefined) return null;
  const origin = query.axis === 'calls' ? 0n : BigInt(startTime);
  const from = query.from === undefined ? null : parseEdge(query.axis, 'from', query.from);
  const to = query.to === undefined ? null : parseEdge(query.axis, 'to', query.to);
  if (from !== null && to !== null && from >= to) throw new SeriesQueryError('from', `from (${from}) must be smaller than to (${to}): to is exclusive`);
  return { from: from === null ? 0 : toPosition(from, origin), to: to === null ? end : toPosition(to, origin) };
}

/** The column count asked for, checked; `fallback` when absent. */
export function queryBuckets(query: SeriesQuery, fallback: number): number {
  const buckets = query.buckets ?? fallback;
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_SERIES_BUCKETS) {
    throw new SeriesQueryError('buckets', `buckets must be an integer from 1 to ${MAX_SERIES_BUCKETS}, received ${buckets}`);
  }
  return buckets;
}

/** Turns positions into the axis' x values: entry indices, or absolute tick strings. */
export function xValues(axis: SeriesAxis, startTime: string): (position: number) => number | string {
  if (axis === 'calls') return (position) => position;
  const origin = BigInt(startTime);
  return (position) => (origin + BigInt(position)).toString();
}

export function toSeriesColumns(columns: readonly PositionColumn[], x: (position: number) => number | string): SeriesColumn[] {
  return columns.map((c) => ({ from: x(c.from), to: x(c.to), heap: c.heap, stack: c.stack, total: c.total }));
}
