/** Builds memusage data files in memory for tests: the same 24-byte records memusage writes. */

export interface EntrySpec {
  /** Signed heap (bigint for values past 2^53). */
  heap: number | bigint;
  stack: number | bigint;
  time: number | bigint;
}

export interface MemSpec {
  entries: EntrySpec[];
  /** Start time (default: the first entry's time minus 10, or 1000). */
  start?: number | bigint;
  /** Write a complete header (peaks and end) as memusage's exit handler does (default true). */
  complete?: boolean;
}

function record(out: Buffer, offset: number, heap: bigint, stack: bigint, time: bigint): void {
  out.writeBigUInt64LE(BigInt.asUintN(64, heap), offset);
  out.writeBigUInt64LE(BigInt.asUintN(64, stack), offset + 8);
  out.writeUInt32LE(Number(time & 0xffffffffn), offset + 16);
  out.writeUInt32LE(Number((time >> 32n) & 0xffffffffn), offset + 20);
}

export function buildMem(spec: MemSpec): Buffer {
  const entries = spec.entries.map((e) => ({ heap: BigInt(e.heap), stack: BigInt(e.stack), time: BigInt(e.time) }));
  const start = spec.start !== undefined ? BigInt(spec.start) : entries.length ? entries[0].time - 10n : 1000n;
  const out = Buffer.alloc(24 * (entries.length + 2));
  if (spec.complete === false) {
    record(out, 0, 0n, 0n, start);
    record(out, 24, 0n, 0n, start);
  } else {
    // memusage's exit handler: running maxima over the unsigned counters, and the end time.
    let peakHeap = 0n;
    let peakStack = 0n;
    let peakTotal = 0n;
    let end = start;
    for (const e of entries) {
      const heap = BigInt.asUintN(64, e.heap);
      if (heap > peakHeap) peakHeap = heap;
      if (e.stack > peakStack) peakStack = e.stack;
      const total = BigInt.asUintN(64, heap + e.stack);
      if (total > peakTotal) peakTotal = total;
      if (e.time > end) end = e.time;
    }
    record(out, 0, 0n, peakTotal, start);
    record(out, 24, peakHeap, peakStack, end + 5n);
  }
  entries.forEach((e, i) => record(out, 24 * (i + 2), e.heap, e.stack, e.time));
  return out;
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random walk of allocations and frees, like a real program's heap. */
export function randomEntries(count: number, seed: number, options: { startTime?: number; allowNegative?: boolean } = {}): EntrySpec[] {
  const random = createRandom(seed);
  const entries: EntrySpec[] = [];
  let heap = 0;
  let time = options.startTime ?? 1_000_000;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(2 ** (random() * 20));
    heap += random() < 0.55 ? size : -size;
    if (!options.allowNegative && heap < 0) heap = 0;
    time += Math.floor(random() * 5000);
    entries.push({ heap, stack: Math.floor(random() * 4096), time });
  }
  return entries;
}

/** Splits a buffer into chunks of the given sizes (cycled), as a stream would deliver it. */
export async function* chunked(bytes: Uint8Array, sizes: number[] | (() => number)): AsyncGenerator<Uint8Array> {
  let offset = 0;
  let i = 0;
  while (offset < bytes.length) {
    const size = typeof sizes === 'function' ? sizes() : sizes[i++ % sizes.length];
    // A fresh, possibly unaligned copy, as sockets hand them over.
    const chunk = Buffer.alloc(size + 1).subarray(1);
    const n = Math.min(size, bytes.length - offset);
    chunk.set(bytes.subarray(offset, offset + n));
    yield chunk.subarray(0, n);
    offset += n;
  }
}
