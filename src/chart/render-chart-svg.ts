/**
 * The chart as SVG text, drawn only from a profile summary: heap on the left axis, stack in its
 * own panel under the heap (or on its own right axis, on the heap's scale, or not at all), rate
 * and heap-change panels when asked, heap + stack when asked, along calls or CPU
 * time, with gridlines, time bands, peak and exit annotations, a legend and the file's warnings.
 * Same summary and options → byte-identical SVG.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import { describeAllowed, PLOT_OPTION_DEFINITIONS, PlotOptionError, type PlotOptions } from '../options/plot-options.js';
import { annotationMarks, chartAnnotations } from './annotations.js';
import { xAxis } from './axis-x.js';
import { yAxis, yAxisWidth } from './axis-y.js';
import { byteTicks, formatBinaryBytes } from './byte-format.js';
import { chartData, type ChartData, type ValueExtent } from './chart-data.js';
import { countTicks, formatCompact, formatInteger } from './count-format.js';
import { durationTicks, formatDuration } from './duration-format.js';
import { horizontalGrid } from './grid.js';
import { chartSizing, plotArea, tickCount, type ChartSizing, type PlotArea } from './layout.js';
import { layoutLegend, legend, type LegendItem } from './legend.js';
import { seriesLines, type SeriesLine } from './lines.js';
import { legibleTicks, LABEL_SPACING, type AxisTicks } from './nice-ticks.js';
import { noteLines, noteMessages, notes, notesHeight } from './notes.js';
import { linearScale } from './scales.js';
import { serializeSvg } from './svg-document.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { FONT_FAMILY, fitText } from './text-metrics.js';
import { CHART_THEMES, type ChartTheme } from './themes.js';
import { timeBands } from './time-bands.js';
import { panelContent, rateUnit } from './panel-content.js';
import { panelAreas, panelFrame, panelsThatFit, type PanelName } from './panels.js';


/** Id of the clip path that keeps the series inside the plot area (one per document: deterministic). */
export const PLOT_CLIP_ID = 'memplot-plot-area';

/**
 * Options built in code rather than parsed (parsePlotOptions already checks these) are checked
 * against the same definitions: a bad value is refused naming the option, the value and what is allowed.
 */
function checkPlotOptions(options: PlotOptions): void {
  for (const definition of PLOT_OPTION_DEFINITIONS) {
    const value = options[definition.key];
    const type = definition.type;
    const valid =
      type.kind === 'integer' || type.kind === 'number'
        ? (value === null && definition.default === null) ||
          (typeof value === 'number' && value >= type.min && value <= type.max && (type.kind === 'number' || Number.isInteger(value)))
        : type.kind === 'enum'
          ? typeof value === 'string' && type.values.includes(value)
          : type.kind === 'boolean'
            ? typeof value === 'boolean'
            : type.kind === 'list'
              ? Array.isArray(value) && value.every((item, i) => type.values.includes(item) && value.indexOf(item) === i)
              : value === null || (typeof value === 'string' && value.length <= type.maxLength);
    if (!valid) throw new PlotOptionError(definition.name, value, describeAllowed(type));
  }
}

function mergeExtents(extents: readonly (ValueExtent | null)[]): ValueExtent | null {
  const present = extents.filter((extent): extent is ValueExtent => extent !== null);
  if (present.length === 0) return null;
  return { min: Math.min(...present.map((e) => e.min)), max: Math.max(...present.map((e) => e.max)) };
}

/**
 * The stack axis' domain: [0, top], or, when the heap axis goes below zero, extended below zero in
 * the same proportion so that both axes put 0 at the same height (a stack is never negative: a
 * stack line under the heap's zero line would read as a negative heap).
 */
function stackDomain(stack: readonly [number, number], heap: readonly [number, number]): [number, number] {
  const [heapLow, heapHigh] = heap;
  if (heapLow >= 0 || heapHigh <= 0) return [stack[0], stack[1]];
  return [(stack[1] * heapLow) / heapHigh, stack[1]];
}

/** What the x axis shows and how a position along it reads. */
interface XAxisKind {
  title: string;
  ticks: (min: number, max: number, count: number) => AxisTicks;
  describe: (position: number, exact: boolean) => string;
}

function xAxisKind(options: PlotOptions): XAxisKind {
  if (options.axis === 'calls') {
    return { title: 'memory function calls', ticks: countTicks, describe: (position) => `call ${formatInteger(position)}` };
  }
  const ticksPerSecond = options.ticksPerSecond;
  if (ticksPerSecond !== null) {
    return {
      title: 'time since start',
      ticks: (min, max, count) => durationTicks(min, max, ticksPerSecond, count),
      describe: (position) => formatDuration(position / ticksPerSecond),
    };
  }
  return { title: 'CPU ticks since start', ticks: countTicks, describe: (position) => `${formatCompact(position)} ticks` };
}

/** What the legend names: the lines, the panels beside the stack's (their titles may not fit beside them), the time bands. */
function legendItems(options: PlotOptions, theme: ChartTheme, data: ChartData, showStack: boolean, showBands: boolean, panels: readonly PanelName[], rateTitle: string): LegendItem[] {
  const items: LegendItem[] = [{ label: 'heap', color: theme.heap, swatch: 'line' }];
  if (showStack) {
    const label = options.stack === 'separate' ? 'stack (right axis)' : options.stack === 'panel' ? 'stack (panel below)' : 'stack';
    items.push({ label, color: theme.stack, swatch: 'line', opacity: options.stack === 'panel' ? 1 : theme.stackOpacity });
  }
  if (options.total) {
    // When the stack is under 1 % of the heap's range, the total runs on the heap line: say why it is hard to see.
    const stackMax = data.stackExtent?.max ?? 0;
    const heapRange = data.heapExtent ? data.heapExtent.max - Math.min(0, data.heapExtent.min) : 0;
    const onHeap = heapRange > 0 && stackMax < heapRange / 100;
    items.push({ label: onHeap ? `heap + stack (stack ≤ ${formatBinaryBytes(stackMax)}: on the heap line)` : 'heap + stack', color: theme.total, swatch: 'line' });
  }
  if (panels.includes('rate')) items.push({ label: `rate (${rateTitle})`, color: theme.rate, swatch: 'bands' });
  if (panels.includes('changes')) items.push({ label: 'heap growth / shrink', color: theme.growth, secondColor: theme.shrink, swatch: 'bands' });
  if (showBands) items.push({ label: 'time: one band per 10 % of the run', color: theme.bands[0], secondColor: theme.bands[1], swatch: 'bands' });
  return items;
}

interface Header {
  elements: SvgElement[];
  height: number;
}

/** Title, legend and notes stacked from the top of the image. */
function header(summary: ProfileSummary, options: PlotOptions, sizing: ChartSizing, theme: ChartTheme, data: ChartData, items: LegendItem[]): Header {
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
  const lines = noteLines(noteMessages(summary, data.heapExtent?.min ?? null, options.axis), density, fontSize, contentWidth);
  const noteElement = notes(lines, { x: padding, y, width: contentWidth, fontSize, lineHeight, textColor: theme.warningText, background: theme.warningBackground });
  if (noteElement) elements.push(noteElement);
  y += notesHeight(lines, lineHeight, fontSize);
  return { elements, height: Math.round(y + (density === 'minimal' ? 2 : fontSize * 0.5)) };
}

export function renderChartSvg(summary: ProfileSummary, options: PlotOptions): string {
  return serializeSvg(chartSvgElement(summary, options));
}

/** The chart's root `svg` element, unserialised: renderChartSvg writes it; the malloc-tag `scopes` chart nests it beside the scopes. */
export function chartSvgElement(summary: ProfileSummary, options: PlotOptions): SvgElement {
  checkPlotOptions(options);
  const theme = CHART_THEMES[options.theme];
  const { width, height } = options;
  const sizing = chartSizing(width, height);
  const { padding, fontSize, tickLength, density } = sizing;
  const data = chartData(summary, options);
  const hasEntries = data.heapExtent !== null;
  const showStack = options.stack !== 'none' && data.stackExtent !== null;
  // The stack in its own panel, or on the heap panel (its own right axis, or the heap's scale).
  const stackOnHeap = showStack && options.stack !== 'panel';
  const showBands = options.axis === 'calls' && hasEntries && summary.m4.time.maxPosition > 0;
  const withAxisTitles = density !== 'minimal';

  const wanted: PanelName[] = [...(showStack && options.stack === 'panel' ? (['stack'] as const) : []), ...options.panels];
  const rateTitle = rateUnit(summary.m4.time, options.ticksPerSecond).title;
  let top = header(summary, options, sizing, theme, data, legendItems(options, theme, data, showStack, showBands, wanted, rateTitle));
  const bandHeight = showBands ? Math.max(3, Math.round(fontSize * 0.45)) : 0;
  const bottom = padding + bandHeight + tickLength + Math.round(fontSize * 1.3) + (withAxisTitles ? sizing.lineHeight : 0);
  let plotHeight = Math.max(10, height - top.height - bottom);
  // Panels that would leave no readable room are left out (a thumbnail keeps the heap), and out of the legend
  // (whose fewer items never take more room, so the panels kept still fit).
  const panelNames = panelsThatFit(wanted, plotHeight, fontSize);
  if (panelNames.length < wanted.length) {
    top = header(summary, options, sizing, theme, data, legendItems(options, theme, data, stackOnHeap || panelNames.includes('stack'), showBands, panelNames, rateTitle));
    plotHeight = Math.max(10, height - top.height - bottom);
  }
  // Heights first (they fix the value ticks), then the left margin that the widest tick labels need.
  const heapHeight = panelAreas({ left: 0, top: top.height, width: 0, height: plotHeight }, panelNames, fontSize).heap.height;

  const leftExtent = mergeExtents([
    data.heapExtent,
    options.total ? data.totalExtent : null,
    options.stack === 'same' ? data.stackExtent : null,
    { min: 0, max: hasEntries ? 0 : 1024 },
  ])!;
  const yTickCount = tickCount(heapHeight, fontSize * 3.2);
  const leftTicks = byteTicks(leftExtent.min, leftExtent.max, yTickCount);
  // With the heap below zero the stack axis only has the height above the heap's zero line.
  const [heapLow, heapHigh] = leftTicks.domain;
  const aboveZero = heapLow < 0 && heapHigh > 0 ? heapHigh / (heapHigh - heapLow) : 1;
  const rightTicks = showStack && options.stack === 'separate' ? byteTicks(0, data.stackExtent!.max, tickCount(heapHeight * aboveZero, fontSize * 3.2)) : null;
  const leftTitle = withAxisTitles ? (options.stack === 'same' && showStack) || options.total ? 'bytes' : 'heap' : null;
  const right = padding + (rightTicks ? yAxisWidth(rightTicks.ticks, fontSize, tickLength, withAxisTitles) : Math.round(fontSize * 0.8));
  // A panel's tick labels depend on the x scale (values per pixel column), which depends on the left margin: widen it until every label fits.
  let left = padding + yAxisWidth(leftTicks.ticks, fontSize, tickLength, leftTitle !== null);
  let layout = panelAreas(plotArea(width, height, { top: top.height, right, bottom, left }), panelNames, fontSize);
  let x = linearScale(data.xDomain, [layout.heap.left, layout.heap.left + layout.heap.width]);
  let panels = layout.panels.map(({ name, area }) => ({ name, area, content: panelContent(name, { summary, data, options, theme, x, area, fontSize }) }));
  for (let pass = 0; pass < 3; pass += 1) {
    const needed = Math.max(left, ...panels.map(({ content }) => padding + yAxisWidth(content.ticks.ticks, fontSize, tickLength, withAxisTitles)));
    if (needed <= left) break;
    left = needed;
    layout = panelAreas(plotArea(width, height, { top: top.height, right, bottom, left }), panelNames, fontSize);
    x = linearScale(data.xDomain, [layout.heap.left, layout.heap.left + layout.heap.width]);
    panels = layout.panels.map(({ name, area }) => ({ name, area, content: panelContent(name, { summary, data, options, theme, x, area, fontSize }) }));
  }
  const area: PlotArea = layout.heap;
  const plotBottom = area.top + area.height;
  const lastArea = panels.length > 0 ? panels[panels.length - 1].area : area;
  const chartBottom = lastArea.top + lastArea.height;

  const yLeft = linearScale(leftTicks.domain, [plotBottom, area.top]);
  const yRight = rightTicks ? linearScale(stackDomain(rightTicks.domain, leftTicks.domain), [plotBottom, area.top]) : yLeft;
  // A short plot keeps only the ticks whose labels do not touch.
  const leftLabelled = legibleTicks(leftTicks.ticks, yLeft, fontSize * LABEL_SPACING);
  const rightLabelled = rightTicks ? legibleTicks(rightTicks.ticks, yRight, fontSize * LABEL_SPACING) : [];
  const kind = xAxisKind(options);
  const xTicks = kind.ticks(data.xDomain[0], data.xDomain[1], tickCount(area.width, fontSize * 7));

  const lines: SeriesLine[] = [];
  // The stack, busy on most programs, stays behind; the heap, drawn last with a halo, reads over it.
  const halo = theme.frame ? undefined : { color: theme.background, width: 2 };
  if (stackOnHeap) lines.push({ name: 'stack', values: data.stack, y: yRight, color: theme.stack, width: 1, opacity: theme.stackOpacity });
  if (options.total) lines.push({ name: 'total', values: data.total, y: yLeft, color: theme.total, width: theme.lineWidth, halo });
  lines.push({ name: 'heap', values: data.heap, y: yLeft, color: theme.heap, width: theme.lineWidth, halo });

  const children: SvgElement[] = [
    { tag: 'title', attrs: {}, text: options.title ?? 'memory usage' },
    svgElement('rect', { width, height, fill: theme.background }),
    horizontalGrid({ y: yLeft, ticks: leftLabelled, area, color: theme.grid, dash: theme.gridDash, zeroColor: theme.zeroLine }),
  ];
  if (showBands) {
    const bands = timeBands(summary.m4.time, { x, top: chartBottom, height: bandHeight, colors: theme.bands });
    if (bands) children.push(bands);
  }
  // Every series is clipped to the plot area, widened by half the thickest line (halo included) so that a
  // line at zero or at the top keeps its full width: no line geometry can paint over axes, bands or labels.
  const seriesElements = seriesLines(data.series, lines, { x, pixelRatio: options.scale, interpolation: options.axis === 'time' ? 'step-after' : 'linear' });
  if (seriesElements.length > 0) {
    const margin = Math.max(...lines.map((line) => (line.width + (line.halo?.width ?? 0)) / 2));
    children.push(
      svgElement('defs', {}, [
        svgElement('clipPath', { id: PLOT_CLIP_ID }, [
          svgElement('rect', {
            x: roundCoordinate(area.left - margin), y: roundCoordinate(area.top - margin),
            width: roundCoordinate(area.width + 2 * margin), height: roundCoordinate(area.height + 2 * margin),
          }),
        ]),
      ]),
      svgGroup({ 'clip-path': `url(#${PLOT_CLIP_ID})` }, seriesElements),
    );
  }
  if (theme.frame) {
    children.push(svgElement('rect', { x: area.left + 0.5, y: area.top + 0.5, width: area.width - 1, height: area.height - 1, fill: 'none', stroke: theme.frame, 'stroke-width': 1 }));
  } else if (panels.length > 0) {
    // The x axis line is under the last panel: the heap panel gets a base line of its own.
    children.push(svgElement('path', { d: `M${area.left},${roundCoordinate(plotBottom) + 0.5}h${area.width}`, stroke: theme.axis, 'stroke-width': 1, fill: 'none' }));
  }
  const axisTitleOffset = Math.round(fontSize * 0.9);
  const titleX = padding + axisTitleOffset - fontSize * 0.2;
  children.push(
    yAxis({
      side: 'left', scale: yLeft, ticks: leftLabelled, edgeX: area.left, title: leftTitle, titleX,
      fontSize, labelColor: theme.mutedText, titleColor: leftTitle === 'heap' ? theme.heap : theme.mutedText, tickColor: theme.axis, tickLength,
    }),
  );
  if (rightTicks) {
    children.push(
      yAxis({
        side: 'right', scale: yRight, ticks: rightLabelled, edgeX: area.left + area.width, title: withAxisTitles ? 'stack' : null,
        titleY: (yRight(0) + area.top) / 2,
        titleX: width - padding - axisTitleOffset + fontSize * 0.6, fontSize, labelColor: theme.mutedText, titleColor: theme.stack, tickColor: theme.axis, tickLength,
      }),
    );
  }
  for (const { name, area: panelArea, content } of panels) {
    children.push(
      panelFrame({
        name, area: panelArea, y: content.y, ticks: content.ticks.ticks, title: withAxisTitles ? content.title : null, titleX, titleColor: content.titleColor,
        theme, fontSize, tickLength, marks: content.marks,
      }),
    );
  }
  children.push(
    xAxis({
      scale: x, ticks: xTicks.ticks, y: chartBottom + bandHeight, title: withAxisTitles ? kind.title : null, titleY: height - padding,
      fontSize, imageWidth: width, labelColor: theme.mutedText, titleColor: theme.mutedText, lineColor: theme.axis, tickLength,
    }),
  );
  if (!hasEntries) {
    children.push(
      svgText(
        {
          x: roundCoordinate(area.left + area.width / 2), y: roundCoordinate(area.top + area.height / 2), 'text-anchor': 'middle', 'font-size': fontSize, fill: theme.mutedText,
          // The halo parts it from the gridlines it sits on, as the annotations' labels are.
          stroke: theme.background, 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke',
        },
        density === 'minimal' ? 'no entries' : 'no entries: the file holds no recorded calls',
      ),
    );
  }
  const annotations = chartAnnotations({ summary, data, options, density, describePosition: kind.describe, colors: { heap: theme.heap, total: theme.total } });
  // Labels keep clear of the stack too when it is drawn on the heap panel.
  if (stackOnHeap && hasEntries) annotations.lines.push({ series: data.series, columns: data.stack, step: options.axis === 'time', y: yRight });
  const gridLines = leftLabelled.map((tick) => Math.round(yLeft(tick.value)) + 0.5);
  const marks = annotationMarks(annotations, { x, y: yLeft, area, fontSize, lineHeight: sizing.lineHeight, textColor: theme.text, halo: theme.background, gridLines });
  if (marks) children.push(marks);
  children.push(...top.elements);
  return {
    tag: 'svg',
    attrs: { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_FAMILY },
    children,
  };
}
