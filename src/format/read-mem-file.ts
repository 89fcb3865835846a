import { MemFormatError } from './errors.js';
import { HEADER_BYTES, RECORD_BYTES, RECORD_WORDS, isHeaderComplete, rawRecordAt, type MemHeader } from './mem-format.js';

/**
 * Entries (records after the header) as 32-bit words, six per record, aligned and ready for a
 * tight loop. `words` is only valid until the consumer asks for the next event: the reader may
 * reuse its memory.
 */
export interface RecordBatch {
  words: Uint32Array;
  count: number;
  /** 0-based entry index of the first record in this batch. */
  firstIndex: number;
}

export type MemEvent =
  | { type: 'header'; header: MemHeader }
  | { type: 'records'; batch: RecordBatch }
  | { type: 'end'; bytes: number; entries: number; trailingBytes: number };

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Rejects bytes memusage never writes. Record 0's heap is always written as 0. */
function checkHeader(headerBytes: Uint8Array): MemHeader {
  const aligned = new Uint32Array(HEADER_BYTES / 4);
  new Uint8Array(aligned.buffer).set(headerBytes.subarray(0, HEADER_BYTES));
  const first = rawRecordAt(aligned, 0);
  const second = rawRecordAt(aligned, 1);
  if (first.heapLo !== 0 || first.heapHi !== 0) {
    throw new MemFormatError(
      'MEM_NOT_MEMUSAGE',
      `not a memusage data file: its first 8 bytes are ${hex(headerBytes.subarray(0, 8))}, expected zeros ` +
        '(memusage writes the first header record with heap = 0)',
      'record one with `memusage --data=FILE.mem PROGRAM`; the file memusage prints to stderr is not the data file',
    );
  }
  return { first, second, complete: isHeaderComplete(first, second) };
}

/**
 * Reads a memusage data file from chunks of any size (1 byte to megabytes) in one pass without
 * holding the file: yields the header, then batches of whole entries, then the byte counts.
 * A trailing partial record is reported as `trailingBytes`, not an error. Input shorter than the
 * two header records, or whose header memusage could not have written, is a MemFormatError.
 */
export async function* readMemFile(source: AsyncIterable<Uint8Array>): AsyncGenerator<MemEvent, void, undefined> {
  const header = new Uint8Array(HEADER_BYTES);
  let headerFill = 0;
  // A partial record carried from one chunk to the next (at most 23 bytes) and a one-record view of it.
  const carry = new Uint32Array(RECORD_WORDS);
  const carryBytes = new Uint8Array(carry.buffer);
  let carryFill = 0;
  let scratch = new Uint32Array(0);
  let bytes = 0;
  let entries = 0;

  for await (const chunk of source) {
    bytes += chunk.length;
    let pos = 0;
    if (headerFill < HEADER_BYTES) {
      const take = Math.min(HEADER_BYTES - headerFill, chunk.length);
      header.set(chunk.subarray(0, take), headerFill);
      headerFill += take;
      pos = take;
      if (headerFill < HEADER_BYTES) continue;
      yield { type: 'header', header: checkHeader(header) };
    }
    if (carryFill > 0) {
      const take = Math.min(RECORD_BYTES - carryFill, chunk.length - pos);
      carryBytes.set(chunk.subarray(pos, pos + take), carryFill);
      carryFill += take;
      pos += take;
      if (carryFill < RECORD_BYTES) continue;
      carryFill = 0;
      yield { type: 'records', batch: { words: carry, count: 1, firstIndex: entries } };
      entries += 1;
    }
    const count = Math.floor((chunk.length - pos) / RECORD_BYTES);
    if (count > 0) {
      const start = chunk.byteOffset + pos;
      let words: Uint32Array;
      if (start % 4 === 0) {
        words = new Uint32Array(chunk.buffer, start, count * RECORD_WORDS);
      } else {
        if (scratch.length < count * RECORD_WORDS) scratch = new Uint32Array(count * RECORD_WORDS);
        words = scratch.subarray(0, count * RECORD_WORDS);
        new Uint8Array(words.buffer, words.byteOffset, count * RECORD_BYTES).set(chunk.subarray(pos, pos + count * RECORD_BYTES));
      }
      yield { type: 'records', batch: { words, count, firstIndex: entries } };
      entries += count;
      pos += count * RECORD_BYTES;
    }
    if (pos < chunk.length) {
      carryBytes.set(chunk.subarray(pos), 0);
      carryFill = chunk.length - pos;
    }
  }

  if (headerFill < HEADER_BYTES) {
    throw new MemFormatError(
      'MEM_TOO_SHORT',
      bytes === 0
        ? 'empty input: expected a memusage data file of at least 48 bytes (two 24-byte header records)'
        : `input of ${bytes} bytes is too short: a memusage data file has at least 48 bytes (two 24-byte header records)`,
      'record one with `memusage --data=FILE.mem PROGRAM`',
    );
  }
  yield { type: 'end', bytes, entries, trailingBytes: carryFill };
}
