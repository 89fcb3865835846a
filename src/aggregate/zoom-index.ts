/**
 * The zoom index of one file, built in the same pass as its summary (on the series worker for
 * large inputs), in constant memory: the entries in compact raw chunks (zoom-codec.ts), and levels
 * of M4 buckets along the call index, each `factor` times coarser than the one below, from
 * `firstWidth` entries per bucket up. Pieces go to a sink as they fill (the service stores them);
 * the directory returned at the end says what was written. Only the calls axis has bucket levels:
 * time windows read the raw chunks whose time range meets them (each chunk's min and max time are
 * in the directory), because memusage's times can step back and a time grid fixed in advance
 * would need every chunk open at once.
 */
import type { MemHeader } from '../format/mem-format.js';
import type { RecordBatch } from '../format/read-mem-file.js';
import { LEVEL_COLUMNS, RAW_ENTRY_MAX_BYTES, VarintWriter } from './zoom-codec.js';

const TWO_32 = 4294967296;

export interface ZoomLayout {
  /** Entries per raw chunk. */
  chunkEntries: number;
  /** Entries per bucket of the finest level. */
  firstWidth: number;
  /** Each level's buckets merge this many of the level below. */
  factor: number;
  levels: number;
  /** Buckets per level chunk. */
  bucketsPerChunk: number;
}

/**
 * 65,536 entries per raw chunk (about 0.4 MB, decoded in about a millisecond); buckets of 64,
 * 512, 4,096, 32,768 and 262,144 entries in chunks of 8,192 (640 KB). A window of w entries at
 * c columns reads the level of the largest width ≤ w / c: at most 8 c buckets, or 64 c entries.
 */
export const DEFAULT_ZOOM_LAYOUT: ZoomLayout = { chunkEntries: 65536, firstWidth: 64, factor: 8, levels: 5, bucketsPerChunk: 8192 };

export interface ZoomDirectory {
  layout: ZoomLayout;
  entries: number;
  /** Per raw chunk: its bytes, and the smallest and largest time position (ticks since the start, negatives as 0) of its entries. */
  chunks: Array<{ bytes: number; minTime: number; maxTime: number }>;
  /** Per level: bucket width and bucket count. */
  levels: Array<{ width: number; length: number }>;
  /** Bytes of every piece written. */
  bytes: number;
}

/** A piece of the index: its name within the index, and its bytes. */
export type ZoomPieceSink = (name: string, bytes: Uint8Array) => void;

export function rawChunkName(chunk: number): string {
  return `r${chunk}`;
}

export function levelChunkName(level: number, chunk: number): string {
  return `l${level}.${chunk}`;
}

/** One level: the bucket being merged, the chunk being filled, and the level above. */
class LevelWriter {
  readonly values: Float64Array;
  /** Buckets written to the open chunk, chunks emitted, sub-buckets merged into the open bucket. */
  filled = 0;
  chunk = 0;
  merged = 0;
  private hF = 0;
  private hL = 0;
  private hMin = 0;
  private hMax = 0;
  private sF = 0;
  private sL = 0;
  private sMin = 0;
  private sMax = 0;
  private tMin = 0;
  private tMax = 0;

  constructor(
    readonly level: number,
    readonly factor: number,
    private readonly bucketsPerChunk: number,
    private readonly next: LevelWriter | null,
    private readonly emit: (level: number, chunk: number, values: Float64Array, filled: number) => void,
  ) {
    this.values = new Float64Array(LEVEL_COLUMNS * bucketsPerChunk);
  }

  add(hF: number, hL: number, hMin: number, hMax: number, sF: number, sL: number, sMin: number, sMax: number, tMin: number, tMax: number): void {
    if (this.merged === 0) {
      this.hF = hF;
      this.hMin = hMin;
      this.hMax = hMax;
      this.sF = sF;
      this.sMin = sMin;
      this.sMax = sMax;
      this.tMin = tMin;
      this.tMax = tMax;
    } else {
      if (hMin < this.hMin) this.hMin = hMin;
      if (hMax > this.hMax) this.hMax = hMax;
      if (sMin < this.sMin) this.sMin = sMin;
      if (sMax > this.sMax) this.sMax = sMax;
      if (tMin < this.tMin) this.tMin = tMin;
      if (tMax > this.tMax) this.tMax = tMax;
    }
    this.hL = hL;
    this.sL = sL;
    if (++this.merged === this.factor) this.close();
  }

  /** Writes the open bucket (if any) into the chunk and hands it to the level above. */
  close(): void {
    if (this.merged === 0) return;
    const n = this.bucketsPerChunk;
    const v = this.values;
    const b = this.filled;
    v[b] = this.hF;
    v[n + b] = this.hL;
    v[2 * n + b] = this.hMin;
    v[3 * n + b] = this.hMax;
    v[4 * n + b] = this.sF;
    v[5 * n + b] = this.sL;
    v[6 * n + b] = this.sMin;
    v[7 * n + b] = this.sMax;
    v[8 * n + b] = this.tMin;
    v[9 * n + b] = this.tMax;
    this.merged = 0;
    this.next?.add(this.hF, this.hL, this.hMin, this.hMax, this.sF, this.sL, this.sMin, this.sMax, this.tMin, this.tMax);
    if (++this.filled === n) this.flush();
  }

  flush(): void {
    if (this.filled === 0) return;
    this.emit(this.level, this.chunk++, this.values, this.filled);
    this.filled = 0;
  }
}

export class ZoomIndexBuilder {
  private readonly layout: ZoomLayout;
  private readonly sink: ZoomPieceSink;
  private readonly startHi: number = -0;
  private readonly startLo: number = -0;
  private readonly writer: VarintWriter;
  private readonly levels: LevelWriter[] = [];
  private readonly chunks: ZoomDirectory['chunks'] = [];
  private bytes = 0;
  private entries = 0;
  /** The open raw chunk: entries in it, previous values, time range. */
  private inChunk = 0;
  private prevHeap = -0;
  private prevStack = -0;
  private prevTime = -0;
  private minTime = -0;
  private maxTime = -0;

  constructor(header: MemHeader, sink: ZoomPieceSink, layout: ZoomLayout = DEFAULT_ZOOM_LAYOUT) {
    this.layout = layout;
    this.sink = sink;
    this.startHi = header.first.timeHi;
    this.startLo = header.first.timeLo;
    this.writer = new VarintWriter(layout.chunkEntries * RAW_ENTRY_MAX_BYTES);
    const emit = (level: number, chunk: number, values: Float64Array, filled: number) => this.emitLevel(level, chunk, values, filled);
    let next: LevelWriter | null = null;
    for (let level = layout.levels - 1; level >= 0; level--) {
      next = new LevelWriter(level, level === 0 ? layout.firstWidth : layout.factor, layout.bucketsPerChunk, next, emit);
      this.levels.unshift(next);
    }
  }

  private emitLevel(level: number, chunk: number, values: Float64Array, filled: number): void {
    const n = this.layout.bucketsPerChunk;
    const out = new Float64Array(LEVEL_COLUMNS * filled);
    for (let k = 0; k < LEVEL_COLUMNS; k++) out.set(values.subarray(k * n, k * n + filled), k * filled);
    const bytes = new Uint8Array(out.buffer);
    this.bytes += bytes.length;
    this.sink(levelChunkName(level, chunk), bytes);
  }

  private flushChunk(): void {
    if (this.inChunk === 0) return;
    const bytes = this.writer.take();
    const length = bytes.length;
    // Recorded before the sink takes the bytes: a worker hands them over, which empties this view.
    this.bytes += length;
    this.chunks.push({ bytes: length, minTime: this.minTime, maxTime: this.maxTime });
    this.sink(rawChunkName(this.chunks.length - 1), bytes);
    this.writer.reset();
    this.inChunk = 0;
  }

  addBatch(batch: RecordBatch): void {
    const w = batch.words;
    const count = batch.count;
    const startHi = this.startHi;
    const startLo = this.startLo;
    const chunkEntries = this.layout.chunkEntries;
    const writer = this.writer;
    const level0 = this.levels[0]!;
    for (let r = 0, b = 0; r < count; r++, b += 6) {
      const heap = (w[b + 1]! | 0) * TWO_32 + w[b]!;
      const stack = w[b + 3]! * TWO_32 + w[b + 2]!;
      const time = (w[b + 5]! - startHi) * TWO_32 + (w[b + 4]! - startLo);
      const position = time < 0 ? 0 : time;
      if (this.inChunk === 0) {
        this.prevHeap = this.prevStack = this.prevTime = 0;
        this.minTime = this.maxTime = position;
      } else if (position < this.minTime) this.minTime = position;
      else if (position > this.maxTime) this.maxTime = position;
      writer.writeDelta(heap - this.prevHeap, heap);
      writer.writeDelta(stack - this.prevStack, stack);
      writer.writeDelta(time - this.prevTime, time);
      this.prevHeap = heap;
      this.prevStack = stack;
      this.prevTime = time;
      const total = heap + stack;
      level0.add(heap, heap, heap, heap, stack, stack, stack, stack, total, total);
      if (++this.inChunk === chunkEntries) this.flushChunk();
    }
    this.entries += count;
  }

  /** Writes what is still open and says what the index holds. */
  finish(): ZoomDirectory {
    this.flushChunk();
    for (const level of this.levels) {
      level.close();
      level.flush();
    }
    const levels = this.levels.map((_, j) => {
      const width = this.layout.firstWidth * this.layout.factor ** j;
      return { width, length: Math.ceil(this.entries / width) };
    });
    return { layout: this.layout, entries: this.entries, chunks: this.chunks, levels, bytes: this.bytes };
  }
}

/** What the store keeps under the profile's id: which build wrote the pieces, and what they hold. */
export interface ZoomManifest {
  build: string;
  directory: ZoomDirectory;
}

export function encodeZoomManifest(manifest: ZoomManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(manifest));
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** The manifest, checked for the shape the reader relies on; null when it is not one. */
export function decodeZoomManifest(bytes: Uint8Array): ZoomManifest | null {
  try {
    const m = JSON.parse(new TextDecoder().decode(bytes)) as ZoomManifest;
    const d = m.directory;
    const l = d.layout;
    const positive = [l.chunkEntries, l.firstWidth, l.factor, l.levels, l.bucketsPerChunk].every((x) => isCount(x) && x > 0);
    if (typeof m.build !== 'string' || !positive || !isCount(d.entries) || !isCount(d.bytes)) return null;
    if (!Array.isArray(d.chunks) || d.chunks.length !== Math.ceil(d.entries / l.chunkEntries)) return null;
    if (!d.chunks.every((c) => isCount(c.bytes) && Number.isFinite(c.minTime) && Number.isFinite(c.maxTime))) return null;
    if (!Array.isArray(d.levels) || d.levels.length !== l.levels) return null;
    if (!d.levels.every((v, j) => v.width === l.firstWidth * l.factor ** j && v.length === Math.ceil(d.entries / v.width))) return null;
    return m;
  } catch {
    return null;
  }
}
