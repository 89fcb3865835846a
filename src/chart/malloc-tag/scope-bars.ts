/**
 * The top N scopes by the measure as horizontal bars, largest first: the scope's path on the left
 * (its end kept when it must be cut), the bar, the figure and share after it, a tooltip with the
 * exact figures. Used alone (`kind=bars`) and beside the heap (`kind=scopes`).
 */
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import type { ScopeChartOptions, ScopeMeasure, SnapshotPlotOptions, Theme } from '../../options/plot-options.js';
import { measureNote, measureTitle, NEGATIVE_OWN_NOTE } from '../../aggregate/malloc-tag/scope-measure.js';
import { scopeTable } from '../../aggregate/malloc-tag/scope-table.js';
import { threadBands, type ThreadBand } from '../../aggregate/malloc-tag/thread-bands.js';
import { topScopes, type RankedScope } from '../../aggregate/malloc-tag/top-scopes.js';
import type { PlotArea } from '../layout.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from '../svg-node.js';
import { fitText, textWidth } from '../text-metrics.js';
import { chartDocument, chartFrame } from './chart-frame.js';
import { shareColor } from './scope-colors.js';
import { snapshotNotes } from './snapshot-notes.js';
import { formatExactScopeValue, formatScopeValue, formatShare } from './value-format.js';

const SEPARATOR = ' › ';

/** A path cut from its start ("… › index › tokenize") to fit `width`: the scope's own name matters most. */
export function fitPath(path: string, font: { size: number }, width: number): string {
  if (textWidth(path, font) <= width) return path;
  const names = path.split(SEPARATOR);
  for (let drop = 1; drop < names.length; drop += 1) {
    const candidate = `…${SEPARATOR}${names.slice(drop).join(SEPARATOR)}`;
    if (textWidth(candidate, font) <= width) return candidate;
  }
  return fitText(names[names.length - 1], font, width);
}

export interface RankedBars {
  ranked: readonly RankedScope[];
  bands: readonly ThreadBand[];
  /** The whole the shares are of: every scope's own figure (those below zero as 0). */
  whole: number;
  /** Notes: own figures below zero. */
  messages: string[];
}

/** The snapshot's top scopes by the options. */
export function rankScopes(snapshot: MallocTagSnapshot, options: ScopeChartOptions): RankedBars {
  const bands = threadBands(snapshot, { threads: options.threads, aggregate: options.aggregate });
  const rows = scopeTable(bands, options.measure);
  const whole = rows.reduce((sum, row) => sum + Math.max(0, row.own), 0);
  const messages = rows.some((row) => row.own < 0) ? [NEGATIVE_OWN_NOTE] : [];
  return { ranked: topScopes(rows, options.measure, options.top), bands, whole, messages };
}

export interface BarsInput {
  bars: RankedBars;
  measure: ScopeMeasure;
  theme: Theme;
  area: PlotArea;
  fontSize: number;
  textColor: string;
  mutedText: string;
}

/** The bars in `area`; rows that do not fit at a readable height are left out and counted in `messages`. */
export function barsElement(input: BarsInput): { element: SvgElement; messages: string[] } {
  const { area, fontSize, measure } = input;
  const messages: string[] = [];
  const minRow = Math.round(fontSize * 1.4);
  const fitting = Math.max(0, Math.floor(area.height / minRow));
  const ranked = input.bars.ranked.slice(0, fitting);
  if (ranked.length < input.bars.ranked.length) messages.push(`${input.bars.ranked.length - ranked.length} of the top ${input.bars.ranked.length} scopes not drawn: no room (a taller image shows them)`);
  if (input.bars.ranked.length === 0) messages.push(`no scope has ${measure === 'calls' ? 'calls' : 'bytes'} to rank`);
  const rowHeight = Math.min(Math.round(fontSize * 2.2), ranked.length > 0 ? Math.floor(area.height / ranked.length) : minRow);
  const font = { size: fontSize };
  const labels = ranked.map((scope) => `${input.bars.bands[scope.band].label}${SEPARATOR}${scope.path.split(SEPARATOR).slice(1).join(SEPARATOR)}`.replace(/ › $/, ''));
  const values = ranked.map((scope) => `${formatScopeValue(scope.value, measure)} · ${formatShare(scope.value, input.bars.whole)}`);
  const gap = Math.round(fontSize * 0.6);
  const labelWidth = Math.min(Math.max(0, ...labels.map((label) => textWidth(label, font))), Math.round(area.width * 0.45));
  const valueWidth = Math.max(0, ...values.map((value) => textWidth(value, font)));
  const barLeft = area.left + labelWidth + gap;
  const barSpace = Math.max(1, area.width - labelWidth - 2 * gap - valueWidth);
  const largest = ranked.reduce((most, scope) => Math.max(most, scope.value), 0);
  const children = ranked.map((scope, index) => {
    const y = area.top + index * rowHeight;
    const barHeight = Math.max(2, Math.round(rowHeight * 0.7));
    const barWidth = largest > 0 ? Math.max(1, (scope.value / largest) * barSpace) : 1;
    const middle = y + rowHeight / 2;
    const baseline = roundCoordinate(middle + fontSize * 0.35);
    const fill = shareColor(input.theme, largest > 0 ? scope.value / largest : 0);
    const tooltip = `${labels[index]}\n${measureTitle(measure, true)}: ${formatExactScopeValue(scope.value, measure)} (${formatShare(scope.value, input.bars.whole)} of all)`;
    return svgGroup({ class: 'scope-bar' }, [
      { tag: 'title', attrs: {}, text: tooltip },
      svgText({ x: roundCoordinate(area.left + labelWidth), y: baseline, 'text-anchor': 'end', 'font-size': fontSize, fill: input.textColor }, fitPath(labels[index], font, labelWidth)),
      svgElement('rect', { x: roundCoordinate(barLeft), y: roundCoordinate(middle - barHeight / 2), width: roundCoordinate(barWidth), height: barHeight, fill }),
      svgText({ x: roundCoordinate(barLeft + barWidth + gap), y: baseline, 'font-size': fontSize, fill: input.mutedText }, values[index]),
    ]);
  });
  return { element: svgGroup({ class: 'scope-bars' }, children), messages };
}

export function scopeBars(snapshot: MallocTagSnapshot, options: SnapshotPlotOptions): string {
  const hasFreed = snapshot.format === '1.2+';
  const bars = rankScopes(snapshot, options);
  const messages = [...snapshotNotes(snapshot), ...bars.messages];
  const note = measureNote(options.measure, hasFreed);
  if (note) messages.push(note);
  const caption = `pid ${snapshot.pid}, ${snapshot.snapshotTime} · top ${options.top} scopes by ${measureTitle(options.measure, hasFreed)}${options.measure === 'net' || options.measure === 'calls' ? ' (the scope itself)' : ''}`;
  const draw = (extra: readonly string[]) => {
    const frame = chartFrame(options, caption, [...messages, ...extra]);
    const area = { left: frame.sizing.padding, top: frame.top, width: options.width - 2 * frame.sizing.padding, height: Math.max(10, options.height - frame.top - frame.sizing.padding) };
    return { frame, ...barsElement({ bars, measure: options.measure, theme: options.theme, area, fontSize: frame.sizing.fontSize, textColor: frame.theme.text, mutedText: frame.theme.mutedText }) };
  };
  let drawn = draw([]);
  if (drawn.messages.length > 0) drawn = draw(drawn.messages);
  return chartDocument(options, 'malloc-tag top scopes', [drawn.element, ...drawn.frame.header]);
}
