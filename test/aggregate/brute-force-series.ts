/**
 * The oracle for series tests: every entry of a file read with the project's reader into plain
 * arrays, and the M4 of any range computed the slow, obvious way.
 */
import { readFileSync } from 'node:fs';
import { readMemFile } from '../../src/format/read-mem-file.js';
import type { M4Values } from '../../src/aggregate/series-columns.js';

export interface Entries {
  heap: number[];
  stack: number[];
  /** Ticks since the header's start time as exact bigints (negative: before the start). */
  time: bigint[];
  start: bigint;
}

export async function readEntries(path: string): Promise<Entries> {
  const out: Entries = { heap: [], stack: [], time: [], start: 0n };
  async function* one() {
    yield new Uint8Array(readFileSync(path));
  }
  for await (const event of readMemFile(one())) {
    if (event.type === 'header') {
      out.start = (BigInt(event.header.first.timeHi) << 32n) | BigInt(event.header.first.timeLo);
    } else if (event.type === 'records') {
      const w = event.batch.words;
      for (let r = 0; r < event.batch.count; r++) {
        const b = r * 6;
        out.heap.push((w[b + 1]! | 0) * 4294967296 + w[b]!);
        out.stack.push(w[b + 3]! * 4294967296 + w[b + 2]!);
        out.time.push(((BigInt(w[b + 5]!) << 32n) | BigInt(w[b + 4]!)) - out.start);
      }
    }
  }
  return out;
}

export interface BruteColumn {
  heap: M4Values;
  stack: M4Values;
  total: M4Values;
}

function m4(values: number[]): M4Values {
  return [values[0]!, values[values.length - 1]!, Math.min(...values), Math.max(...values)];
}

/** The indices of the entries in [from, to): entry indices, or absolute tick strings (times before the start count as at the start). */
export function entriesIn(entries: Entries, axis: 'calls' | 'time', from: number | string, to: number | string): number[] {
  const picked: number[] = [];
  if (axis === 'calls') {
    for (let i = Number(from); i < Math.min(Number(to), entries.heap.length); i++) picked.push(i);
    return picked;
  }
  const lo = BigInt(from) - entries.start;
  const hi = BigInt(to) - entries.start;
  for (let i = 0; i < entries.time.length; i++) {
    const t = entries.time[i]! < 0n ? 0n : entries.time[i]!;
    if (t >= lo && t < hi) picked.push(i);
  }
  return picked;
}

/** M4 of heap, stack and heap + stack over the given entries (in file order); null when none. */
export function bruteM4(entries: Entries, indices: number[]): BruteColumn | null {
  if (indices.length === 0) return null;
  const heap = indices.map((i) => entries.heap[i]!);
  const stack = indices.map((i) => entries.stack[i]!);
  const total = indices.map((i) => entries.heap[i]! + entries.stack[i]!);
  return { heap: m4(heap), stack: m4(stack), total: m4(total) };
}
