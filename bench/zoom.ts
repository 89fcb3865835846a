/**
 * Zoom benchmark (issue 14's "Speed"): the built server as `npm start` runs it, MEMPLOT_ZOOM=full,
 * filesystem cache large enough to keep everything. The 990 MB corpus file is uploaded once
 * (`curl -T FILE -X POST` to POST /profiles, streamed from the file: `--data-binary @FILE` would
 * first read all of it into curl's memory): wall time, server peak RSS, bytes the zoom index adds
 * to the cache. Then 20 random windows at 800 columns, widths spread evenly on a log scale from
 * the whole run down to 1,000 calls, each timed by the server (Server-Timing) and by the client;
 * and series.csv of the profile, served from the cache.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt } from './measure.js';
import { procStatusKb, startCommand, waitHealthy } from './http.js';

/** A port in the range this benchmark may use (never 8080). */
const PORT = 18317;

export interface ZoomBenchResult {
  file: string;
  bytes: number;
  uploadSeconds: number;
  uploadStatus: number;
  serverPeakRssMb: number;
  /** Server RSS once started and idle, before the upload. */
  serverIdleRssMb: number;
  entries: number;
  cacheBytes: number;
  indexBytes: number;
  windows: Array<{ from: number; to: number; columns: number; source: string; serverMs: number; clientMs: number }>;
  /** Longest event-loop delay the server saw while answering the windows (prom-client, 10 ms resolution). */
  loopMaxMs: number;
  csv: { firstMs: number; medianMs: number; rows: number; serverBytes: number };
}

/** Bytes of the cache's entry files, and of those that are zoom index pieces (evicted first: named …-1). */
function cacheBytes(dir: string): { total: number; pieces: number } {
  let total = 0;
  let pieces = 0;
  const entries = join(dir, 'entries');
  for (const shard of readdirSync(entries)) {
    for (const name of readdirSync(join(entries, shard))) {
      const size = statSync(join(entries, shard, name)).size;
      total += size;
      if (name.endsWith('-1')) pieces += size;
    }
  }
  return { total, pieces };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchZoom(file: string): Promise<ZoomBenchResult> {
  const base = `http://127.0.0.1:${PORT}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'memplot-bench-zoom-'));
  const start = startCommand();
  const child = spawn(process.execPath, start.args, {
    env: { ...process.env, ...start.env, PORT: String(PORT), HOST: '127.0.0.1', MEMPLOT_CACHE_DIR: cacheDir, MEMPLOT_CACHE_MAX_BYTES: '8GiB', MEMPLOT_ZOOM: 'full', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid!;
  try {
    await waitHealthy(base, child);
    const before = cacheBytes(cacheDir);
    await new Promise((r) => setTimeout(r, 2000));
    const idleKb = procStatusKb(pid, 'VmRSS');
    let peakKb = idleKb;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, procStatusKb(pid, 'VmRSS'))), 10);
    const started = performance.now();
    const upload = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const curl = spawn('curl', ['-sS', '-w', '\n%{http_code}', '-T', file, '-X', 'POST', '-H', 'Content-Type: application/octet-stream', `${base}/profiles`]);
      let out = '';
      curl.stdout.on('data', (d) => (out += d));
      curl.on('error', fail);
      curl.on('close', () => {
        const at = out.lastIndexOf('\n');
        ok({ status: Number(out.slice(at + 1)), body: out.slice(0, at) });
      });
    });
    const uploadSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    // VmHWM: the peak since the server started, which the upload sets (start-up takes far less).
    peakKb = Math.max(peakKb, procStatusKb(pid, 'VmHWM'));
    if (upload.status !== 201 && upload.status !== 200) throw new Error(`upload answered ${upload.status}: ${upload.body.slice(0, 300)}`);
    const profile = JSON.parse(upload.body) as { id: string; stats: { entries: number } };
    const after = cacheBytes(cacheDir);
    const entries = profile.stats.entries;

    // prom-client's event-loop delay histogram restarts at each scrape: this one starts it.
    await (await fetch(`${base}/metrics`)).text();
    const next = random(14);
    const windows: ZoomBenchResult['windows'] = [];
    for (let i = 0; i < 20; i++) {
      const width = Math.round(entries * Math.pow(1000 / entries, i / 19));
      const from = Math.floor(next() * (entries - width + 1));
      const url = `${base}/profiles/${profile.id}/series?from=${from}&to=${from + width}&buckets=800`;
      const t0 = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { columns: unknown[]; resolution: { source: string } };
      const clientMs = performance.now() - t0;
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      const serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
      windows.push({ from, to: from + width, columns: body.columns.length, source: body.resolution.source, serverMs, clientMs });
    }

    const metrics = await (await fetch(`${base}/metrics`)).text();
    const loopMaxMs = Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(metrics)?.[1] ?? Number.NaN) * 1000;
    const csvUrl = `${base}/profiles/${profile.id}/series.csv`;
    const times: number[] = [];
    let rows = 0;
    let serverBytes = 0;
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      const res = await fetch(csvUrl);
      const text = await res.text();
      times.push(performance.now() - t0);
      rows = text.trimEnd().split('\n').length - 1;
      serverBytes = text.length;
    }
    return {
      file,
      bytes: statSync(file).size,
      uploadSeconds,
      uploadStatus: upload.status,
      serverPeakRssMb: peakKb / 1024,
      serverIdleRssMb: idleKb / 1024,
      loopMaxMs,
      entries,
      cacheBytes: after.total - before.total,
      indexBytes: after.pieces - before.pieces,
      windows,
      csv: { firstMs: times[0]!, medianMs: median(times.slice(1)), rows, serverBytes },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

export function formatZoomBench(r: ZoomBenchResult): string[] {
  const server = r.windows.map((w) => w.serverMs);
  const client = r.windows.map((w) => w.clientMs);
  const lines = [
    `Upload of ${r.file.split('/').pop()} (${fmt(r.bytes / 1e6, 0)} MB, ${r.entries.toLocaleString('en-US')} calls) to POST /profiles with MEMPLOT_ZOOM=full: ` +
      `**${fmt(r.uploadSeconds)} s** wall (curl), server peak RSS **${fmt(r.serverPeakRssMb, 0)} MB** (VmHWM; ${fmt(r.serverIdleRssMb, 0)} MB idle before), ` +
      `cache grew by ${fmt(r.cacheBytes / 1e6, 1)} MB of which the zoom index is **${fmt(r.indexBytes / 1e6, 1)} MB** ` +
      `(${fmt((r.indexBytes / r.bytes) * 100, 1)} % of the .mem, ${fmt(r.indexBytes / r.entries, 2)} bytes a call).`,
    '',
    `20 windows at 800 columns, widths from the whole run down to 1,000 calls (log-spaced, random positions): server time (Server-Timing) ` +
      `median **${fmt(median(server), 1)} ms**, worst **${fmt(Math.max(...server), 1)} ms**; client round trip median ${fmt(median(client), 1)} ms, worst ${fmt(Math.max(...client), 1)} ms. ` +
      `The windows are computed on the event loop: its longest delay over the 20 was ${fmt(r.loopMaxMs, 1)} ms (\`nodejs_eventloop_lag_max_seconds\`, 10 ms resolution).`,
    '',
    '| window (calls) | width | columns | from | server | client |',
    '|---|---|---|---|---|---|',
    ...r.windows.map((w) => `| [${w.from}, ${w.to}) | ${(w.to - w.from).toLocaleString('en-US')} | ${w.columns} | ${w.source} | ${fmt(w.serverMs, 1)} ms | ${fmt(w.clientMs, 1)} ms |`),
    '',
    `series.csv of the profile from the cache (${r.csv.rows} rows, ${fmt(r.csv.serverBytes / 1e3, 0)} KB): first request ${fmt(r.csv.firstMs, 1)} ms, ` +
      `median of the next 10 **${fmt(r.csv.medianMs, 1)} ms** (client round trip).`,
  ];
  return lines;
}
