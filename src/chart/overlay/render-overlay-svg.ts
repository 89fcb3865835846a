/**
 * The chart of two runs as SVG text, drawn only from their summaries: both runs' heap (or heap +
 * stack with `total`) on one byte axis — base grey and dashed, head in colour — aligned along x by
 * progress (0–100 % of each run) or by absolute position, both peaks marked, the head's with its
 * change; or, in diff mode, head − base per progress column (progress-diff.ts). Title, legend,
 * notes, themes, sizes and scale as every chart. Same summaries and options → byte-identical SVG.
 */
import type { ProfileSummary } from '../../aggregate/summary.js';
import { checkOptionValues, COMPARE_OPTION_DEFINITIONS, type ComparePlotOptions } from '../../options/plot-options.js';
import { annotationMarks, type ChartAnnotations } from '../annotations.js';
import { xAxis } from '../axis-x.js';
import { yAxis, yAxisWidth } from '../axis-y.js';
import { byteTicks } from '../byte-format.js';
import { chartHeader } from '../chart-header.js';
import { columnAreaPath } from '../column-area.js';
import { horizontalGrid } from '../grid.js';
import { chartSizing, plotArea, tickCount, type PlotArea } from '../layout.js';
import type { LegendItem } from '../legend.js';
import { legibleTicks, LABEL_SPACING, type AxisTicks } from '../nice-ticks.js';
import { noteMessages } from '../notes.js';
import { clippedToPlot } from '../plot-clip.js';
import { checkPlotOptions } from '../render-chart-svg.js';
import { linearScale } from '../scales.js';
import { noEntriesText } from '../no-entries.js';
import { serializeSvg } from '../svg-document.js';
import { svgElement, type SvgElement } from '../svg-node.js';
import { FONT_FAMILY, fitText, textWidth } from '../text-metrics.js';
import { CHART_THEMES } from '../themes.js';
import { xAxisKind } from '../x-axis-kind.js';
import { alignRuns, readRun, type AlignedRun } from './aligned-run.js';
import { diffAnnotations, peakAnnotations } from './overlay-annotations.js';
import { overlayLines, runScale } from './overlay-lines.js';
import { BASE_DASH, overlayPalette } from './overlay-palette.js';
import { progressDiff, splitBySign, type ProgressDiff } from './progress-diff.js';
import { progressTicks, progressTitle } from './progress-axis.js';

export interface OverlayOptions extends ComparePlotOptions {
  /** How the legend and labels name the runs (a file name, a branch); 'base' and 'head' when not given. */
  baseName?: string | null;
  headName?: string | null;
}

/** Longest run name drawn: a longer one is cut with an ellipsis to fit. */
const NAME_MAX_WIDTH_SHARE = 0.4;

/** The runs' notes, each said of its run. */
function runNotes(run: AlignedRun, axis: ComparePlotOptions['axis']): string[] {
  return noteMessages(run.summary, run.extent?.min ?? null, axis).map((message) => `${run.name}: ${message}`);
}

function mergedExtent(runs: readonly AlignedRun[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const run of runs) {
    if (!run.extent) continue;
    min = Math.min(min, run.extent.min);
    max = Math.max(max, run.extent.max);
  }
  return { min, max: max > min ? max : min + 1024 };
}

function diffExtent(diff: ProgressDiff): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const value of diff.values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max: max > min ? max : min + 1024 };
}

export function renderOverlaySvg(base: ProfileSummary, head: ProfileSummary, options: OverlayOptions): string {
  checkPlotOptions(options);
  checkOptionValues(COMPARE_OPTION_DEFINITIONS, options);
  const theme = CHART_THEMES[options.theme];
  const palette = overlayPalette(options.theme);
  const { width, height } = options;
  const sizing = chartSizing(width, height);
  const { padding, fontSize, tickLength, density } = sizing;
  const withAxisTitles = density !== 'minimal';
  const diffMode = options.mode === 'diff';
  const nameWidth = (width - 2 * padding) * NAME_MAX_WIDTH_SHARE;
  const name = (given: string | null | undefined, fallback: string) => fitText(given || fallback, { size: fontSize }, nameWidth) || fallback;
  const baseName = name(options.baseName, 'base');
  const headName = name(options.headName, 'head');
  // diff is drawn on the progress axis whatever align says: head − base needs both runs on one x.
  const aligned = alignRuns(readRun(base, baseName, options), readRun(head, headName, options), diffMode ? 'progress' : options.align);
  const runs = [aligned.base, aligned.head];
  const { xDomain } = aligned;
  const hasEntries = runs.some((run) => run.extent !== null);
  const byProgress = diffMode || options.align === 'progress';
  const quantity = options.total ? 'heap + stack' : 'heap';

  const items: LegendItem[] = diffMode
    ? [
        { label: `${headName} above ${baseName}`, color: palette.increase, swatch: 'bands' },
        { label: `${headName} below ${baseName}`, color: palette.decrease, swatch: 'bands' },
      ]
    : [
        { label: baseName === 'base' ? 'base' : `${baseName} (base)`, color: palette.base, swatch: 'line', dash: `${BASE_DASH.on} ${BASE_DASH.off}` },
        { label: headName === 'head' ? 'head' : `${headName} (head)`, color: palette.head, swatch: 'line' },
      ];
  const top = chartHeader(options, sizing, theme, items, [...runNotes(aligned.base, options.axis), ...runNotes(aligned.head, options.axis)]);
  const bottom = padding + tickLength + Math.round(fontSize * 1.3) + (withAxisTitles ? sizing.lineHeight : 0);
  const plotHeight = Math.max(10, height - top.height - bottom);
  const right = padding + Math.round(fontSize * 0.8);
  const yTickCount = tickCount(plotHeight, fontSize * 3.2);
  const withLeftTitle = withAxisTitles;

  // The value ticks fix the left margin; in diff mode the values depend on the plot's width (one per
  // pixel column), which depends on the margin: widen it until the widest label fits.
  const valuesAt = (area: PlotArea): { ticks: AxisTicks; diff: ProgressDiff | null } => {
    const diff = diffMode ? progressDiff(aligned.base, aligned.head, Math.max(1, Math.round(area.width))) : null;
    const extent = diff ? diffExtent(diff) : mergedExtent(runs);
    return { ticks: byteTicks(extent.min, extent.max, yTickCount), diff };
  };
  let left = padding + yAxisWidth(valuesAt(plotArea(width, height, { top: top.height, right, bottom, left: padding })).ticks.ticks, fontSize, tickLength, withLeftTitle);
  let area = plotArea(width, height, { top: top.height, right, bottom, left });
  let values = valuesAt(area);
  for (let pass = 0; pass < 3; pass += 1) {
    const needed = padding + yAxisWidth(values.ticks.ticks, fontSize, tickLength, withLeftTitle);
    if (needed <= left) break;
    left = needed;
    area = plotArea(width, height, { top: top.height, right, bottom, left });
    values = valuesAt(area);
  }
  const plotBottom = area.top + area.height;
  const range = [area.left, area.left + area.width] as const;
  const x = linearScale(xDomain, range);
  const y = linearScale(values.ticks.domain, [plotBottom, area.top]);
  // The rotated title runs along the plot's height: the first that fits it, or none.
  const titles = diffMode ? [`${quantity}: ${headName} − ${baseName}`, `${headName} − ${baseName}`, 'head − base'] : [quantity];
  const leftTitle = withLeftTitle ? (titles.find((text) => textWidth(text, { size: fontSize }) <= area.height) ?? null) : null;
  const labelledTicks = legibleTicks(values.ticks.ticks, y, fontSize * LABEL_SPACING);
  const kind = xAxisKind(options);
  const xTickCount = tickCount(area.width, fontSize * 7);
  const xTicks = byProgress ? progressTicks(xTickCount) : kind.ticks(xDomain[0], xDomain[1], xTickCount);

  const halo = theme.frame === null;
  const marks: SvgElement[] = [];
  let annotations: ChartAnnotations;
  if (values.diff) {
    const { above, below } = splitBySign(values.diff.values);
    const up = columnAreaPath(above, y, area.left, 0);
    const down = columnAreaPath(below, y, area.left, 0);
    if (up) marks.push(svgElement('path', { class: 'diff-increase', d: up, fill: palette.increase }));
    if (down) marks.push(svgElement('path', { class: 'diff-decrease', d: down, fill: palette.decrease }));
    annotations = diffAnnotations(values.diff, density, palette);
  } else {
    marks.push(
      ...overlayLines({
        base: aligned.base, head: aligned.head, range, y, pixelRatio: options.scale, interpolation: options.axis === 'time' ? 'step-after' : 'linear',
        lineWidth: theme.lineWidth, colors: { base: palette.base, head: palette.head, background: theme.background }, halo,
      }),
    );
    annotations = peakAnnotations({
      base: aligned.base, head: aligned.head, xDomain, quantity: options.total ? 'peak heap + stack' : 'peak', density, palette,
      baseX: runScale(aligned.base, range), headX: runScale(aligned.head, range), step: options.axis === 'time',
    });
  }

  const children: SvgElement[] = [
    { tag: 'title', attrs: {}, text: options.title ?? `memory usage: ${headName} against ${baseName}` },
    svgElement('rect', { width, height, fill: theme.background }),
    horizontalGrid({ y, ticks: labelledTicks, area, color: theme.grid, dash: theme.gridDash, zeroColor: theme.zeroLine }),
  ];
  if (marks.length > 0) {
    // Clipped to the plot area widened by half the thickest line with its halo, as on every chart.
    const margin = (theme.lineWidth + (halo ? 2 : 0)) / 2 + 1;
    children.push(...clippedToPlot(area, margin, marks));
  }
  if (theme.frame) {
    children.push(svgElement('rect', { x: area.left + 0.5, y: area.top + 0.5, width: area.width - 1, height: area.height - 1, fill: 'none', stroke: theme.frame, 'stroke-width': 1 }));
  }
  const axisTitleOffset = Math.round(fontSize * 0.9);
  children.push(
    yAxis({
      side: 'left', scale: y, ticks: labelledTicks, edgeX: area.left, title: leftTitle, titleX: padding + axisTitleOffset - fontSize * 0.2,
      fontSize, labelColor: theme.mutedText, titleColor: theme.mutedText, tickColor: theme.axis, tickLength,
    }),
    xAxis({
      scale: x, ticks: xTicks.ticks, y: plotBottom, title: withAxisTitles ? (byProgress ? progressTitle(options.axis) : kind.title) : null, titleY: height - padding,
      fontSize, imageWidth: width, labelColor: theme.mutedText, titleColor: theme.mutedText, lineColor: theme.axis, tickLength,
    }),
  );
  if (!hasEntries) children.push(noEntriesText(area, theme, fontSize, density === 'minimal' ? 'no entries' : 'no entries: neither file holds recorded calls'));
  const gridLines = labelledTicks.map((tick) => Math.round(y(tick.value)) + 0.5);
  const annotationElement = annotationMarks(annotations, { x, y, area, fontSize, lineHeight: sizing.lineHeight, textColor: theme.text, halo: theme.background, gridLines });
  if (annotationElement) children.push(annotationElement);
  children.push(...top.elements);
  return serializeSvg({
    tag: 'svg',
    attrs: { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_FAMILY },
    children,
  });
}
