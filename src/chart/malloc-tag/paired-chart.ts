/**
 * A .mem profile beside its paired malloc-tag snapshot (`kind=scopes`): on the left the heap over
 * time, the .mem chart itself (render-chart-svg.ts, nested at its own size), on the right the
 * snapshot's top scopes by the measure, which break that heap down. Below 400 px wide there is no
 * room for both: the heap chart is drawn alone.
 */
import type { ProfileSummary } from '../../aggregate/summary.js';
import type { MallocTagSnapshot } from '../../format/malloc-tag/snapshot.js';
import { WIDTH_RANGE, type PairedPlotOptions } from '../../options/plot-options.js';
import { measureNote, measureTitle } from '../../aggregate/malloc-tag/scope-measure.js';
import { chartSvgElement } from '../render-chart-svg.js';
import { svgElement, type SvgElement } from '../svg-node.js';
import { chartDocument, chartFrame } from './chart-frame.js';
import { barsElement, rankScopes } from './scope-bars.js';
import { snapshotNotes } from './snapshot-notes.js';

/** Narrowest image that has room for the heap and the scopes side by side. */
export const PAIRED_MIN_WIDTH = 400;

export function pairedChart(summary: ProfileSummary, snapshot: MallocTagSnapshot, options: PairedPlotOptions): string {
  const sideBySide = options.width >= PAIRED_MIN_WIDTH;
  const heapWidth = sideBySide ? Math.max(WIDTH_RANGE.min, Math.round(options.width * 0.55)) : options.width;
  const heap = chartSvgElement(summary, { ...options, width: heapWidth });
  const children: SvgElement[] = [{ ...heap, attrs: { ...heap.attrs, x: 0, y: 0 } }];
  if (sideBySide) {
    const hasFreed = snapshot.format === '1.2+';
    const bars = rankScopes(snapshot, options);
    const messages = [...snapshotNotes(snapshot), ...bars.messages];
    const note = measureNote(options.measure, hasFreed);
    if (note) messages.push(note);
    const caption = `malloc-tag snapshot of pid ${snapshot.pid} at ${snapshot.snapshotTime}: top ${options.top} scopes by ${measureTitle(options.measure, hasFreed)}${options.measure === 'net' || options.measure === 'calls' ? ' (the scope itself)' : ''}`;
    const left = heapWidth;
    const width = options.width - heapWidth;
    const draw = (extra: readonly string[]) => {
      const frame = chartFrame({ ...options, title: null }, caption, [...messages, ...extra], left, width);
      const area = { left: left + frame.sizing.padding, top: frame.top, width: width - 2 * frame.sizing.padding, height: Math.max(10, options.height - frame.top - frame.sizing.padding) };
      return { frame, ...barsElement({ bars, measure: options.measure, theme: options.theme, area, fontSize: frame.sizing.fontSize, textColor: frame.theme.text, mutedText: frame.theme.mutedText }) };
    };
    let drawn = draw([]);
    if (drawn.messages.length > 0) drawn = draw(drawn.messages);
    // A rule between the two halves.
    children.push(svgElement('path', { d: `M${left + 0.5},${drawn.frame.sizing.padding}V${options.height - drawn.frame.sizing.padding}`, stroke: drawn.frame.theme.grid, 'stroke-width': 1 }));
    children.push(drawn.element, ...drawn.frame.header);
  }
  return chartDocument(options, 'heap and malloc-tag scopes', children);
}
