/**
 * Profiles by content: an upload is summarised in one streaming pass, its summary stored under
 * its id (sha256 of the uncompressed bytes), and charts are rendered from the stored summary on
 * demand, each render cached under the hash of (id, options, versions). Identical concurrent
 * renders run once; renders and uploads are bounded, and past the bound callers get BusyError.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import { summarizeMemStream } from '../aggregate/summarize.js';
import { deserializeSummary, serializeSummary } from '../aggregate/summary-codec.js';
import type { PlotOptions } from '../options/plot-options.js';
import { CONTENT_TYPES, renderPlot } from '../render/render-plot.js';
import { renderHash, renderKey, summaryKey } from './keys.js';
import { Limiter, WorkTimeoutError, withTimeout } from './limiter.js';
import { SingleFlight } from './single-flight.js';
import type { CacheStore } from './store.js';

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
  /** The renderer (tests may slow it down to fill the queue); default renderPlot. */
  render?: typeof renderPlot;
}

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

export class ProfileService {
  readonly renders: Limiter;
  readonly uploads: Limiter;
  private readonly flights = new SingleFlight<RenderedPlot | null>();
  private readonly summaries = new Map<string, ProfileSummary>();
  private readonly summaryCacheEntries: number;
  private readonly hooks: ProfileServiceHooks;
  private readonly render: typeof renderPlot;

  constructor(
    readonly store: CacheStore,
    private readonly options: ProfileServiceOptions,
  ) {
    this.renders = new Limiter('renders', options.renderConcurrency, options.renderQueue, 1);
    this.uploads = new Limiter('uploads', options.uploadConcurrency, 0, 5);
    this.summaryCacheEntries = options.summaryCacheEntries ?? 16; // about 1.3 MB each once parsed
    this.hooks = options.hooks ?? {};
    this.render = options.render ?? renderPlot;
  }

  /**
   * Reads an upload (plain or gzip .mem) and stores its summary unless already known.
   * Throws MemFormatError / InputTooLargeError for bad input, BusyError when too many uploads run.
   */
  ingest(source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<IngestResult> {
    return this.uploads.run(async () => {
      const started = performance.now();
      const summary = await summarizeMemStream(source, { maxBytes: this.options.maxUploadBytes, hash: true, sizeHint });
      const id = summary.id;
      if (id === null) throw new Error('summarizeMemStream returned no id although hash was requested');
      this.hooks.ingested?.(summary.stats.bytes, (performance.now() - started) / 1000);
      const key = summaryKey(id);
      const created = !(await this.store.has(key));
      if (created) await this.store.set(key, serializeSummary(summary));
      this.remember(id, summary);
      return { summary: summary as IngestResult['summary'], created };
    });
  }

  private remember(id: string, summary: ProfileSummary): void {
    this.summaries.delete(id);
    this.summaries.set(id, summary);
    while (this.summaries.size > this.summaryCacheEntries) this.summaries.delete(this.summaries.keys().next().value as string);
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
      this.hooks.corrupt?.(key, (error as Error).message);
      await this.store.delete(key);
      return null;
    }
    this.remember(id, summary);
    return summary;
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
   * requests ask at the same time. Null when the id is unknown. `summary` skips the lookup when
   * the caller has it (an upload that just happened).
   */
  async plot(id: string, options: PlotOptions, summary?: ProfileSummary): Promise<RenderedPlot | null> {
    const hash = renderHash(id, options);
    const key = renderKey(hash);
    const contentType = CONTENT_TYPES[options.format];
    const stored = await this.store.get(key);
    this.hooks.cacheLookup?.('render', stored !== null);
    if (stored) return { body: stored, contentType, hash, cached: true };
    const { promise } = this.flights.run(key, async () => {
      const source = summary ?? (await this.getSummary(id));
      if (!source) return null;
      const rendered = await this.renders.run(async () => {
        const started = performance.now();
        const out = await this.render(source, options);
        this.hooks.rendered?.(options.format, (performance.now() - started) / 1000);
        return out;
      });
      // A cache that cannot store still lets this request be answered.
      await this.store.set(key, rendered.body).catch((error) => this.hooks.storeFailed?.(key, error));
      return { body: rendered.body, contentType, hash, cached: false };
    });
    // The client waits at most renderTimeoutMs (queue included); the render itself goes on,
    // keeps its slot and is cached when it ends, so a retry finds it.
    const timeoutMs = this.options.renderTimeoutMs;
    return withTimeout(promise, timeoutMs, () => new WorkTimeoutError('the render', timeoutMs, 5));
  }
}
