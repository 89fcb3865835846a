/**
 * Entries per unit of time in each pixel column of the plot, from the time axis' M4 series (what
 * heaptrack_gui's "allocations" chart shows): every entry is a memory call, or a profiling-timer
 * sample when the timer was on. Inside a time bucket entries are taken as evenly spread, so the
 * cumulative entry count is piecewise linear in time and its inverse gives the time of an entry:
 * on the time axis a column's rate is entries(t1) − entries(t0) over t1 − t0, on the calls axis
 * it is the column's calls over the time they took. One pass over buckets and columns together.
 */
import type { M4Series, M4Axis } from '../aggregate/summary.js';
import type { LinearScale } from './scales.js';

/** Walks the piecewise-linear cumulative entry count of a time series with a forward-only cursor. */
class CumulativeEntries {
  private bucket = 0;
  private before = 0;
  constructor(private readonly series: M4Series) {}

  /** Entries timed before `time`; times must not decrease between calls. */
  at(time: number): number {
    const { count, bucketWidth } = this.series;
    while (this.bucket < count.length && (this.bucket + 1) * bucketWidth <= time) {
      this.before += count[this.bucket];
      this.bucket += 1;
    }
    if (this.bucket >= count.length) return this.before;
    const within = Math.max(0, time / bucketWidth - this.bucket);
    return this.before + count[this.bucket] * within;
  }

  /** Time at which `entries` entries have been written; entry counts must not decrease between calls. */
  timeOf(entries: number): number {
    const { count, bucketWidth } = this.series;
    while (this.bucket < count.length && this.before + count[this.bucket] < entries) {
      this.before += count[this.bucket];
      this.bucket += 1;
    }
    if (this.bucket >= count.length) return count.length * bucketWidth;
    const share = count[this.bucket] === 0 ? 0 : (entries - this.before) / count[this.bucket];
    return (this.bucket + Math.max(0, share)) * bucketWidth;
  }
}

/**
 * Entries per tick in each of `columns` pixel columns starting at pixel `left`, along `axis` whose
 * positions map to pixels by `x`; NaN where the column holds nothing to measure (past the data).
 */
export function entryRateColumns(timeSeries: M4Series, axis: M4Axis, x: LinearScale, left: number, columns: number): Float64Array {
  const rates = new Float64Array(columns).fill(Number.NaN);
  if (timeSeries.maxPosition < 0 || timeSeries.count.length === 0) return rates;
  const entries = timeSeries.count.reduce((sum, count) => sum + count, 0);
  const cursor = new CumulativeEntries(timeSeries);
  const positionAt = (pixel: number) => x.domain[0] + ((pixel - x.range[0]) / (x.range[1] - x.range[0])) * (x.domain[1] - x.domain[0]);
  const end = axis === 'time' ? Math.max(timeSeries.maxPosition, 1) : entries;
  let from = Math.max(0, positionAt(left));
  let measureFrom = axis === 'time' ? cursor.at(from) : cursor.timeOf(from);
  for (let c = 0; c < columns; c += 1) {
    const to = Math.min(end, positionAt(left + c + 1));
    if (to <= from) break;
    const measureTo = axis === 'time' ? cursor.at(to) : cursor.timeOf(to);
    if (axis === 'time') rates[c] = (measureTo - measureFrom) / (to - from);
    else if (measureTo > measureFrom) rates[c] = (to - from) / (measureTo - measureFrom);
    from = to;
    measureFrom = measureTo;
  }
  return rates;
}
