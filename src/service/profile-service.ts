/**
 * Profiles by content: an upload is summarised in one streaming pass, its summary stored under
 * its id (sha256 of the uncompressed bytes), and charts are rendered from the stored summary on
 * demand, each render cached under the hash of (id, options, versions). Identical concurrent
 * renders run once; renders and uploads are bounded, and past the bound callers get BusyError.
 * The service never draws: its renderer (the render pool in the app) gets the summary's stored
 * bytes and a signal that aborts at the render's deadline.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import { summarizeMemStream } from '../aggregate/summarize.js';
import { summarySeriesAnswer } from '../aggregate/series-answer.js';
import type { SeriesAnswer } from '../aggregate/series-columns.js';
import type { SeriesQuery } from '../aggregate/series-query.js';
import { deserializeSummary, serializeSummary, SummaryCodecError } from '../aggregate/summary-codec.js';
import type { PlotOptions } from '../options/plot-options.js';
import { FORMATS } from '../render/formats.js';
import { requestedPixels, type RenderedImage } from '../render/plot-output.js';
import type { StoredSummary } from '../render/render-pool.js';
import { renderHash, renderKey, summaryKey } from '../cache/keys.js';
import { Limiter, untilAborted, WorkTimeoutError } from './limiter.js';
import { SingleFlight } from './single-flight.js';
import { Lru } from '../cache/lru.js';
import type { CacheStore } from '../cache/store.js';

export interface ProfileServiceOptions {
  /** Largest uncompressed upload (InputTooLargeError past it). */
  maxUploadBytes: number;
  renderConcurrency: number;
  renderQueue: number;
  uploadConcurrency: number;
  renderTimeoutMs: number;
  /** Parsed summaries kept in memory (they are read for every render miss). */
  summaryCacheEntries?: number;
  hooks?: ProfileServiceHooks;
  /** Draws a chart (the app's render pool; tests slow it down to fill the queue). */
  render: PlotRenderer;
  /** Stored summaries (compact bytes, ~5 times smaller than parsed) kept in memory for renders. */
  storedSummaryCacheEntries?: number;
}

/**
 * Draws the chart of a stored summary (serializeSummary's bytes). When `signal` aborts (at
 * `deadlineAt`, a Date.now() time) the render should stop and reject; SummaryCodecError when the
 * bytes are unreadable.
 */
export type PlotRenderer = (summary: StoredSummary, options: PlotOptions, signal: AbortSignal, deadlineAt: number) => Promise<RenderedImage>;

/** What the service reports, e.g. to Prometheus. */
export interface ProfileServiceHooks {
  cacheLookup?(kind: 'summary' | 'render', hit: boolean): void;
  rendered?(format: string, seconds: number): void;
  ingested?(bytes: number, seconds: number): void;
  /** A stored entry that could not be used (removed; it will be rebuilt). */
  corrupt?(key: string, reason: string): void;
  /** Storing a render failed (the render is still answered). */
  storeFailed?(key: string, error: unknown): void;
}

export interface RenderedPlot {
  body: Buffer;
  contentType: string;
  /** sha256 naming this image: the ETag. */
  hash: string;
  /** Served from the cache (true) or rendered for this request. */
  cached: boolean;
}

export interface IngestResult {
  summary: ProfileSummary & { id: string };
  /** False when a profile with the same id was already stored. */
  created: boolean;
}

/**
 * Renders up to this many device pixels (1920×1080, or 800×600 at scale 2) are small: when every
 * render slot is taken, one of them may run in the express slot (the pool's extra worker), so a
 * thumbnail does not wait behind seconds-long 4096² AVIFs.
 */
export const SMALL_RENDER_PIXELS = 1920 * 1080;

export class ProfileService {
  readonly renders: Limiter;
  /** One slot beside `renders` for a small render when all of those are taken (no queue of its own). */
  readonly expressRenders: Limiter;
  readonly uploads: Limiter;
  private readonly flights = new SingleFlight<RenderedPlot | null>();
  private readonly summaries: Lru<ProfileSummary>;
  private readonly storedSummaries: Lru<Uint8Array>;
  private readonly hooks: ProfileServiceHooks;
  private readonly render: PlotRenderer;

  constructor(
    readonly store: CacheStore,
    private readonly options: ProfileServiceOptions,
  ) {
    this.renders = new Limiter('renders', options.renderConcurrency, options.renderQueue, 1);
    this.expressRenders = new Limiter('small renders', 1, 0, 1);
    this.uploads = new Limiter('uploads', options.uploadConcurrency, 0, 5);
    this.summaries = new Lru(options.summaryCacheEntries ?? 16); // about 1.3 MB each once parsed
    this.storedSummaries = new Lru(options.storedSummaryCacheEntries ?? 64); // about 0.2 MB each for a 5 MB .mem
    this.hooks = options.hooks ?? {};
    this.render = options.render;
  }

  /**
   * Reads an upload (plain or gzip .mem) and stores its summary unless already known.
   * Throws MemFormatError / InputTooLargeError for bad input, BusyError when too many uploads run.
   */
  ingest(source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<IngestResult> {
    return this.uploads.run(async () => {
      const started = performance.now();
      const summary = await summarizeMemStream(source, { maxBytes: this.options.maxUploadBytes, hash: true, sizeHint, background: true });
      const id = summary.id;
      if (id === null) throw new Error('summarizeMemStream returned no id although hash was requested');
      this.hooks.ingested?.(summary.stats.bytes, (performance.now() - started) / 1000);
      const key = summaryKey(id);
      const created = !(await this.store.has(key));
      if (created) {
        const bytes = serializeSummary(summary);
        await this.store.set(key, bytes);
        this.storedSummaries.set(id, bytes);
      }
      this.remember(id, summary);
      return { summary: summary as IngestResult['summary'], created };
    });
  }

  private remember(id: string, summary: ProfileSummary): void {
    this.summaries.set(id, summary);
  }

  /** The stored bytes of id's summary, as renderers take them (not parsed here), or null when unknown. */
  private async storedSummary(id: string): Promise<StoredSummary | null> {
    const cached = this.storedSummaries.get(id);
    if (cached) return { id, bytes: cached };
    const bytes = await this.store.get(summaryKey(id));
    this.hooks.cacheLookup?.('summary', bytes !== null);
    if (!bytes) return null;
    this.storedSummaries.set(id, bytes);
    return { id, bytes };
  }

  /** A stored summary that cannot be read is removed (an upload of the same file rebuilds it). */
  private async forgetCorrupt(id: string, reason: string): Promise<void> {
    const key = summaryKey(id);
    this.hooks.corrupt?.(key, reason);
    this.summaries.delete(id);
    this.storedSummaries.delete(id);
    await this.store.delete(key);
  }

  /** The stored summary of id, or null when unknown (or stored corrupt, which is then removed). */
  async getSummary(id: string): Promise<ProfileSummary | null> {
    const key = summaryKey(id);
    const cached = this.summaries.get(id);
    // The parsed copy saves decoding, never the store's word: an id evicted from the store is gone here too.
    if (cached && (await this.store.has(key))) {
      this.remember(id, cached);
      return cached;
    }
    this.summaries.delete(id);
    const bytes = await this.store.get(key);
    this.hooks.cacheLookup?.('summary', bytes !== null);
    if (!bytes) return null;
    let summary: ProfileSummary;
    try {
      summary = deserializeSummary(bytes);
    } catch (error) {
      await this.forgetCorrupt(id, (error as Error).message);
      return null;
    }
    this.remember(id, summary);
    return summary;
  }

  /**
   * The series of profile id for a query (SeriesQueryError when it is bad), or null when the id
   * is unknown; `defaultBuckets` when the query names no column count.
   */
  async series(id: string, query: SeriesQuery, defaultBuckets: number): Promise<SeriesAnswer | null> {
    const summary = await this.getSummary(id);
    if (!summary) return null;
    return summarySeriesAnswer(summary, query, defaultBuckets);
  }

  async hasProfile(id: string): Promise<boolean> {
    return this.store.has(summaryKey(id));
  }

  /** Whether the chart of id with these options is in the cache (then plot() will not render it). */
  isRendered(id: string, options: PlotOptions): Promise<boolean> {
    return this.store.has(renderKey(renderHash(id, options)));
  }

  /** The hash naming the chart of id with these options (its ETag), without rendering it. */
  renderHashOf(id: string, options: PlotOptions): string {
    return renderHash(id, options);
  }

  /**
   * The chart of profile id with these options: from the cache, or rendered once however many
   * requests ask at the same time. Null when the id is unknown. The render has renderTimeoutMs
   * from when it is asked for, queue included: at the deadline it leaves the queue or is stopped
   * (the render pool terminates its worker) and WorkTimeoutError says which.
   */
  async plot(id: string, options: PlotOptions): Promise<RenderedPlot | null> {
    const hash = renderHash(id, options);
    const key = renderKey(hash);
    const contentType = FORMATS[options.format].contentType;
    const stored = await this.store.get(key);
    this.hooks.cacheLookup?.('render', stored !== null);
    if (stored) return { body: stored, contentType, hash, cached: true };
    const { promise } = this.flights.run(key, async () => {
      const source = await this.storedSummary(id);
      if (!source) return null;
      let rendered: RenderedImage;
      try {
        rendered = await this.renderBefore(source, options);
      } catch (error) {
        if (!(error instanceof SummaryCodecError)) throw error;
        await this.forgetCorrupt(id, error.message);
        return null;
      }
      // A cache that cannot store still lets this request be answered.
      await this.store.set(key, rendered.body).catch((error) => this.hooks.storeFailed?.(key, error));
      return { body: rendered.body, contentType, hash, cached: false };
    });
    return promise;
  }

  /** One render in a limiter slot, stopped at the deadline wherever it is. */
  private async renderBefore(source: StoredSummary, options: PlotOptions): Promise<RenderedImage> {
    const timeoutMs = this.options.renderTimeoutMs;
    const deadline = new AbortController();
    const deadlineAt = Date.now() + timeoutMs;
    let started = false;
    const timer = setTimeout(() => {
      const message = started
        ? `the render was stopped at its deadline of ${timeoutMs} ms (MEMPLOT_RENDER_TIMEOUT_MS)`
        : `the render was still waiting for a free slot at its deadline of ${timeoutMs} ms (MEMPLOT_RENDER_TIMEOUT_MS)`;
      deadline.abort(new WorkTimeoutError(message, 5));
    }, timeoutMs);
    timer.unref();
    const express = requestedPixels(options) <= SMALL_RENDER_PIXELS && this.renders.active >= this.renders.concurrency && this.expressRenders.active === 0;
    try {
      const work = (express ? this.expressRenders : this.renders).run(async () => {
        started = true;
        const began = performance.now();
        const out = await this.render(source, options, deadline.signal, deadlineAt);
        this.hooks.rendered?.(options.format, (performance.now() - began) / 1000);
        return out;
      }, deadline.signal);
      return await untilAborted(work, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }
}
