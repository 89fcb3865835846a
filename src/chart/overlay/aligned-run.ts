/**
 * One run of a chart of two runs, read from its summary: the M4 series of the chosen x axis, the
 * quantity compared (heap, or heap + stack with `total`), its extent and peak, and the positions
 * that span the chart's x axis — the run's own length when aligned by progress (so both runs go
 * from 0 to 100 %), the longer run's when aligned by absolute position.
 */
import type { M4Columns, M4Series, ProfileSummary } from '../../aggregate/summary.js';
import type { ComparePlotOptions } from '../../options/plot-options.js';
import { chartData, positionOfMax, ticksSinceStart, type ValueExtent } from '../chart-data.js';

export interface AlignedRun {
  name: string;
  summary: ProfileSummary;
  series: M4Series;
  /** Heap, or heap + stack of each entry with `total`. */
  values: M4Columns;
  extent: ValueExtent | null;
  /** The compared quantity's peak and where it is, in the run's own positions; null with no entries. */
  peak: { value: number; position: number } | null;
  /** The run's positions [0, end] that the chart's x axis spans. */
  domain: [number, number];
}

/** The run before alignment: `domain` is its own length. */
export function readRun(summary: ProfileSummary, name: string, options: Pick<ComparePlotOptions, 'axis' | 'total'>): AlignedRun {
  const data = chartData(summary, options);
  const values = options.total ? data.total : data.heap;
  const extent = options.total ? data.totalExtent : data.heapExtent;
  const { stats } = summary;
  let peak: AlignedRun['peak'] = null;
  if (!options.total && stats.peakHeapAt) {
    peak = { value: stats.peak.heap, position: options.axis === 'time' ? ticksSinceStart(summary, stats.peakHeapAt.time) : stats.peakHeapAt.index };
  } else if (options.total && stats.entries > 0) {
    const position = positionOfMax(data.series, data.total, stats.peak.total);
    if (position !== null) peak = { value: stats.peak.total, position };
  }
  return { name, summary, series: data.series, values, extent, peak, domain: data.xDomain };
}

/**
 * Both runs with the domains the chart's x axis spans, and the chart's own x domain: [0, 100] (%)
 * by progress, the longer run's positions when absolute.
 */
export function alignRuns(base: AlignedRun, head: AlignedRun, align: ComparePlotOptions['align']): { base: AlignedRun; head: AlignedRun; xDomain: [number, number] } {
  if (align === 'progress') return { base, head, xDomain: [0, 100] };
  const xDomain: [number, number] = [0, Math.max(base.domain[1], head.domain[1])];
  return { base: { ...base, domain: xDomain }, head: { ...head, domain: xDomain }, xDomain };
}

/** A position of the run on the chart's x axis. */
export function chartPosition(run: AlignedRun, xDomain: readonly [number, number], position: number): number {
  return (position / run.domain[1]) * xDomain[1];
}
