/**
 * What a chart draws, read from a profile summary: the M4 series of the chosen x axis, the
 * first/last/min/max columns of heap, stack and total, their extents, and where the summary's
 * notable points (peaks, exit) fall along the axis.
 */
import type { M4Columns, M4Series, ProfileSummary } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';

export interface ValueExtent {
  min: number;
  max: number;
}

export interface ChartData {
  series: M4Series;
  heap: M4Columns;
  stack: M4Columns;
  /** heap + stack: first/last from the same entry, min/max as summarised. */
  total: M4Columns;
  /** Extents over non-empty buckets; null with no entries. */
  heapExtent: ValueExtent | null;
  stackExtent: ValueExtent | null;
  totalExtent: ValueExtent | null;
  /** Positions along the axis: [0, last position], at least one unit wide. */
  xDomain: [number, number];
}

function totalColumns(series: M4Series): M4Columns {
  const first = series.heap.first.map((heap, b) => heap + series.stack.first[b]);
  const last = series.heap.last.map((heap, b) => heap + series.stack.last[b]);
  return { first, last, min: series.total.min, max: series.total.max };
}

export function columnsExtent(series: M4Series, columns: M4Columns): ValueExtent | null {
  let min = Infinity;
  let max = -Infinity;
  for (let b = 0; b < series.count.length; b += 1) {
    if (series.count[b] === 0) continue;
    if (columns.min[b] < min) min = columns.min[b];
    if (columns.max[b] > max) max = columns.max[b];
  }
  return min <= max ? { min, max } : null;
}

export function chartData(summary: ProfileSummary, options: Pick<PlotOptions, 'axis'>): ChartData {
  const series = options.axis === 'time' ? summary.m4.time : summary.m4.index;
  const total = totalColumns(series);
  return {
    series,
    heap: series.heap,
    stack: series.stack,
    total,
    heapExtent: columnsExtent(series, series.heap),
    stackExtent: columnsExtent(series, series.stack),
    totalExtent: columnsExtent(series, total),
    xDomain: [0, Math.max(1, series.maxPosition)],
  };
}

/** First and last position a bucket's entries may have; an entry alone sits in the bucket's middle. */
export function bucketSpan(series: M4Series, bucket: number): { start: number; end: number } {
  const width = series.bucketWidth;
  const start = bucket * width;
  // On the index axis positions are whole entry numbers: the last entry of a full bucket is start + width - 1.
  const end = Math.min(series.axis === 'index' ? start + width - 1 : start + width, Math.max(start, series.maxPosition));
  if (series.count[bucket] === 1) {
    const middle = series.axis === 'index' ? start : (start + end) / 2;
    return { start: middle, end: middle };
  }
  return { start, end };
}

/** Ticks since the header's start time of an absolute time given as exact decimal text. */
export function ticksSinceStart(summary: ProfileSummary, absolute: string): number {
  return Number(BigInt(absolute) - BigInt(summary.stats.time.start));
}

/**
 * The position along the axis of the first bucket whose `max` column reaches `value`
 * (the middle of that bucket), or null when no bucket does.
 */
export function positionOfMax(series: M4Series, columns: M4Columns, value: number): number | null {
  for (let b = 0; b < series.count.length; b += 1) {
    if (series.count[b] > 0 && columns.max[b] >= value) {
      const { start, end } = bucketSpan(series, b);
      return series.count[b] === 1 ? start : Math.round((start + end) / 2);
    }
  }
  return null;
}
