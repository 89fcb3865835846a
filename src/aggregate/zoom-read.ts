/**
 * Answers a zoom window from the zoom index (zoom-index.ts), reading only the pieces it overlaps.
 *
 * Calls axis (Perfetto's approach): the source is ONE level whose bucket width is the largest that
 * is at most the window's width / columns: the stored summary, an index level, or single calls.
 * Its buckets merge, whole, into columns on an aligned grid (summary-series.ts), so each column is
 * exactly the M4 of its [from, to) by construction; a window holding fewer calls than columns
 * gets one column per call. At most 8× the column count of buckets (or 64× of calls) are read.
 *
 * Time axis: the summary while it gives at least half the columns asked; finer, the raw chunks
 * whose time range meets the window are scanned (up to RAW_SCAN_MAX_ENTRIES entries, else the
 * summary answers, exactly but coarser) and each entry timed in the window goes to the column of
 * its time, in file order. Entries timed before the start count as at the start.
 */
import { decodeLevelChunk, decodeRawChunk } from './zoom-codec.js';
import { levelChunkName, rawChunkName, type ZoomDirectory } from './zoom-index.js';
import { mergeColumns, planColumns, type BucketRun, type ColumnPlan, type PositionColumn, type PositionWindow } from './summary-series.js';
import type { M4Series } from './summary.js';

/** Most entries a time window decodes from raw chunks (a few tens of milliseconds). */
export const RAW_SCAN_MAX_ENTRIES = 1 << 21;

/** Reads one piece of a profile's index by name; null when the store no longer has it. */
export type ZoomPieceSource = (name: string) => Promise<Uint8Array | null>;

/** A piece the directory names is gone (evicted): the index is no longer whole. */
export class ZoomPieceMissing extends Error {
  constructor(readonly piece: string) {
    super(`zoom index piece ${piece} is missing`);
    this.name = 'ZoomPieceMissing';
  }
}

export interface ZoomColumns {
  columns: PositionColumn[];
  /** 'index': an index level's buckets; 'calls': computed from the raw records. */
  source: 'index' | 'calls';
  /** One call (calls axis) or one tick (time axis) per column: nothing finer exists. */
  finest: boolean;
}

async function piece(source: ZoomPieceSource, name: string): Promise<Uint8Array> {
  const bytes = await source(name);
  if (!bytes) throw new ZoomPieceMissing(name);
  return bytes;
}

/** The raw entries [first, end) of the calls axis as a run of one-call buckets. */
async function rawRun(directory: ZoomDirectory, source: ZoomPieceSource, first: number, end: number): Promise<BucketRun> {
  const per = directory.layout.chunkEntries;
  const c0 = Math.floor(first / per);
  const c1 = Math.ceil(end / per);
  const decoded = await Promise.all(
    Array.from({ length: c1 - c0 }, async (_, k) => {
      const chunk = c0 + k;
      const count = Math.min(per, directory.entries - chunk * per);
      return decodeRawChunk(await piece(source, rawChunkName(chunk)), count);
    }),
  );
  const length = decoded.reduce((n, d) => n + d.count, 0);
  const heap = new Float64Array(length);
  const stack = new Float64Array(length);
  const total = new Float64Array(length);
  let at = 0;
  for (const d of decoded) {
    heap.set(d.heap, at);
    stack.set(d.stack, at);
    for (let i = 0; i < d.count; i++) total[at + i] = d.heap[i]! + d.stack[i]!;
    at += d.count;
  }
  const h = { first: heap, last: heap, min: heap, max: heap };
  const s = { first: stack, last: stack, min: stack, max: stack };
  return { width: 1, first: c0 * per, count: null, heap: h, stack: s, total: { min: total, max: total } };
}

/** Buckets [first, end) of one level as a run. */
async function levelRun(directory: ZoomDirectory, source: ZoomPieceSource, level: number, first: number, end: number): Promise<BucketRun> {
  const per = directory.layout.bucketsPerChunk;
  const c0 = Math.floor(first / per);
  const c1 = Math.ceil(end / per);
  const decoded = await Promise.all(Array.from({ length: c1 - c0 }, async (_, k) => decodeLevelChunk(await piece(source, levelChunkName(level, c0 + k)))));
  const length = decoded.reduce((n, d) => n + d.length, 0);
  const columns = Array.from({ length: 10 }, () => new Float64Array(length));
  let at = 0;
  for (const d of decoded) {
    [d.heap.first, d.heap.last, d.heap.min, d.heap.max, d.stack.first, d.stack.last, d.stack.min, d.stack.max, d.total.min, d.total.max].forEach((c, k) => columns[k]!.set(c, at));
    at += d.length;
  }
  const [hF, hL, hMin, hMax, sF, sL, sMin, sMax, tMin, tMax] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  return {
    width: directory.levels[level]!.width,
    first: c0 * per,
    count: null,
    heap: { first: hF, last: hL, min: hMin, max: hMax },
    stack: { first: sF, last: sL, min: sMin, max: sMax },
    total: { min: tMin, max: tMax },
  };
}

/**
 * Columns of a calls-axis window from the index, or null when the summary (width `summaryWidth`)
 * is the right source for it.
 */
export async function zoomCallColumns(directory: ZoomDirectory, source: ZoomPieceSource, window: PositionWindow, buckets: number, summaryWidth: number): Promise<ZoomColumns | null> {
  const end = directory.entries;
  const span = Math.min(window.to, end) - Math.max(0, window.from);
  if (span <= 0) return null;
  const ideal = span / buckets;
  if (summaryWidth <= ideal) return null;
  let level = -1;
  for (let j = 0; j < directory.levels.length; j++) if (directory.levels[j]!.width <= ideal && directory.levels[j]!.width < summaryWidth) level = j;
  if (level < 0) {
    const plan = planColumns(1, end, end, window, buckets);
    const run = await rawRun(directory, source, plan.firstBucket, plan.endBucket);
    return { columns: mergeColumns(plan, run), source: 'calls', finest: plan.group === 1 };
  }
  const { width, length } = directory.levels[level]!;
  const plan = planColumns(width, length, end, window, buckets);
  const run = await levelRun(directory, source, level, plan.firstBucket, plan.endBucket);
  return { columns: mergeColumns(plan, run), source: 'index', finest: false };
}

/**
 * Columns of a time-axis window from the raw chunks, or null when the summary (`series`, the
 * time axis M4) answers it: coarse enough, or too many entries to scan.
 */
export async function zoomTimeColumns(directory: ZoomDirectory, source: ZoomPieceSource, window: PositionWindow, buckets: number, series: M4Series): Promise<ZoomColumns | null> {
  const end = series.maxPosition + 1;
  const summaryPlan = planColumns(series.bucketWidth, series.count.length, end, window, buckets);
  if (summaryPlan.group > 1 || summaryPlan.c1 - summaryPlan.c0 >= buckets / 2) return null;
  const plan = planColumns(1, end, end, window, buckets);
  if (plan.c0 >= plan.c1) return null;
  // The columns' edges snap outward: every entry timed in [c0 × group, c1 × group) counts.
  const from = plan.c0 * plan.group;
  const to = plan.c1 * plan.group;
  const per = directory.layout.chunkEntries;
  const chunks: number[] = [];
  let entries = 0;
  directory.chunks.forEach((chunk, k) => {
    if (chunk.maxTime < from || chunk.minTime >= to) return;
    chunks.push(k);
    entries += Math.min(per, directory.entries - k * per);
  });
  if (entries > RAW_SCAN_MAX_ENTRIES) return null;
  return { columns: await scanTime(directory, source, chunks, plan), source: 'calls', finest: plan.group === 1 };
}

/** Each entry of the chunks timed in the plan's window, into the column of its time, in file order. */
async function scanTime(directory: ZoomDirectory, source: ZoomPieceSource, chunks: number[], plan: ColumnPlan): Promise<PositionColumn[]> {
  const { group, c0, c1 } = plan;
  const from = c0 * group;
  const to = c1 * group;
  const n = c1 - c0;
  const count = new Float64Array(n);
  const cols = Array.from({ length: 10 }, () => new Float64Array(n));
  const [hF, hL, hMin, hMax, sF, sL, sMin, sMax, tMin, tMax] = cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const per = directory.layout.chunkEntries;
  const decoded = await Promise.all(chunks.map(async (k) => decodeRawChunk(await piece(source, rawChunkName(k)), Math.min(per, directory.entries - k * per))));
  for (const d of decoded) {
    for (let i = 0; i < d.count; i++) {
      const t = d.time[i]! < 0 ? 0 : d.time[i]!;
      if (t < from || t >= to) continue;
      const c = Math.floor(t / group) - c0;
      const heap = d.heap[i]!;
      const stack = d.stack[i]!;
      const total = heap + stack;
      if (count[c]++ === 0) {
        hF[c] = hMin[c] = hMax[c] = heap;
        sF[c] = sMin[c] = sMax[c] = stack;
        tMin[c] = tMax[c] = total;
      } else {
        if (heap < hMin[c]!) hMin[c] = heap;
        if (heap > hMax[c]!) hMax[c] = heap;
        if (stack < sMin[c]!) sMin[c] = stack;
        if (stack > sMax[c]!) sMax[c] = stack;
        if (total < tMin[c]!) tMin[c] = total;
        if (total > tMax[c]!) tMax[c] = total;
      }
      hL[c] = heap;
      sL[c] = stack;
    }
  }
  const run: BucketRun = {
    width: group,
    first: c0,
    count,
    heap: { first: hF, last: hL, min: hMin, max: hMax },
    stack: { first: sF, last: sL, min: sMin, max: sMax },
    total: { min: tMin, max: tMax },
  };
  // The columns are the run's buckets, one each; their edges are those of the tick grid.
  return mergeColumns({ width: group, group: 1, c0, c1, firstBucket: c0, endBucket: c1, window: plan.window, end: plan.end }, run);
}
