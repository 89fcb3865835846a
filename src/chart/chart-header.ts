/** The top of a chart: its title, the legend and the notes, stacked from the top of the image. */
import type { PlotOptions } from '../options/plot-options.js';
import type { ChartSizing } from './layout.js';
import { layoutLegend, legend, type LegendItem } from './legend.js';
import { noteLines, notes, notesHeight } from './notes.js';
import { roundCoordinate, svgText, type SvgElement } from './svg-node.js';
import { fitText } from './text-metrics.js';
import type { ChartTheme } from './themes.js';

export interface ChartHeader {
  elements: SvgElement[];
  /** Where the plot may start. */
  height: number;
}

/** Title (when it fits), legend (left out when minimal) and one tinted note per message. */
export function chartHeader(options: Pick<PlotOptions, 'title' | 'width' | 'height'>, sizing: ChartSizing, theme: ChartTheme, items: readonly LegendItem[], messages: readonly string[]): ChartHeader {
  const { padding, fontSize, lineHeight, density } = sizing;
  const contentWidth = options.width - 2 * padding;
  const elements: SvgElement[] = [];
  let y = padding;
  const title = options.title && (density !== 'minimal' || options.height >= 120) ? fitText(options.title, { size: sizing.titleFontSize, bold: true }, contentWidth) : '';
  if (title) {
    elements.push(svgText({ x: padding, y: roundCoordinate(y + sizing.titleFontSize), 'font-size': sizing.titleFontSize, 'font-weight': 'bold', fill: theme.text, class: 'title' }, title));
    y += Math.round(sizing.titleFontSize * 1.5);
  }
  if (density !== 'minimal') {
    const layout = layoutLegend(items, fontSize, contentWidth);
    elements.push(legend(layout, { x: padding, y, fontSize, lineHeight, lineWidth: theme.lineWidth, textColor: theme.mutedText }));
    y += layout.rows * lineHeight + Math.round(fontSize * 0.4);
  }
  const lines = noteLines(messages, density, fontSize, contentWidth);
  const noteElement = notes(lines, { x: padding, y, width: contentWidth, fontSize, lineHeight, textColor: theme.warningText, background: theme.warningBackground });
  if (noteElement) elements.push(noteElement);
  y += notesHeight(lines, lineHeight, fontSize);
  return { elements, height: Math.round(y + (density === 'minimal' ? 2 : fontSize * 0.5)) };
}
