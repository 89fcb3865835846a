/**
 * Renders on a pool of worker threads (piscina), so that the thread answering requests never
 * draws: no SVG is built and no sharp call made there. The workers start with the pool (each loads
 * jsdom, d3 and sharp once, ~0.5 s) and stay. A render whose signal aborts is stopped for real:
 * piscina terminates its worker and starts a replacement. Each worker's V8 heap is bounded, so a
 * runaway render dies alone (its task fails) instead of taking the process.
 */
import { Piscina } from 'piscina';
import type { Worker } from 'node:worker_threads';
import type { PlotOptions } from '../options/plot-options.js';
import { workerModule } from '../worker/start-worker.js';
import { CONTENT_TYPES, type RenderedImage } from './plot-output.js';
import type { RenderTask } from './render-pool-worker.js';

/** A summary as stored (serializeSummary's bytes) with the id of its profile. */
export interface StoredSummary {
  id: string;
  bytes: Uint8Array;
}

export interface RenderPoolOptions {
  /** Worker threads, all started at once and kept (renders in flight at most). */
  threads: number;
  /** Largest raster in pixels; the worker's sharp refuses larger images. */
  maxPixels: number;
  /** V8 old-space bound of each worker, in MiB (default 512: a 4096×4096 chart's DOM needs well under 100). */
  heapMb?: number;
  /** The worker module, as for workerModule() (default render-pool-worker beside this file; tests substitute one that can hang). */
  worker?: { importerUrl: string; name: string };
}

export const DEFAULT_WORKER_HEAP_MB = 512;

export class RenderPool {
  private readonly pool: Piscina;
  private readonly maxPixels: number;
  private readonly live = new Set<Worker>();
  private closed: Promise<void> | null = null;

  constructor(options: RenderPoolOptions) {
    const { filename, execArgv } = workerModule(options.worker?.importerUrl ?? import.meta.url, options.worker?.name ?? 'render-pool-worker');
    this.maxPixels = options.maxPixels;
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: options.threads,
      maxThreads: options.threads,
      // Workers stay: starting one costs ~0.5 s of jsdom and sharp loading.
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      // A waiting worker blocked in Atomics.wait would hold its thread; messages are cheap at this rate.
      atomics: 'disabled',
    });
    this.pool.on('workerCreate', (handle: { id: number }) => this.track(handle.id));
    // A worker that fails to start is reported by its tasks; this keeps the event from being an unhandled 'error'.
    this.pool.on('error', () => {});
  }

  private track(threadId: number): void {
    const worker = this.pool.threads.find((thread) => thread.threadId === threadId);
    if (!worker || this.live.has(worker)) return;
    this.live.add(worker);
    worker.once('exit', () => this.live.delete(worker));
  }

  /** Worker threads started and not yet exited. */
  get workers(): number {
    return this.live.size;
  }

  /** Thread ids of the live workers (a replaced worker has a new one). */
  get threadIds(): number[] {
    return [...this.live].map((worker) => worker.threadId);
  }

  /**
   * The chart of a stored summary. When `signal` aborts, the worker drawing it is terminated (and
   * replaced) and the promise rejects with the signal's reason.
   */
  async render(summary: StoredSummary, options: PlotOptions, signal: AbortSignal): Promise<RenderedImage> {
    if (this.closed) throw new Error('the render pool is closed');
    // A copy is transferred: the caller's bytes stay usable (and shared by other renders).
    const bytes = new Uint8Array(summary.bytes);
    const task: RenderTask = { id: summary.id, summary: bytes, options, maxPixels: this.maxPixels };
    try {
      const body: Uint8Array = await this.pool.run(task, { signal, transferList: [bytes.buffer] });
      return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType: CONTENT_TYPES[options.format] };
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw error;
    }
  }

  /** Stops every worker (renders in flight fail); resolves when all have exited. */
  close(): Promise<void> {
    this.closed ??= this.pool.destroy();
    return this.closed;
  }
}
