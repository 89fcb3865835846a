/**
 * The series export's shape, shared by `series.json`, `series.csv`, `memplot series` and the
 * zoom endpoint `GET /profiles/:id/series`: per column its x range [from, to) and the M4
 * (first, last, min, max) of heap, stack and heap + stack over the entries in that range.
 *
 * On the calls axis x values are entry indices (numbers). On the time axis they are absolute
 * CPU tick counts as exact decimal strings (like the stats' times): the ticks can exceed 2^53.
 * A time range [from, to) holds the entries whose time lies in it, in file order (the first and
 * last values are the first and last such entries of the file); entries timed before the header's
 * start time count as timed at the start. Times can go backwards between threads, so a time
 * range's entries need not be consecutive in the file.
 */
import type { M4Axis } from './summary.js';

/** [first, last, min, max] of one series over a column's entries. */
export type M4Values = [first: number, last: number, min: number, max: number];

// Type aliases, not interfaces, so that they fit the JSON Schema types of the HTTP responses (see summary.ts).
export type SeriesColumn<X extends number | string = number | string> = {
  from: X;
  to: X;
  heap: M4Values;
  stack: M4Values;
  total: M4Values;
};

export type SeriesAxis = 'calls' | 'time';

/** What the columns are, from the coarsest to the finest this server keeps. */
export type SeriesResolution = 'summary' | 'index' | 'calls';

export type SeriesAnswer = {
  axis: SeriesAxis;
  /** The range the columns cover: the asked window, its edges snapped outward to the columns' grid. */
  from: number | string;
  to: number | string;
  columns: SeriesColumn[];
  /**
   * Where the columns come from: the stored summary's M4 buckets, the multi-resolution index's
   * buckets, or single calls (one column per entry); `finest` is true when no finer columns exist
   * for this window on this server (the summary under MEMPLOT_ZOOM=summary: "zoom stops here").
   */
  resolution: { source: SeriesResolution; finest: boolean; zoom: 'full' | 'summary' };
};

/** The M4 axis (summary.ts's names) of a series axis. */
export function m4AxisOf(axis: SeriesAxis): M4Axis {
  return axis === 'calls' ? 'index' : 'time';
}
