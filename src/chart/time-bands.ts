/**
 * How time advances along the calls axis: a strip under the plot area whose bands alternate at
 * every 10 % of the run's time (memusagestat's yellow-green bands). The time axis' M4 series
 * counts entries per time bucket, so cumulative counts map a time to an entry index.
 */
import type { M4Series } from '../aggregate/summary.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, type SvgElement } from './svg-node.js';

/**
 * Entry indices at which 0 %, 10 %, …, 100 % of the run's time (from the header start to the
 * latest entry) has passed: 11 values, interpolated inside a time bucket. Empty with no entries.
 */
export function timeFractionIndices(timeSeries: M4Series, fractions = 10): number[] {
  const entries = timeSeries.count.reduce((sum, count) => sum + count, 0);
  if (entries === 0 || timeSeries.maxPosition < 0) return [];
  const cumulative = new Array<number>(timeSeries.count.length + 1);
  cumulative[0] = 0;
  for (let b = 0; b < timeSeries.count.length; b += 1) cumulative[b + 1] = cumulative[b] + timeSeries.count[b];
  const span = Math.max(timeSeries.maxPosition, 1);
  const width = timeSeries.bucketWidth;
  const indices: number[] = [];
  for (let k = 0; k <= fractions; k += 1) {
    if (k === fractions) {
      indices.push(entries);
      continue;
    }
    const time = (span * k) / fractions;
    const bucket = Math.min(timeSeries.count.length - 1, Math.floor(time / width));
    const within = Math.min(1, Math.max(0, time / width - bucket));
    indices.push(cumulative[bucket] + timeSeries.count[bucket] * within);
  }
  return indices;
}

export interface TimeBandsOptions {
  x: LinearScale;
  top: number;
  height: number;
  colors: readonly [string, string];
}

/** The band strip: one rectangle per 10 % of the time, alternating colours; none without entries. */
export function timeBands(timeSeries: M4Series, options: TimeBandsOptions): SvgElement | null {
  const indices = timeFractionIndices(timeSeries);
  if (indices.length < 2) return null;
  const [domainStart, domainEnd] = options.x.domain;
  const rects: SvgElement[] = [];
  for (let k = 0; k + 1 < indices.length; k += 1) {
    // Entry i is drawn at position i; the band of entries [a, b) spans positions a … b - 1, widened by half an entry each side.
    const from = Math.max(domainStart, indices[k] - 0.5);
    const to = Math.min(domainEnd, indices[k + 1] - 0.5);
    const x0 = roundCoordinate(options.x(from));
    const x1 = roundCoordinate(options.x(Math.max(from, to)));
    if (x1 <= x0) continue;
    rects.push(
      svgElement('rect', { x: x0, y: roundCoordinate(options.top), width: roundCoordinate(x1 - x0), height: roundCoordinate(options.height), fill: options.colors[k % 2] }),
    );
  }
  return svgGroup({ class: 'time-bands' }, rects);
}
