/**
 * A series answer from the stored summary alone: `series.json`, `series.csv`, `memplot series`,
 * and zoom windows under MEMPLOT_ZOOM=summary (or too coarse for the index to matter).
 */
import { m4AxisOf, type SeriesAnswer } from './series-columns.js';
import { queryBuckets, queryWindow, toSeriesColumns, xValues, type SeriesQuery } from './series-query.js';
import { clipWindow, seriesEnd, summaryColumns } from './summary-series.js';
import type { ProfileSummary } from './summary.js';

export type ZoomMode = 'full' | 'summary';

/**
 * The summary's columns for a query; `defaultBuckets` when the query names none (at most the
 * summary's own bucket count are returned whatever is asked: that is its resolution).
 */
export function summarySeriesAnswer(summary: ProfileSummary, query: SeriesQuery, defaultBuckets: number, zoom: ZoomMode = 'summary'): SeriesAnswer {
  const series = summary.m4[m4AxisOf(query.axis)];
  const start = summary.stats.time.start;
  const end = seriesEnd(series);
  const buckets = queryBuckets(query, defaultBuckets);
  const window = queryWindow(query, start, end);
  const { columns, group } = summaryColumns(series, window, buckets);
  const x = xValues(query.axis, start);
  // The asked window (clipped to the run), widened to the columns' edges where they snap outward.
  const clipped = clipWindow(window ?? { from: 0, to: end }, end);
  const covered = columns.length === 0 ? clipped : { from: Math.min(clipped.from, columns[0]!.from), to: Math.max(clipped.to, columns[columns.length - 1]!.to) };
  const singleCalls = query.axis === 'calls' && series.bucketWidth === 1 && group === 1;
  return {
    axis: query.axis,
    from: x(covered.from),
    to: x(covered.to),
    columns: toSeriesColumns(columns, x),
    resolution: { source: singleCalls ? 'calls' : 'summary', finest: singleCalls || (zoom === 'summary' && group === 1), zoom },
  };
}
