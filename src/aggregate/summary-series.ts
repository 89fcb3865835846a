/**
 * Series columns from the stored summary's M4 buckets: any window, at most `buckets` columns,
 * each column a whole number of summary buckets on a grid aligned to multiples of that number
 * (so panning keeps the same columns), its x range the exact range of entries its buckets hold.
 * Costs at most one step per summary bucket (8192), whatever the window asked for.
 */
import type { M4Values } from './series-columns.js';
import type { M4Series } from './summary.js';

/** A window of positions (entry index, or ticks since the start time), `to` exclusive. */
export interface PositionWindow {
  from: number;
  to: number;
}

/** A column with positions as numbers; series-answer.ts turns them into the axis' x values. */
export interface PositionColumn {
  from: number;
  to: number;
  heap: M4Values;
  stack: M4Values;
  total: M4Values;
}

/**
 * The first position in bucket b of width `width`: the smallest integer t ≥ 0 the accumulator
 * places at bucket b or later (it places t at floor(t / width); widths on the time axis can be
 * fractional, so the product alone can be off by one either way).
 */
export function bucketBoundary(bucket: number, width: number): number {
  if (bucket <= 0) return 0;
  let t = Math.ceil(bucket * width);
  while (t > 0 && Math.floor((t - 1) / width) >= bucket) t--;
  while (Math.floor(t / width) < bucket) t++;
  return t;
}

/** One past the last position of the series (entries on the calls axis): 0 when empty. */
export function seriesEnd(series: M4Series): number {
  return series.maxPosition + 1;
}

/** The window clipped to the series' positions [0, end). */
export function clipWindow(window: PositionWindow, end: number): PositionWindow {
  const from = Math.min(Math.max(0, window.from), end);
  return { from, to: Math.max(from, Math.min(window.to, end)) };
}

/** How many buckets each column merges, and the first and past-the-last column on that grid. */
function grid(firstBucket: number, endBucket: number, buckets: number): { group: number; c0: number; c1: number } {
  let group = Math.max(1, Math.ceil((endBucket - firstBucket) / buckets));
  for (;;) {
    const c0 = Math.floor(firstBucket / group);
    const c1 = Math.ceil(endBucket / group);
    // Aligning can add a column at either edge; a wider group then fits (at most endBucket tries).
    if (c1 - c0 <= buckets || group >= endBucket) return { group, c0, c1 };
    group++;
  }
}

/**
 * The columns of the summary series in a window (null: all of it), at most `buckets` of them,
 * and how many summary buckets each merges (1: the summary's own resolution).
 */
export function summaryColumns(series: M4Series, window: PositionWindow | null, buckets: number): { columns: PositionColumn[]; group: number } {
  const end = seriesEnd(series);
  const { from, to } = clipWindow(window ?? { from: 0, to: end }, end);
  if (from >= to) return { columns: [], group: 1 };
  const width = series.bucketWidth;
  const length = series.count.length;
  const firstBucket = Math.min(length, Math.floor(from / width));
  const endBucket = Math.min(length, Math.floor((to - 1) / width) + 1);
  const { group, c0, c1 } = grid(firstBucket, endBucket, buckets);
  const { count, heap, stack, total } = series;
  const columns: PositionColumn[] = [];
  for (let c = c0; c < c1; c++) {
    const lo = Math.max(0, c * group);
    const hi = Math.min(length, (c + 1) * group);
    let column: PositionColumn | null = null;
    for (let b = lo; b < hi; b++) {
      if (count[b] === 0) continue;
      if (!column) {
        column = {
          from: bucketBoundary(lo, width),
          to: Math.min(end, bucketBoundary(hi, width)),
          heap: [heap.first[b]!, heap.last[b]!, heap.min[b]!, heap.max[b]!],
          stack: [stack.first[b]!, stack.last[b]!, stack.min[b]!, stack.max[b]!],
          total: [heap.first[b]! + stack.first[b]!, 0, total.min[b]!, total.max[b]!],
        };
      } else {
        column.heap[2] = Math.min(column.heap[2], heap.min[b]!);
        column.heap[3] = Math.max(column.heap[3], heap.max[b]!);
        column.stack[2] = Math.min(column.stack[2], stack.min[b]!);
        column.stack[3] = Math.max(column.stack[3], stack.max[b]!);
        column.total[2] = Math.min(column.total[2], total.min[b]!);
        column.total[3] = Math.max(column.total[3], total.max[b]!);
      }
      column.heap[1] = heap.last[b]!;
      column.stack[1] = stack.last[b]!;
      column.total[1] = heap.last[b]! + stack.last[b]!;
    }
    if (column) columns.push(column);
  }
  return { columns, group };
}
