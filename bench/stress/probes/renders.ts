/**
 * Render limits: the stall input of issue 9 (CLI and HTTP), requests past the pixel budget, and
 * 8 concurrent worst-case renders while the server is probed for health, cached answers and a
 * small new render.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode, every, request, ROOT, sampleRss, startServer, statusLabel, summarise, Tally, type Server } from '../harness.js';
import { FIXTURES_DIR, stallInput } from '../inputs.js';
import { newResult, recordRss, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

const STALL_COMMAND = `python3 -c "import struct;r=lambda h,s,t:struct.pack('<QQII',h,s,t&0xffffffff,t>>32);T=900000000000;open('h.mem','wb').write(r(0,1064,T)+r(1000,64,T)+r(100,64,T)+r(10**6,10**6,1048576))"`;

async function upload(server: Server, file: string): Promise<string> {
  const answer = await request(`${server.base}/profiles`, { method: 'POST', body: readFileSync(file), headers: { 'content-type': 'application/octet-stream' }, timeoutMs: 60_000 });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`uploading ${file} answered ${statusLabel(answer)}`);
  return JSON.parse(answer.body.toString('utf8')).id;
}

function timedCli(args: string[]): { ms: number; code: number | null; stderr: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/memplot.js'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { ms: performance.now() - started, code: run.status, stderr: run.stderr };
}

export async function stall(ctx: ProbeContext): Promise<ProbeResult> {
  const result = newResult('stall', 'the 96-byte stall input of issue 9', 'CLI `memplot -t -T h.mem h.png` 3 times (and the same flags on sort.mem for the CLI\'s own start-up); HTTP `POST /plot?axis=time&total` in each format on a fresh server');
  const started = Date.now();
  const file = join(ctx.runDir, 'h.mem');
  writeFileSync(file, stallInput());
  const python = spawnSync('sh', ['-c', STALL_COMMAND], { cwd: ctx.runDir, encoding: 'utf8' });
  if (python.status === 0) {
    const same = Buffer.compare(readFileSync(join(ctx.runDir, 'h.mem')), stallInput()) === 0;
    result.notes.push(same ? 'h.mem is byte-identical to what the issue\'s python command writes.' : 'h.mem DIFFERS from what the issue\'s python command writes.');
  }
  const cli = new Tally();
  const cliMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const run = timedCli(['-t', '-T', file, join(ctx.runDir, 'h.png')]);
    cli.add(`exit ${run.code}`);
    cliMs.push(run.ms);
  }
  const baseline = timedCli(['-t', '-T', join(FIXTURES_DIR, 'sort.mem'), join(ctx.runDir, 'sort.png')]);
  result.rows.push({ label: 'CLI `-t -T h.mem`', tally: cli, latency: summarise(cliMs) });
  result.notes.push(`The CLI on sort.mem with the same flags (start-up, renderer load and a normal chart): ${baseline.ms.toFixed(0)} ms, exit ${baseline.code}.`);
  result.targets.push(target('CLI answers', '≤ 1 s', `${Math.max(...cliMs).toFixed(0)} ms (slowest of 3)`, Math.max(...cliMs) <= 1000));

  const server = await startServer({ logFile: ctx.logFile('stall') });
  const http = new Tally();
  const httpMs: number[] = [];
  try {
    for (const format of ['png', 'svg', 'webp', 'avif', 'jpeg']) {
      const answer = await request(`${server.base}/plot?axis=time&total&format=${format}`, { method: 'POST', body: stallInput(), headers: { 'content-type': 'application/octet-stream' }, timeoutMs: 60_000 });
      http.add(statusLabel(answer));
      httpMs.push(answer.ms);
    }
  } finally {
    await server.discard();
  }
  result.rows.push({ label: 'HTTP `POST /plot?axis=time&total` (5 formats)', tally: http, latency: summarise(httpMs) });
  const slowest = Math.max(...httpMs);
  result.targets.push(target('HTTP answers', '≤ 1 s, 2xx', `${slowest.toFixed(0)} ms (slowest of 5); ${http.text()}`, slowest <= 1000 && [...http.counts.keys()].every((k) => k.startsWith('2'))));
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

const HUGE = 'width=4096&height=4096&scale=3';

export async function pixelBudget(ctx: ProbeContext): Promise<ProbeResult> {
  const result = newResult('pixel-budget', 'requests past the pixel budget', `\`${HUGE}\` in each raster format (GET of a stored profile and POST /plot), one at a time; client time-out 120 s; the server is killed afterwards so that renders it continues in the background end`);
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('pixel-budget') });
  const rss = sampleRss(server.pid);
  let refused = 0;
  let tried = 0;
  try {
    const id = await upload(server, join(FIXTURES_DIR, 'sort.mem'));
    const cases: [string, string, RequestInit][] = [
      ...['avif', 'png', 'webp', 'jpeg'].map((f): [string, string, RequestInit] => [`GET plot.${f}?${HUGE}`, `${server.base}/profiles/${id}/plot.${f}?${HUGE}`, {}]),
      [`POST /plot?format=avif&${HUGE}` + ' (new title: not cached)', `${server.base}/plot?format=avif&${HUGE}&title=post`, { method: 'POST', body: readFileSync(join(FIXTURES_DIR, 'sort.mem')), headers: { 'content-type': 'application/octet-stream' } }],
      [`GET plot.svg?${HUGE} (vector: no pixels)`, `${server.base}/profiles/${id}/plot.svg?${HUGE}`, {}],
    ];
    for (const [label, url, init] of cases) {
      const answer = await request(url, { ...init, timeoutMs: 120_000 });
      const tally = new Tally();
      tally.add(statusLabel(answer));
      result.rows.push({ label, tally, latency: summarise([answer.ms]) });
      if (!label.includes('svg')) {
        tried++;
        let message = '';
        try {
          message = String(JSON.parse(answer.body.toString('utf8')).message ?? '');
        } catch {
          // not JSON (an image)
        }
        if (answer.status === 400 && (errorCode(answer) === 'PIXEL_BUDGET_EXCEEDED' || /budget/i.test(message))) refused++;
        if (answer.status >= 400) result.notes.push(`${label}: ${answer.status} ${errorCode(answer)} as ${answer.headers?.get('content-type') ?? '?'}${message ? `: ${message}` : ''}`);
      }
    }
  } finally {
    recordRss(result, rss.stop(), rss.killedAtMb());
    await server.discard('kill9');
  }
  result.targets.push(target('raster requests past the budget refused', '400 naming a budget', `${refused} of ${tried}`, refused === tried));
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** Largest (width, height, scale) the server accepts: a 400 for an unknown id means the options were refused before the lookup. */
async function largestAllowed(server: Server, format: string): Promise<{ size: string; how: string }> {
  const candidates = ['width=4096&height=4096&scale=3', 'width=4096&height=4096&scale=2', 'width=4096&height=4096&scale=1', 'width=2048&height=2048&scale=2', 'width=2048&height=2048&scale=1', 'width=1024&height=1024&scale=1'];
  for (const size of candidates) {
    const answer = await request(`${server.base}/profiles/${'0'.repeat(64)}/plot.${format}?${size}`, { timeoutMs: 10_000 });
    if (answer.status !== 400) return { size, how: `unknown id with ${size} answered ${statusLabel(answer)}` };
  }
  return { size: candidates.at(-1)!, how: 'every candidate was refused; using the smallest' };
}

export async function concurrentRenders(ctx: ProbeContext): Promise<ProbeResult> {
  const deadlineS = ctx.quick ? 60 : 150;
  const result = newResult(
    'concurrent-renders',
    '8 concurrent worst-case renders',
    `8 new renders at once (AVIF and JPEG alternately, the largest size the server accepts), while \`/healthz\` and a cached \`GET …/plot.png\` are requested every 50 ms and a small new render (PNG 400×300) every 2 s; until the 8 are answered or ${deadlineS} s; RSS sampled every 100 ms`,
  );
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('concurrent-renders') });
  const rss = sampleRss(server.pid);
  try {
    const id = await upload(server, join(FIXTURES_DIR, 'javac.mem'));
    const cachedUrl = `${server.base}/profiles/${id}/plot.png`;
    await request(cachedUrl);
    const avif = await largestAllowed(server, 'avif');
    const jpeg = await largestAllowed(server, 'jpeg');
    result.notes.push(`Largest accepted: AVIF ${avif.size} (${avif.how}); JPEG ${jpeg.size} (${jpeg.how}).`);
    const health = every(50, () => request(`${server.base}/healthz`, { timeoutMs: 30_000 }));
    const cached = every(50, () => request(cachedUrl, { timeoutMs: 30_000 }));
    let n = 0;
    const small = every(2000, () => request(`${server.base}/profiles/${id}/plot.png?width=400&height=300&title=small-${n++}`, { timeoutMs: 60_000 }));
    const heavy = new Tally();
    const heavyMs: number[] = [];
    const timeoutMs = deadlineS * 1000 - (Date.now() - started);
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const [format, size] = i % 2 === 0 ? ['avif', avif.size] : ['jpeg', jpeg.size];
        const answer = await request(`${server.base}/profiles/${id}/plot.${format}?${size}&title=heavy-${i}`, { timeoutMs });
        heavy.add(statusLabel(answer));
        heavyMs.push(answer.ms);
      }),
    );
    const [h, c, s] = await Promise.all([health.stop(), cached.stop(), small.stop()]);
    result.rows.push({ label: 'worst-case renders', tally: heavy, latency: summarise(heavyMs) });
    result.rows.push({ label: '`/healthz` every 50 ms', tally: h.tally, latency: summarise(h.ms) });
    result.rows.push({ label: 'cached `GET …/plot.png` every 50 ms', tally: c.tally, latency: summarise(c.ms) });
    result.rows.push({ label: 'small new render every 2 s', tally: s.tally, latency: summarise(s.ms) });
    const hs = summarise(h.ms);
    const cs = summarise(c.ms);
    const ss = summarise(s.ms);
    const ok = (t: Tally) => [...t.counts.keys()].every((k) => k === '200');
    result.targets.push(target('/healthz', '≤ 100 ms, 200', `max ${hs.maxMs.toFixed(0)} ms, p99 ${hs.p99Ms.toFixed(0)} ms; ${h.tally.text()}`, hs.maxMs <= 100 && ok(h.tally)));
    result.targets.push(target('cached GET', '≤ 100 ms, 200', `max ${cs.maxMs.toFixed(0)} ms, p99 ${cs.p99Ms.toFixed(0)} ms; ${c.tally.text()}`, cs.maxMs <= 100 && ok(c.tally)));
    result.targets.push(target('small new render', '≤ 2 s, 200', `max ${ss.maxMs.toFixed(0)} ms; ${s.tally.text()}`, ss.count > 0 && ss.maxMs <= 2000 && ok(s.tally)));
    const unanswered = [...heavy.counts.entries()].filter(([k]) => !/^\d/.test(k)).reduce((a, [, v]) => a + v, 0);
    result.lost = unanswered === 0 ? 'nothing (every request was answered)' : `${unanswered} worst-case renders had no answer within ${deadlineS} s`;
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    await server.discard('kill9');
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
