/**
 * Hand-built profile summaries for chart tests: a summary from arrays of { heap, stack, time },
 * M4 along both axes with a chosen number of buckets (one bucket per entry gives the
 * "every-point" summary), and the raw entries of a recorded fixture file.
 */
import { readFileSync } from 'node:fs';
import { type M4Axis, type M4Series, type ProfileSummary, type ProfileWarning } from '../../src/aggregate/summary.js';
import { STATS_VERSION, SUMMARY_VERSION } from '../../src/versions.js';

export interface EntryPoint {
  heap: number;
  stack: number;
  /** Ticks since the header's start time. */
  time: number;
}

function emptySeries(axis: M4Axis, bucketWidth: number, buckets: number, maxPosition: number): M4Series {
  const zeros = () => new Array<number>(buckets).fill(0);
  return {
    axis,
    bucketWidth,
    count: zeros(),
    heap: { first: zeros(), last: zeros(), min: zeros(), max: zeros() },
    stack: { first: zeros(), last: zeros(), min: zeros(), max: zeros() },
    total: { min: zeros(), max: zeros() },
    maxPosition,
  };
}

/** M4 of the entries along one axis: bucket b holds positions [b·width, (b+1)·width). */
export function m4Series(axis: M4Axis, entries: readonly EntryPoint[], buckets: number): M4Series {
  if (entries.length === 0) return emptySeries(axis, 1, 0, -1);
  const positions = entries.map((entry, index) => (axis === 'index' ? index : entry.time));
  const maxPosition = Math.max(...positions);
  const width = axis === 'index' ? Math.max(1, Math.ceil((maxPosition + 1) / buckets)) : Math.max(1, (maxPosition + 1) / buckets);
  const series = emptySeries(axis, width, Math.floor(maxPosition / width) + 1, maxPosition);
  entries.forEach((entry, index) => {
    const b = Math.floor(positions[index] / width);
    const total = entry.heap + entry.stack;
    if (series.count[b] === 0) {
      series.heap.first[b] = series.heap.min[b] = series.heap.max[b] = entry.heap;
      series.stack.first[b] = series.stack.min[b] = series.stack.max[b] = entry.stack;
      series.total.min[b] = series.total.max[b] = total;
    }
    series.count[b] += 1;
    series.heap.last[b] = entry.heap;
    series.stack.last[b] = entry.stack;
    series.heap.min[b] = Math.min(series.heap.min[b], entry.heap);
    series.heap.max[b] = Math.max(series.heap.max[b], entry.heap);
    series.stack.min[b] = Math.min(series.stack.min[b], entry.stack);
    series.stack.max[b] = Math.max(series.stack.max[b], entry.stack);
    series.total.min[b] = Math.min(series.total.min[b], total);
    series.total.max[b] = Math.max(series.total.max[b], total);
  });
  return series;
}

export interface SummaryOptions {
  /** Buckets along each axis (default 4096); entries.length gives one bucket per entry on the index axis. */
  buckets?: number;
  startTime?: number;
  warnings?: ProfileWarning[];
}

/** A summary as summarize.ts would make it from these entries (header complete, times relative to startTime). */
export function summaryFromEntries(entries: readonly EntryPoint[], options: SummaryOptions = {}): ProfileSummary {
  const buckets = options.buckets ?? 4096;
  const start = options.startTime ?? 1_000_000;
  let peakHeap = 0;
  let peakStack = 0;
  let peakTotal = 0;
  let peakIndex = -1;
  entries.forEach((entry, index) => {
    if (peakIndex < 0 || entry.heap > peakHeap) {
      peakHeap = entry.heap;
      peakIndex = index;
    }
    peakStack = Math.max(peakStack, entry.stack);
    peakTotal = Math.max(peakTotal, entry.heap + entry.stack);
  });
  const last = entries[entries.length - 1];
  const times = entries.map((entry) => entry.time);
  const absolute = (ticks: number) => String(start + ticks);
  const end = entries.length ? absolute(Math.max(...times)) : String(start);
  return {
    version: SUMMARY_VERSION,
    id: null,
    stats: {
      version: STATS_VERSION,
      entries: entries.length,
      bytes: (entries.length + 2) * 24,
      trailingBytes: 0,
      headerComplete: true,
      peak: { heap: peakHeap, stack: peakStack, total: peakTotal },
      peakHeapAt: peakIndex < 0 ? null : { index: peakIndex, time: absolute(entries[peakIndex].time) },
      final: last ? { heap: last.heap, stack: last.stack } : null,
      header: { peakHeap, peakStack, peakTotal, startTime: String(start), endTime: end },
      time: {
        start: String(start),
        end,
        first: entries.length ? absolute(entries[0].time) : null,
        last: last ? absolute(last.time) : null,
        min: entries.length ? absolute(Math.min(...times)) : null,
        max: entries.length ? absolute(Math.max(...times)) : null,
        nonMonotonicSteps: 0,
      },
      heapChanges: { increases: 0, decreases: 0, unchanged: 0 },
      deltaHistogram: [],
      meanHeap: null,
      meanHeapOverCalls: entries.length ? entries.reduce((sum, entry) => sum + entry.heap, 0) / entries.length : null,
      temporary: 0,
      duration: Number(end) - start,
      durationSeconds: null,
      warnings: options.warnings ?? [],
    },
    m4: { index: m4Series('index', entries, buckets), time: m4Series('time', entries, buckets) },
  };
}

/** The entries of a recorded .mem file (heap read as signed, time relative to the header start). */
export function readMemEntries(path: string): EntryPoint[] {
  const bytes = readFileSync(path);
  const records = Math.floor(bytes.length / 24);
  const view = new DataView(bytes.buffer, bytes.byteOffset, records * 24);
  const start = view.getBigUint64(16, true);
  const entries: EntryPoint[] = [];
  for (let r = 2; r < records; r += 1) {
    const offset = r * 24;
    entries.push({
      heap: Number(view.getBigInt64(offset, true)),
      stack: Number(view.getBigUint64(offset + 8, true)),
      time: Number(((BigInt(view.getUint32(offset + 20, true)) << 32n) | BigInt(view.getUint32(offset + 16, true))) - start),
    });
  }
  return entries;
}
