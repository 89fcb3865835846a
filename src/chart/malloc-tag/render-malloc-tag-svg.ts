/**
 * The malloc-tag charts as SVG text (issue 15), the one entry the render worker calls:
 * - snapshots → `kind=icicle` (the scope tree), `bars` (the top scopes), `timeline` (several
 *   snapshots of one process: the top scopes over time);
 * - a .mem summary paired with a snapshot → `kind=scopes` (the heap over time beside the
 *   snapshot's top scopes), or `heap` (the .mem chart alone).
 * Same input and options → byte-identical SVG. The work is bounded by the picture's pixels and the
 * input's size (see each chart's module).
 */
import type { ProfileSummary } from '../../aggregate/summary.js';
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import {
  PAIRED_CHART_KINDS,
  PlotOptionError,
  SNAPSHOT_CHART_KINDS,
  type PairedPlotOptions,
  type ScopeChartOptions,
  type SnapshotPlotOptions,
} from '../../options/plot-options.js';
import { threadBands } from '../../aggregate/malloc-tag/thread-bands.js';
import { measureNote, measureTitle } from '../../aggregate/malloc-tag/scope-measure.js';
import { renderChartSvg } from '../render-chart-svg.js';
import { chartDocument, chartFrame } from './chart-frame.js';
import { icicle } from './icicle.js';
import { scopeBars } from './scope-bars.js';
import { scopeTimeline } from './scope-timeline.js';
import { pairedChart } from './paired-chart.js';
import { snapshotNotes } from './snapshot-notes.js';
import { formatShare } from './value-format.js';

/** What a malloc-tag chart is drawn from: snapshots of one process (in upload order), or a .mem profile's summary with its paired snapshot. */
export type MallocTagChartInput =
  | { kind: 'snapshots'; snapshots: readonly MallocTagSnapshot[] }
  | { kind: 'paired'; summary: ProfileSummary; snapshot: MallocTagSnapshot };

export type MallocTagChartOptions = SnapshotPlotOptions | PairedPlotOptions;

/** Bands of a snapshot by the options (threads split or merged, aggregate). */
export function bandsOf(snapshot: MallocTagSnapshot, options: ScopeChartOptions) {
  return threadBands(snapshot, { threads: options.threads, aggregate: options.aggregate });
}

const isPaired = (options: MallocTagChartOptions): options is PairedPlotOptions => (PAIRED_CHART_KINDS as readonly string[]).includes(options.kind);
const isSnapshot = (options: MallocTagChartOptions): options is SnapshotPlotOptions => (SNAPSHOT_CHART_KINDS as readonly string[]).includes(options.kind);

export function renderMallocTagSvg(input: MallocTagChartInput, options: MallocTagChartOptions): string {
  if (input.kind === 'paired') {
    if (!isPaired(options)) throw new PlotOptionError('kind', options.kind, `one of ${PAIRED_CHART_KINDS.join(', ')} (a .mem profile with a paired snapshot)`);
    return options.kind === 'heap' ? renderChartSvg(input.summary, options) : pairedChart(input.summary, input.snapshot, options);
  }
  if (!isSnapshot(options)) throw new PlotOptionError('kind', options.kind, `one of ${SNAPSHOT_CHART_KINDS.join(', ')} (malloc-tag snapshots)`);
  if (input.snapshots.length === 0) throw new PlotOptionError('snapshots', 0, 'at least one malloc-tag snapshot');
  if (options.kind === 'timeline') return scopeTimeline(input.snapshots, options);
  // icicle and bars draw one snapshot: the last one uploaded (the latest).
  const snapshot = input.snapshots[input.snapshots.length - 1];
  if (options.kind === 'bars') return scopeBars(snapshot, options);
  return icicleChart(snapshot, options, input.snapshots.length);
}

function icicleChart(snapshot: MallocTagSnapshot, options: SnapshotPlotOptions, count: number): string {
  const hasFreed = snapshot.format === '1.2+';
  const bands = bandsOf(snapshot, options);
  const messages = snapshotNotes(snapshot, count);
  const note = measureNote(options.measure, hasFreed);
  if (note) messages.push(note);
  // The header is laid out twice: the icicle's own notes (bands or rows left out) are only known once it has its area.
  const caption = (deepest: string) => `pid ${snapshot.pid}, ${snapshot.snapshotTime} · width: ${measureTitle(options.measure, hasFreed)} · colour: the scope's own share (deepest red ${deepest} of all)`;
  let frame = chartFrame(options, caption('–'), messages);
  const areaOf = (top: number) => ({ left: frame.sizing.padding, top, width: options.width - 2 * frame.sizing.padding, height: Math.max(10, options.height - top - frame.sizing.padding) });
  let drawn = icicle({ bands, measure: options.measure, hasFreed, theme: options.theme, area: areaOf(frame.top), fontSize: frame.sizing.fontSize, mutedText: frame.theme.mutedText });
  frame = chartFrame(options, caption(formatShare(drawn.deepestShare, 1)), [...messages, ...drawn.messages]);
  drawn = icicle({ bands, measure: options.measure, hasFreed, theme: options.theme, area: areaOf(frame.top), fontSize: frame.sizing.fontSize, mutedText: frame.theme.mutedText });
  return chartDocument(options, 'malloc-tag scopes', [drawn.element, ...frame.header]);
}
