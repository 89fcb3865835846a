/**
 * Compare benchmark: the built server as `npm start` runs it, two corpus files stored with one
 * `POST /compare` (curl), then `GET /compare/:base/:head` timed: sequential requests over one
 * keep-alive connection (fetch), after the upload and again after a restart on the same cache
 * (the summaries then come from disk). It reads the two stored summaries only, never the files.
 *
 * Used by `npm run bench -- compare`; runs alone as `node dist/bench/compare.js BASE HEAD` after `npm run build`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freePort, startCommand, waitHealthy } from './http.js';
import { fmt, median } from './measure.js';

export interface CompareTiming {
  label: string;
  url: string;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
}

export interface CompareBenchResult {
  files: { name: string; bytes: number }[];
  uploadSeconds: number;
  timings: CompareTiming[];
}

const SETTLE_MS = 5000;

function startServer(port: number, cacheDir: string): ChildProcess {
  const start = startCommand();
  return spawn(process.execPath, start.args, {
    env: { ...process.env, ...start.env, PORT: String(port), HOST: '127.0.0.1', MEMPLOT_CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
}

async function timeGets(label: string, url: string, runs: number): Promise<CompareTiming> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { label, url: url.replace(/[0-9a-f]{64}/g, '<id>'), firstMs: times[0], medianMs: median(times), p95Ms: sorted[Math.ceil(0.95 * sorted.length) - 1], maxMs: sorted.at(-1)!, runs };
}

export async function benchCompare(baseFile: string, headFile: string, runs = 50): Promise<CompareBenchResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'memplot-bench-compare-'));
  let child = startServer(port, cacheDir);
  const result: CompareBenchResult = { files: [baseFile, headFile].map((f) => ({ name: basename(f), bytes: statSync(f).size })), uploadSeconds: 0, timings: [] };
  try {
    await waitHealthy(base, child);
    const started = performance.now();
    const upload = spawnSync('curl', ['-sSf', '-F', `base=@${baseFile}`, '-F', `head=@${headFile}`, `${base}/compare`], { encoding: 'utf8', maxBuffer: 1 << 24 });
    result.uploadSeconds = (performance.now() - started) / 1000;
    if (upload.status !== 0) throw new Error(`POST /compare failed: ${upload.stderr.trim()}`);
    const answer = JSON.parse(upload.stdout) as { base: { id: string }; head: { id: string } };
    const path = `${base}/compare/${answer.base.id}/${answer.head.id}`;
    const urls: [string, string][] = [
      ['GET /compare/:base/:head', path],
      ['GET /compare/:base/:head?fail_on=…', `${path}?fail_on=${encodeURIComponent('peak.heap>+5%')}&fail_on=${encodeURIComponent('final.heap>+1MiB')}`],
      ['GET /compare/:base/:head/summary.md', `${path}/summary.md`],
      ['GET /compare/:base/:head/badge.svg', `${path}/badge.svg?metric=peak.heap&fail_on=5%25`],
    ];
    for (const [label, url] of urls) result.timings.push(await timeGets(`${label}, after the upload`, url, runs));
    // A restart: the parsed summaries are gone, the first GET reads both from the filesystem cache.
    await stop(child);
    child = startServer(port, cacheDir);
    await waitHealthy(base, child);
    // The render workers start beside the first requests (jsdom, on the same two cores): let them settle.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    result.timings.push(await timeGets(`GET /compare/:base/:head, after a restart and ${SETTLE_MS / 1000} s (summaries from disk)`, path, runs));
  } finally {
    await stop(child);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return result;
}

export function formatCompareBench(result: CompareBenchResult): string[] {
  const files = result.files.map((f) => `${f.name} (${fmt(f.bytes / 1e6, 0)} MB)`).join(' and ');
  return [
    `${files} stored with one \`curl -F base=@… -F head=@… /compare\` in ${fmt(result.uploadSeconds, 1)} s; then each URL ${result.timings[0]?.runs ?? 0} times in a row (fetch, one keep-alive connection, whole response read):`,
    '',
    '| request | first | median | p95 | max |',
    '|---|---|---|---|---|',
    ...result.timings.map((t) => `| ${t.label} | ${fmt(t.firstMs, 1)} ms | **${fmt(t.medianMs, 1)} ms** | ${fmt(t.p95Ms, 1)} ms | ${fmt(t.maxMs, 1)} ms |`),
  ];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [baseFile, headFile] = process.argv.slice(2);
  if (!baseFile || !headFile) {
    console.error('usage: node dist/bench/compare.js BASE.mem HEAD.mem');
    process.exitCode = 2;
  } else {
    benchCompare(baseFile, headFile).then((r) => console.log(formatCompareBench(r).join('\n')));
  }
}
