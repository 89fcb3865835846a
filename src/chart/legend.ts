/** The legend: a line swatch (or a band swatch) and a label per item, flowed into rows. */
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { textWidth } from './text-metrics.js';

export interface LegendItem {
  label: string;
  color: string;
  /** line: a short stroke; bands: two small blocks in the band colours. */
  swatch: 'line' | 'bands';
  /** Second colour of a bands swatch. */
  secondColor?: string;
  opacity?: number;
  /** A dashed line swatch (stroke-dasharray), for a line drawn dashed. */
  dash?: string;
}

export interface LegendLayout {
  items: { item: LegendItem; x: number; row: number }[];
  rows: number;
}

function swatchWidth(fontSize: number): number {
  return Math.round(fontSize * 1.6);
}

function itemWidth(item: LegendItem, fontSize: number): number {
  return swatchWidth(fontSize) + fontSize * 0.4 + textWidth(item.label, { size: fontSize });
}

/** Items placed left to right, starting a new row when the next one would pass maxWidth. */
export function layoutLegend(items: readonly LegendItem[], fontSize: number, maxWidth: number): LegendLayout {
  const gap = fontSize * 1.4;
  const placed: LegendLayout['items'] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const width = itemWidth(item, fontSize);
    if (x > 0 && x + width > maxWidth) {
      row += 1;
      x = 0;
    }
    placed.push({ item, x, row });
    x += width + gap;
  }
  return { items: placed, rows: placed.length === 0 ? 0 : row + 1 };
}

export interface LegendOptions {
  x: number;
  /** Top of the first row. */
  y: number;
  fontSize: number;
  lineHeight: number;
  lineWidth: number;
  textColor: string;
}

export function legend(layout: LegendLayout, options: LegendOptions): SvgElement {
  const swatch = swatchWidth(options.fontSize);
  const children: SvgElement[] = [];
  for (const { item, x, row } of layout.items) {
    const left = roundCoordinate(options.x + x);
    const middle = roundCoordinate(options.y + row * options.lineHeight + options.lineHeight / 2);
    if (item.swatch === 'line') {
      children.push(
        svgElement('path', {
          d: `M${left},${middle}h${swatch}`,
          stroke: item.color,
          'stroke-width': options.lineWidth + 1,
          fill: 'none',
          ...(item.opacity !== undefined && item.opacity < 1 ? { 'stroke-opacity': item.opacity } : {}),
          ...(item.dash ? { 'stroke-dasharray': item.dash } : {}),
        }),
      );
    } else {
      const half = roundCoordinate(swatch / 2);
      const height = roundCoordinate(options.fontSize * 0.5);
      const top = roundCoordinate(middle - height / 2);
      children.push(svgElement('rect', { x: left, y: top, width: half, height, fill: item.color }));
      children.push(svgElement('rect', { x: roundCoordinate(left + half), y: top, width: half, height, fill: item.secondColor ?? item.color }));
    }
    children.push(svgText({ x: roundCoordinate(left + swatch + options.fontSize * 0.4), y: roundCoordinate(middle + options.fontSize * 0.35) }, item.label));
  }
  return svgGroup({ class: 'legend', 'font-size': options.fontSize, fill: options.textColor }, children);
}
