/**
 * Issue 9's stall test against a running server: `node dist/bench/render-load.js URL FILE.mem [N]`.
 * Uploads FILE, caches one small chart, then asks for N (default 8) worst-case renders at once
 * (distinct AVIF charts at the pixel budget, 4096×4096) and, while they are in flight, measures
 * GET /healthz and the cached chart back to back for 6 s, then one small new render. Prints the latencies and what every
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
await new Promise((r) => setTimeout(r, 300));
// /healthz and the cached chart back to back for 6 s: any stall of the event loop shows in the maximum.
const health: number[] = [];
const hits: number[] = [];
for (const until = performance.now() + 6000; performance.now() < until; ) {
  health.push((await timed('/healthz')).ms);
  hits.push((await timed(cached)).ms);
}
const small = await timed(`/profiles/${id}/plot.png?width=800&height=600&title=small-${run}`);
const answers = await Promise.all(worst);
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)];
console.log(
  JSON.stringify({
    healthz: { count: health.length, maxMs: Math.max(...health), p99Ms: p99(health) },
    cached: { count: hits.length, maxMs: Math.max(...hits), p99Ms: p99(hits) },
    smallNew: small,
    worst: answers.map((a) => `${a.status} ${a.ms} ms`),
  }),
);
