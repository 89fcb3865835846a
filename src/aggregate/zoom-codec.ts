/**
 * The byte formats of the zoom index's pieces.
 *
 * Raw chunk: the entries of one chunk as three interleaved streams of zigzag varints, each the
 * difference from the previous entry of the chunk (the first from 0): heap (signed), stack, and
 * time (ticks since the start, signed: times can step back). A difference that does not fit in
 * 2^52 is written as the escape 0 followed by the value itself as a float64 (8 bytes); any other
 * difference d is written as zigzag(d) + 1. Typical memusage entries take 5–7 bytes instead of 24.
 *
 * Level chunk: M4 buckets as a Float64Array of 10 columns × n buckets (column-major): heap first,
 * last, min, max, stack first, last, min, max, total min, max.
 */

const TWO_52 = 4503599627370496;

export interface RawEntries {
  count: number;
  heap: Float64Array;
  stack: Float64Array;
  /** Ticks since the header's start time (negative: before it). */
  time: Float64Array;
}

/** Writes varints into a growable byte buffer. */
export class VarintWriter {
  bytes: Uint8Array;
  length = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Room for `n` more bytes (a chunk's buffer is sized for its worst case, so this never grows). */
  private ensure(n: number): void {
    if (this.length + n > this.bytes.length) throw new RangeError('VarintWriter: capacity exceeded');
  }

  /** A signed difference (exact integers), zigzag + 1, or the escape and the float64 value. */
  writeDelta(delta: number, value: number): void {
    this.ensure(11);
    if (delta >= TWO_52 || delta <= -TWO_52) {
      this.bytes[this.length++] = 0;
      this.scratch.setFloat64(0, value, true);
      for (let i = 0; i < 8; i++) this.bytes[this.length++] = this.scratch.getUint8(i);
      return;
    }
    let z = (delta >= 0 ? delta * 2 : -delta * 2 - 1) + 1;
    const bytes = this.bytes;
    let at = this.length;
    while (z >= 128) {
      bytes[at++] = (z % 128) | 128;
      z = Math.floor(z / 128);
    }
    bytes[at++] = z;
    this.length = at;
  }

  reset(): void {
    this.length = 0;
  }

  /** A copy of what was written. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Most bytes one entry can take (three escapes). */
export const RAW_ENTRY_MAX_BYTES = 27;

/** Decodes a raw chunk of `count` entries. Throws on bytes that do not decode to exactly that. */
export function decodeRawChunk(bytes: Uint8Array, count: number): RawEntries {
  const heap = new Float64Array(count);
  const stack = new Float64Array(count);
  const time = new Float64Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let h = 0;
  let s = 0;
  let t = 0;
  const n = bytes.length;
  const read = (previous: number): number => {
    if (at >= n) throw new RangeError('zoom raw chunk: truncated');
    let byte = bytes[at++]!;
    if (byte === 0) {
      if (at + 8 > n) throw new RangeError('zoom raw chunk: truncated escape');
      const value = view.getFloat64(at, true);
      at += 8;
      return value;
    }
    let z = byte & 127;
    let scale = 128;
    while (byte >= 128) {
      if (at >= n) throw new RangeError('zoom raw chunk: truncated varint');
      byte = bytes[at++]!;
      z += (byte & 127) * scale;
      scale *= 128;
    }
    z -= 1;
    return previous + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
  };
  for (let i = 0; i < count; i++) {
    h = read(h);
    s = read(s);
    t = read(t);
    heap[i] = h;
    stack[i] = s;
    time[i] = t;
  }
  if (at !== n) throw new RangeError(`zoom raw chunk: ${n - at} bytes after ${count} entries`);
  return { count, heap, stack, time };
}

/** Columns of a level chunk, in their order in the Float64Array. */
export const LEVEL_COLUMNS = 10;

export interface LevelBuckets {
  length: number;
  heap: { first: Float64Array; last: Float64Array; min: Float64Array; max: Float64Array };
  stack: { first: Float64Array; last: Float64Array; min: Float64Array; max: Float64Array };
  total: { min: Float64Array; max: Float64Array };
}

/** A level chunk's columns as views of its bytes (copied once into an aligned array). */
export function decodeLevelChunk(bytes: Uint8Array): LevelBuckets {
  if (bytes.length % (8 * LEVEL_COLUMNS) !== 0) throw new RangeError(`zoom level chunk: ${bytes.length} bytes is not a whole number of buckets`);
  const values = new Float64Array(bytes.length / 8);
  new Uint8Array(values.buffer).set(bytes);
  const n = values.length / LEVEL_COLUMNS;
  const col = (k: number) => values.subarray(k * n, (k + 1) * n);
  return {
    length: n,
    heap: { first: col(0), last: col(1), min: col(2), max: col(3) },
    stack: { first: col(4), last: col(5), min: col(6), max: col(7) },
    total: { min: col(8), max: col(9) },
  };
}
