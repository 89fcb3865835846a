/** The horizontal axis under the plot: base line, tick marks, labels that never overlap, title. */
import type { AxisTicks } from './nice-ticks.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { textWidth } from './text-metrics.js';

export interface XAxisOptions {
  scale: LinearScale;
  ticks: AxisTicks['ticks'];
  /** y of the axis line (the bottom of the plot, or of the band strip under it). */
  y: number;
  title: string | null;
  titleY: number;
  fontSize: number;
  imageWidth: number;
  labelColor: string;
  titleColor: string;
  lineColor: string;
  tickLength: number;
}

interface PlacedLabel {
  x: number;
  anchor: 'start' | 'middle' | 'end';
  label: string;
  from: number;
  to: number;
}

/** Labels centred under their ticks, pushed inside the image at its edges, skipped where they would touch the previous one. */
function placeLabels(options: XAxisOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const gap = options.fontSize * 0.8;
  for (const tick of options.ticks) {
    const x = options.scale(tick.value);
    const width = textWidth(tick.label, { size: options.fontSize });
    let anchor: PlacedLabel['anchor'] = 'middle';
    let from = x - width / 2;
    if (from < 1) {
      anchor = 'start';
      from = x;
    } else if (x + width / 2 > options.imageWidth - 1) {
      anchor = 'end';
      from = x - width;
    }
    const previous = placed[placed.length - 1];
    if (previous && from < previous.to + gap) continue;
    placed.push({ x, anchor, label: tick.label, from, to: from + width });
  }
  return placed;
}

export function xAxis(options: XAxisOptions): SvgElement {
  const [left, right] = options.scale.range;
  const y = roundCoordinate(options.y);
  const labels = placeLabels(options);
  const marks = labels.map((label) => `M${roundCoordinate(label.x)},${y}v${options.tickLength}`).join('');
  const labelY = roundCoordinate(y + options.tickLength + options.fontSize * 1.05);
  const elements: SvgElement[] = [
    svgElement('path', { d: `M${roundCoordinate(left)},${y}H${roundCoordinate(right)}${marks}`, stroke: options.lineColor, 'stroke-width': 1, fill: 'none' }),
    svgGroup(
      { fill: options.labelColor, 'font-size': options.fontSize },
      labels.map((label) => svgText({ x: roundCoordinate(label.x), y: labelY, 'text-anchor': label.anchor }, label.label)),
    ),
  ];
  if (options.title) {
    elements.push(
      svgText(
        { x: roundCoordinate((left + right) / 2), y: roundCoordinate(options.titleY), 'text-anchor': 'middle', 'font-size': options.fontSize, fill: options.titleColor },
        options.title,
      ),
    );
  }
  return svgGroup({ class: 'axis-bottom' }, elements);
}
