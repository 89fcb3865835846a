/**
 * head − base along the progress axis. Both runs' M4 series are resampled onto the same columns,
 * one per pixel column of the plot, each covering an equal slice of progress (0–100 % of each
 * run's calls, or of its time): a run's value in a column is the largest value (M4 max) of its
 * buckets whose middle falls in that slice; a column none of its buckets falls in holds the run's
 * last value before it (the heap stays what it was until the next call). The diff is the head's
 * value minus the base's, column by column: "how much more memory did head hold at its highest
 * point in this part of its run". Work: one step per summary bucket and per column.
 */
import { bucketSpan } from '../chart-data.js';
import type { AlignedRun } from './aligned-run.js';

/** The run's value per progress column (NaN before its first entry). */
export function progressColumns(run: AlignedRun, columns: number): Float64Array {
  const { series, values } = run;
  const max = new Float64Array(columns).fill(Number.NaN);
  const last = new Float64Array(columns).fill(Number.NaN);
  const length = Math.max(1, series.maxPosition);
  for (let b = 0; b < series.count.length; b += 1) {
    if (series.count[b] === 0) continue;
    const { start, end } = bucketSpan(series, b);
    const column = Math.min(columns - 1, Math.max(0, Math.floor((((start + end) / 2) / length) * columns)));
    max[column] = Number.isNaN(max[column]) ? values.max[b] : Math.max(max[column], values.max[b]);
    last[column] = values.last[b];
  }
  let held = Number.NaN;
  for (let c = 0; c < columns; c += 1) {
    if (Number.isNaN(max[c])) max[c] = held;
    else held = last[c];
  }
  return max;
}

export interface ProgressDiff {
  /** head − base per column (NaN where a run has no value yet). */
  values: Float64Array;
  /** Columns of the largest increase and the largest decrease, or -1 when there is none. */
  largestIncrease: number;
  largestDecrease: number;
}

export function progressDiff(base: AlignedRun, head: AlignedRun, columns: number): ProgressDiff {
  const baseValues = progressColumns(base, columns);
  const headValues = progressColumns(head, columns);
  const values = new Float64Array(columns);
  let largestIncrease = -1;
  let largestDecrease = -1;
  for (let c = 0; c < columns; c += 1) {
    const value = headValues[c] - baseValues[c];
    values[c] = value;
    if (value > 0 && (largestIncrease < 0 || value > values[largestIncrease])) largestIncrease = c;
    if (value < 0 && (largestDecrease < 0 || value < values[largestDecrease])) largestDecrease = c;
  }
  return { values, largestIncrease, largestDecrease };
}

/** The values above zero (others NaN), and those below: each drawn as its own area from zero. */
export function splitBySign(values: Float64Array): { above: Float64Array; below: Float64Array } {
  const above = values.map((value) => (value > 0 ? value : Number.NaN));
  const below = values.map((value) => (value < 0 ? value : Number.NaN));
  return { above, below };
}
