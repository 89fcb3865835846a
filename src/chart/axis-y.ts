/** A vertical value axis (heap on the left, stack on the right): tick labels and a rotated title. */
import type { AxisTicks } from './nice-ticks.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { textWidth } from './text-metrics.js';

export interface YAxisOptions {
  side: 'left' | 'right';
  scale: LinearScale;
  ticks: AxisTicks['ticks'];
  /** x of the plot edge the axis belongs to. */
  edgeX: number;
  title: string | null;
  /** x of the rotated title's centre line. */
  titleX: number;
  /** y of the title's middle; the middle of the axis when not given. */
  titleY?: number;
  fontSize: number;
  labelColor: string;
  titleColor: string;
  tickColor: string;
  tickLength: number;
}

/** Horizontal room the axis needs beside the plot: tick marks, gap, widest label and title. */
export function yAxisWidth(ticks: AxisTicks['ticks'], fontSize: number, tickLength: number, withTitle: boolean): number {
  const widest = Math.max(0, ...ticks.map((tick) => textWidth(tick.label, { size: fontSize })));
  return tickLength + 3 + widest + (withTitle ? Math.round(fontSize * 1.6) : 0);
}

export function yAxis(options: YAxisOptions): SvgElement {
  const direction = options.side === 'left' ? -1 : 1;
  const labelX = roundCoordinate(options.edgeX + direction * (options.tickLength + 3));
  const children: SvgElement[] = [];
  const marks: string[] = [];
  for (const tick of options.ticks) {
    const y = roundCoordinate(options.scale(tick.value));
    marks.push(`M${roundCoordinate(options.edgeX)},${y}h${direction * options.tickLength}`);
    children.push(svgText({ x: labelX, y: roundCoordinate(y + options.fontSize * 0.35) }, tick.label));
  }
  const elements: SvgElement[] = [
    svgElement('path', { d: marks.join(''), stroke: options.tickColor, 'stroke-width': 1, fill: 'none' }),
    svgGroup({ fill: options.labelColor, 'font-size': options.fontSize, 'text-anchor': options.side === 'left' ? 'end' : 'start' }, children),
  ];
  if (options.title) {
    const [top, bottom] = options.scale.range;
    const middle = roundCoordinate(options.titleY ?? (top + bottom) / 2);
    elements.push(
      svgText(
        {
          transform: `translate(${roundCoordinate(options.titleX)},${middle}) rotate(-90)`,
          'text-anchor': 'middle',
          'font-size': options.fontSize,
          fill: options.titleColor,
        },
        options.title,
      ),
    );
  }
  return svgGroup({ class: `axis-${options.side}` }, elements);
}
