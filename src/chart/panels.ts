/**
 * Panels under the heap panel, sharing its x axis (as heaptrack_gui and Grafana put a second
 * quantity in its own panel rather than on a second y axis): how the plot height is split, and
 * one panel's frame — gridlines, its own value axis on the left, its marks clipped to it.
 */
import type { PlotArea } from './layout.js';
import { horizontalGrid } from './grid.js';
import type { AxisTicks } from './nice-ticks.js';
import type { LinearScale } from './scales.js';
import { roundCoordinate, svgElement, svgGroup, type SvgElement } from './svg-node.js';
import { textWidth } from './text-metrics.js';
import type { ChartTheme } from './themes.js';
import { yAxis } from './axis-y.js';

export type PanelName = 'stack' | 'rate' | 'changes';

export interface PanelAreas {
  heap: PlotArea;
  panels: { name: PanelName; area: PlotArea }[];
}

/**
 * The heap panel on top and each further panel under it, a gap between them wide enough that
 * the lowest tick label of one and the highest of the next never touch: the heap keeps three
 * shares of the height, each panel one (at least 10 px).
 */
export function panelAreas(area: PlotArea, names: readonly PanelName[], fontSize: number): PanelAreas {
  if (names.length === 0) return { heap: area, panels: [] };
  const gap = Math.round(fontSize * 1.4);
  const available = area.height - names.length * gap;
  const panelHeight = Math.max(10, Math.round(available / (3 + names.length)));
  const heapHeight = Math.max(10, available - names.length * panelHeight);
  let top = area.top + heapHeight + gap;
  const panels = names.map((name) => {
    const panel = { name, area: { left: area.left, top, width: area.width, height: panelHeight } };
    top += panelHeight + gap;
    return panel;
  });
  return { heap: { ...area, height: heapHeight }, panels };
}

/**
 * The panels that fit under a heap panel of readable height (four text heights), each panel at
 * least 2.4 text heights tall: the last ones are left out first.
 */
export function panelsThatFit(names: readonly PanelName[], plotHeight: number, fontSize: number): PanelName[] {
  const kept = [...names];
  const gap = Math.round(fontSize * 1.4);
  const fits = () => {
    if (kept.length === 0) return true;
    const available = plotHeight - kept.length * gap;
    const panelHeight = Math.round(available / (3 + kept.length));
    return panelHeight >= fontSize * 2.4 && available - kept.length * panelHeight >= fontSize * 4;
  };
  while (!fits()) kept.pop();
  return kept;
}

/** Tick labels a panel this tall can hold without two touching: at most one per 2.2 text heights, at least 2. */
export function panelTickCount(height: number, fontSize: number): number {
  return Math.max(2, Math.min(6, Math.floor(height / (fontSize * 2.2))));
}

export interface PanelFrameOptions {
  name: PanelName;
  area: PlotArea;
  y: LinearScale;
  ticks: AxisTicks['ticks'];
  /** Rotated title beside the axis (left out when taller than the panel), or null. */
  title: string | null;
  titleX: number;
  titleColor: string;
  theme: ChartTheme;
  fontSize: number;
  tickLength: number;
  /** The panel's marks, clipped to its area. */
  marks: SvgElement[];
}

export function panelClipId(name: PanelName): string {
  return `memplot-panel-${name}`;
}

export function panelFrame(options: PanelFrameOptions): SvgElement {
  const { area, theme, fontSize } = options;
  const id = panelClipId(options.name);
  // A title cut short reads as a different word: one taller than the panel is left out (the legend names the panel's colour).
  const title = options.title !== null && textWidth(options.title, { size: fontSize }) <= area.height ? options.title : null;
  const children: SvgElement[] = [
    horizontalGrid({ y: options.y, ticks: options.ticks, area, color: theme.grid, dash: theme.gridDash, zeroColor: theme.zeroLine }),
    svgElement('defs', {}, [
      svgElement('clipPath', { id }, [svgElement('rect', { x: area.left, y: area.top, width: area.width, height: area.height })]),
    ]),
    svgGroup({ 'clip-path': `url(#${id})` }, options.marks),
  ];
  if (theme.frame) {
    children.push(svgElement('rect', { x: area.left + 0.5, y: area.top + 0.5, width: area.width - 1, height: area.height - 1, fill: 'none', stroke: theme.frame, 'stroke-width': 1 }));
  } else {
    const bottom = roundCoordinate(area.top + area.height) + 0.5;
    children.push(svgElement('path', { d: `M${area.left},${bottom}h${area.width}`, stroke: theme.axis, 'stroke-width': 1, fill: 'none' }));
  }
  children.push(
    yAxis({
      side: 'left', scale: options.y, ticks: options.ticks, edgeX: area.left, title, titleX: options.titleX,
      fontSize, labelColor: theme.mutedText, titleColor: options.titleColor, tickColor: theme.axis, tickLength: options.tickLength,
    }),
  );
  return svgGroup({ class: `panel-${options.name}` }, children);
}
