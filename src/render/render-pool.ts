/**
 * Renders on a pool of worker threads (piscina), so that the thread answering requests never
 * draws: no SVG is built and no sharp call made there. `warmThreads` workers start with the pool
 * and stay; the others start when renders need them and exit after `idleTimeoutMs` without one
 * (each loads jsdom, d3 and sharp once: about 35 MB and a few hundred ms, so an idle server holds
 * only the warm ones). A render whose signal aborts is stopped for real:
 * piscina terminates its worker and starts a replacement. Terminating a thread stops its
 * JavaScript but not native work in flight (an AVIF encode runs to its end in libvips), so a
 * stopped render's promise settles only once its thread has exited: callers that hold a slot
 * while awaiting it keep native work bounded by the pool's size. Each worker's V8 heap is bounded,
 * so a runaway render dies alone (its task fails) instead of taking the process.
 */
import { Piscina } from 'piscina';
import type { Worker } from 'node:worker_threads';
import type { OutputFormat, PlotOptions } from '../options/plot-options.js';
import type { OverlayOptions } from '../chart/overlay/render-overlay-svg.js';
import { workerModule } from '../worker/start-worker.js';
import { FORMATS } from './formats.js';
import type { RenderedImage } from './plot-output.js';
import { SummaryCodecError } from '../aggregate/summary-codec.js';
import type { CorruptSummary, OverlayRenderTask, RenderTask, WarmUpTask } from './render-pool-worker.js';

/** A summary as stored (serializeSummary's bytes) with the id of its profile. */
export interface StoredSummary {
  id: string;
  bytes: Uint8Array;
}

export interface RenderPoolOptions {
  /** Worker threads at most (renders in flight at most). */
  threads: number;
  /** Workers started with the pool and kept while idle (default: all of them). */
  warmThreads?: number;
  /** A worker beyond warmThreads exits after this long without a task (default: never). */
  idleTimeoutMs?: number;
  /** Largest raster in pixels; the worker's sharp refuses larger images. */
  maxPixels: number;
  /** V8 old-space bound of each worker, in MiB (default 512: a 4096×4096 chart's DOM needs well under 100). */
  heapMb?: number;
  /** The worker module, as for workerModule() (default render-pool-worker beside this file; tests substitute one that can hang). */
  worker?: { importerUrl: string; name: string };
}

export const DEFAULT_WORKER_HEAP_MB = 512;

/** A render asked for, or cut short, while the pool closes (the server is stopping): 503, try another replica. */
export class RenderPoolClosedError extends Error {
  readonly code = 'SHUTTING_DOWN';
  readonly statusCode = 503;
  constructor() {
    super('the server is shutting down; the render was not finished');
    this.name = 'RenderPoolClosedError';
  }
}

export class RenderPool {
  private readonly pool: Piscina;
  private readonly maxPixels: number;
  /** Workers by the thread id they started with, until they exit. */
  private readonly live = new Map<number, { worker: Worker; exited: Promise<void> }>();
  /** Exits of the workers piscina has terminated (a stopped render's, or at close) that are still running. */
  private readonly stopping = new Map<number, Promise<void>>();
  private closed: Promise<void> | null = null;
  /** Tasks given to piscina and not settled (renders and warm-ups). */
  private tasks = 0;

  constructor(options: RenderPoolOptions) {
    const { filename, execArgv } = workerModule(options.worker?.importerUrl ?? import.meta.url, options.worker?.name ?? 'render-pool-worker');
    this.maxPixels = options.maxPixels;
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: Math.min(options.warmThreads ?? options.threads, options.threads),
      maxThreads: options.threads,
      idleTimeout: options.idleTimeoutMs ?? Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? DEFAULT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 },
      // A waiting worker blocked in Atomics.wait would hold its thread; messages are cheap at this rate.
      atomics: 'disabled',
    });
    this.pool.on('workerCreate', (handle: { id: number }) => this.track(handle.id));
    this.pool.on('workerDestroy', (handle: { id: number }) => {
      const entry = this.live.get(handle.id);
      if (entry) this.stopping.set(handle.id, entry.exited);
    });
    // A worker that fails to start is reported by its tasks; this keeps the event from being an unhandled 'error'.
    this.pool.on('error', () => {});
  }

  private track(threadId: number): void {
    const worker = this.pool.threads.find((thread) => thread.threadId === threadId);
    if (!worker || this.live.has(threadId)) return;
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        this.live.delete(threadId);
        this.stopping.delete(threadId);
        resolve();
      }),
    );
    this.live.set(threadId, { worker, exited });
  }

  /**
   * Resolves when `threads` workers have loaded the renderer, starting those not yet started
   * (they then stay until idleTimeoutMs). One empty task per worker: piscina gives a busy worker
   * no second task.
   */
  async ready(): Promise<void> {
    const warmUp: WarmUpTask = { warmUp: true };
    await Promise.all(Array.from({ length: this.pool.options.maxThreads }, () => this.pool.run(warmUp)));
  }

  /** Worker threads started and not yet exited. */
  get workers(): number {
    return this.live.size;
  }

  /** Thread ids of the live workers (a replaced worker has a new one). */
  get threadIds(): number[] {
    return [...this.live.keys()];
  }

  /**
   * The chart of a stored summary. When `signal` aborts, the worker drawing it is terminated (and
   * replaced) and the promise rejects with the signal's reason; `deadlineAt` (Date.now() time, when
   * the signal will abort) also stops sharp's native work, which terminating the thread cannot. SummaryCodecError when the bytes
   * are not a readable summary.
   */
  async render(summary: StoredSummary, options: PlotOptions, signal: AbortSignal, deadlineAt = Date.now() + 3_600_000): Promise<RenderedImage> {
    if (this.closed) throw new RenderPoolClosedError();
    // A copy is transferred: the caller's bytes stay usable (and shared by other renders).
    const bytes = new Uint8Array(summary.bytes);
    const task: RenderTask = { id: summary.id, summary: bytes, options, maxPixels: this.maxPixels, deadlineAt };
    return this.run(task, [bytes.buffer], options.format, signal);
  }

  /** The chart of two runs (chart/overlay/) from both stored summaries; stopped, and failing, as render's. */
  async renderOverlay(base: StoredSummary, head: StoredSummary, options: OverlayOptions, signal: AbortSignal, deadlineAt = Date.now() + 3_600_000): Promise<RenderedImage> {
    if (this.closed) throw new RenderPoolClosedError();
    const baseBytes = new Uint8Array(base.bytes);
    const headBytes = new Uint8Array(head.bytes);
    const task: OverlayRenderTask = {
      overlay: { base: { id: base.id, summary: baseBytes }, head: { id: head.id, summary: headBytes } },
      options, maxPixels: this.maxPixels, deadlineAt,
    };
    return this.run(task, [baseBytes.buffer, headBytes.buffer], options.format, signal);
  }

  /**
   * Starts one more worker (an empty task: piscina starts a thread for it when none is free)
   * when every live one is taken and the pool may grow, so that the next render — a small one
   * in the express slot, say — finds the renderer loaded instead of loading it while the busy
   * workers hold both cores (2.3 s for a 400×300 PNG in the stress run). It exits after
   * idleTimeoutMs like any other.
   */
  private keepSpare(): void {
    if (this.closed || this.tasks < this.pool.threads.length || this.pool.threads.length >= this.pool.options.maxThreads) return;
    const warmUp: WarmUpTask = { warmUp: true };
    this.tasks++;
    void this.pool
      .run(warmUp)
      .catch(() => undefined)
      .finally(() => this.tasks--);
  }

  private async run(task: RenderTask | OverlayRenderTask, transferList: ArrayBuffer[], format: OutputFormat, signal: AbortSignal): Promise<RenderedImage> {
    this.tasks++;
    try {
      const running = this.pool.run(task, { signal, transferList });
      this.keepSpare();
      const body: Uint8Array | CorruptSummary | null = await running;
      if (body === null) throw new Error('the render worker answered a render task as a warm-up');
      if (!(body instanceof Uint8Array)) throw new SummaryCodecError(body.corrupt);
      return { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType: FORMATS[format].contentType };
    } catch (error) {
      if (this.closed) throw new RenderPoolClosedError();
      if (!signal.aborted) throw error;
      // piscina has terminated the worker (synchronously, on abort); wait until its native work has ended too.
      await Promise.all(this.stopping.values());
      throw signal.reason as Error;
    } finally {
      this.tasks--;
    }
  }

  /** Stops every worker (renders in flight fail); resolves when all have exited, native work included. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      const exits = [...this.live.values()].map((entry) => entry.exited);
      const starting = this.pool.threads.filter((worker) => !this.live.has(worker.threadId));
      exits.push(...starting.map((worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve()))));
      await this.pool.destroy();
      await Promise.all(exits);
    })();
    return this.closed;
  }
}
