/** A soak: minutes of mixed load (uploads, cached GETs, new renders), RSS sampled every second. */
import { clientAddress, every, request, sampleRss, sleep, startServer, storedId, summarise, Tally, uploadBytes } from '../harness.js';
import { distinctValidInput, loadFixtures, Random } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

export async function soak(ctx: ProbeContext): Promise<ProbeResult> {
  const seconds = ctx.quick ? 20 : 180;
  const result = newResult(
    'soak',
    `${seconds} s of mixed load`,
    `New uploads every 500 ms and new renders from many client addresses, cached GETs from 4 clients every 20 ms each (10 charts), a new render (random options ≤ 640×480) every 250 ms; RSS every second`,
  );
  const started = Date.now();
  const rng = new Random(ctx.seed + 6);
  const fixtures = loadFixtures();
  const server = await startServer({ logFile: ctx.logFile('soak') });
  const rss = sampleRss(server.pid, 1000);
  try {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = storedId(await uploadBytes(server, distinctValidInput(rng, fixtures, i), 30_000));
      if (id) ids.push(id);
    }
    const cachedUrls = ids.map((id) => `${server.base}/profiles/${id}/plot.png`);
    for (const url of cachedUrls) await request(url);
    let n = 100;
    // Uploads and new renders come from many client addresses, as a service sees them: the per-client limits are not what this measures.
    const uploads = every(500, () => uploadBytes(server, distinctValidInput(rng, fixtures, n), 30_000, clientAddress(n++)));
    const cached = Array.from({ length: 4 }, () => every(20, () => request(rng.pick(cachedUrls), { timeoutMs: 30_000 })));
    const formats = ['png', 'svg', 'webp', 'avif', 'jpeg'];
    const renders = every(250, () => request(`${server.base}/profiles/${rng.pick(ids)}/plot.${rng.pick(formats)}?width=${rng.int(100, 640)}&height=${rng.int(80, 480)}&title=soak-${n}`, { timeoutMs: 30_000, headers: { 'x-forwarded-for': clientAddress(n++) } }));
    await sleep(seconds * 1000);
    const u = await uploads.stop();
    const c = await Promise.all(cached.map((x) => x.stop()));
    const r = await renders.stop();
    const cachedTally = new Tally();
    for (const x of c) for (const [k, v] of x.tally.counts) for (let i = 0; i < v; i++) cachedTally.add(k);
    result.rows.push({ label: 'new uploads', tally: u.tally, latency: summarise(u.ms) });
    result.rows.push({ label: 'cached GETs', tally: cachedTally, latency: summarise(c.flatMap((x) => x.ms)) });
    result.rows.push({ label: 'new renders', tally: r.tally, latency: summarise(r.ms) });
    const failures = [u.tally, cachedTally, r.tally].flatMap((t) => [...t.counts.entries()]).filter(([k]) => !/^(2\d\d|4\d\d|503)/.test(k));
    const failed = failures.reduce((a, [, v]) => a + v, 0);
    result.targets.push(target('5xx other than 503, or no answer', '0', String(failed), failed === 0));
    result.lost = failed === 0 ? 'nothing' : `${failed} requests: ${failures.map(([k, v]) => `${k} × ${v}`).join(', ')}`;
  } finally {
    const samples = rss.stop();
    recordRssTarget(result, samples, rss.killedAtMb());
    const third = Math.max(1, Math.floor(samples.length / 3));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    result.notes.push(`RSS mean over the first third of the soak ${mean(samples.slice(0, third)).toFixed(0)} MB, over the last third ${mean(samples.slice(-third)).toFixed(0)} MB (${samples.length} samples).`);
    await server.discard();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
