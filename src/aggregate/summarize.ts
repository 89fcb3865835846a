import { createHash, type Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { decodeInput } from '../format/decode-input.js';
import { readFileChunks, startsWithGzipMagic, type ChunkBufferSource } from '../format/read-file-chunks.js';
import { readMemFile } from '../format/read-mem-file.js';
import { SeriesAccumulator } from './series-accumulator.js';
import { SeriesWorkerClient } from './series-ring.js';
import { StatsAccumulator } from './stats-accumulator.js';
import { type ProfileSummary } from './summary.js';
import { SUMMARY_VERSION } from '../versions.js';
import { warmUpAccumulators } from './warm-up.js';

export interface SummarizeOptions {
  /** Largest number of uncompressed bytes accepted (InputTooLargeError past it). */
  maxBytes?: number;
  /** Compute the profile id, the sha256 of the uncompressed bytes (default true). */
  hash?: boolean;
  /** Called after each chunk with the uncompressed bytes read so far. */
  onProgress?: (bytes: number) => void;
  /**
   * Build the M4 series (and the hash) on a worker thread while this thread builds the stats:
   * true, false, or 'auto' (default) for inputs expected to reach PARALLEL_MIN_BYTES.
   */
  parallel?: boolean | 'auto';
  /** Expected input size in bytes (a file's size, a Content-Length), for parallel: 'auto'. */
  sizeHint?: number;
  /** Run the worker thread at a lower priority than this one (a server: requests come first). */
  background?: boolean;
}

/** Read size for files: large enough that per-chunk costs vanish, small enough to stay in cache. */
export const FILE_CHUNK_BYTES = 1 << 20;
/** Below this a worker thread costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = 32 << 20;

async function* tap(source: AsyncIterable<Uint8Array>, hash: Hash | null, worker: SeriesWorkerClient | null, onProgress?: (bytes: number) => void) {
  let bytes = 0;
  for await (const chunk of source) {
    hash?.update(chunk);
    if (worker) await worker.push(chunk);
    bytes += chunk.length;
    onProgress?.(bytes);
    yield chunk;
  }
}

/**
 * One streaming pass over a memusage data file (plain or gzip): upload stream → gunzip →
 * hash tap → record reader → M4 + stats accumulators → profile summary. Large inputs split the
 * work across two threads; the summary is the same either way.
 */
export function summarizeMemStream(source: AsyncIterable<Uint8Array>, options: SummarizeOptions = {}): Promise<ProfileSummary> {
  return summarize(() => source, options);
}

/**
 * The pass itself. `openSource` is given the worker's slot lender, when there is a worker, so
 * that a file can be read straight into the memory the worker reads (see SeriesWorkerClient.lendSlot).
 */
async function summarize(openSource: (lend: ChunkBufferSource | null) => AsyncIterable<Uint8Array>, options: SummarizeOptions): Promise<ProfileSummary> {
  warmUpAccumulators();
  const wantHash = options.hash !== false;
  const parallel = options.parallel ?? 'auto';
  const useWorker = parallel === true || (parallel === 'auto' && (options.sizeHint ?? 0) >= PARALLEL_MIN_BYTES);
  const worker = useWorker ? new SeriesWorkerClient({ hash: wantHash, background: options.background === true }) : null;
  const hash = wantHash && !worker ? createHash('sha256') : null;
  const bytes = tap(decodeInput(openSource(worker ? worker.lendSlot : null), { maxBytes: options.maxBytes }), hash, worker, options.onProgress);
  let stats: StatsAccumulator | null = null;
  let series: SeriesAccumulator | null = null;
  try {
    for await (const event of readMemFile(bytes)) {
      if (event.type === 'header') {
        stats = new StatsAccumulator(event.header);
        if (!worker) series = new SeriesAccumulator(event.header);
      } else if (event.type === 'records') {
        stats!.addBatch(event.batch);
        series?.addBatch(event.batch);
      } else {
        const profileStats = stats!.finish(event);
        if (worker) {
          const { m4, id } = await worker.finish();
          return { version: SUMMARY_VERSION, id, stats: profileStats, m4 };
        }
        return { version: SUMMARY_VERSION, id: hash ? hash.digest('hex') : null, stats: profileStats, m4: series!.finish() };
      }
    }
  } catch (error) {
    worker?.abort();
    throw error;
  }
  throw new Error('readMemFile ended without an end event');
}

/**
 * summarizeMemStream over a file, read (never written) in 1 MiB chunks into reused buffers; with
 * a worker, an uncompressed file is read straight into the worker's ring, saving a copy.
 */
export async function summarizeMemFile(path: string, options: SummarizeOptions = {}): Promise<ProfileSummary> {
  const size = statSync(path).size;
  const inPlace = !(await startsWithGzipMagic(path));
  return summarize((lend) => readFileChunks(path, FILE_CHUNK_BYTES, inPlace && lend ? lend : undefined), { sizeHint: size, ...options });
}
