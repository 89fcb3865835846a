/**
 * Several snapshots of one process over time (`kind=timeline`): stacked areas of the top scopes'
 * own figures (net bytes by default) at each snapshot's time, the rest as "other scopes", a legend
 * naming each area, a tooltip per area. malloc-tag counts a free in the scope where it happens, so
 * a scope's own net can be below zero (it freed what others allocated): those stack below the zero
 * line, the others above, and a line draws their sum, the process's net bytes. Snapshot times are malloc-tag's ("2026-12-02 @ 04:16:51
 * UTC", one-second resolution); when they do not go forward the snapshots are spread by their
 * order instead, and the chart says so.
 */
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import type { SnapshotPlotOptions } from '../../options/plot-options.js';
import { measureNote, measureTitle } from '../../aggregate/malloc-tag/scope-measure.js';
import { snapshotSeries, timelineMeasure } from '../../aggregate/malloc-tag/scope-series.js';
import { snapshotTimeMs } from '../../aggregate/malloc-tag/snapshot-time.js';
import { xAxis } from '../axis-x.js';
import { yAxis, yAxisWidth } from '../axis-y.js';
import { byteTicks } from '../byte-format.js';
import { countTicks, formatInteger } from '../count-format.js';
import { durationTicks } from '../duration-format.js';
import { horizontalGrid } from '../grid.js';
import { tickCount } from '../layout.js';
import { layoutLegend, legend, type LegendItem } from '../legend.js';
import { legibleTicks, LABEL_SPACING, type AxisTicks } from '../nice-ticks.js';
import { linearScale } from '../scales.js';
import { roundCoordinate, svgElement, svgGroup, type SvgElement } from '../svg-node.js';
import { chartDocument, chartFrame } from './chart-frame.js';
import { otherColor, seriesColor } from './scope-colors.js';
import { fitPath } from './scope-bars.js';
import { snapshotNotes } from './snapshot-notes.js';
import { formatExactScopeValue } from './value-format.js';

/** Snapshot positions on the x axis: milliseconds since the first snapshot, or their order when times do not go forward. */
function snapshotPositions(snapshots: readonly MallocTagSnapshot[]): { positions: number[]; byTime: boolean } {
  const times = snapshots.map((snapshot) => snapshotTimeMs(snapshot.snapshotTime));
  const forward = times.every((time, index) => time !== null && (index === 0 || time > times[index - 1]!));
  if (forward && snapshots.length > 1) return { positions: times.map((time) => time! - times[0]!), byTime: true };
  return { positions: snapshots.map((_, index) => index + 1), byTime: false };
}

export function scopeTimeline(snapshots: readonly MallocTagSnapshot[], options: SnapshotPlotOptions): string {
  const measure = timelineMeasure(options.measure);
  const hasFreed = snapshots.every((snapshot) => snapshot.format === '1.2+');
  const data = snapshotSeries(snapshots, measure, { threads: options.threads, aggregate: options.aggregate }, options.top);
  const { positions, byTime } = snapshotPositions(snapshots);
  const messages = snapshots.flatMap((snapshot) => snapshotNotes(snapshot)).filter((message, index, all) => all.indexOf(message) === index);
  const note = measureNote(measure, hasFreed);
  if (note) messages.push(note);
  if (snapshots.length === 1) messages.push('one snapshot: upload several snapshots of the process (repeated file parts) to see them over time');
  else if (!byTime) messages.push('the snapshot times do not go forward (malloc-tag writes whole seconds): snapshots are spread by upload order');
  if (new Set(snapshots.map((snapshot) => snapshot.pid)).size > 1) messages.push('the snapshots come from different processes (PIDs differ)');
  if (data.negative) messages.push('malloc-tag counts a free in the scope where it happens: scopes that freed more than they allocated stack below 0; the line is the sum');
  const first = snapshots[0];
  const last = snapshots[snapshots.length - 1];
  const caption = `pid ${first.pid}, ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} from ${first.snapshotTime} to ${last.snapshotTime} · stacked: each scope's own ${measureTitle(measure, hasFreed)}, top ${options.top}`;
  let frame = chartFrame(options, caption, messages);
  const { sizing, theme } = frame;
  const { padding, fontSize, lineHeight, tickLength, density } = sizing;

  const netLine: LegendItem = { label: measure === 'calls' ? 'all scopes' : measure === 'net' ? 'net bytes of all scopes' : 'all scopes', color: theme.text, swatch: 'line' };
  const items: (LegendItem & { values: number[]; fullLabel: string })[] = data.series.map((one, index) => ({ label: fitPath(one.label, { size: fontSize }, options.width * 0.4), fullLabel: one.label, color: seriesColor(options.theme, index), swatch: 'bands', values: one.values }));
  if (data.other) items.push({ label: 'other scopes', fullLabel: 'other scopes', color: otherColor(options.theme), swatch: 'bands', values: data.other });
  // The legend takes at most a quarter of the height; the areas it has no room to name are still drawn and keep their tooltips.
  const contentWidth = options.width - 2 * padding;
  let shown = items.length;
  let legendLayout = layoutLegend([netLine, ...items.slice(0, shown)], fontSize, contentWidth);
  const maxRows = density === 'minimal' ? 0 : Math.max(1, Math.floor((options.height * 0.25) / lineHeight));
  while (shown > 0 && legendLayout.rows > maxRows) {
    shown -= 1;
    legendLayout = layoutLegend([netLine, ...items.slice(0, shown), { label: `… ${items.length - shown} more (tooltips name them)`, color: theme.mutedText, swatch: 'bands' }], fontSize, contentWidth);
  }
  let legendHeight = density === 'minimal' || items.length === 0 ? 0 : legendLayout.rows * lineHeight + Math.round(fontSize * 0.6);

  const above = positions.map((_, at) => items.reduce((sum, item) => sum + Math.max(0, item.values[at]), 0));
  const beneath = positions.map((_, at) => items.reduce((sum, item) => sum + Math.min(0, item.values[at]), 0));
  const top = above.reduce((most, value) => Math.max(most, value), 0);
  const bottomValue = beneath.reduce((least, value) => Math.min(least, value), 0);
  const withTitles = density !== 'minimal';
  const bottom = padding + tickLength + Math.round(fontSize * 1.3) + (withTitles ? lineHeight : 0);
  // A short image keeps the plot readable: the legend goes first (tooltips still name the areas), then the caption.
  const roomy = () => options.height - frame.top - legendHeight - bottom >= fontSize * 3;
  if (!roomy()) legendHeight = 0;
  if (!roomy()) frame = chartFrame(options, null, messages);
  const legendTop = frame.top;
  const plotTop = legendTop + legendHeight;
  const plotHeight = Math.max(10, options.height - plotTop - bottom);
  const valueTicks: AxisTicks = measure === 'calls' ? countTicks(0, Math.max(1, top), tickCount(plotHeight, fontSize * 3.2)) : byteTicks(bottomValue, Math.max(1, top), tickCount(plotHeight, fontSize * 3.2));
  const left = padding + yAxisWidth(valueTicks.ticks, fontSize, tickLength, withTitles);
  const right = padding + Math.round(fontSize * 1.5);
  const area = { left, top: plotTop, width: Math.max(10, options.width - left - right), height: plotHeight };
  const xDomain: [number, number] = positions.length === 1 ? [positions[0] - 0.5, positions[0] + 0.5] : [positions[0], positions[positions.length - 1]];
  const x = linearScale(xDomain, [area.left, area.left + area.width]);
  const y = linearScale(valueTicks.domain, [area.top + area.height, area.top]);
  const xs = positions.length === 1 ? xDomain : positions;
  const at = (index: number) => (positions.length === 1 ? 0 : index);

  // Positive figures stack up from 0, negative ones down from 0, each area between its two running sums.
  const areas: SvgElement[] = [];
  let up = xs.map(() => 0);
  let down = xs.map(() => 0);
  const point = (position: number, value: number) => `${roundCoordinate(x(position))},${roundCoordinate(y(value))}`;
  // Each item in two parts, its figures above 0 and below 0, so that an area never crosses the zero line between snapshots.
  for (const sign of [1, -1]) {
    items.forEach((item) => {
      const value = (index: number) => (sign > 0 ? Math.max(0, item.values[at(index)]) : Math.min(0, item.values[at(index)]));
      if (xs.every((_, index) => value(index) === 0)) return;
      const base = sign > 0 ? up : down;
      const edge = xs.map((_, index) => base[index] + value(index));
      const upper = xs.map((position, index) => point(position, edge[index]));
      const lower = xs.map((position, index) => point(position, base[index])).reverse();
      const tooltip = `${item.fullLabel}\n${positions.map((_, index) => `${snapshots[index].snapshotTime}: ${formatExactScopeValue(item.values[index], measure === 'calls' ? 'calls' : 'total')}`).join('\n')}`;
      areas.push(svgGroup({ class: 'scope-area' }, [{ tag: 'title', attrs: {}, text: tooltip }, svgElement('path', { d: `M${upper.join('L')}L${lower.join('L')}Z`, fill: item.color, 'fill-opacity': 0.85, stroke: theme.background, 'stroke-width': 0.5 })]));
      if (sign > 0) up = edge;
      else down = edge;
    });
  }
  const sums = xs.map((_, index) => data.totals[at(index)]);
  const sumTooltip = `${netLine.label}\n${positions.map((_, index) => `${snapshots[index].snapshotTime}: ${formatExactScopeValue(data.totals[index], measure === 'calls' ? 'calls' : 'total')}`).join('\n')}`;
  areas.push(svgGroup({ class: 'scope-sum' }, [{ tag: 'title', attrs: {}, text: sumTooltip }, svgElement('path', { d: `M${xs.map((position, index) => point(position, sums[index])).join('L')}`, fill: 'none', stroke: theme.text, 'stroke-width': theme.lineWidth })]));
  const labelled = legibleTicks(valueTicks.ticks, y, fontSize * LABEL_SPACING);
  const timeTicks: AxisTicks = byTime ? durationTicks(xDomain[0], xDomain[1], 1000, tickCount(area.width, fontSize * 7)) : { domain: xDomain, ticks: positions.map((position) => ({ value: position, label: `#${formatInteger(position)}` })) };
  const children: SvgElement[] = [
    horizontalGrid({ y, ticks: labelled, area, color: theme.grid, dash: theme.gridDash, zeroColor: theme.zeroLine }),
    svgGroup({ class: 'scope-areas' }, areas),
    // Snapshot instants: thin marks where the figures were read.
    svgElement('path', { d: xs.map((position) => `M${roundCoordinate(x(position))},${roundCoordinate(area.top)}V${roundCoordinate(area.top + area.height)}`).join(''), stroke: theme.axis, 'stroke-width': 1, 'stroke-dasharray': '2 3', fill: 'none' }),
    yAxis({ side: 'left', scale: y, ticks: labelled, edgeX: area.left, title: withTitles ? (measure === 'calls' ? 'calls' : 'bytes') : null, titleX: padding + Math.round(fontSize * 0.6), fontSize, labelColor: theme.mutedText, titleColor: theme.text, tickColor: theme.axis, tickLength }),
    xAxis({ scale: x, ticks: timeTicks.ticks.filter((tick) => tick.value >= xDomain[0] && tick.value <= xDomain[1]), y: area.top + area.height, title: withTitles ? (byTime ? 'time since the first snapshot' : 'snapshot') : null, titleY: options.height - padding, fontSize, imageWidth: options.width, labelColor: theme.mutedText, titleColor: theme.text, lineColor: theme.axis, tickLength }),
  ];
  if (legendHeight > 0) children.push(legend(legendLayout, { x: padding, y: legendTop, fontSize, lineHeight, lineWidth: theme.lineWidth, textColor: theme.mutedText }));
  return chartDocument(options, 'malloc-tag scopes over time', [...children, ...frame.header]);
}
