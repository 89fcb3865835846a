/**
 * Profiles by content: an upload is summarised in one streaming pass, its summary stored under
 * its id (sha256 of the uncompressed bytes), and charts are rendered from the stored summary on
 * demand, each render cached under the hash of (id, options, versions). Identical concurrent
 * renders run once; renders and uploads are bounded, and past the bound callers get BusyError.
 * The service never draws: its renderer (the render pool in the app) gets the summary's stored
 * bytes and a signal that aborts at the render's deadline.
 */
import { NotComparableError } from '../compare/not-comparable.js';
import type { ProfileStats, StoredProfile } from '../aggregate/summary.js';
import { combineInputs, readProfileInput, type ProfileInput } from '../aggregate/profile-input.js';
import { deserializeSummary, serializeSummaryAsync, SummaryCodecError } from '../aggregate/summary-codec.js';
import type { ComparePlotOptions, PlotOptions } from '../options/plot-options.js';
import { optionsKindOfProfile, type ProfileOptionsKind } from '../options/profile-options.js';
import { FORMATS } from '../render/formats.js';
import { requestedPixels, type RenderedImage } from '../render/plot-output.js';
import type { StoredSummary } from '../render/render-pool.js';
import { compareRenderHash, renderHash, renderKey, summaryKey } from '../cache/keys.js';
import { Limiter, untilAborted, WorkTimeoutError } from './limiter.js';
import { SingleFlight } from './single-flight.js';
import { Lru } from '../cache/lru.js';
import type { CacheStore } from '../cache/store.js';

export interface ProfileServiceOptions {
  /** Largest uncompressed upload (InputTooLargeError past it). */
  maxUploadBytes: number;
  /** Largest total of the malloc-tag snapshots of one upload (default and bound: MALLOC_TAG_LIMITS.maxBytes, 16 MiB). */
  maxSnapshotBytes?: number;
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
  /** Draws the chart of two runs (the app's render pool); without it comparePlot fails. */
  renderOverlay?: OverlayRenderer;
  /** Stats alone (a few KB each) kept in memory for comparisons and badges. */
  statsCacheEntries?: number;
}

/**
 * Draws the chart of a stored summary (serializeSummary's bytes). When `signal` aborts (at
 * `deadlineAt`, a Date.now() time) the render should stop and reject; SummaryCodecError when the
 * bytes are unreadable.
 */
export type PlotRenderer = (summary: StoredSummary, options: PlotOptions, signal: AbortSignal, deadlineAt: number) => Promise<RenderedImage>;

/** Draws the chart of two runs from both stored summaries; stopped and failing as PlotRenderer. */
export type OverlayRenderer = (base: StoredSummary, head: StoredSummary, options: ComparePlotOptions, signal: AbortSignal, deadlineAt: number) => Promise<RenderedImage>;

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
  summary: StoredProfile & { id: string };
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
  private readonly summaries: Lru<StoredProfile>;
  private readonly storedSummaries: Lru<Uint8Array>;
  private readonly stats: Lru<ProfileStats>;
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
    this.stats = new Lru(options.statsCacheEntries ?? 1024); // a few KB each
    this.hooks = options.hooks ?? {};
    this.render = options.render;
  }

  /**
   * Reads an upload of one file (plain or gzip .mem, or a malloc-tag snapshot) and stores its
   * summary unless already known. Throws MemFormatError / InputTooLargeError for bad input,
   * BusyError when too many uploads run.
   */
  async ingest(source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<IngestResult> {
    return this.storeSummary(combineInputs([await this.readInput(source, sizeHint)], null));
  }

  /**
   * Reads one input of an upload (an upload part) in an upload slot: a .mem is summarised, a
   * snapshot parsed (`snapshotBytesRead`: bytes of snapshots the same upload has already sent,
   * all of which together are bounded; `snapshotOnly` names the part where a .mem is refused at
   * once). Nothing is stored: see storeUpload.
   */
  readInput(source: AsyncIterable<Uint8Array>, sizeHint?: number, snapshotBytesRead = 0, snapshotOnly?: string): Promise<ProfileInput> {
    return this.uploads.run(async () => {
      const started = performance.now();
      const { maxUploadBytes: maxBytes, maxSnapshotBytes } = this.options;
      const input = await readProfileInput(source, { maxBytes, hash: true, sizeHint, background: true, snapshotBytesRead, maxSnapshotBytes, snapshotOnly });
      const bytes = input.kind === 'mem' ? input.summary.stats.bytes : input.bytes;
      this.hooks.ingested?.(bytes, (performance.now() - started) / 1000);
      return input;
    });
  }

  /** Stores the profile the inputs of one upload make (combineInputs: MTAG_BAD_COMBINATION when they make none). */
  storeUpload(files: readonly ProfileInput[], tags: ProfileInput | null): Promise<IngestResult> {
    return this.storeSummary(combineInputs(files, tags));
  }

  /**
   * Stores a summary under its id unless already there. A .mem paired with a snapshot is stored
   * whatever was there: it adds to what the .mem alone had under the same id.
   */
  private async storeSummary(summary: StoredProfile): Promise<IngestResult> {
    const id = summary.id;
    if (id === null) throw new Error('a summary to store has no id');
    const key = summaryKey(id);
    const created = !(await this.store.has(key));
    const paired = summary.kind !== 'malloc-tag' && summary.mallocTag !== undefined;
    if (created || paired) {
      const bytes = await serializeSummaryAsync(summary);
      await this.store.set(key, bytes);
      this.storedSummaries.set(id, bytes);
    }
    this.remember(id, summary);
    return { summary: summary as IngestResult['summary'], created };
  }

  private remember(id: string, summary: StoredProfile): void {
    this.summaries.set(id, summary);
    if (summary.kind !== 'malloc-tag') this.stats.set(id, summary.stats);
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
    this.stats.delete(id);
    await this.store.delete(key);
  }

  /** The stored summary of id, or null when unknown (or stored corrupt, which is then removed). */
  async getSummary(id: string): Promise<StoredProfile | null> {
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
    let summary: StoredProfile;
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
   * The stats of id (what comparisons and badges read), or null when unknown: kept apart from the
   * parsed summaries so that comparing many profiles decodes each summary once, not per request.
   */
  async getStats(id: string): Promise<ProfileStats | null> {
    const cached = this.stats.get(id);
    // As for summaries: the store's word first, an evicted id is gone here too.
    if (cached && (await this.store.has(summaryKey(id)))) return cached;
    this.stats.delete(id);
    const summary = await this.getSummary(id);
    if (summary?.kind === 'malloc-tag') throw new NotComparableError(id);
    return summary?.stats ?? null;
  }

  /** Which chart options the profile takes (a .mem alone, a .mem with a paired snapshot, snapshots), or null when unknown. */
  async optionsKind(id: string): Promise<ProfileOptionsKind | null> {
    const summary = await this.getSummary(id);
    return summary ? optionsKindOfProfile(summary) : null;
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
    return this.cachedRender(renderHash(id, options), options, async (draw) => {
      const source = await this.storedSummary(id);
      if (!source) return null;
      try {
        return await draw((signal, deadlineAt) => this.render(source, options, signal, deadlineAt));
      } catch (error) {
        if (!(error instanceof SummaryCodecError)) throw error;
        await this.forgetCorrupt(id, error.message);
        return null;
      }
    });
  }

  /** Whether the chart of two profiles with these options is in the cache (then comparePlot() will not render it). */
  isCompareRendered(baseId: string, headId: string, options: ComparePlotOptions): Promise<boolean> {
    return this.store.has(renderKey(compareRenderHash(baseId, headId, options)));
  }

  /** The hash naming the chart of two profiles with these options (its ETag), without rendering it. */
  compareRenderHashOf(baseId: string, headId: string, options: ComparePlotOptions): string {
    return compareRenderHash(baseId, headId, options);
  }

  /**
   * The chart of two profiles (chart/overlay/), cached, single-flight and bounded as plot(); the
   * runs are named 'base' and 'head'. Null when either id is unknown (or stored corrupt: removed).
   */
  async comparePlot(baseId: string, headId: string, options: ComparePlotOptions): Promise<RenderedPlot | null> {
    const renderOverlay = this.options.renderOverlay;
    if (!renderOverlay) throw new Error('this profile service was built without an overlay renderer');
    return this.cachedRender(compareRenderHash(baseId, headId, options), options, async (draw) => {
      const base = await this.storedSummary(baseId);
      const head = await this.storedSummary(headId);
      if (!base || !head) return null;
      // Snapshot profiles have no heap over time to overlay (their kind is in the parsed summary, cached).
      for (const id of [baseId, headId]) if ((await this.getSummary(id))?.kind === 'malloc-tag') throw new NotComparableError(id);
      try {
        return await draw((signal, deadlineAt) => renderOverlay(base, head, options, signal, deadlineAt));
      } catch (error) {
        if (!(error instanceof SummaryCodecError)) throw error;
        // Reading each again finds (and removes) the one that is corrupt.
        await Promise.all([this.getSummary(baseId), this.getSummary(headId)]);
        return null;
      }
    });
  }

  /**
   * An image from the cache under hash, or made once however many requests ask at the same time,
   * stored and returned; `make` gets the bounded way to render (a limiter slot and the deadline)
   * and answers null when a profile it needs is unknown.
   */
  private async cachedRender(
    hash: string,
    options: PlotOptions,
    make: (draw: (render: (signal: AbortSignal, deadlineAt: number) => Promise<RenderedImage>) => Promise<RenderedImage>) => Promise<RenderedImage | null>,
  ): Promise<RenderedPlot | null> {
    const key = renderKey(hash);
    const contentType = FORMATS[options.format].contentType;
    const stored = await this.store.get(key);
    this.hooks.cacheLookup?.('render', stored !== null);
    if (stored) return { body: stored, contentType, hash, cached: true };
    const { promise } = this.flights.run(key, async () => {
      const rendered = await make((render) => this.renderBefore(options, render));
      if (!rendered) return null;
      // A cache that cannot store still lets this request be answered.
      await this.store.set(key, rendered.body).catch((error) => this.hooks.storeFailed?.(key, error));
      return { body: rendered.body, contentType, hash, cached: false };
    });
    return promise;
  }

  /** One render in a limiter slot, stopped at the deadline wherever it is. */
  private async renderBefore(options: PlotOptions, render: (signal: AbortSignal, deadlineAt: number) => Promise<RenderedImage>): Promise<RenderedImage> {
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
        const out = await render(deadline.signal, deadlineAt);
        this.hooks.rendered?.(options.format, (performance.now() - began) / 1000);
        return out;
      }, deadline.signal);
      return await untilAborted(work, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }
}
