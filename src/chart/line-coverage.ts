/**
 * Which pixels a data line covers, one vertical span per pixel column of the plot: lets a label
 * be placed where it hides the least of the line (a continuous line covers, in each pixel column,
 * one span from its lowest to its highest value there).
 */
import type { M4Columns, M4Series } from '../aggregate/summary.js';
import { bucketSpan } from './chart-data.js';
import type { Box } from './label-layout.js';
import type { LinearScale } from './scales.js';

export interface CoverageLine {
  series: M4Series;
  columns: Pick<M4Columns, 'first' | 'last' | 'min' | 'max'>;
  /** Value held until the next entry (time axis) rather than a straight line to it. */
  step: boolean;
  /** The line's own value scale (the stack on its right axis); the chart's otherwise. */
  y?: LinearScale;
  /** The line's own position scale (a run aligned by progress on the chart of two runs); the chart's otherwise. */
  x?: LinearScale;
}

export interface LineCoverage {
  left: number;
  /** Per pixel column from `left`: top and bottom pixel of the lines there (top > bottom: no line). */
  top: Float64Array;
  bottom: Float64Array;
}

/**
 * The part of the segment (xa, va)–(xb, vb) with x in [left, right], values interpolated along it;
 * null when it lies wholly outside (or an end is not a number).
 */
export function clipToColumns(xa: number, xb: number, va: number, vb: number, left: number, right: number): [number, number, number, number] | null {
  if (!Number.isFinite(xa) || !Number.isFinite(xb)) return null;
  if (Math.max(xa, xb) < left || Math.min(xa, xb) > right) return null;
  if (xa === xb) return [xa, xb, va, vb];
  const at = (x: number) => va + ((vb - va) * (x - xa)) / (xb - xa);
  const x0 = Math.min(right, Math.max(left, xa));
  const x1 = Math.min(right, Math.max(left, xb));
  return [x0, x1, x0 === xa ? va : at(x0), x1 === xb ? vb : at(x1)];
}

/** Pixel spans of the lines, over pixel columns [left, right). */
export function lineCoverage(lines: readonly CoverageLine[], x: LinearScale, y: LinearScale, left: number, right: number): LineCoverage {
  const start = Math.floor(left);
  const columns = Math.max(0, Math.ceil(right) - start);
  const top = new Float64Array(columns).fill(Infinity);
  const bottom = new Float64Array(columns).fill(-Infinity);
  let scale = y;
  const cover = (xa: number, xb: number, va: number, vb: number) => {
    const ya = scale(va);
    const yb = scale(vb);
    const from = Math.max(0, Math.floor(Math.min(xa, xb)) - start);
    const to = Math.min(columns - 1, Math.floor(Math.max(xa, xb)) - start);
    for (let c = from; c <= to; c += 1) {
      top[c] = Math.min(top[c], ya, yb);
      bottom[c] = Math.max(bottom[c], ya, yb);
    }
  };
  for (const { series, columns: values, step, y: own, x: ownX } of lines) {
    scale = own ?? y;
    const position = ownX ?? x;
    let previous: { x: number; value: number } | null = null;
    for (let b = 0; b < series.count.length; b += 1) {
      if (series.count[b] === 0) continue;
      const span = bucketSpan(series, b);
      const xs = position(span.start);
      const xe = position(span.end);
      if (previous) {
        if (step) {
          cover(previous.x, xs, previous.value, previous.value);
          cover(xs, xs, previous.value, values.first[b]);
        } else {
          // A straight line: split it per pixel column so a long diagonal is not taken for a block,
          // over its part inside the columns only (so the work is bounded by them, however far
          // outside the plot its ends are).
          const inside = clipToColumns(previous.x, xs, previous.value, values.first[b], start, start + columns);
          if (inside) {
            const [x0, x1, value0, value1] = inside;
            const columnsAcross = Math.max(1, Math.ceil(Math.abs(x1 - x0)));
            for (let i = 0; i < columnsAcross; i += 1) {
              const v0 = value0 + ((value1 - value0) * i) / columnsAcross;
              const v1 = value0 + ((value1 - value0) * (i + 1)) / columnsAcross;
              cover(x0 + ((x1 - x0) * i) / columnsAcross, x0 + ((x1 - x0) * (i + 1)) / columnsAcross, v0, v1);
            }
          }
        }
      }
      cover(xs, xe, values.min[b], values.max[b]);
      previous = { x: xe, value: values.last[b] };
    }
  }
  return { left: start, top, bottom };
}

/** Pixel columns of the box in which a line passes through it. */
export function coveredColumns(coverage: LineCoverage, box: Box): number {
  const from = Math.max(0, Math.floor(box.x0) - coverage.left);
  const to = Math.min(coverage.top.length - 1, Math.ceil(box.x1) - coverage.left - 1);
  let count = 0;
  for (let c = from; c <= to; c += 1) {
    if (coverage.top[c] <= box.y1 && coverage.bottom[c] >= box.y0) count += 1;
  }
  return count;
}

/**
 * coveredColumns in constant time per box for boxes of the same top and bottom: the label layout
 * tries many boxes along each row, so the columns a row's band crosses are counted once (one
 * pass over the plot's columns) into running totals, and each box takes a difference of two.
 */
export function rowCoverageCounter(coverage: LineCoverage): (box: Box) => number {
  const columns = coverage.top.length;
  const running = new Int32Array(columns + 1);
  let rowTop = Number.NaN;
  let rowBottom = Number.NaN;
  return (box) => {
    if (box.y0 !== rowTop || box.y1 !== rowBottom) {
      rowTop = box.y0;
      rowBottom = box.y1;
      for (let c = 0; c < columns; c += 1) running[c + 1] = running[c] + (coverage.top[c] <= box.y1 && coverage.bottom[c] >= box.y0 ? 1 : 0);
    }
    const from = Math.max(0, Math.floor(box.x0) - coverage.left);
    const to = Math.min(columns - 1, Math.ceil(box.x1) - coverage.left - 1);
    return to < from ? 0 : running[to + 1] - running[from];
  };
}
