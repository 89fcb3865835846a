/** Horizontal gridlines at the value ticks, and a stronger zero line when values go below zero. */
import type { AxisTicks } from './nice-ticks.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, type SvgElement } from './svg-node.js';
import type { PlotArea } from './layout.js';

export interface GridOptions {
  y: LinearScale;
  ticks: AxisTicks['ticks'];
  area: PlotArea;
  color: string;
  dash: string | null;
  zeroColor: string;
}

export function horizontalGrid(options: GridOptions): SvgElement {
  const { area } = options;
  const x0 = roundCoordinate(area.left);
  const width = roundCoordinate(area.width);
  const d = options.ticks
    .filter((tick) => tick.value !== 0 || options.y.domain[0] >= 0)
    .map((tick) => `M${x0},${Math.round(options.y(tick.value)) + 0.5}h${width}`)
    .join('');
  const lines: SvgElement[] = [svgElement('path', { d, stroke: options.color, 'stroke-width': 1, fill: 'none', ...(options.dash ? { 'stroke-dasharray': options.dash } : {}) })];
  if (options.y.domain[0] < 0 && options.y.domain[1] > 0) {
    const zero = Math.round(options.y(0)) + 0.5;
    lines.push(svgElement('path', { d: `M${x0},${zero}h${width}`, stroke: options.zeroColor, 'stroke-width': 1, fill: 'none', class: 'zero-line' }));
  }
  return svgGroup({ class: 'grid' }, lines);
}
