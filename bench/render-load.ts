/**
 * Issue 9's stall test against a running server: `node dist/bench/render-load.js URL FILE.mem [N]`.
 * Uploads FILE, caches one small chart, then asks for N (default 8) worst-case renders at once
 * (distinct AVIF charts at the pixel budget, 4096×4096) and, while they are in flight, measures
 * GET /healthz, the cached chart and one small new render. Prints the latencies and what every
 * worst-case request answered; the server's peak RSS is read by the caller (e.g. VmHWM).
 */
import { readFileSync } from 'node:fs';

const [base, file, count = '8'] = process.argv.slice(2);
if (!base || !file) throw new Error('usage: render-load URL FILE.mem [N]');

async function timed(path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`);
  await response.arrayBuffer();
  return { ms: Math.round(performance.now() - started), status: response.status };
}

const upload = await fetch(`${base}/profiles`, { method: 'POST', body: readFileSync(file), headers: { 'content-type': 'application/octet-stream' } });
const { id } = (await upload.json()) as { id: string };
const cached = `/profiles/${id}/plot.png?width=800&height=600`;
await timed(cached);
const run = Date.now();
const worst = Array.from({ length: Number(count) }, (_, i) => timed(`/profiles/${id}/plot.avif?width=4096&height=4096&title=worst-${run}-${i}`));
await new Promise((r) => setTimeout(r, 500));
const health: number[] = [];
const hits: number[] = [];
for (let i = 0; i < 10; i++) {
  health.push((await timed('/healthz')).ms);
  hits.push((await timed(cached)).ms);
  await new Promise((r) => setTimeout(r, 200));
}
const small = await timed(`/profiles/${id}/plot.png?width=800&height=600&title=small-${run}`);
const answers = await Promise.all(worst);
console.log(JSON.stringify({ healthMaxMs: Math.max(...health), cachedMaxMs: Math.max(...hits), health, hits, smallNew: small, worst: answers }));
