/**
 * The stats of a profile as a readable table: peaks with where they happen, the heap left at exit
 * (the leak signal), duration, calls, and each warning with what it means for the chart.
 * Fields the stats may gain (meanHeap, temporary, duration) are shown when present.
 */
import type { ProfileStats } from '../../aggregate/summary.js';
import { formatBinaryBytes } from '../../chart/byte-format.js';
import { escapeHtml } from './html.js';

/** What each warning means for the reader of the chart, beyond its message. */
const WARNING_EXPLANATIONS: Readonly<Record<string, string>> = {
  HEADER_INCOMPLETE: 'The program ended without running memusage\'s exit handler (it crashed, was killed or called _exit): the header\'s peaks and end time are missing, so memplot computed them from the entries. The last entries before the end may be lost.',
  TRAILING_BYTES: 'The file ends in the middle of a record (the program was killed while writing): the partial record was dropped.',
  NO_ENTRIES: 'The file holds no calls: nothing to draw.',
  HEAP_NEGATIVE: 'memory allocated before tracing started was freed while tracing (typical of memusage --mmap): the counter goes below zero, which memplot draws honestly instead of as 16 EiB.',
  TIME_NON_MONOTONIC: 'Timestamps step backwards: the CPU tick counter is read per core, so entries written by different threads can be out of order. The time axis may look jagged; the calls axis is exact.',
  TIME_BEFORE_START: 'Some entries are timed before the header\'s start: their CPU\'s tick counter differs from the one that wrote the start.',
  HEADER_END_BEFORE_START: 'The header\'s end time is before its start time: the header is damaged, memplot uses the entries\' times.',
  HEADER_PEAK_TOO_LOW: 'The header claims a smaller peak than the entries show: memplot reports the entries\' peak.',
};

const bytes = (value: number): string => `${escapeHtml(formatBinaryBytes(value))} <span class="muted">(${value.toLocaleString('en-US')} B)</span>`;
const count = (value: number): string => escapeHtml(value.toLocaleString('en-US'));

/** Ticks from the header's start to `time` (exact: times are decimal strings beyond 2^53). */
function ticksSinceStart(stats: ProfileStats, time: string): string {
  return (BigInt(time) - BigInt(stats.time.start)).toLocaleString('en-US');
}

function row(header: string, value: string): string {
  return `<tr><th scope="row">${header}</th><td>${value}</td></tr>`;
}

export function statsTable(stats: ProfileStats): string {
  // Fields of issue 12's stats (version 2), shown when the stats carry them.
  const extra = stats as ProfileStats & { meanHeap?: number | null; meanHeapOverCalls?: number | null; temporary?: number; duration?: number; durationSeconds?: number | null };
  const rows: string[] = [];
  const at = stats.peakHeapAt;
  rows.push(row('Peak heap', `${bytes(stats.peak.heap)}${at ? ` at call <a href="#axis=calls&amp;from=${Math.max(0, at.index - 500)}&amp;to=${at.index + 500}" class="peak-link">#${count(at.index)}</a>, ${ticksSinceStart(stats, at.time)} ticks after the start` : ''}`));
  rows.push(row('Peak stack', bytes(stats.peak.stack)));
  rows.push(row('Peak heap + stack', `${bytes(stats.peak.total)} <span class="muted">(largest of one call)</span>`));
  if (stats.final) {
    const leak = stats.final.heap;
    rows.push(row('Heap at exit', `${bytes(leak)} ${leak > 0 ? '<span class="note">still allocated when the program ended: leaked, or freed by the OS</span>' : '<span class="muted">all freed</span>'}`));
  }
  if (typeof extra.meanHeap === 'number') {
    const overCalls = typeof extra.meanHeapOverCalls === 'number' ? `; ${escapeHtml(formatBinaryBytes(extra.meanHeapOverCalls))} averaged over calls` : '';
    rows.push(row('Mean heap', `${bytes(extra.meanHeap)} <span class="muted">(weighted by time${overCalls})</span>`));
  }
  if (typeof extra.temporary === 'number') rows.push(row('Temporary allocations', `${count(extra.temporary)} <span class="muted">(a growth undone by the next change of the same size)</span>`));
  const ticks = typeof extra.duration === 'number' ? extra.duration.toLocaleString('en-US') : (BigInt(stats.time.end) - BigInt(stats.time.start)).toLocaleString('en-US');
  const seconds = typeof extra.durationSeconds === 'number' ? `${escapeHtml(extra.durationSeconds.toPrecision(4))} s, ` : '';
  rows.push(row('Duration', `${seconds}${escapeHtml(ticks)} CPU ticks <span class="muted">(from start to end)</span>`));
  rows.push(row('Calls', `${count(stats.entries)} <span class="muted">(${count(stats.heapChanges.increases)} grew the heap, ${count(stats.heapChanges.decreases)} shrank it, ${count(stats.heapChanges.unchanged)} left it unchanged)</span>`));
  rows.push(row('File', `${bytes(stats.bytes)}${stats.headerComplete ? '' : ' <span class="note">header incomplete</span>'}`));
  const warnings = stats.warnings.length === 0
    ? '<p class="muted">No warnings: the file is complete and consistent.</p>'
    : `<ul class="warnings">${stats.warnings
        .map((warning) => `<li><code>${escapeHtml(warning.code)}</code> ${escapeHtml(warning.message)}${WARNING_EXPLANATIONS[warning.code] ? `<br><span class="explain">${escapeHtml(WARNING_EXPLANATIONS[warning.code])}</span>` : ''}</li>`)
        .join('')}</ul>`;
  return `<table class="stats"><caption>Stats</caption>${rows.join('\n')}</table>
<h3>Warnings</h3>${warnings}`;
}
