/**
 * What each panel under the heap shows: the stack line on its own scale, entries per unit of
 * time (rate), or heap growth and shrink per pixel column (changes); each with its value ticks,
 * scale, title and marks, ready for panelFrame.
 */
import type { M4Series, ProfileSummary } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { byteTicks } from './byte-format.js';
import type { ChartData } from './chart-data.js';
import { columnAreaPath } from './column-area.js';
import { countTicks } from './count-format.js';
import { entryRateColumns } from './entry-rate.js';
import { heapChangeColumns } from './heap-changes.js';
import type { PlotArea } from './layout.js';
import { seriesLines } from './lines.js';
import { legibleTicks, LABEL_SPACING, type AxisTicks } from './nice-ticks.js';
import { panelTickCount, type PanelName } from './panels.js';
import { linearScale, type LinearScale } from './scales.js';
import { svgElement, type SvgElement } from './svg-node.js';
import type { ChartTheme } from './themes.js';

export interface PanelContent {
  ticks: AxisTicks;
  y: LinearScale;
  title: string;
  titleColor: string;
  marks: SvgElement[];
}

export interface PanelContext {
  summary: ProfileSummary;
  data: ChartData;
  options: Pick<PlotOptions, 'axis' | 'scale' | 'ticksPerSecond'>;
  theme: ChartTheme;
  x: LinearScale;
  area: PlotArea;
  fontSize: number;
}

/** The panel's value scale, and its ticks thinned to those whose labels do not touch. */
function valueAxis(ticks: AxisTicks, area: PlotArea, fontSize: number): { ticks: AxisTicks; y: LinearScale } {
  const y = linearScale(ticks.domain, [area.top + area.height, area.top]);
  return { y, ticks: { domain: ticks.domain, ticks: legibleTicks(ticks.ticks, y, fontSize * LABEL_SPACING) } };
}

function stackContent(context: PanelContext): PanelContent {
  const { data, theme, area, options } = context;
  const { ticks, y } = valueAxis(byteTicks(0, data.stackExtent?.max ?? 1024, panelTickCount(area.height, context.fontSize)), area, context.fontSize);
  const marks = seriesLines(data.series, [{ name: 'stack', values: data.stack, y, color: theme.stack, width: theme.lineWidth === 1 ? 1 : 1.5 }], {
    x: context.x, pixelRatio: options.scale, interpolation: options.axis === 'time' ? 'step-after' : 'linear',
  });
  return { ticks, y, title: 'stack', titleColor: theme.stack, marks };
}

/**
 * The rate's unit: per second when ticks per second are known; else per 1, 10³, 10⁶ or 10⁹ ticks,
 * the first that puts the busiest time bucket at 10 or more (a pixel column averages buckets, so
 * it never exceeds that). Read from the summary alone, so the legend and the panel agree.
 */
export function rateUnit(timeSeries: M4Series, ticksPerSecond: number | null): { factor: number; title: string } {
  if (ticksPerSecond !== null) return { factor: ticksPerSecond, title: 'calls/s' };
  let maxPerTick = 0;
  for (const count of timeSeries.count) if (count > maxPerTick) maxPerTick = count;
  maxPerTick /= timeSeries.bucketWidth;
  const units = [
    { factor: 1, title: 'calls/tick' },
    { factor: 1e3, title: 'calls/ktick' },
    { factor: 1e6, title: 'calls/Mtick' },
    { factor: 1e9, title: 'calls/Gtick' },
  ];
  return units.find((unit) => maxPerTick * unit.factor >= 10) ?? units[units.length - 1];
}

function rateContent(context: PanelContext): PanelContent {
  const { summary, data, theme, area, x } = context;
  const columns = Math.max(1, Math.round(area.width));
  const perTick = entryRateColumns(summary.m4.time, data.series.axis, x, area.left, columns);
  let max = 0;
  for (const value of perTick) if (value > max) max = value;
  const unit = rateUnit(summary.m4.time, context.options.ticksPerSecond);
  const rates = perTick.map((value) => value * unit.factor);
  const { ticks, y } = valueAxis(countTicks(0, Math.max(1, max * unit.factor), panelTickCount(area.height, context.fontSize)), area, context.fontSize);
  const d = columnAreaPath(rates, y, area.left, 0);
  const marks = d ? [svgElement('path', { class: 'bars-rate', d, fill: theme.rate })] : [];
  return { ticks, y, title: unit.title, titleColor: theme.mutedText, marks };
}

function changesContent(context: PanelContext): PanelContent {
  const { data, theme, area, x } = context;
  const columns = Math.max(1, Math.round(area.width));
  const { growth, shrink } = heapChangeColumns(data.series, data.heap, x, area.left, columns);
  let high = 0;
  let low = 0;
  for (const value of growth) if (value > high) high = value;
  for (const value of shrink) if (value < low) low = value;
  const { ticks, y } = valueAxis(byteTicks(low, high > low ? high : 1024, panelTickCount(area.height, context.fontSize)), area, context.fontSize);
  const marks: SvgElement[] = [];
  const up = columnAreaPath(growth, y, area.left, 0);
  if (up) marks.push(svgElement('path', { class: 'bars-growth', d: up, fill: theme.growth }));
  const down = columnAreaPath(shrink, y, area.left, 0);
  if (down) marks.push(svgElement('path', { class: 'bars-shrink', d: down, fill: theme.shrink }));
  return { ticks, y, title: 'Δ heap', titleColor: theme.mutedText, marks };
}

export function panelContent(name: PanelName, context: PanelContext): PanelContent {
  switch (name) {
    case 'stack':
      return stackContent(context);
    case 'rate':
      return rateContent(context);
    case 'changes':
      return changesContent(context);
  }
}
