/**
 * The memusage data file format (glibc malloc/memusage.c): 24-byte little-endian records
 * `{ u64 heap; u64 stack; u32 time_low; u32 time_high; }`, the first two being the header
 * written at exit: record 0 = { heap: 0, stack: peak_total, time: start },
 * record 1 = { heap: peak_heap, stack: peak_stack, time: end }.
 */

export const RECORD_BYTES = 24;
export const RECORD_WORDS = RECORD_BYTES / 4;
export const HEADER_RECORDS = 2;
export const HEADER_BYTES = RECORD_BYTES * HEADER_RECORDS;

const TWO_32 = 4294967296;

/** One record as its six little-endian 32-bit words. */
export interface RawRecord {
  heapLo: number;
  heapHi: number;
  stackLo: number;
  stackHi: number;
  timeLo: number;
  timeHi: number;
}

export interface MemHeader {
  /** Record 0 and record 1, raw. */
  first: RawRecord;
  second: RawRecord;
  /** Both header records have heap = stack = 0: the program never reached its exit handler. */
  complete: boolean;
}

export function rawRecordAt(words: Uint32Array, record: number): RawRecord {
  const b = record * RECORD_WORDS;
  return {
    heapLo: words[b],
    heapHi: words[b + 1],
    stackLo: words[b + 2],
    stackHi: words[b + 3],
    timeLo: words[b + 4],
    timeHi: words[b + 5],
  };
}

/** A u64 given as two u32 words, read as a signed 64-bit number (exact below 2^53 in magnitude). */
export function signed64(lo: number, hi: number): number {
  return (hi | 0) * TWO_32 + lo;
}

/** A u64 given as two u32 words, read as unsigned (exact below 2^53). */
export function unsigned64(lo: number, hi: number): number {
  return hi * TWO_32 + lo;
}

/** Exact unsigned decimal text of a u64 given as two u32 words. */
export function u64ToString(lo: number, hi: number): string {
  if (hi < 0x200000) return String(hi * TWO_32 + lo);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

export function isHeaderComplete(first: RawRecord, second: RawRecord): boolean {
  const zero = (r: RawRecord) => r.heapLo === 0 && r.heapHi === 0 && r.stackLo === 0 && r.stackHi === 0;
  return !(zero(first) && zero(second));
}
