import type { M4Axis, M4Series } from './summary.js';

/**
 * Most buckets an M4 accumulator holds. When a position falls past the last bucket, neighbours
 * are merged pairwise and the bucket width doubles, so a finished series has between half of
 * this and this many buckets: at least 4096 once there are enough entries, enough for one
 * bucket per device pixel column of any chart up to 4096 px wide.
 */
export const M4_MAX_BUCKETS = 8192;

/**
 * M4 downsampling (Jugel et al., VLDB 2014) of heap, stack and heap + stack in constant memory
 * although the number of entries (or the time span) is unknown until the end. Positions are
 * non-negative: the entry index, or ticks since the start. Peaks are never lost: a bucket's
 * min and max are the exact min and max of every entry that fell into it.
 */
export class M4Accumulator {
  readonly axis: M4Axis;
  readonly capacity: number;
  // Numeric fields start as -0, a double: see bucketStart below.
  width = -0;
  maxPosition = -0;

  private readonly n: Float64Array;
  private readonly hFirst: Float64Array;
  private readonly hLast: Float64Array;
  private readonly hMin: Float64Array;
  private readonly hMax: Float64Array;
  private readonly sFirst: Float64Array;
  private readonly sLast: Float64Array;
  private readonly sMin: Float64Array;
  private readonly sMax: Float64Array;
  private readonly tMin: Float64Array;
  private readonly tMax: Float64Array;
  /** Every column above, for the loops that treat them alike. */
  private readonly columns: Float64Array[];

  /**
   * The open bucket: positions [bucketStart, bucketEnd) and its values. A hot loop may keep
   * these in locals, update them itself, and hand them back with `store` before `openAt`.
   * They start as -0, a double, so that V8 keeps them as doubles from the first store instead
   * of changing their representation (and discarding optimised code) when the first value lands.
   */
  bucketStart = -0;
  bucketEnd = -0;
  cN = -0;
  cHFirst = -0;
  cHLast = -0;
  cHMin = -0;
  cHMax = -0;
  cSFirst = -0;
  cSLast = -0;
  cSMin = -0;
  cSMax = -0;
  cTMin = -0;
  cTMax = -0;
  private cur = -1;

  constructor(axis: M4Axis, options: { capacity?: number; initialWidth?: number } = {}) {
    const capacity = options.capacity ?? M4_MAX_BUCKETS;
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) {
      throw new RangeError(`M4Accumulator capacity: expected an even integer ≥ 2, received ${capacity}`);
    }
    const width = options.initialWidth ?? 1;
    if (!(width > 0) || !Number.isFinite(width)) {
      throw new RangeError(`M4Accumulator initialWidth: expected a positive finite number, received ${width}`);
    }
    this.axis = axis;
    this.capacity = capacity;
    this.width = width;
    this.maxPosition = -1;
    this.n = new Float64Array(capacity);
    this.hFirst = new Float64Array(capacity);
    this.hLast = new Float64Array(capacity);
    this.hMin = new Float64Array(capacity);
    this.hMax = new Float64Array(capacity);
    this.sFirst = new Float64Array(capacity);
    this.sLast = new Float64Array(capacity);
    this.sMin = new Float64Array(capacity);
    this.sMax = new Float64Array(capacity);
    this.tMin = new Float64Array(capacity);
    this.tMax = new Float64Array(capacity);
    this.columns = [this.n, this.hFirst, this.hLast, this.hMin, this.hMax, this.sFirst, this.sLast, this.sMin, this.sMax, this.tMin, this.tMax];
  }

  /** Adds one entry at a position ≥ 0 (the plain path; ProfileAccumulator inlines the same steps). */
  add(position: number, heap: number, stack: number): void {
    if (position > this.maxPosition) this.maxPosition = position;
    if (position < this.bucketStart || position >= this.bucketEnd) this.openAt(position);
    const total = heap + stack;
    if (this.cN === 0) {
      this.cHFirst = this.cHLast = this.cHMin = this.cHMax = heap;
      this.cSFirst = this.cSLast = this.cSMin = this.cSMax = stack;
      this.cTMin = this.cTMax = total;
      this.cN = 1;
      return;
    }
    this.cN++;
    this.cHLast = heap;
    this.cSLast = stack;
    if (heap < this.cHMin) this.cHMin = heap;
    else if (heap > this.cHMax) this.cHMax = heap;
    if (stack < this.cSMin) this.cSMin = stack;
    else if (stack > this.cSMax) this.cSMax = stack;
    if (total < this.cTMin) this.cTMin = total;
    else if (total > this.cTMax) this.cTMax = total;
  }

  /** Hands back the open bucket's values kept by a hot loop. */
  store(
    n: number,
    hFirst: number,
    hLast: number,
    hMin: number,
    hMax: number,
    sFirst: number,
    sLast: number,
    sMin: number,
    sMax: number,
    tMin: number,
    tMax: number,
  ): void {
    this.cN = n;
    this.cHFirst = hFirst;
    this.cHLast = hLast;
    this.cHMin = hMin;
    this.cHMax = hMax;
    this.cSFirst = sFirst;
    this.cSLast = sLast;
    this.cSMin = sMin;
    this.cSMax = sMax;
    this.cTMin = tMin;
    this.cTMax = tMax;
  }

  /**
   * Closes the open bucket and opens the one holding `position` (≥ 0), widening buckets until
   * it fits; its values so far are in the c* fields.
   */
  openAt(position: number): void {
    this.flush();
    let bucket = Math.floor(position / this.width);
    while (bucket >= this.capacity) {
      this.halve();
      bucket = Math.floor(position / this.width);
    }
    this.cur = bucket;
    this.bucketStart = bucket * this.width;
    this.bucketEnd = (bucket + 1) * this.width;
    this.cN = this.n[bucket];
    if (this.cN > 0) {
      this.cHFirst = this.hFirst[bucket];
      this.cHLast = this.hLast[bucket];
      this.cHMin = this.hMin[bucket];
      this.cHMax = this.hMax[bucket];
      this.cSFirst = this.sFirst[bucket];
      this.cSLast = this.sLast[bucket];
      this.cSMin = this.sMin[bucket];
      this.cSMax = this.sMax[bucket];
      this.cTMin = this.tMin[bucket];
      this.cTMax = this.tMax[bucket];
    }
  }

  private flush(): void {
    const b = this.cur;
    if (b < 0 || this.cN === 0) return;
    this.n[b] = this.cN;
    this.hFirst[b] = this.cHFirst;
    this.hLast[b] = this.cHLast;
    this.hMin[b] = this.cHMin;
    this.hMax[b] = this.cHMax;
    this.sFirst[b] = this.cSFirst;
    this.sLast[b] = this.cSLast;
    this.sMin[b] = this.cSMin;
    this.sMax[b] = this.cSMax;
    this.tMin[b] = this.cTMin;
    this.tMax[b] = this.cTMax;
  }

  /** Merges neighbours pairwise into the lower half and doubles the bucket width. */
  private halve(): void {
    const half = this.capacity / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i;
      const b = a + 1;
      const na = this.n[a];
      const nb = this.n[b];
      if (nb === 0) {
        this.move(a, i);
      } else if (na === 0) {
        this.move(b, i);
      } else {
        this.n[i] = na + nb;
        this.hFirst[i] = this.hFirst[a];
        this.sFirst[i] = this.sFirst[a];
        this.hLast[i] = this.hLast[b];
        this.sLast[i] = this.sLast[b];
        this.hMin[i] = Math.min(this.hMin[a], this.hMin[b]);
        this.hMax[i] = Math.max(this.hMax[a], this.hMax[b]);
        this.sMin[i] = Math.min(this.sMin[a], this.sMin[b]);
        this.sMax[i] = Math.max(this.sMax[a], this.sMax[b]);
        this.tMin[i] = Math.min(this.tMin[a], this.tMin[b]);
        this.tMax[i] = Math.max(this.tMax[a], this.tMax[b]);
      }
    }
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) columns[k]!.fill(0, half);
    this.width *= 2;
    this.cur = -1;
    this.cN = 0;
    this.bucketStart = this.bucketEnd = 0;
  }

  private move(from: number, to: number): void {
    if (from === to) return;
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) columns[k]![to] = columns[k]![from]!;
  }

  /** The series so far, trimmed after the last position seen. */
  toSeries(): M4Series {
    this.flush();
    const length = this.maxPosition < 0 ? 0 : Math.floor(this.maxPosition / this.width) + 1;
    const take = (column: Float64Array) => Array.from(column.subarray(0, length));
    return {
      axis: this.axis,
      bucketWidth: this.width,
      count: take(this.n),
      heap: { first: take(this.hFirst), last: take(this.hLast), min: take(this.hMin), max: take(this.hMax) },
      stack: { first: take(this.sFirst), last: take(this.sLast), min: take(this.sMin), max: take(this.sMax) },
      total: { min: take(this.tMin), max: take(this.tMax) },
      maxPosition: this.maxPosition,
    };
  }
}
