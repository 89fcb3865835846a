/**
 * HTTP benchmark: starts the service as a child process (so that its own peak RSS can be read
 * from /proc/<pid>/status VmHWM), uploads each file with `curl -F file=@…` to /plot timing the
 * wall clock, then hammers a cached `GET /profiles/:id/plot.png` with autocannon
 * (50 connections, 10 s) for req/s, p50 and p99.
 *
 * Used by `npm run bench`; runs alone as `node dist/bench/http.js [FILE...]` after `npm run build`.
 */
import autocannon, { type Client as AutocannonClient } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface UploadResult {
  file: string;
  bytes: number;
  status: number;
  wallSeconds: number;
  /** Server peak RSS during this upload (VmHWM, reset before it). */
  serverPeakRssMb: number;
  profileId: string | null;
}

export interface LoadResult {
  /** The load generator: autocannon as shipped, autocannon with its per-body UTF-8 decoding
   * switched off (see `skipBodyDecoding`), or wrk when installed. */
  client: 'autocannon' | 'autocannon, bodies not decoded' | 'wrk';
  url: string;
  bodyBytes: number;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface HttpBenchResult {
  uploads: UploadResult[];
  /** Cached GETs of the PNG and of the SVG, by each client (see `skipBodyDecoding`). */
  cachedGets: LoadResult[];
}

/**
 * autocannon 9 appends every response body chunk to a string (lib/pipelinedRequestsQueue.js,
 * `req.body += data`), for its `expectBody`/`verifyBody` options. On binary bodies that UTF-8
 * decoding is most of the client's CPU (85 % in a profile) and caps it near 1,000 req/s on a
 * ~80 KiB PNG, whatever the server does. The bench verifies no bodies, so this per-connection
 * hook drops the chunks instead; bytes are still counted from the socket, and status codes,
 * latencies and errors are unchanged.
 */
function skipBodyDecoding(client: AutocannonClient): void {
  if (typeof client.pipelinedRequests?.addBody !== 'function') throw new Error('autocannon changed: Client.pipelinedRequests.addBody is gone');
  client.pipelinedRequests.addBody = () => {};
}

export function serverScript(): string {
  // dist/bench/http.js → dist/src/server.js; bench/http.ts (tsx) → the built one too.
  for (const candidate of [join(HERE, '../src/server.js'), join(HERE, '../dist/src/server.js')]) if (existsSync(candidate)) return candidate;
  throw new Error('dist/src/server.js not found: run `npm run build` first');
}

/**
 * The server as `npm start` runs it: package.json's start script, `[VAR=value…] node [flags…]
 * dist/src/server.js`, so that the figures are those of the memory settings users get.
 */
export function startCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(HERE, existsSync(join(HERE, '../package.json')) ? '../package.json' : '../../package.json'), 'utf8'));
  const words = String(pkg.scripts?.start ?? '').split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/server.js') {
    throw new Error(`package.json scripts.start is not "[VAR=value…] node [flags…] dist/src/server.js": ${pkg.scripts?.start}`);
  }
  return { env, args: [...words.slice(1, -1), serverScript()] };
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export function procStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** Resets the peak RSS counter of a process (Linux: write 5 to clear_refs); false when not allowed. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }));
  });
}

export async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms`);
}

/** `wrk -t1 -c N -d S --latency URL`, parsed; null when wrk is not installed. */
async function runWrk(url: string, connections: number, durationSeconds: number) {
  const which = await run('sh', ['-c', 'command -v wrk']);
  if (which.code !== 0) return null;
  const out = await run('wrk', ['-t1', `-c${connections}`, `-d${durationSeconds}s`, '--latency', url]);
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out.stdout);
    if (!m) return Number.NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out.stdout);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out.stdout);
  const errors = /Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)/.exec(out.stdout);
  return {
    requestsPerSecond: rps ? Number(rps[1]) : Number.NaN,
    p50Ms: ms('50%'),
    p99Ms: ms('99%'),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    errors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

export async function benchHttp(files: string[], options: { connections?: number; durationSeconds?: number } = {}): Promise<HttpBenchResult> {
  const connections = options.connections ?? 50;
  const durationSeconds = options.durationSeconds ?? 10;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'memplot-bench-http-'));
  const start = startCommand();
  const child = spawn(process.execPath, start.args, {
    env: { ...process.env, ...start.env, PORT: String(port), HOST: '127.0.0.1', MEMPLOT_CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid!;
  const result: HttpBenchResult = { uploads: [], cachedGets: [] };
  try {
    await waitHealthy(base, child);
    for (const file of files) {
      const canReset = resetPeakRss(pid);
      // Sample RSS too, in case the peak counter cannot be reset (then VmHWM covers the whole run).
      let sampledKb = procStatusKb(pid, 'VmRSS');
      const sampler = setInterval(() => (sampledKb = Math.max(sampledKb, procStatusKb(pid, 'VmRSS'))), 10);
      const headers = join(cacheDir, 'headers.txt');
      const started = performance.now();
      const out = await run('curl', ['-sS', '-o', '/dev/null', '-D', headers, '-w', '%{http_code}', '-F', `file=@${file}`, `${base}/plot`]);
      const wallSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const peakKb = canReset ? Math.max(procStatusKb(pid, 'VmHWM'), sampledKb) : sampledKb;
      const idLine = /^x-profile-id:\s*([0-9a-f]{64})/im.exec(existsSync(headers) ? readFileSync(headers, 'utf8') : '');
      if (out.code !== 0) throw new Error(`curl failed on ${file}: ${out.stderr.trim()}`);
      result.uploads.push({
        file,
        bytes: statSync(file).size,
        status: Number(out.stdout),
        wallSeconds,
        serverPeakRssMb: peakKb / 1024,
        profileId: idLine ? idLine[1] : null,
      });
    }
    const id = result.uploads.find((u) => u.profileId)?.profileId;
    if (id) {
      for (const format of ['png', 'svg']) {
        const url = `${base}/profiles/${id}/plot.${format}`;
        const warm = await fetch(url);
        const bodyBytes = (await warm.arrayBuffer()).byteLength;
        if (!warm.ok) throw new Error(`GET ${url} answered ${warm.status}`);
        for (const decodeBodies of [true, false]) {
          const cannon = await autocannon({ url, connections, duration: durationSeconds, ...(decodeBodies ? {} : { setupClient: skipBodyDecoding }) });
          result.cachedGets.push({
            client: decodeBodies ? 'autocannon' : 'autocannon, bodies not decoded',
            url: `/profiles/<id>/plot.${format}`,
            bodyBytes,
            connections,
            durationSeconds,
            requestsPerSecond: cannon.requests.average,
            p50Ms: cannon.latency.p50,
            p99Ms: cannon.latency.p99,
            non2xx: cannon.non2xx,
            errors: cannon.errors,
          });
        }
        // A C client, when installed, shows what the server itself does.
        const wrk = await runWrk(url, connections, durationSeconds);
        if (wrk) result.cachedGets.push({ client: 'wrk', url: `/profiles/<id>/plot.${format}`, bodyBytes, connections, durationSeconds, ...wrk });
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return result;
}

/** The figures as Markdown (BENCHMARKS.md). */
export function formatHttpBench(result: HttpBenchResult): string[] {
  const lines = ['| upload (`curl -F file=@…` to /plot → PNG) | size | status | wall | server peak RSS |', '|---|---|---|---|---|'];
  for (const u of result.uploads) {
    lines.push(`| ${basename(u.file)} | ${(u.bytes / 1e6).toFixed(0)} MB | ${u.status} | **${u.wallSeconds.toFixed(2)} s** | **${u.serverPeakRssMb.toFixed(0)} MB** |`);
  }
  if (result.cachedGets.length > 0) {
    const g0 = result.cachedGets[0];
    lines.push('', `Cached GETs, ${g0.connections} connections × ${g0.durationSeconds} s, client and server on the same 2 cores:`, '');
    lines.push('| client | URL | body | req/s | p50 | p99 | non-2xx | errors |', '|---|---|---|---|---|---|---|---|');
    for (const g of result.cachedGets) {
      lines.push(
        `| ${g.client} | \`${g.url}\` | ${(g.bodyBytes / 1024).toFixed(0)} KiB | **${g.requestsPerSecond.toFixed(0)}** | ${g.p50Ms} ms | **${g.p99Ms} ms** | ${g.non2xx} | ${g.errors} |`,
      );
    }
  }
  return lines;
}

export function printHttpBench(result: HttpBenchResult): void {
  console.log(formatHttpBench(result).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = resolve(HERE, '../../bench/corpus');
  const files = process.argv.length > 2 ? process.argv.slice(2) : ['medium.mem', 'large.mem'].map((f) => join(corpus, f)).filter(existsSync);
  printHttpBench(await benchHttp(files));
}
