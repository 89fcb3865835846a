/**
 * What every malloc-tag chart has around its plot: the document (size, font, background, an SVG
 * `<title>`), and a header stacked from the top: title, a caption saying what widths and colours
 * mean, and the notes (warnings, measures that could not be drawn as asked).
 */
import type { PlotOptions } from '../../options/plot-options.js';
import { chartSizing, type ChartSizing } from '../layout.js';
import { noteLines, notes, notesHeight } from '../notes.js';
import { serializeSvg } from '../svg-document.js';
import { roundCoordinate, svgElement, svgText, type SvgElement } from '../svg-node.js';
import { FONT_FAMILY, fitText, wrapText } from '../text-metrics.js';
import { CHART_THEMES, type ChartTheme } from '../themes.js';

export interface ChartFrame {
  sizing: ChartSizing;
  theme: ChartTheme;
  /** Header elements (title, caption, notes) and the y where the plot may start. */
  header: SvgElement[];
  top: number;
}

/** The header of a chart `left`..`left + width` wide; `caption` is wrapped to at most two lines. */
export function chartFrame(options: PlotOptions, caption: string | null, messages: readonly string[], left = 0, width = options.width): ChartFrame {
  const sizing = chartSizing(width, options.height);
  const theme = CHART_THEMES[options.theme];
  const { padding, fontSize, lineHeight, density } = sizing;
  const contentWidth = width - 2 * padding;
  const header: SvgElement[] = [];
  let y = padding;
  const title = options.title && (density !== 'minimal' || options.height >= 120) ? fitText(options.title, { size: sizing.titleFontSize, bold: true }, contentWidth) : '';
  if (title) {
    header.push(svgText({ x: left + padding, y: roundCoordinate(y + sizing.titleFontSize), 'font-size': sizing.titleFontSize, 'font-weight': 'bold', fill: theme.text, class: 'title' }, title));
    y += Math.round(sizing.titleFontSize * 1.5);
  }
  if (caption && density !== 'minimal') {
    const lines = wrapText(caption, { size: fontSize }, contentWidth, 2);
    lines.forEach((line, index) => {
      header.push(svgText({ x: left + padding, y: roundCoordinate(y + index * lineHeight + fontSize), 'font-size': fontSize, fill: theme.mutedText, class: 'caption' }, line));
    });
    y += lines.length * lineHeight + Math.round(fontSize * 0.4);
  }
  const lines = noteLines([...messages], density, fontSize, contentWidth);
  const noteElement = notes(lines, { x: left + padding, y, width: contentWidth, fontSize, lineHeight, textColor: theme.warningText, background: theme.warningBackground });
  if (noteElement) header.push(noteElement);
  y += notesHeight(lines, lineHeight, fontSize);
  return { sizing, theme, header, top: Math.round(y + (density === 'minimal' ? 2 : fontSize * 0.4)) };
}

/** The SVG text of a chart: background, `<title>` (the chart's title or `fallbackTitle`), then `children`. */
export function chartDocument(options: PlotOptions, fallbackTitle: string, children: readonly SvgElement[]): string {
  const { width, height } = options;
  return serializeSvg({
    tag: 'svg',
    attrs: { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_FAMILY },
    children: [{ tag: 'title', attrs: {}, text: options.title ?? fallbackTitle }, svgElement('rect', { width, height, fill: CHART_THEMES[options.theme].background }), ...children],
  });
}
