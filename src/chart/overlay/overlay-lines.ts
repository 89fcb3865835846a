/**
 * The two runs' lines, each an M4 ribbon (m4-path.ts) on its own position scale: the base under,
 * in grey, dashed by filling its ribbon with a pattern of vertical stripes (a ribbon is a filled
 * outline, not a stroke, so stroke-dasharray cannot dash it; stripes dash it along x however dense
 * the line); the head over it, in colour, with a halo in the background colour.
 */
import type { LineInterpolation } from '../m4-path.js';
import { m4LinePath } from '../m4-path.js';
import { linearScale, type LinearScale } from '../scales.js';
import { svgElement, type SvgElement } from '../svg-node.js';
import type { AlignedRun } from './aligned-run.js';
import { BASE_DASH } from './overlay-palette.js';

/** Id of the stripe pattern of the base line (one per document: deterministic). */
export const BASE_DASH_PATTERN_ID = 'memplot-overlay-base-dash';

export interface OverlayLinesOptions {
  base: AlignedRun;
  head: AlignedRun;
  /** The chart's left and right edge: each run's positions are spread over them. */
  range: readonly [number, number];
  y: LinearScale;
  pixelRatio: number;
  interpolation: LineInterpolation;
  lineWidth: number;
  colors: { base: string; head: string; background: string };
  /** The halo under the head line, or none (the classic theme). */
  halo: boolean;
}

/** The run's positions spread over the chart's width. */
export function runScale(run: AlignedRun, range: readonly [number, number]): LinearScale {
  return linearScale(run.domain, range);
}

/** defs (the stripe pattern) and the line paths, base first; none for a run without entries. */
export function overlayLines(options: OverlayLinesOptions): SvgElement[] {
  const { base, head, y, colors } = options;
  const path = (run: AlignedRun, width: number) =>
    m4LinePath(run.series, run.values, { x: runScale(run, options.range), y, pixelRatio: options.pixelRatio, interpolation: options.interpolation, lineWidth: width });
  const elements: SvgElement[] = [];
  const baseWidth = Math.max(1.5, options.lineWidth);
  const baseD = path(base, baseWidth);
  if (baseD) {
    const period = BASE_DASH.on + BASE_DASH.off;
    elements.push(
      svgElement('defs', {}, [
        svgElement('pattern', { id: BASE_DASH_PATTERN_ID, patternUnits: 'userSpaceOnUse', x: options.range[0], y: 0, width: period, height: period }, [
          svgElement('rect', { width: BASE_DASH.on, height: period, fill: colors.base }),
        ]),
      ]),
      svgElement('path', { class: 'line-base', d: baseD, fill: `url(#${BASE_DASH_PATTERN_ID})` }),
    );
  }
  const headD = path(head, options.lineWidth);
  if (headD) {
    if (options.halo) elements.push(svgElement('path', { class: 'halo-head', d: path(head, options.lineWidth + 2), fill: colors.background }));
    elements.push(svgElement('path', { class: 'line-head', d: headD, fill: colors.head }));
  }
  return elements;
}
