/**
 * What every stress probe needs: the built server as a child process on loopback (started like
 * `npm start`), its RSS sampled from /proc, HTTP requests with a hard client time-out, and
 * latency/status tallies. Every wait here is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, procStatusKb, startCommand, waitHealthy } from '../http.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root, from bench/stress (tsx) or dist/bench/stress (built). */
export const ROOT = resolve(HERE, HERE.includes(`${join('dist', 'bench')}`) ? '../../..' : '../..');
/** Failing inputs are kept here (git-ignored) with what was sent, for replay. */
export const FAILURES_DIR = join(ROOT, 'bench/stress/failures');

export interface Server {
  base: string;
  port: number;
  pid: number;
  child: ChildProcess;
  cacheDir: string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
  /** kill -9, resolves when the process has exited. */
  kill9(): Promise<void>;
  /** The end of a probe: stop (or kill -9) the server, then remove its cache folder. */
  discard(how?: 'stop' | 'kill9'): Promise<void>;
}

export interface ServerOptions {
  cacheDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Where the server's stderr (warnings and errors, JSON lines) goes. */
  logFile: string;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));
}

/**
 * A client address for X-Forwarded-For (TEST-NET-3, documentation addresses: a header value only,
 * never a destination), so that probes can play several clients behind the proxy that the
 * server trusts (MEMPLOT_TRUST_PROXY=127.0.0.1, as behind a load balancer).
 */
export function clientAddress(n: number): string {
  return `203.0.113.${1 + (n % 254)}`;
}

/** The built server as `npm start` runs it, on 127.0.0.1 and a free port, LOG_LEVEL=warn, behind a trusted proxy on 127.0.0.1. */
export async function startServer(options: ServerOptions): Promise<Server> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'memplot-stress-cache-'));
  const start = startCommand();
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, start.args, {
    env: { ...process.env, ...start.env, PORT: String(port), HOST: '127.0.0.1', MEMPLOT_CACHE_DIR: cacheDir, LOG_LEVEL: process.env.STRESS_SERVER_LOG_LEVEL ?? 'warn', MEMPLOT_TRUST_PROXY: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  await waitHealthy(base, child, 30_000);
  const server: Server = {
    base,
    port,
    pid: child.pid!,
    child,
    cacheDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(timer);
      }
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async discard(how = 'stop') {
      await (how === 'kill9' ? server.kill9() : server.stop());
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Above this the sampler kills the server: the probes share a machine, and the report says so. */
export const RSS_SAFETY_LIMIT_MB = 6144;

/**
 * Samples a process's VmRSS every `everyMs`; `stop()` gives the samples in MB. A sample over
 * RSS_SAFETY_LIMIT_MB kills the process (kill -9) and is remembered in `killedAtMb`.
 */
export function sampleRss(pid: number, everyMs = 100): { stop(): number[]; killedAtMb(): number | null } {
  const samples: number[] = [];
  let killedAt: number | null = null;
  const read = () => {
    try {
      const mb = procStatusKb(pid, 'VmRSS') / 1024;
      samples.push(mb);
      if (mb > RSS_SAFETY_LIMIT_MB && killedAt === null) {
        killedAt = mb;
        process.kill(pid, 'SIGKILL');
      }
    } catch {
      // the process is gone (kill -9 probe): no sample
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return samples;
    },
    killedAtMb: () => killedAt,
  };
}

export interface Answer {
  /** HTTP status, or 0 when there was none: `error` says why (time-out, reset). */
  status: number;
  ms: number;
  body: Buffer;
  headers: Headers | null;
  error?: string;
}

/** One request with a hard client time-out; never throws. */
export async function request(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 60_000) });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, ms: performance.now() - started, body, headers: res.headers };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? 'time-out' : (e.cause?.code ?? e.message);
    return { status: 0, ms: performance.now() - started, body: Buffer.alloc(0), headers: null, error: reason };
  }
}

let uploadsSent = 0;

/** `POST /profiles` with the raw bytes, from its own client address unless one is given; never throws. */
export function uploadBytes(server: Server, bytes: Buffer, timeoutMs = 10_000, client = clientAddress(uploadsSent++)): Promise<Answer> {
  return request(`${server.base}/profiles`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream', 'x-forwarded-for': client }, timeoutMs });
}

/** The id of a successful `POST /profiles` answer, else null. */
export function storedId(answer: Answer): string | null {
  if (answer.status !== 200 && answer.status !== 201) return null;
  return JSON.parse(answer.body.toString('utf8')).id;
}

/** The `error` code of a JSON error body, or ''. */
export function errorCode(answer: Answer): string {
  try {
    return String(JSON.parse(answer.body.toString('utf8')).error ?? '');
  } catch {
    // An error drawn as an image (the URL names an image format): its code is in a header.
    return answer.headers?.get('x-memplot-error') ?? '';
  }
}

export interface LatencySummary {
  count: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

export function summarise(ms: readonly number[]): LatencySummary {
  if (ms.length === 0) return { count: 0, medianMs: Number.NaN, p99Ms: Number.NaN, maxMs: Number.NaN };
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { count: sorted.length, medianMs: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] };
}

/** Counts of outcomes by label ("200", "503 BUSY", "time-out", "exit 1"…). */
export class Tally {
  readonly counts = new Map<string, number>();
  add(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  text(): string {
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
  }
}

export function statusLabel(answer: Answer): string {
  if (answer.status === 0) return answer.error ?? 'no answer';
  if (answer.status >= 400) {
    const code = errorCode(answer);
    return code ? `${answer.status} ${code}` : String(answer.status);
  }
  return String(answer.status);
}

/** Calls `probe` every `everyMs` until stopped, collecting its latencies and outcomes. */
export function every(everyMs: number, probe: () => Promise<Answer>): { stop(): Promise<{ ms: number[]; tally: Tally }> } {
  const ms: number[] = [];
  const tally = new Tally();
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const answer = await probe();
      ms.push(answer.ms);
      tally.add(statusLabel(answer));
      const wait = everyMs - (performance.now() - started);
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { ms, tally };
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs `task(i)` for i in [0, count) with `concurrency` at a time, stopping early at `deadline` (ms since epoch). */
export async function pool(count: number, concurrency: number, deadline: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return next;
}

/** Keeps a failing case for replay: the input bytes and what was done with them. */
export function saveFailure(probe: string, index: number, input: Uint8Array, what: Record<string, unknown>): string {
  mkdirSync(FAILURES_DIR, { recursive: true });
  const stem = join(FAILURES_DIR, `${probe}-${index}`);
  writeFileSync(`${stem}.mem`, input);
  writeFileSync(`${stem}.json`, `${JSON.stringify(what, null, 2)}\n`);
  return stem;
}
