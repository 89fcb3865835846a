import { readMemFile } from '../format/read-mem-file.js';
import { RECORD_WORDS, u64ToString, type RawRecord } from '../format/mem-format.js';

/**
 * `memplot print`: what glibc's memusagestat, patched to print what it parses, prints — the
 * eight header lines (after its repair of a crashed program's header), then one line per entry,
 * `N: (heap, stack, time_low, time_high (time))`, all unsigned decimal.
 */

export function formatHeaderLines(first: RawRecord, second: RawRecord): string {
  return (
    `                 : ${u64ToString(first.heapLo, first.heapHi)}\n` +
    `maxsize_total    : ${u64ToString(first.stackLo, first.stackHi)}\n` +
    `maxsize time_low : ${first.timeLo}\n` +
    `maxsize time_high: ${first.timeHi}\n` +
    `maxsize_heap     : ${u64ToString(second.heapLo, second.heapHi)}\n` +
    `maxsize_stack    : ${u64ToString(second.stackLo, second.stackHi)}\n` +
    `        time_low : ${second.timeLo}\n` +
    `        time_high: ${second.timeHi}\n`
  );
}

function u64(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * memusagestat's repair of a header that a crashed program left zero: the largest unsigned
 * heap and stack of any entry, their sum (modulo 2^64, as C adds them) as the total, and the
 * last entry's time as the end. It overestimates the total when the two peaks are not at the
 * same entry; memusagestat writes this back into its input, memplot only prints it.
 */
export class HeaderRepair {
  private heap = 0n;
  private stack = 0n;
  private total = 0n;
  private heapHi = 0;
  private heapLo = 0;
  private stackHi = 0;
  private stackLo = 0;
  private timeLo: number | null = null;
  private timeHi = 0;

  add(words: Uint32Array, count: number): void {
    for (let r = 0, b = 0; r < count; r++, b += RECORD_WORDS) {
      const hLo = words[b];
      const hHi = words[b + 1];
      const sLo = words[b + 2];
      const sHi = words[b + 3];
      let grew = false;
      if (hHi > this.heapHi || (hHi === this.heapHi && hLo > this.heapLo)) {
        this.heapHi = hHi;
        this.heapLo = hLo;
        this.heap = u64(hLo, hHi);
        grew = true;
      }
      if (sHi > this.stackHi || (sHi === this.stackHi && sLo > this.stackLo)) {
        this.stackHi = sHi;
        this.stackLo = sLo;
        this.stack = u64(sLo, sHi);
        grew = true;
      }
      if (grew) {
        const sum = BigInt.asUintN(64, this.heap + this.stack);
        if (sum > this.total) this.total = sum;
      }
    }
    if (count > 0) {
      this.timeLo = words[(count - 1) * RECORD_WORDS + 4];
      this.timeHi = words[(count - 1) * RECORD_WORDS + 5];
    }
  }

  /** The repaired header records; with no entries the end time stays as it was. */
  repaired(first: RawRecord, second: RawRecord): [RawRecord, RawRecord] {
    const split = (v: bigint) => ({ lo: Number(v & 0xffffffffn), hi: Number(v >> 32n) });
    const total = split(this.total);
    return [
      { ...first, stackLo: total.lo, stackHi: total.hi },
      {
        heapLo: this.heapLo,
        heapHi: this.heapHi,
        stackLo: this.stackLo,
        stackHi: this.stackHi,
        timeLo: this.timeLo ?? second.timeLo,
        timeHi: this.timeLo === null ? second.timeHi : this.timeHi,
      },
    ];
  }
}

/** memusagestat repairs when the second header record has heap = stack = 0. */
export function needsRepair(second: RawRecord): boolean {
  return second.heapLo === 0 && second.heapHi === 0 && second.stackLo === 0 && second.stackHi === 0;
}

/** The repaired header of a source, from one pass over its entries. */
export async function repairHeader(source: AsyncIterable<Uint8Array>): Promise<[RawRecord, RawRecord]> {
  const repair = new HeaderRepair();
  let header: [RawRecord, RawRecord] | null = null;
  for await (const event of readMemFile(source)) {
    if (event.type === 'header') header = [event.header.first, event.header.second];
    else if (event.type === 'records') repair.add(event.batch.words, event.batch.count);
  }
  return repair.repaired(header![0], header![1]);
}

/** Entry lines of one batch, as one string. */
export function formatEntryLines(words: Uint32Array, count: number, firstIndex: number): string {
  let out = '';
  for (let r = 0, b = 0; r < count; r++, b += RECORD_WORDS) {
    const timeLo = words[b + 4];
    const timeHi = words[b + 5];
    out += `${firstIndex + r}: (${u64ToString(words[b], words[b + 1])}, ${u64ToString(words[b + 2], words[b + 3])}, ${timeLo}, ${timeHi} (${u64ToString(timeLo, timeHi)}))\n`;
  }
  return out;
}

/**
 * The printout as text chunks. `header` replaces the file's own header records (memusagestat's
 * repair, computed by a first pass when needed); entries are printed as they stream.
 */
export async function* printMemFile(
  source: AsyncIterable<Uint8Array>,
  header?: [RawRecord, RawRecord],
): AsyncGenerator<string> {
  const BATCH = 4096;
  for await (const event of readMemFile(source)) {
    if (event.type === 'header') {
      const [first, second] = header ?? [event.header.first, event.header.second];
      yield formatHeaderLines(first, second);
    } else if (event.type === 'records') {
      const { words, count, firstIndex } = event.batch;
      for (let start = 0; start < count; start += BATCH) {
        const n = Math.min(BATCH, count - start);
        yield formatEntryLines(words.subarray(start * RECORD_WORDS, (start + n) * RECORD_WORDS), n, firstIndex + start);
      }
    }
  }
}
