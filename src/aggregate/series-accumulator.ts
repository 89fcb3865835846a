import type { MemHeader } from '../format/mem-format.js';
import type { RecordBatch } from '../format/read-mem-file.js';
import { M4Accumulator } from './m4.js';
import type { M4Series } from './summary.js';

const TWO_32 = 4294967296;

/**
 * M4 of heap, stack and heap + stack along the call index and along time, for one file, in
 * one tight loop per batch: the open bucket of each axis lives in locals and goes back to its
 * M4Accumulator only when a bucket closes. Times are offsets from the header's start time;
 * entries timed before it are placed at the start.
 */
export class SeriesAccumulator {
  readonly byIndex: M4Accumulator;
  readonly byTime: M4Accumulator;
  // u32 words start as -0 so that V8 keeps them as doubles whatever the file's values (see M4Accumulator).
  private readonly startHi: number = -0;
  private readonly startLo: number = -0;
  private entries = 0;

  constructor(header: MemHeader) {
    this.startHi = header.first.timeHi;
    this.startLo = header.first.timeLo;
    const span = (header.second.timeHi - this.startHi) * TWO_32 + (header.second.timeLo - this.startLo);
    this.byIndex = new M4Accumulator('index');
    // A complete header tells the time span up front; a crashed program's does not, and the
    // accumulator then widens its buckets as times arrive.
    const initialWidth = header.complete && span > 0 ? span / this.byIndex.capacity : 1;
    this.byTime = new M4Accumulator('time', { initialWidth });
  }

  addBatch(batch: RecordBatch): void {
    const w = batch.words;
    const count = batch.count;
    const byIndex = this.byIndex;
    const byTime = this.byTime;
    const startHi = this.startHi;
    const startLo = this.startLo;
    let index = this.entries;
    let maxTime = byTime.maxPosition;
    let iEnd = byIndex.bucketEnd;
    let iN = byIndex.cN;
    let iHF = byIndex.cHFirst;
    let iHL = byIndex.cHLast;
    let iHMin = byIndex.cHMin;
    let iHMax = byIndex.cHMax;
    let iSF = byIndex.cSFirst;
    let iSL = byIndex.cSLast;
    let iSMin = byIndex.cSMin;
    let iSMax = byIndex.cSMax;
    let iTMin = byIndex.cTMin;
    let iTMax = byIndex.cTMax;
    let tStart = byTime.bucketStart;
    let tEnd = byTime.bucketEnd;
    let tN = byTime.cN;
    let tHF = byTime.cHFirst;
    let tHL = byTime.cHLast;
    let tHMin = byTime.cHMin;
    let tHMax = byTime.cHMax;
    let tSF = byTime.cSFirst;
    let tSL = byTime.cSLast;
    let tSMin = byTime.cSMin;
    let tSMax = byTime.cSMax;
    let tTMin = byTime.cTMin;
    let tTMax = byTime.cTMax;
    for (let r = 0, b = 0; r < count; r++, b += 6) {
      const heap = (w[b + 1] | 0) * TWO_32 + w[b];
      const stack = w[b + 3] * TWO_32 + w[b + 2];
      const time = (w[b + 5] - startHi) * TWO_32 + (w[b + 4] - startLo);
      const total = heap + stack;
      if (time > maxTime) maxTime = time;
      // M4 along the call index, inlined: the open bucket lives in locals.
      if (index >= iEnd) {
        byIndex.store(iN, iHF, iHL, iHMin, iHMax, iSF, iSL, iSMin, iSMax, iTMin, iTMax);
        byIndex.openAt(index);
        iEnd = byIndex.bucketEnd;
        iN = byIndex.cN;
        iHF = byIndex.cHFirst;
        iHL = byIndex.cHLast;
        iHMin = byIndex.cHMin;
        iHMax = byIndex.cHMax;
        iSF = byIndex.cSFirst;
        iSL = byIndex.cSLast;
        iSMin = byIndex.cSMin;
        iSMax = byIndex.cSMax;
        iTMin = byIndex.cTMin;
        iTMax = byIndex.cTMax;
      }
      if (iN === 0) {
        iHF = iHL = iHMin = iHMax = heap;
        iSF = iSL = iSMin = iSMax = stack;
        iTMin = iTMax = total;
      } else {
        iHL = heap;
        iSL = stack;
        if (heap < iHMin) iHMin = heap;
        else if (heap > iHMax) iHMax = heap;
        if (stack < iSMin) iSMin = stack;
        else if (stack > iSMax) iSMax = stack;
        if (total < iTMin) iTMin = total;
        else if (total > iTMax) iTMax = total;
      }
      iN++;
      // M4 along time, the same way.
      if (time >= tEnd || time < tStart) {
        byTime.store(tN, tHF, tHL, tHMin, tHMax, tSF, tSL, tSMin, tSMax, tTMin, tTMax);
        // Entries timed before the start are placed at the start.
        byTime.openAt(time < 0 ? 0 : time);
        tStart = byTime.bucketStart;
        tEnd = byTime.bucketEnd;
        tN = byTime.cN;
        tHF = byTime.cHFirst;
        tHL = byTime.cHLast;
        tHMin = byTime.cHMin;
        tHMax = byTime.cHMax;
        tSF = byTime.cSFirst;
        tSL = byTime.cSLast;
        tSMin = byTime.cSMin;
        tSMax = byTime.cSMax;
        tTMin = byTime.cTMin;
        tTMax = byTime.cTMax;
      }
      if (tN === 0) {
        tHF = tHL = tHMin = tHMax = heap;
        tSF = tSL = tSMin = tSMax = stack;
        tTMin = tTMax = total;
      } else {
        tHL = heap;
        tSL = stack;
        if (heap < tHMin) tHMin = heap;
        else if (heap > tHMax) tHMax = heap;
        if (stack < tSMin) tSMin = stack;
        else if (stack > tSMax) tSMax = stack;
        if (total < tTMin) tTMin = total;
        else if (total > tTMax) tTMax = total;
      }
      tN++;
      index++;
    }
    byIndex.store(iN, iHF, iHL, iHMin, iHMax, iSF, iSL, iSMin, iSMax, iTMin, iTMax);
    byTime.store(tN, tHF, tHL, tHMin, tHMax, tSF, tSL, tSMin, tSMax, tTMin, tTMax);
    if (count > 0) {
      byIndex.maxPosition = index - 1;
      byTime.maxPosition = Math.max(0, maxTime);
    }
    this.entries = index;
  }

  finish(): { index: M4Series; time: M4Series } {
    return { index: this.byIndex.toSeries(), time: this.byTime.toSeries() };
  }
}
