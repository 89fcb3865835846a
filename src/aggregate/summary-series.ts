/**
 * Series columns from M4 buckets of one width (the stored summary's, a zoom index level's, or
 * single calls): any window, at most `buckets` columns, each column a whole number of buckets on
 * a grid aligned to multiples of that number (so panning keeps the same columns), its x range the
 * exact range of positions its buckets cover. Every column is then exactly the M4 of the entries
 * in its [from, to), by construction. Costs one step per bucket in the window, and the planner
 * never picks more than `buckets` × the ratio between neighbouring widths of them.
 */
import type { M4Values } from './series-columns.js';
import type { M4Series } from './summary.js';

/** A window of positions (entry index, or ticks since the start time), `to` exclusive. */
export interface PositionWindow {
  from: number;
  to: number;
}

/** A column with positions as numbers; series-query.ts turns them into the axis' x values. */
export interface PositionColumn {
  from: number;
  to: number;
  heap: M4Values;
  stack: M4Values;
  total: M4Values;
}

/**
 * Consecutive buckets of one width, `first` being the index of the first one held: the arrays are
 * indexed from there. `count` may be null when every bucket holds entries (the calls axis).
 */
export interface BucketRun {
  width: number;
  first: number;
  count: ArrayLike<number> | null;
  heap: { first: ArrayLike<number>; last: ArrayLike<number>; min: ArrayLike<number>; max: ArrayLike<number> };
  stack: { first: ArrayLike<number>; last: ArrayLike<number>; min: ArrayLike<number>; max: ArrayLike<number> };
  total: { min: ArrayLike<number>; max: ArrayLike<number> };
}

/**
 * The first position in bucket b of width `width`: the smallest integer t ≥ 0 the accumulator
 * places at bucket b or later (it places t at floor(t / width); widths on the time axis can be
 * fractional, so the product alone can be off by one either way).
 */
export function bucketBoundary(bucket: number, width: number): number {
  if (bucket <= 0) return 0;
  let t = Math.ceil(bucket * width);
  // Past 2^53, t ± 1 rounds back to t: positions there are not integers a double can step
  // through, and the product is as exact as they are. Below, the product is off by a step or two.
  if (!Number.isSafeInteger(t)) return t;
  for (let step = 0; step < 4 && t > 0 && Math.floor((t - 1) / width) >= bucket; step++) t--;
  for (let step = 0; step < 4 && Math.floor(t / width) < bucket; step++) t++;
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

/**
 * Which buckets a window's columns merge: `group` buckets per column, columns c0 … c1 − 1 on
 * the grid of multiples of `group`, i.e. buckets [firstBucket, endBucket) of the `length` there are.
 */
export interface ColumnPlan {
  width: number;
  group: number;
  c0: number;
  c1: number;
  firstBucket: number;
  endBucket: number;
  /** The clipped window (empty: no columns). */
  window: PositionWindow;
  end: number;
}

/**
 * The smallest group (buckets per column) from ⌈n / buckets⌉ up that fits [first, last) in at most
 * `buckets` aligned columns: a few tries, then a group that fits by arithmetic (never a loop as
 * long as the positions, which on the time axis can be 2^64 ticks).
 */
function fitGroup(first: number, last: number, buckets: number): number {
  const fits = (group: number) => Math.ceil(last / group) - Math.floor(first / group) <= buckets;
  const smallest = Math.max(1, Math.ceil((last - first) / buckets));
  // By offset, not group++: past 2^53 the increment would be lost and the loop never end.
  for (let k = 0; k < 4; k++) if (fits(smallest + k)) return smallest + k;
  // ⌈last/g⌉ − ⌊first/g⌋ < (last − first)/g + 2: g ≥ (last − first)/(buckets − 2) fits; with one or two columns, g ≥ last does.
  if (buckets >= 3) return Math.max(smallest, Math.ceil((last - first) / (buckets - 2)));
  return Math.max(smallest, buckets === 2 ? Math.ceil(last / 2) : last);
}

/** Plans the columns of a window over `length` buckets of `width` covering positions [0, end). */
export function planColumns(width: number, length: number, end: number, window: PositionWindow | null, buckets: number): ColumnPlan {
  const clipped = clipWindow(window ?? { from: 0, to: end }, end);
  if (clipped.from >= clipped.to || length === 0) return { width, group: 1, c0: 0, c1: 0, firstBucket: 0, endBucket: 0, window: clipped, end };
  const first = Math.min(length, Math.floor(clipped.from / width));
  const last = Math.min(length, Math.floor((clipped.to - 1) / width) + 1);
  const group = fitGroup(first, last, buckets);
  const c0 = Math.floor(first / group);
  const c1 = Math.ceil(last / group);
  return { width, group, c0, c1, firstBucket: c0 * group, endBucket: Math.min(length, c1 * group), window: clipped, end };
}

/** The columns of a plan from a run holding (at least) its buckets [firstBucket, endBucket). */
export function mergeColumns(plan: ColumnPlan, run: BucketRun): PositionColumn[] {
  const { width, group, c0, c1, end } = plan;
  const { count, heap, stack, total } = run;
  const columns: PositionColumn[] = [];
  for (let c = c0; c < c1; c++) {
    const lo = Math.max(plan.firstBucket, c * group);
    const hi = Math.min(plan.endBucket, (c + 1) * group);
    let column: PositionColumn | null = null;
    for (let b = lo; b < hi; b++) {
      const i = b - run.first;
      if (count && count[i] === 0) continue;
      if (!column) {
        column = {
          from: bucketBoundary(c * group, width),
          to: Math.min(end, bucketBoundary((c + 1) * group, width)),
          heap: [heap.first[i]!, heap.last[i]!, heap.min[i]!, heap.max[i]!],
          stack: [stack.first[i]!, stack.last[i]!, stack.min[i]!, stack.max[i]!],
          total: [heap.first[i]! + stack.first[i]!, 0, total.min[i]!, total.max[i]!],
        };
      } else {
        if (heap.min[i]! < column.heap[2]) column.heap[2] = heap.min[i]!;
        if (heap.max[i]! > column.heap[3]) column.heap[3] = heap.max[i]!;
        if (stack.min[i]! < column.stack[2]) column.stack[2] = stack.min[i]!;
        if (stack.max[i]! > column.stack[3]) column.stack[3] = stack.max[i]!;
        if (total.min[i]! < column.total[2]) column.total[2] = total.min[i]!;
        if (total.max[i]! > column.total[3]) column.total[3] = total.max[i]!;
      }
      column.heap[1] = heap.last[i]!;
      column.stack[1] = stack.last[i]!;
      column.total[1] = heap.last[i]! + stack.last[i]!;
    }
    if (column) columns.push(column);
  }
  return columns;
}

/** The summary's M4 series as a run of buckets. */
export function summaryRun(series: M4Series): BucketRun {
  return { width: series.bucketWidth, first: 0, count: series.count, heap: series.heap, stack: series.stack, total: series.total };
}

/**
 * The columns of the summary series in a window (null: all of it), at most `buckets` of them,
 * and how many summary buckets each merges (1: the summary's own resolution).
 */
export function summaryColumns(series: M4Series, window: PositionWindow | null, buckets: number): { columns: PositionColumn[]; group: number } {
  const plan = planColumns(series.bucketWidth, series.count.length, seriesEnd(series), window, buckets);
  return { columns: mergeColumns(plan, summaryRun(series)), group: plan.group };
}
