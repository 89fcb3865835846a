/**
 * The service's configuration, read from the environment once at start and validated: every
 * bad value is reported at once, each naming the variable, what it received and what it accepts.
 */
import { MALLOC_TAG_LIMITS } from '../format/malloc-tag/read-snapshot.js';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Filesystem cache (the embedded default store): directory and size bound. */
  cacheDir: string;
  cacheMaxBytes: number;
  /** When set, summaries and renders live in Redis (shared by replicas) instead of cacheDir. */
  redisUrl: string | null;
  /** Size bound of the per-process in-memory tier for hot renders (0 disables it). */
  memoryCacheBytes: number;
  /** Largest upload, counted on the uncompressed bytes (a gzip bomb stops there). */
  maxUploadBytes: number;
  /** Largest total of the malloc-tag snapshots of one upload (MTAG_TOO_LARGE past it). */
  maxSnapshotBytes: number;
  /** Bearer tokens accepted for uploads; empty: uploads are open. */
  apiTokens: string[];
  /** Renders running at once, and renders allowed to wait for a slot before 503. */
  renderConcurrency: number;
  renderQueue: number;
  /** Render worker threads kept loaded while no render runs; the others start on demand. */
  renderWarmWorkers: number;
  /** A render worker beyond renderWarmWorkers exits after this long without a render. */
  renderIdleMs: number;
  /** Uploads being read at once before 503. */
  uploadConcurrency: number;
  renderTimeoutMs: number;
  /** Whole request, upload included. */
  requestTimeoutMs: number;
  /** A socket idle for this long (e.g. an upload that stalls) is closed. */
  idleTimeoutMs: number;
  /** Event-loop delay above which requests get 503 (0: not checked). */
  maxEventLoopDelayMs: number;
  /** Base of the absolute URLs in responses (behind a proxy); null: from the request's Host. */
  publicUrl: string | null;
  logLevel: string;
  /** Uploads one client (its token when tokens are configured, else its IP) may have read at once. */
  uploadClientConcurrency: number;
  /** An upload that delivers fewer than uploadMinBytes in any uploadRateWindowMs is aborted with 408 (0 bytes: never). */
  uploadMinBytes: number;
  uploadRateWindowMs: number;
  /** Per client and minute: uploads, and renders not served from the cache (0: unlimited). */
  uploadRateLimit: number;
  renderRateLimit: number;
  /** Fastify's trustProxy: false, true, addresses/CIDRs of trusted proxies, or (a hop count) trust of the nearest hops. */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  /** Largest image one render may make: width × height × scale² (400 past it). */
  maxRenderPixels: number;
  /** full: each upload also stores a zoom index (raw records, bucket levels) for zooming to single calls; summary: zoom stops at the summary. */
  zoom: 'full' | 'summary';
}

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1000 ** 4,
  tib: 1024 ** 4,
};

/** "1073741824", "512MiB", "4G", "1.5GB" → bytes; null when not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!match) return null;
  const unit = UNITS[match[2].toLowerCase()];
  if (unit === undefined) return null;
  const value = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(value) ? value : null;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const CONFIG_VARIABLES = [
  ['PORT', '8080', 'TCP port to listen on.'],
  ['HOST', '0.0.0.0', 'Address to listen on (127.0.0.1 for local only, :: for IPv6).'],
  ['MEMPLOT_CACHE_DIR', '.memplot-cache', 'Directory of the filesystem cache (used when MEMPLOT_REDIS_URL is not set). Survives restarts.'],
  ['MEMPLOT_CACHE_MAX_BYTES', '1GiB', 'Size bound of the filesystem cache; least recently used entries are evicted past it.'],
  ['MEMPLOT_REDIS_URL', '(unset)', 'redis:// or rediss:// URL: summaries and renders are stored in Redis, shared by every replica.'],
  ['MEMPLOT_MEMORY_CACHE_BYTES', '64MiB', 'In-memory tier in front of the store for hot renders (0 disables).'],
  ['MEMPLOT_MAX_UPLOAD_BYTES', '4GiB', 'Largest upload, counted after decompression (413 past it).'],
  ['MEMPLOT_MAX_SNAPSHOT_BYTES', '4MiB', 'Largest total of the malloc-tag JSON snapshots of one upload, after decompression (413 past it; at most 16MiB). Reading one holds the event loop for about 40 ms per MiB (JSON.parse and the summary\'s JSON.stringify).'],
  ['MEMPLOT_API_TOKENS', '(unset)', 'Comma-separated bearer tokens (16+ characters each) required for uploads (POST). GETs by id stay open.'],
  ['MEMPLOT_RENDER_CONCURRENCY', 'CPU count', 'Renders running at once, each on its worker thread; one more thread is kept for a small render (up to 1920×1080 pixels) when all are busy.'],
  ['MEMPLOT_RENDER_QUEUE', '64', 'Renders allowed to wait for a slot; more get 503 with Retry-After.'],
  ['MEMPLOT_RENDER_WARM_WORKERS', '0', 'Render worker threads kept started while the server is idle (at most MEMPLOT_RENDER_CONCURRENCY + 1). Each holds about 35 MB with the renderer loaded; a worker started on demand adds about 0.5 s to its first render.'],
  ['MEMPLOT_RENDER_IDLE_MS', '60000', 'A render worker beyond MEMPLOT_RENDER_WARM_WORKERS exits after this long without a render, returning its memory.'],
  ['MEMPLOT_UPLOAD_CONCURRENCY', '4', 'Uploads read at once; more get 503 with Retry-After.'],
  ['MEMPLOT_RENDER_TIMEOUT_MS', '30000', 'Deadline of a render, queue included: past it the render is stopped (its worker thread terminated and replaced) and answers 503 with Retry-After.'],
  ['MEMPLOT_REQUEST_TIMEOUT_MS', '600000', 'Whole request, upload included.'],
  ['MEMPLOT_IDLE_TIMEOUT_MS', '60000', 'A connection idle this long (e.g. a stalled upload) is closed.'],
  ['MEMPLOT_MAX_EVENT_LOOP_DELAY_MS', '1000', 'Event-loop delay above which requests get 503 (0: not checked).'],
  ['MEMPLOT_PUBLIC_URL', '(unset)', 'Base of absolute URLs in responses, e.g. https://memplot.example.com behind a proxy.'],
  ['LOG_LEVEL', 'info', `One of ${LOG_LEVELS.join(', ')}.`],
  ['MEMPLOT_UPLOAD_CLIENT_CONCURRENCY', '2', 'Uploads read at once for one client (its token when MEMPLOT_API_TOKENS is set, else its IP); more get 429.'],
  ['MEMPLOT_UPLOAD_MIN_BYTES', '16KiB', 'An upload delivering fewer bytes than this in any MEMPLOT_UPLOAD_RATE_WINDOW_MS is aborted with 408 and frees its slot (0: no minimum).'],
  ['MEMPLOT_UPLOAD_RATE_WINDOW_MS', '10000', 'The window of MEMPLOT_UPLOAD_MIN_BYTES.'],
  ['MEMPLOT_UPLOAD_RATE_LIMIT', '30', 'Uploads per client per minute; more get 429 with Retry-After (0: unlimited).'],
  ['MEMPLOT_RENDER_RATE_LIMIT', '120', 'Renders not served from the cache, per client per minute; more get 429 with Retry-After (0: unlimited).'],
  ['MEMPLOT_TRUST_PROXY', 'false', 'Take the client IP from X-Forwarded-For: true (any proxy), a hop count, or comma-separated proxy addresses/CIDRs.'],
  ['MEMPLOT_ZOOM', 'full', 'full: each upload also stores a zoom index (its records in compact chunks, about a third of the .mem size, and M4 bucket levels) so that GET /profiles/:id/series zooms down to single calls; summary: nothing more than the summary is kept and zoom stops at its resolution (4096–8192 columns).'],
  ['MEMPLOT_MAX_RENDER_PIXELS', '16777216', 'Largest image one render may make, width × height × scale² (4096×4096: every size at scale 1); larger requests get 400 PIXEL_BUDGET_EXCEEDED before anything is read or queued.'],
] as const;

type Env = Record<string, string | undefined>;

/** The configuration from an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, received ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  const bytes = (name: string, fallback: number, min: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = parseByteSize(raw);
    if (value === null || value < min) {
      problems.push(`${name}: expected a size in bytes of at least ${min} such as 1073741824, 512MiB or 4GiB, received ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = text(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return name === 'MEMPLOT_PUBLIC_URL' ? raw.replace(/\/+$/, '') : raw;
    } catch {
      problems.push(`${name}: expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, received ${JSON.stringify(raw)}`);
      return null;
    }
  };

  const port = integer('PORT', 8080, 0, 65535);
  const host = text('HOST') ?? '0.0.0.0';
  const cacheDir = resolve(cwd, text('MEMPLOT_CACHE_DIR') ?? '.memplot-cache');
  const cacheMaxBytes = bytes('MEMPLOT_CACHE_MAX_BYTES', 1024 ** 3, 1024 * 1024);
  const redisUrl = url('MEMPLOT_REDIS_URL', ['redis:', 'rediss:']);
  const memoryCacheBytes = bytes('MEMPLOT_MEMORY_CACHE_BYTES', 64 * 1024 ** 2, 0);
  const maxUploadBytes = bytes('MEMPLOT_MAX_UPLOAD_BYTES', 4 * 1024 ** 3, 48);
  const maxSnapshotBytes = Math.min(bytes('MEMPLOT_MAX_SNAPSHOT_BYTES', 4 * 1024 ** 2, 1024), MALLOC_TAG_LIMITS.maxBytes);
  const tokensRaw = text('MEMPLOT_API_TOKENS');
  const apiTokens = tokensRaw === undefined ? [] : tokensRaw.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  if (tokensRaw !== undefined) {
    const short = apiTokens.filter((t) => t.length < 16);
    if (apiTokens.length === 0) problems.push('MEMPLOT_API_TOKENS: expected comma-separated tokens, received only separators');
    if (short.length > 0) problems.push(`MEMPLOT_API_TOKENS: each token needs at least 16 characters (${short.length} shorter; e.g. openssl rand -hex 32)`);
  }
  const renderConcurrency = integer('MEMPLOT_RENDER_CONCURRENCY', availableParallelism(), 1, 1024);
  const renderQueue = integer('MEMPLOT_RENDER_QUEUE', 64, 0, 100000);
  const renderWarmWorkers = integer('MEMPLOT_RENDER_WARM_WORKERS', 0, 0, 1025);
  if (renderWarmWorkers > renderConcurrency + 1) {
    problems.push(`MEMPLOT_RENDER_WARM_WORKERS: expected at most MEMPLOT_RENDER_CONCURRENCY + 1 (${renderConcurrency + 1}: the render threads and the express one), received ${renderWarmWorkers}`);
  }
  const renderIdleMs = integer('MEMPLOT_RENDER_IDLE_MS', 60_000, 1000, 86_400_000);
  const uploadConcurrency = integer('MEMPLOT_UPLOAD_CONCURRENCY', 4, 1, 1024);
  const renderTimeoutMs = integer('MEMPLOT_RENDER_TIMEOUT_MS', 30_000, 100, 3_600_000);
  const requestTimeoutMs = integer('MEMPLOT_REQUEST_TIMEOUT_MS', 600_000, 1000, 86_400_000);
  const idleTimeoutMs = integer('MEMPLOT_IDLE_TIMEOUT_MS', 60_000, 1000, 86_400_000);
  const maxEventLoopDelayMs = integer('MEMPLOT_MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 600_000);
  const publicUrl = url('MEMPLOT_PUBLIC_URL', ['http:', 'https:']);
  const maxRenderPixels = integer('MEMPLOT_MAX_RENDER_PIXELS', 4096 * 4096, 100 * 80, 4096 * 4096 * 9);
  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, received ${JSON.stringify(env.LOG_LEVEL)}`);

  const uploadClientConcurrency = integer('MEMPLOT_UPLOAD_CLIENT_CONCURRENCY', 2, 1, 1024);
  const uploadMinBytes = bytes('MEMPLOT_UPLOAD_MIN_BYTES', 16 * 1024, 0);
  const uploadRateWindowMs = integer('MEMPLOT_UPLOAD_RATE_WINDOW_MS', 10_000, 1000, 3_600_000);
  const uploadRateLimit = integer('MEMPLOT_UPLOAD_RATE_LIMIT', 30, 0, 1_000_000);
  const renderRateLimit = integer('MEMPLOT_RENDER_RATE_LIMIT', 120, 0, 1_000_000);
  const trustProxy = parseTrustProxy(text('MEMPLOT_TRUST_PROXY'), problems);
  const zoomText = (text('MEMPLOT_ZOOM') ?? 'full').toLowerCase();
  if (zoomText !== 'full' && zoomText !== 'summary') problems.push(`MEMPLOT_ZOOM: expected full or summary, received ${JSON.stringify(env.MEMPLOT_ZOOM)}`);
  const zoom: Config['zoom'] = zoomText === 'summary' ? 'summary' : 'full';

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    cacheDir,
    cacheMaxBytes,
    redisUrl,
    memoryCacheBytes,
    maxUploadBytes,
    maxSnapshotBytes,
    apiTokens,
    renderConcurrency,
    renderQueue,
    renderWarmWorkers,
    renderIdleMs,
    uploadConcurrency,
    renderTimeoutMs,
    requestTimeoutMs,
    idleTimeoutMs,
    maxEventLoopDelayMs,
    publicUrl,
    logLevel,
    uploadClientConcurrency,
    uploadMinBytes,
    uploadRateWindowMs,
    uploadRateLimit,
    renderRateLimit,
    trustProxy,
    maxRenderPixels,
    zoom,
  };
}

/** MEMPLOT_TRUST_PROXY: unset/false, true, a hop count, or comma-separated IPv4/IPv6 addresses or CIDRs. */
function parseTrustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)(\/\d{1,3})?$/.test(entry));
  if (bad.length === 0) return entries;
  problems.push(
    `MEMPLOT_TRUST_PROXY: expected true, false, a hop count or comma-separated proxy addresses/CIDRs such as 10.0.0.0/8, received ${JSON.stringify(raw)}`,
  );
  return false;
}
