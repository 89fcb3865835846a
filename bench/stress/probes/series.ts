/**
 * Hostile series requests: GET /profiles/:id/series (and series.json/.csv) with random and
 * extreme parameters — 2^64-tick windows, one-call windows, garbage edges, the largest column
 * counts, axis mixes — several at a time against a profile with a zoom index, while /healthz is
 * probed. Every answer must be a 200 or a 4xx with a JSON code, quickly, and the event loop free.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { every, request, sampleRss, startServer, statusLabel, summarise, Tally } from '../harness.js';
import { FIXTURES_DIR } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A query string a hostile or careless client could send: well-formed extremes more often than garbage. */
function hostileQuery(next: () => number, entries: number, start: bigint): string {
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)]!;
  if (next() < 0.6) {
    // Well-formed: a random window (from one call to beyond the run) at an extreme column count.
    const axis = pick(['calls', 'time']);
    const span = axis === 'calls' ? BigInt(entries) : 3_000_000_000n;
    const origin = axis === 'calls' ? 0n : start;
    const from = origin + BigInt(Math.floor(next() * Number(span)));
    const width = BigInt(1 + Math.floor(Math.pow(next(), 4) * Number(span) * 2));
    return `axis=${axis}&from=${from}&to=${from + width}&buckets=${pick(['1', '2', '800', '4096', '8192'])}`;
  }
  const axis = pick(['calls', 'time', 'time', 'bytes', '']);
  const edge = (): string =>
    pick([
      String(Math.floor(next() * entries)),
      String(start + BigInt(Math.floor(next() * 3e9))),
      '0',
      '18446744073709551615',
      '18446744073709551616',
      '-1',
      '1e308',
      '9'.repeat(40),
      'NaN',
      '',
      String(Number.MAX_SAFE_INTEGER),
    ]);
  const buckets = pick(['1', '2', '800', '4096', '8192', '8193', '0', '-5', '1.5', 'x', '']);
  const parts = [`axis=${axis}`, `from=${edge()}`, `to=${edge()}`, `buckets=${buckets}`].filter(() => next() > 0.15);
  return parts.join('&');
}

export async function series(ctx: ProbeContext): Promise<ProbeResult> {
  const count = ctx.quick ? 300 : 3000;
  const result = newResult('series', 'hostile series and zoom requests', `${count} requests, 4 at a time, random axis/from/to/buckets (garbage, 2^64 ticks, one call, 8193 columns) on /series, series.json and series.csv of threads.mem and python-startup.mem (MEMPLOT_ZOOM=full), /healthz every 100 ms`);
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('series'), env: { MEMPLOT_ZOOM: 'full' } });
  const rss = sampleRss(server.pid);
  const tally = new Tally();
  const ms: number[] = [];
  let slowest = { ms: 0, url: '' };
  try {
    const profiles: Array<{ id: string; entries: number; start: bigint }> = [];
    for (const name of ['threads.mem', 'python-startup.mem']) {
      const answer = await request(`${server.base}/profiles`, { method: 'POST', body: readFileSync(join(FIXTURES_DIR, name)), headers: { 'content-type': 'application/octet-stream' } });
      const body = JSON.parse(answer.body.toString('utf8'));
      profiles.push({ id: body.id, entries: body.stats.entries, start: BigInt(body.stats.time.start) });
    }
    const health = every(100, () => request(`${server.base}/healthz`, { timeoutMs: 5000 }));
    const next = random(ctx.seed);
    let sent = 0;
    const worker = async () => {
      while (sent < count) {
        sent++;
        const profile = profiles[Math.floor(next() * profiles.length)]!;
        const path = ['series', 'series', 'series', 'series.json', 'series.csv'][Math.floor(next() * 5)]!;
        const url = `${server.base}/profiles/${profile.id}/${path}?${hostileQuery(next, profile.entries, profile.start)}`;
        const answer = await request(url, { timeoutMs: 10_000 });
        tally.add(statusLabel(answer));
        ms.push(answer.ms);
        if (answer.ms > slowest.ms) slowest = { ms: answer.ms, url: url.slice(server.base.length) };
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const healthz = await health.stop();
    result.rows.push({ label: 'hostile series requests', tally, latency: summarise(ms) });
    result.rows.push({ label: '/healthz meanwhile', tally: healthz.tally, latency: summarise(healthz.ms) });
    const bad = [...tally.counts.keys()].filter((k) => !/^(200|400 )/.test(k));
    result.targets.push(target('answers', '200 or 400 with a code, never 5xx or none', tally.text(), bad.length === 0));
    result.targets.push(target('slowest series answer', '≤ 500 ms', `${slowest.ms.toFixed(0)} ms (${slowest.url})`, slowest.ms <= 500));
    const healthMax = summarise(healthz.ms).maxMs;
    result.targets.push(target('/healthz during the probe', '≤ 200 ms', `${healthMax.toFixed(0)} ms`, healthMax <= 200));
  } finally {
    const samples = rss.stop();
    recordRssTarget(result, samples, rss.killedAtMb());
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
