/**
 * Charts of two runs (GET /compare/:base/:head/plot.*): every pair of hostile and real stored
 * profiles (the stall input of issue 9 among them), in both modes and alignments, on both axes,
 * PNG and AVIF at the largest size the budget accepts, while /healthz and a cached compare chart
 * are requested every 50 ms.
 */
import { every, request, sampleRss, startServer, statusLabel, storedId, summarise, Tally, uploadBytes } from '../harness.js';
import { loadFixtures, stallInput } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

const VARIANTS = ['', 'mode=diff', 'align=absolute&axis=time&total', 'mode=diff&axis=time'];

export async function comparePlots(ctx: ProbeContext): Promise<ProbeResult> {
  const result = newResult(
    'compare-plots',
    'charts of two runs on hostile and real pairs',
    `GET /compare/:base/:head/plot.png (800×600) for every ordered pair of stored profiles (the stall input, ${ctx.quick ? 'sort, javac and mmap' : 'every top-level fixture'}) with ${VARIANTS.length} option sets; then AVIF at 2048×2048 for one pair; /healthz and a cached compare chart every 50 ms meanwhile`,
  );
  const started = Date.now();
  // Every pair is a new render from one client: no render or upload rate limit here (rate limits have their own tests).
  const server = await startServer({ logFile: ctx.logFile('compare-plots'), env: { MEMPLOT_UPLOAD_RATE_LIMIT: '0', MEMPLOT_RENDER_RATE_LIMIT: '0' } });
  const rss = sampleRss(server.pid);
  try {
    const fixtures = loadFixtures().filter((f) => (ctx.quick ? ['sort.mem', 'javac.mem', 'mmap.mem'].includes(f.name) : !f.name.includes('/')));
    const ids: string[] = [];
    for (const bytes of [stallInput(), ...fixtures.map((f) => f.bytes)]) {
      const id = storedId(await uploadBytes(server, bytes, 60_000));
      if (id) ids.push(id);
    }
    const cachedUrl = `${server.base}/compare/${ids[0]}/${ids[ids.length - 1]}/plot.png`;
    await request(cachedUrl, { timeoutMs: 60_000 });
    const health = every(50, () => request(`${server.base}/healthz`, { timeoutMs: 30_000 }));
    const cached = every(50, () => request(cachedUrl, { timeoutMs: 30_000 }));
    const charts = new Tally();
    const chartMs: number[] = [];
    for (const base of ids) {
      for (const head of ids) {
        if (base === head) continue;
        for (const query of VARIANTS) {
          const answer = await request(`${server.base}/compare/${base}/${head}/plot.png?${query}`, { timeoutMs: 60_000 });
          charts.add(statusLabel(answer));
          chartMs.push(answer.ms);
        }
      }
    }
    const big = await request(`${server.base}/compare/${ids[1]}/${ids[0]}/plot.avif?width=2048&height=2048`, { timeoutMs: 120_000 });
    const bigTally = new Tally();
    bigTally.add(statusLabel(big));
    const [h, c] = await Promise.all([health.stop(), cached.stop()]);
    result.rows.push({ label: 'compare charts (PNG 800×600)', tally: charts, latency: summarise(chartMs) });
    result.rows.push({ label: 'AVIF 2048×2048', tally: bigTally, latency: summarise([big.ms]) });
    result.rows.push({ label: '`/healthz` every 50 ms', tally: h.tally, latency: summarise(h.ms) });
    result.rows.push({ label: 'cached compare chart every 50 ms', tally: c.tally, latency: summarise(c.ms) });
    const cs = summarise(chartMs);
    const hs = summarise(h.ms);
    const only200 = (t: Tally) => t.total > 0 && [...t.counts.keys()].every((k) => k === '200');
    result.targets.push(target('every compare chart', '200, ≤ 2 s each', `${charts.text()}; max ${cs.maxMs.toFixed(0)} ms`, only200(charts) && cs.maxMs <= 2000));
    result.targets.push(target('AVIF 2048×2048', '200', statusLabel(big), big.status === 200));
    result.targets.push(target('/healthz', '≤ 100 ms, 200', `max ${hs.maxMs.toFixed(0)} ms; ${h.tally.text()}`, hs.maxMs <= 100 && only200(h.tally)));
    result.targets.push(target('cached compare chart', '200', c.tally.text(), only200(c.tally)));
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    await server.discard('kill9');
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
