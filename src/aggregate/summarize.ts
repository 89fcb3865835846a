import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { decodeInput } from '../format/decode-input.js';
import { readMemFile } from '../format/read-mem-file.js';
import { ProfileAccumulator } from './profile-accumulator.js';
import { SUMMARY_VERSION, type ProfileSummary } from './summary.js';

export interface SummarizeOptions {
  /** Largest number of uncompressed bytes accepted (InputTooLargeError past it). */
  maxBytes?: number;
  /** Compute the profile id, the sha256 of the uncompressed bytes (default true). */
  hash?: boolean;
  /** Called after each chunk with the uncompressed bytes read so far. */
  onProgress?: (bytes: number) => void;
}

/** Read size for files: large enough that per-chunk costs vanish, small enough to stay in cache. */
export const FILE_CHUNK_BYTES = 1 << 20;

async function* tap(source: AsyncIterable<Uint8Array>, hash: Hash | null, onProgress?: (bytes: number) => void) {
  let bytes = 0;
  for await (const chunk of source) {
    hash?.update(chunk);
    bytes += chunk.length;
    onProgress?.(bytes);
    yield chunk;
  }
}

/**
 * One streaming pass over a memusage data file (plain or gzip): upload stream → gunzip →
 * hash tap → record reader → M4 + stats accumulator → profile summary.
 */
export async function summarizeMemStream(source: AsyncIterable<Uint8Array>, options: SummarizeOptions = {}): Promise<ProfileSummary> {
  const hash = options.hash === false ? null : createHash('sha256');
  const bytes = tap(decodeInput(source, { maxBytes: options.maxBytes }), hash, options.onProgress);
  let accumulator: ProfileAccumulator | null = null;
  for await (const event of readMemFile(bytes)) {
    if (event.type === 'header') {
      accumulator = new ProfileAccumulator(event.header);
    } else if (event.type === 'records') {
      accumulator!.addBatch(event.batch);
    } else {
      const { stats, m4 } = accumulator!.finish(event);
      return { version: SUMMARY_VERSION, id: hash ? hash.digest('hex') : null, stats, m4 };
    }
  }
  throw new Error('readMemFile ended without an end event');
}

/** summarizeMemStream over a file, read (never written) in 1 MiB chunks. */
export function summarizeMemFile(path: string, options: SummarizeOptions = {}): Promise<ProfileSummary> {
  return summarizeMemStream(createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }), options);
}
