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
import { ZoomIndexBuilder, type ZoomDirectory, type ZoomLayout } from './zoom-index.js';

/**
 * Build the zoom index in the same pass: its pieces go to `store` as they fill (the pass waits
 * when more than ZOOM_PENDING_BYTES are not stored yet: memory stays flat however slow the store),
 * and its directory to `done` once the pass ends. When the store fails to keep a piece, later
 * pieces are dropped and `failed` is called instead of `done`: the summary does not depend on it.
 */
export interface ZoomIndexOptions {
  store: (name: string, bytes: Uint8Array) => Promise<void>;
  done: (directory: ZoomDirectory) => void;
  failed?: (error: unknown) => void;
  layout?: ZoomLayout;
}

/** Index bytes handed to the store but not yet stored, past which the pass waits. */
export const ZOOM_PENDING_BYTES = 8 << 20;

/** The index pieces on their way to the store: bounded, the first failure kept. */
export class ZoomPieceQueue {
  private pending = 0;
  private readonly waiting = new Set<Promise<void>>();
  failure: unknown = null;

  constructor(private readonly store: (name: string, bytes: Uint8Array) => Promise<void>) {}

  readonly put = (name: string, bytes: Uint8Array): void => {
    if (this.failure !== null) return;
    this.pending += bytes.length;
    const write = this.store(name, bytes).then(
      () => {
        this.pending -= bytes.length;
        this.waiting.delete(write);
      },
      (error) => {
        this.failure ??= error;
        this.pending -= bytes.length;
        this.waiting.delete(write);
      },
    );
    this.waiting.add(write);
  };

  /** Waits while too much is pending (the backpressure of the pass). */
  async room(): Promise<void> {
    while (this.pending > ZOOM_PENDING_BYTES && this.waiting.size > 0) await Promise.race(this.waiting);
  }

  /** Waits for every write. */
  async drain(): Promise<void> {
    while (this.waiting.size > 0) await Promise.race(this.waiting);
  }
}

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
  /** Build the zoom index too (the server under MEMPLOT_ZOOM=full). */
  zoomIndex?: ZoomIndexOptions;
}

/** Read size for files: large enough that per-chunk costs vanish, small enough to stay in cache. */
export const FILE_CHUNK_BYTES = 1 << 20;
/** Below this a worker thread costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = 32 << 20;

async function* tap(source: AsyncIterable<Uint8Array>, hash: Hash | null, worker: SeriesWorkerClient | null, onProgress?: (bytes: number) => void, zoom?: ZoomPieceQueue) {
  let bytes = 0;
  for await (const chunk of source) {
    hash?.update(chunk);
    if (zoom) await zoom.room();
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
  const zoom = options.zoomIndex ? new ZoomPieceQueue(options.zoomIndex.store) : null;
  const layout = options.zoomIndex?.layout;
  // With a worker, the worker builds the index (off this thread) and posts its pieces here.
  const worker = useWorker ? new SeriesWorkerClient({ hash: wantHash, background: options.background === true, zoom: zoom ? { put: zoom.put, layout } : undefined }) : null;
  const hash = wantHash && !worker ? createHash('sha256') : null;
  const bytes = tap(decodeInput(openSource(worker ? worker.lendSlot : null), { maxBytes: options.maxBytes }), hash, worker, options.onProgress, zoom ?? undefined);
  let stats: StatsAccumulator | null = null;
  let series: SeriesAccumulator | null = null;
  let index: ZoomIndexBuilder | null = null;
  const finishIndex = async (directory: ZoomDirectory | null) => {
    if (!zoom) return;
    await zoom.drain();
    if (zoom.failure !== null) options.zoomIndex!.failed?.(zoom.failure);
    else if (directory) options.zoomIndex!.done(directory);
  };
  try {
    for await (const event of readMemFile(bytes)) {
      if (event.type === 'header') {
        stats = new StatsAccumulator(event.header);
        if (!worker) series = new SeriesAccumulator(event.header);
        if (!worker && zoom) index = new ZoomIndexBuilder(event.header, zoom.put, layout);
      } else if (event.type === 'records') {
        stats!.addBatch(event.batch);
        series?.addBatch(event.batch);
        index?.addBatch(event.batch);
      } else {
        const profileStats = stats!.finish(event);
        if (worker) {
          const { m4, id, zoom: directory } = await worker.finish();
          await finishIndex(directory ?? null);
          return { version: SUMMARY_VERSION, id, stats: profileStats, m4 };
        }
        await finishIndex(index ? index.finish() : null);
        return { version: SUMMARY_VERSION, id: hash ? hash.digest('hex') : null, stats: profileStats, m4: series!.finish() };
      }
    }
  } catch (error) {
    worker?.abort();
    // Writes already started finish (the caller then removes what they wrote).
    await zoom?.drain();
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
