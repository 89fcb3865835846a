/**
 * Profiles by content: an upload is summarised in one streaming pass, its summary stored under
 * its id (sha256 of the uncompressed bytes), and charts are rendered from the stored summary on
 * demand, each render cached under the hash of (id, options, versions). Identical concurrent
 * renders run once; renders and uploads are bounded, and past the bound callers get BusyError.
 * The service never draws: its renderer (the render pool in the app) gets the summary's stored
 * bytes and a signal that aborts at the render's deadline.
 */
import { NotMemProfileError } from './not-mem-profile.js';
import type { ProfileStats, ProfileSummary, StoredProfile } from '../aggregate/summary.js';
import { combineInputs, readProfileInput, type ProfileInput } from '../aggregate/profile-input.js';
import { summarySeriesAnswer, zoomSeriesAnswer, type ZoomIndexSource, type ZoomMode } from '../aggregate/series-answer.js';
import type { SeriesAnswer } from '../aggregate/series-columns.js';
import { MAX_SERIES_BUCKETS, type SeriesQuery } from '../aggregate/series-query.js';
import { seriesCsv } from '../aggregate/series-csv.js';
import { decodeZoomManifest, encodeZoomManifest, levelChunkName, rawChunkName, type ZoomDirectory, type ZoomManifest } from '../aggregate/zoom-index.js';
import { ZoomPieceMissing } from '../aggregate/zoom-read.js';
import { randomBytes } from 'node:crypto';
import { deserializeSummary, serializeSummaryAsync, SummaryCodecError } from '../aggregate/summary-codec.js';
import type { ComparePlotOptions, PlotOptions } from '../options/plot-options.js';
import { optionsKindOfProfile, type ProfileOptionsKind } from '../options/profile-options.js';
import { FORMATS } from '../render/formats.js';
import { requestedPixels, type RenderedImage } from '../render/plot-output.js';
import type { StoredSummary } from '../render/render-pool.js';
import { compareRenderHash, renderHash, renderKey, seriesHash, summaryKey, zoomIndexKey, zoomPieceKey } from '../cache/keys.js';
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
  /** MEMPLOT_ZOOM: 'full' builds a zoom index of every upload (raw records and bucket levels); 'summary' (default here) keeps only the summary. */
  zoom?: ZoomMode;
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

/** Every piece name a directory's index wrote. */
function pieceNames(directory: ZoomDirectory): string[] {
  const names = directory.chunks.map((_, k) => rawChunkName(k));
  directory.levels.forEach((level, j) => {
    for (let c = 0; c < Math.ceil(level.length / directory.layout.bucketsPerChunk); c++) names.push(levelChunkName(j, c));
  });
  return names;
}

/** A zoom index written while a .mem was read, before its profile is stored under its id. */
interface PendingZoomIndex {
  build: string;
  pieces: string[];
  /** Set when the index is complete. */
  directory: ZoomDirectory | null;
}

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
  private readonly zoomManifests = new Lru<ZoomManifest>(16);
  /**
   * Which options each recent profile takes: asked by every chart request before its cache
   * lookup, and fixed for an id (its content), so a cached chart never decodes the summary.
   */
  private readonly kinds = new Lru<ProfileOptionsKind>(8192);
  /** Zoom indexes built by readInput whose upload is not stored yet, by the .mem's summary (storeUpload takes them). */
  private readonly pendingZoomIndexes = new WeakMap<ProfileSummary, PendingZoomIndex>();
  /** Bodies of series.json and series.csv by their hash: a dashboard polls the same URL (16 MB, about 25 of the largest). */
  private readonly seriesBodies = new Lru<Buffer>(16 << 20, (body) => body.length);
  readonly zoom: ZoomMode;

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
    this.zoom = options.zoom ?? 'summary';
  }

  /**
   * Reads an upload of one file (plain or gzip .mem, or a malloc-tag snapshot) and stores its
   * summary unless already known. Throws MemFormatError / InputTooLargeError for bad input,
   * BusyError when too many uploads run.
   */
  async ingest(source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<IngestResult> {
    return this.storeUpload([await this.readInput(source, sizeHint)], null);
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
      // A .mem's zoom index is written as the upload is read, under a build name (the id is known
      // at the end); storeUpload keeps it under the id, or drops its pieces.
      const zoom: PendingZoomIndex = { build: randomBytes(12).toString('hex'), pieces: [], directory: null };
      const zoomIndex =
        this.zoom === 'full' && snapshotOnly === undefined
          ? {
              store: (name: string, bytes: Uint8Array) => {
                zoom.pieces.push(name);
                return this.store.set(zoomPieceKey(zoom.build, name), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
              },
              done: (directory: ZoomDirectory) => void (zoom.directory = directory),
              // An index the store cannot keep is given up; the upload and its summary are not.
              failed: (error: unknown) => this.hooks.storeFailed?.(zoomPieceKey(zoom.build, '*'), error),
            }
          : undefined;
      let input: ProfileInput;
      try {
        input = await readProfileInput(source, { maxBytes, hash: true, sizeHint, background: true, snapshotBytesRead, maxSnapshotBytes, snapshotOnly, zoomIndex });
      } catch (error) {
        this.dropPieces(zoom.build, zoom.pieces);
        throw error;
      }
      if (input.kind === 'mem' && zoom.directory) this.pendingZoomIndexes.set(input.summary, zoom);
      else this.dropPieces(zoom.build, zoom.pieces);
      const bytes = input.kind === 'mem' ? input.summary.stats.bytes : input.bytes;
      this.hooks.ingested?.(bytes, (performance.now() - started) / 1000);
      return input;
    });
  }

  /** Drops the zoom index pieces of inputs read for an upload that failed before storeUpload. */
  discardInputs(inputs: readonly ProfileInput[]): void {
    for (const input of inputs) {
      if (input.kind !== 'mem') continue;
      const zoom = this.pendingZoomIndexes.get(input.summary);
      if (!zoom) continue;
      this.pendingZoomIndexes.delete(input.summary);
      this.dropPieces(zoom.build, zoom.pieces);
    }
  }

  /**
   * Stores the profile the inputs of one upload make (combineInputs: MTAG_BAD_COMBINATION when they
   * make none), and the zoom index of its .mem under its id.
   */
  async storeUpload(files: readonly ProfileInput[], tags: ProfileInput | null): Promise<IngestResult> {
    const zooms = files.flatMap((input) => (input.kind === 'mem' ? [this.pendingZoomIndexes.get(input.summary)] : [])).filter((zoom) => zoom !== undefined);
    let result: IngestResult;
    try {
      result = await this.storeSummary(combineInputs(files, tags));
    } catch (error) {
      for (const zoom of zooms) this.dropPieces(zoom.build, zoom.pieces);
      throw error;
    }
    // A profile has one .mem (combineInputs refuses two): its index, if it was built.
    const [zoom] = zooms;
    if (zoom?.directory && result.summary.kind !== 'malloc-tag' && result.summary.id !== null) {
      await this.keepZoomIndex(result.summary.id, { build: zoom.build, directory: zoom.directory }, zoom.pieces);
    }
    return result;
  }

  /** Stores a summary under its id unless already there (the id covers every input of the profile). */
  private async storeSummary(summary: StoredProfile): Promise<IngestResult> {
    const id = summary.id;
    if (id === null) throw new Error('a summary to store has no id');
    const key = summaryKey(id);
    const created = !(await this.store.has(key));
    if (created) {
      const bytes = await serializeSummaryAsync(summary);
      await this.store.set(key, bytes);
      this.storedSummaries.set(id, bytes);
    }
    this.remember(id, summary);
    return { summary: summary as IngestResult['summary'], created };
  }

  /** Stores the zoom index's manifest unless the profile has one already (then this build's pieces go). */
  private async keepZoomIndex(id: string, manifest: ZoomManifest, pieces: string[]): Promise<void> {
    const key = zoomIndexKey(id);
    if (await this.store.has(key)) {
      this.dropPieces(manifest.build, pieces);
      return;
    }
    await this.store.set(key, Buffer.from(encodeZoomManifest(manifest)));
    this.zoomManifests.set(id, manifest);
  }

  /** Removes pieces of a build nobody will read (in the background: nothing waits for it). */
  private dropPieces(build: string, pieces: string[]): void {
    void (async () => {
      for (const name of pieces) await this.store.delete(zoomPieceKey(build, name)).catch(() => false);
    })();
  }

  /** The stored zoom index of id, or null (none, unreadable, or MEMPLOT_ZOOM=summary). */
  private async zoomIndex(id: string): Promise<ZoomIndexSource | null> {
    if (this.zoom !== 'full') return null;
    const key = zoomIndexKey(id);
    let manifest = this.zoomManifests.get(id) ?? null;
    if (!manifest) {
      const bytes = await this.store.get(key);
      if (!bytes) return null;
      manifest = decodeZoomManifest(bytes);
      if (!manifest) {
        this.hooks.corrupt?.(key, 'not a zoom index manifest');
        await this.store.delete(key);
        return null;
      }
      this.zoomManifests.set(id, manifest);
    }
    const build = manifest.build;
    return { directory: manifest.directory, read: async (name) => this.store.get(zoomPieceKey(build, name)) };
  }

  /** Forgets a zoom index one of whose pieces is gone: the profile zooms to its summary again. */
  private async forgetZoomIndex(id: string): Promise<void> {
    const manifest = this.zoomManifests.get(id);
    this.zoomManifests.delete(id);
    await this.store.delete(zoomIndexKey(id));
    if (manifest) this.dropPieces(manifest.build, pieceNames(manifest.directory));
  }

  private remember(id: string, summary: StoredProfile): void {
    this.summaries.set(id, summary);
    this.kinds.set(id, optionsKindOfProfile(summary));
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
    if (summary?.kind === 'malloc-tag') throw new NotMemProfileError(id, 'comparisons and badges');
    return summary?.stats ?? null;
  }

  /** The summary of a .mem profile (series are a heap over time), null when unknown; NotMemProfileError for snapshots. */
  private async memSummary(id: string): Promise<ProfileSummary | null> {
    const summary = await this.getSummary(id);
    if (summary?.kind === 'malloc-tag') throw new NotMemProfileError(id, 'series');
    return summary;
  }

  /** Which chart options the profile takes (a .mem alone, a .mem with a paired snapshot, snapshots), or null when unknown. */
  async optionsKind(id: string): Promise<ProfileOptionsKind | null> {
    const known = this.kinds.get(id);
    if (known) return known;
    // getSummary remembers the kind of what it finds.
    const summary = await this.getSummary(id);
    return summary ? optionsKindOfProfile(summary) : null;
  }

  /**
   * The series of profile id for a query (SeriesQueryError when it is bad), or null when the id
   * is unknown; `defaultBuckets` when the query names no column count.
   */
  async series(id: string, query: SeriesQuery, defaultBuckets: number): Promise<SeriesAnswer | null> {
    const summary = await this.memSummary(id);
    if (!summary) return null;
    return summarySeriesAnswer(summary, query, defaultBuckets, 'summary');
  }

  /** The hash naming series.json or series.csv of id for a query (its ETag), without building it. */
  seriesHashOf(id: string, format: 'json' | 'csv', query: SeriesQuery): string {
    return seriesHash(id, format, query.axis, query.buckets ?? null);
  }

  /**
   * series.json or series.csv of id (the whole run from the summary) as bytes, built once and then
   * kept while used, or null when the id is unknown (the store's word, as for charts).
   */
  async seriesExport(id: string, format: 'json' | 'csv', query: SeriesQuery): Promise<{ body: Buffer; hash: string } | null> {
    if (!(await this.hasProfile(id))) return null;
    const hash = this.seriesHashOf(id, format, query);
    const kept = this.seriesBodies.get(hash);
    if (kept) return { body: kept, hash };
    const answer = await this.series(id, query, MAX_SERIES_BUCKETS);
    if (!answer) return null;
    const body = Buffer.from(format === 'json' ? JSON.stringify(answer) : seriesCsv(answer.columns));
    this.seriesBodies.set(hash, body);
    return { body, hash };
  }

  /**
   * A zoom window of profile id at the finest resolution kept (the zoom index under
   * MEMPLOT_ZOOM=full, else the summary), or null when the id is unknown. `resolution.zoom` says
   * which applied: 'summary' also for a profile without an index (stored before, or evicted).
   */
  async seriesWindow(id: string, query: SeriesQuery, defaultBuckets: number): Promise<SeriesAnswer | null> {
    const summary = await this.memSummary(id);
    if (!summary) return null;
    const index = await this.zoomIndex(id);
    if (!index) return summarySeriesAnswer(summary, query, defaultBuckets, 'summary');
    try {
      return await zoomSeriesAnswer(summary, query, defaultBuckets, 'full', index);
    } catch (error) {
      if (!(error instanceof ZoomPieceMissing)) throw error;
      this.hooks.corrupt?.(zoomIndexKey(id), error.message);
      await this.forgetZoomIndex(id);
      return summarySeriesAnswer(summary, query, defaultBuckets, 'summary');
    }
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
      for (const id of [baseId, headId]) if ((await this.getSummary(id))?.kind === 'malloc-tag') throw new NotMemProfileError(id, 'charts of two runs');
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
