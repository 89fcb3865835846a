/** The data lines: stack, heap + stack and heap, each an M4 path on its own scale. */
import type { M4Columns, M4Series } from '../aggregate/summary.js';
import { m4LinePath, type LineInterpolation } from './m4-path.js';
import type { LinearScale } from './scales.js';
import { svgElement, type SvgElement } from './svg-node.js';

export interface SeriesLine {
  name: 'heap' | 'stack' | 'total';
  /** A ribbon this much wider in this colour is drawn first, to part the line from lines below it. */
  halo?: { color: string; width: number };
  values: M4Columns;
  y: LinearScale;
  color: string;
  width: number;
  opacity?: number;
}

export interface SeriesLinesOptions {
  x: LinearScale;
  pixelRatio: number;
  interpolation: LineInterpolation;
}

/** One path element per line, in the given order (later lines are drawn on top); none for a series without entries. */
export function seriesLines(series: M4Series, lines: readonly SeriesLine[], options: SeriesLinesOptions): SvgElement[] {
  const elements: SvgElement[] = [];
  for (const line of lines) {
    const d = m4LinePath(series, line.values, { x: options.x, y: line.y, pixelRatio: options.pixelRatio, interpolation: options.interpolation, lineWidth: line.width });
    if (!d) continue;
    if (line.halo) {
      const haloPath = m4LinePath(series, line.values, { x: options.x, y: line.y, pixelRatio: options.pixelRatio, interpolation: options.interpolation, lineWidth: line.width + line.halo.width });
      elements.push(svgElement('path', { class: `halo-${line.name}`, d: haloPath, fill: line.halo.color }));
    }
    elements.push(
      svgElement('path', {
        class: `line-${line.name}`,
        d,
        fill: line.color,
        ...(line.opacity !== undefined ? { 'fill-opacity': line.opacity } : {}),
      }),
    );
  }
  return elements;
}
