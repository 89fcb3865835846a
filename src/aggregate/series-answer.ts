/**
 * Series answers: from the stored summary alone (`series.json`, `series.csv`, `memplot series`,
 * zoom windows under MEMPLOT_ZOOM=summary), or from the zoom index when a window asks for more
 * detail than the summary has (zoom-read.ts).
 */
import { m4AxisOf, type SeriesAnswer, type SeriesResolution } from './series-columns.js';
import { queryBuckets, queryWindow, toSeriesColumns, xValues, type SeriesQuery } from './series-query.js';
import { clipWindow, seriesEnd, summaryColumns, type PositionColumn, type PositionWindow } from './summary-series.js';
import type { ProfileSummary } from './summary.js';
import { zoomCallColumns, zoomTimeColumns, type ZoomPieceSource } from './zoom-read.js';
import type { ZoomDirectory } from './zoom-index.js';

export type ZoomMode = 'full' | 'summary';

/** A stored zoom index: what it holds, and how to read its pieces. */
export interface ZoomIndexSource {
  directory: ZoomDirectory;
  read: ZoomPieceSource;
}

function answer(summary: ProfileSummary, query: SeriesQuery, window: PositionWindow | null, end: number, columns: PositionColumn[], resolution: SeriesAnswer['resolution']): SeriesAnswer {
  const x = xValues(query.axis, summary.stats.time.start);
  // The asked window (clipped to the run), widened to the columns' edges where they snap outward.
  const clipped = clipWindow(window ?? { from: 0, to: end }, end);
  const covered = columns.length === 0 ? clipped : { from: Math.min(clipped.from, columns[0]!.from), to: Math.max(clipped.to, columns[columns.length - 1]!.to) };
  return { axis: query.axis, from: x(covered.from), to: x(covered.to), columns: toSeriesColumns(columns, x), resolution };
}

/**
 * The summary's columns for a query; `defaultBuckets` when the query names none (at most the
 * summary's own bucket count are returned whatever is asked: that is its resolution).
 */
export function summarySeriesAnswer(summary: ProfileSummary, query: SeriesQuery, defaultBuckets: number, zoom: ZoomMode = 'summary'): SeriesAnswer {
  const series = summary.m4[m4AxisOf(query.axis)];
  const end = seriesEnd(series);
  const buckets = queryBuckets(query, defaultBuckets);
  const window = queryWindow(query, summary.stats.time.start, end);
  const { columns, group } = summaryColumns(series, window, buckets);
  const singleCalls = query.axis === 'calls' && series.bucketWidth === 1 && group === 1;
  const source: SeriesResolution = singleCalls ? 'calls' : 'summary';
  // Under MEMPLOT_ZOOM=full a window that needs finer columns is answered from the index (zoomSeriesAnswer).
  return answer(summary, query, window, end, columns, { source, finest: singleCalls || (zoom === 'summary' && group === 1), zoom });
}

/**
 * A window at the finest resolution this server keeps: the zoom index's when there is one and
 * the window asks for more detail than the summary has, else the summary's.
 */
export async function zoomSeriesAnswer(summary: ProfileSummary, query: SeriesQuery, defaultBuckets: number, zoom: ZoomMode, index: ZoomIndexSource | null): Promise<SeriesAnswer> {
  if (zoom === 'summary' || !index) return summarySeriesAnswer(summary, query, defaultBuckets, zoom);
  const series = summary.m4[m4AxisOf(query.axis)];
  const end = seriesEnd(series);
  const buckets = queryBuckets(query, defaultBuckets);
  const window = queryWindow(query, summary.stats.time.start, end) ?? { from: 0, to: end };
  const zoomed =
    query.axis === 'calls'
      ? await zoomCallColumns(index.directory, index.read, window, buckets, series.bucketWidth)
      : await zoomTimeColumns(index.directory, index.read, window, buckets, series);
  if (!zoomed) return summarySeriesAnswer(summary, query, defaultBuckets, zoom);
  return answer(summary, query, window, end, zoomed.columns, { source: zoomed.source, finest: zoomed.finest, zoom });
}
