/** The plot area's clip path: marks drawn inside it cannot paint over axes, bands or labels. */
import type { PlotArea } from './layout.js';
import { roundCoordinate, svgElement, svgGroup, type SvgElement } from './svg-node.js';

/** Id of the clip path that keeps the series inside the plot area (one per document: deterministic). */
export const PLOT_CLIP_ID = 'memplot-plot-area';

/**
 * The clip path and the marks clipped to it: the plot area widened by `margin` (half the thickest
 * line, halo included) so that a line at zero or at the top keeps its full width.
 */
export function clippedToPlot(area: PlotArea, margin: number, marks: readonly SvgElement[]): SvgElement[] {
  return [
    svgElement('defs', {}, [
      svgElement('clipPath', { id: PLOT_CLIP_ID }, [
        svgElement('rect', {
          x: roundCoordinate(area.left - margin), y: roundCoordinate(area.top - margin),
          width: roundCoordinate(area.width + 2 * margin), height: roundCoordinate(area.height + 2 * margin),
        }),
      ]),
    ]),
    svgGroup({ 'clip-path': `url(#${PLOT_CLIP_ID})` }, marks),
  ];
}
