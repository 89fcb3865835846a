import { signed64, u64ToString, unsigned64, type MemHeader } from '../format/mem-format.js';
import type { RecordBatch } from '../format/read-mem-file.js';
import { DeltaHistogram, SMALL_LIMIT } from './delta-histogram.js';
import type { ProfileStats, ProfileWarning } from './summary.js';
import { STATS_VERSION } from '../versions.js';

const TWO_32 = 4294967296;

/** Exact byte counts for warnings about a file: "1,234,567 bytes" (the chart says "1.18 MiB": chart/byte-format.ts). */
function formatExactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Compares two times given as (high, low) u32 pairs. */
function timeBefore(hiA: number, loA: number, hiB: number, loB: number): boolean {
  return hiA < hiB || (hiA === hiB && loA < loB);
}

/** Ticks from start to end (exact decimal strings), 0 when the end is before the start. */
function durationTicks(start: string, end: string): number {
  const ticks = BigInt(end) - BigInt(start);
  return ticks > 0n ? Number(ticks) : 0;
}

/**
 * The stats with durationSeconds filled in at `ticksPerSecond` (the file does not say its tick
 * rate: memplot stats and the HTTP routes take it as --ticks-per-second / ticks_per_second).
 */
export function statsAtTickRate(stats: ProfileStats, ticksPerSecond: number | null): ProfileStats {
  return ticksPerSecond === null ? stats : { ...stats, durationSeconds: stats.duration / ticksPerSecond };
}

/**
 * The stats of one file, built in the same pass as the reading: one tight loop per
 * batch of entries, in constant memory. Heap is the signed reading of memusage's unsigned
 * counter; absolute times are kept as exact (high, low) pairs and only their offsets from the
 * start time are used as numbers.
 */
export class StatsAccumulator {
  readonly header: MemHeader;
  private readonly deltas = new DeltaHistogram();
  private readonly startHi: number = -0;
  private readonly startLo: number = -0;

  private entries = 0;
  // Fields that hold heap values, times and u32 words ≥ 2^31 start as -0, a double: V8 then
  // keeps them as doubles from the first store, instead of changing their representation (and
  // throwing away the optimised loop) the first time a batch writes a large value back.
  private peakHeap = Number.NEGATIVE_INFINITY;
  private peakStack = Number.NEGATIVE_INFINITY;
  private peakTotal = Number.NEGATIVE_INFINITY;
  private peakIndex = -1;
  private peakTimeHi = -0;
  private peakTimeLo = -0;
  private lowestHeap = -0;
  private lowestHeapIndex = -1;
  private lastHeap = -0;
  private lastStack = -0;
  private firstTimeHi = -0;
  private firstTimeLo = -0;
  private lastTimeHi = -0;
  private lastTimeLo = -0;
  private minTimeHi = -0;
  private minTimeLo = -0;
  private maxTimeHi = -0;
  private maxTimeLo = -0;
  /** Times as offsets from the start time: exact while within 2^53 ticks of it. */
  private lastTime = -0;
  private minTime = -0;
  private maxTime = -0;
  private nonMonotonic = 0;
  private beforeStart = 0;
  /** Steps of the signed heap from below zero to zero or above, and back. */
  private upCrossings = 0;
  private downCrossings = 0;
  /** Sum of every entry's heap (the mean over entries), and of heap × ticks held (the time-weighted mean). */
  private heapSum = -0;
  private heapTicks = -0;
  /** Ticks between consecutive entries that step forward: the time the weighted sum spans. */
  private heldTicks = -0;
  /** The last step that changed the heap (0 before any): an increase followed by its opposite is a temporary allocation. */
  private lastChange = -0;
  private temporary = 0;

  constructor(header: MemHeader) {
    this.header = header;
    this.startHi = header.first.timeHi;
    this.startLo = header.first.timeLo;
  }

  /**
   * The first entry has no predecessor: it starts the comparisons and is counted neither as a
   * change nor as unchanged (the loop counts it as unchanged; finish() takes it off). Kept out
   * of addBatch so that its optimised loop never sees this once-only branch taken.
   */
  private begin(w: Uint32Array): void {
    this.firstTimeLo = this.minTimeLo = this.maxTimeLo = w[4]!;
    this.firstTimeHi = this.minTimeHi = this.maxTimeHi = w[5]!;
    this.lastTime = this.minTime = this.maxTime = (w[5]! - this.startHi) * TWO_32 + (w[4]! - this.startLo);
    this.lastHeap = signed64(w[0]!, w[1]!);
    if (this.lastHeap < 0) {
      this.lowestHeap = this.lastHeap;
      this.lowestHeapIndex = 0;
    }
  }

  addBatch(batch: RecordBatch): void {
    const w = batch.words;
    const count = batch.count;
    if (this.entries === 0 && count > 0) this.begin(w);
    const startHi = this.startHi;
    const startLo = this.startLo;
    let index = this.entries;
    let peakHeap = this.peakHeap;
    let peakStack = this.peakStack;
    let peakTotal = this.peakTotal;
    let lastHeap = this.lastHeap;
    let prevTime = this.lastTime;
    let minTime = this.minTime;
    let maxTime = this.maxTime;
    const deltas = this.deltas;
    const small = deltas.small;
    let upCrossings = this.upCrossings;
    let downCrossings = this.downCrossings;
    let minHi = this.minTimeHi;
    let minLo = this.minTimeLo;
    let maxHi = this.maxTimeHi;
    let maxLo = this.maxTimeLo;
    let lowestHeap = this.lowestHeap;
    let nonMonotonic = this.nonMonotonic;
    let beforeStart = this.beforeStart;
    let heapSum = this.heapSum;
    let heapTicks = this.heapTicks;
    let heldTicks = this.heldTicks;
    let lastChange = this.lastChange;
    let temporary = this.temporary;
    for (let r = 0, b = 0; r < count; r++, b += 6) {
      const heap = (w[b + 1] | 0) * TWO_32 + w[b];
      const stack = w[b + 3] * TWO_32 + w[b + 2];
      const lo = w[b + 4];
      const hi = w[b + 5];
      const total = heap + stack;
      const time = (hi - startHi) * TWO_32 + (lo - startLo);
      // The previous entry's heap was held from its time to this one's (a step back in time holds nothing).
      const held = time - prevTime;
      if (held > 0) {
        heapTicks += lastHeap * held;
        heldTicks += held;
      }
      heapSum += heap;
      if (heap > peakHeap) {
        peakHeap = heap;
        this.peakIndex = index;
        this.peakTimeHi = hi;
        this.peakTimeLo = lo;
      }
      if (stack > peakStack) peakStack = stack;
      if (total > peakTotal) peakTotal = total;
      // The step's size class, without a branch on its sign (see smallSlot).
      const delta = heap - lastHeap;
      if (Math.abs(delta) < SMALL_LIMIT) small[((delta | 0) >>> 31) * 33 + 32 - Math.clz32(Math.abs(delta))]++;
      else deltas.add(delta);
      // heaptrack's "temporary allocation" on the counter: an increase whose next change is the same size down.
      if (delta !== 0) {
        if (delta < 0 && lastChange === -delta) temporary++;
        lastChange = delta;
      }
      // memusage's counter is unsigned (glibc reads it so): a step across zero goes the other way.
      if (heap < 0 !== lastHeap < 0) {
        if (heap < 0) downCrossings++;
        else upCrossings++;
      }
      if (heap < lowestHeap) {
        lowestHeap = heap;
        this.lowestHeapIndex = index;
      }
      lastHeap = heap;
      if (time < prevTime) {
        nonMonotonic++;
        if (time < minTime) {
          minTime = time;
          minHi = hi;
          minLo = lo;
        }
      } else if (time > maxTime) {
        maxTime = time;
        maxHi = hi;
        maxLo = lo;
      }
      prevTime = time;
      if (time < 0) beforeStart++;
      index++;
    }
    if (count > 0) {
      this.lastTimeLo = w[(count - 1) * 6 + 4];
      this.lastTimeHi = w[(count - 1) * 6 + 5];
    }
    if (count > 0) this.lastStack = unsigned64(w[(count - 1) * 6 + 2], w[(count - 1) * 6 + 3]);
    this.entries = index;
    this.peakHeap = peakHeap;
    this.peakStack = peakStack;
    this.peakTotal = peakTotal;
    this.lastHeap = lastHeap;
    this.lastTime = prevTime;
    this.minTime = minTime;
    this.maxTime = maxTime;
    this.minTimeHi = minHi;
    this.minTimeLo = minLo;
    this.maxTimeHi = maxHi;
    this.maxTimeLo = maxLo;
    this.lowestHeap = lowestHeap;
    this.upCrossings = upCrossings;
    this.downCrossings = downCrossings;
    this.nonMonotonic = nonMonotonic;
    this.beforeStart = beforeStart;
    this.heapSum = heapSum;
    this.heapTicks = heapTicks;
    this.heldTicks = heldTicks;
    this.lastChange = lastChange;
    this.temporary = temporary;
  }

  finish(input: { bytes: number; trailingBytes: number }): ProfileStats {
    const { first, second, complete } = this.header;
    const entries = this.entries;
    const has = entries > 0;
    const warnings: ProfileWarning[] = [];
    const startTime = u64ToString(first.timeLo, first.timeHi);
    const headerEnd = u64ToString(second.timeLo, second.timeHi);
    const headerPeakHeap = signed64(second.heapLo, second.heapHi);
    if (!complete) {
      warnings.push({
        code: 'HEADER_INCOMPLETE',
        message:
          'the program never reached its exit handler (crashed or killed): the header holds no peaks or end time, ' +
          'so they were computed from the entries',
      });
    }
    if (input.trailingBytes > 0) {
      warnings.push({
        code: 'TRAILING_BYTES',
        message: `the last ${input.trailingBytes} bytes are a partial record and were ignored (the program probably died while writing)`,
      });
    }
    if (!has) warnings.push({ code: 'NO_ENTRIES', message: 'the file holds the header only: no allocation was recorded' });
    if (this.lowestHeapIndex >= 0) {
      warnings.push({
        code: 'HEAP_NEGATIVE',
        message:
          `the heap counter went below zero (lowest ${formatExactBytes(this.lowestHeap)} at entry ${this.lowestHeapIndex}): ` +
          'memory allocated before tracing started was freed; heap values are read as signed',
      });
    }
    if (this.nonMonotonic > 0) {
      warnings.push({
        code: 'TIME_NON_MONOTONIC',
        message: `timestamps step back ${this.nonMonotonic === 1 ? 'once' : `${this.nonMonotonic} times`} between consecutive entries (the tick counter is read per CPU and entries can be written out of order)`,
      });
    }
    if (this.beforeStart > 0) {
      warnings.push({
        code: 'TIME_BEFORE_START',
        message: `${this.beforeStart} entries are timed before the header's start time; the time axis places them at the start`,
      });
    }
    if (complete && timeBefore(second.timeHi, second.timeLo, first.timeHi, first.timeLo)) {
      warnings.push({ code: 'HEADER_END_BEFORE_START', message: `the header's end time (${headerEnd}) is before its start time (${startTime})` });
    }
    if (complete && has && headerPeakHeap < this.peakHeap) {
      warnings.push({
        code: 'HEADER_PEAK_TOO_LOW',
        message: `the header's peak heap (${formatExactBytes(headerPeakHeap)}) is below the largest entry (${formatExactBytes(this.peakHeap)}): the entries are used`,
      });
    }
    // A crashed program's end is its latest entry (memusagestat repairs it to the last one).
    const endTime = complete ? headerEnd : has ? u64ToString(this.maxTimeLo, this.maxTimeHi) : startTime;
    const stats: ProfileStats = {
      version: STATS_VERSION,
      entries,
      bytes: input.bytes,
      trailingBytes: input.trailingBytes,
      headerComplete: complete,
      peak: has ? { heap: this.peakHeap, stack: this.peakStack, total: this.peakTotal } : { heap: 0, stack: 0, total: 0 },
      peakHeapAt: has ? { index: this.peakIndex, time: u64ToString(this.peakTimeLo, this.peakTimeHi) } : null,
      final: has ? { heap: this.lastHeap, stack: this.lastStack } : null,
      header: {
        peakHeap: headerPeakHeap,
        peakStack: unsigned64(second.stackLo, second.stackHi),
        peakTotal: signed64(first.stackLo, first.stackHi),
        startTime,
        endTime: headerEnd,
      },
      time: {
        start: startTime,
        end: endTime,
        first: has ? u64ToString(this.firstTimeLo, this.firstTimeHi) : null,
        last: has ? u64ToString(this.lastTimeLo, this.lastTimeHi) : null,
        min: has ? u64ToString(this.minTimeLo, this.minTimeHi) : null,
        max: has ? u64ToString(this.maxTimeLo, this.maxTimeHi) : null,
        nonMonotonicSteps: this.nonMonotonic,
      },
      heapChanges: has
        ? {
            increases: this.deltas.increases - this.upCrossings + this.downCrossings,
            decreases: this.deltas.decreases + this.upCrossings - this.downCrossings,
            // The first entry compared with itself is not a step.
            unchanged: this.deltas.unchanged - 1,
          }
        : { increases: 0, decreases: 0, unchanged: 0 },
      deltaHistogram: this.deltas.toRows(),
      meanHeap: has && this.heldTicks > 0 ? this.heapTicks / this.heldTicks : null,
      meanHeapOverCalls: has ? this.heapSum / entries : null,
      temporary: this.temporary,
      duration: durationTicks(startTime, endTime),
      durationSeconds: null,
      warnings,
    };
    return stats;
  }
}

