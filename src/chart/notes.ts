/**
 * Visible notes about the data: the file's warnings (a crashed program, a truncated tail, time
 * going backwards, a heap counter below zero), each on a tinted line above the plot.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import type { XAxis } from '../options/plot-options.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from './svg-node.js';
import { wrapText } from './text-metrics.js';
import type { ChartDensity } from './layout.js';

/** One note per warning; a heap drawn below zero, and a time axis with nothing to spread, are explained even when the summary has no warning for them. */
export function noteMessages(summary: ProfileSummary, heapMin: number | null, axis: XAxis): string[] {
  const messages = summary.stats.warnings.map((warning) => warning.message);
  if (axis === 'time' && summary.stats.entries > 1 && summary.m4.time.maxPosition <= 0) {
    messages.push('every entry has the same time: the time axis cannot spread them (the calls axis can)');
  }
  if (heapMin !== null && heapMin < 0 && !summary.stats.warnings.some((warning) => warning.code === 'HEAP_NEGATIVE')) {
    messages.push('the heap counter went below zero (memory allocated before tracing was freed): drawn below 0');
  }
  return messages;
}

/** Lines of text for the notes: wrapped to the width (two lines per note when full, one when compact), a count when minimal. */
export function noteLines(messages: readonly string[], density: ChartDensity, fontSize: number, maxWidth: number): string[] {
  if (messages.length === 0) return [];
  if (density === 'minimal') return [`⚠ ${messages.length}`];
  const linesPerNote = density === 'full' ? 2 : 1;
  const notes = density === 'full' ? messages : messages.slice(0, 2);
  const lines: string[] = [];
  for (const message of notes) {
    const wrapped = wrapText(`⚠ ${message}`, { size: fontSize }, maxWidth - fontSize, linesPerNote);
    lines.push(...wrapped.map((line, index) => (index === 0 ? line : `   ${line}`)));
  }
  if (notes.length < messages.length) lines.push(`⚠ ${messages.length - notes.length} more warning(s)`);
  return lines;
}

export interface NotesOptions {
  x: number;
  y: number;
  width: number;
  fontSize: number;
  lineHeight: number;
  textColor: string;
  background: string;
}

export function notes(lines: readonly string[], options: NotesOptions): SvgElement | null {
  if (lines.length === 0) return null;
  const height = lines.length * options.lineHeight + options.fontSize * 0.4;
  return svgGroup({ class: 'notes' }, [
    svgElement('rect', { x: roundCoordinate(options.x), y: roundCoordinate(options.y), width: roundCoordinate(options.width), height: roundCoordinate(height), rx: 3, fill: options.background }),
    svgGroup(
      { fill: options.textColor, 'font-size': options.fontSize },
      lines.map((line, index) =>
        svgText({ x: roundCoordinate(options.x + options.fontSize * 0.5), y: roundCoordinate(options.y + options.fontSize * 0.2 + index * options.lineHeight + options.lineHeight / 2 + options.fontSize * 0.35) }, line),
      ),
    ),
  ]);
}

/** Vertical room the notes take, gap below included. */
export function notesHeight(lines: readonly string[], lineHeight: number, fontSize: number): number {
  return lines.length === 0 ? 0 : lines.length * lineHeight + fontSize * 0.4 + fontSize * 0.5;
}
