/**
 * Heap growth and shrink in each pixel column: each bucket's net change (its last heap value less
 * the previous bucket's, the first from zero) summed apart by sign over the buckets whose start
 * falls in the column. The summary keeps first, last, min and max per bucket, not each step, so
 * a bucket that grew and shrank by the same amount counts as no change: the panel shows where the
 * heap moved at the resolution of the chart, not every call.
 */
import type { M4Columns, M4Series } from '../aggregate/summary.js';
import { bucketSpan } from './chart-data.js';
import type { LinearScale } from './scales.js';

export interface HeapChangeColumns {
  /** Bytes gained (≥ 0) and lost (≤ 0) per pixel column. */
  growth: Float64Array;
  shrink: Float64Array;
}

export function heapChangeColumns(series: M4Series, heap: Pick<M4Columns, 'last'>, x: LinearScale, left: number, columns: number): HeapChangeColumns {
  const growth = new Float64Array(columns);
  const shrink = new Float64Array(columns);
  let previous = 0;
  for (let b = 0; b < series.count.length; b += 1) {
    if (series.count[b] === 0) continue;
    const change = heap.last[b] - previous;
    previous = heap.last[b];
    const column = Math.min(columns - 1, Math.max(0, Math.floor(x(bucketSpan(series, b).start) - left)));
    if (change > 0) growth[column] += change;
    else shrink[column] += change;
  }
  return { growth, shrink };
}
