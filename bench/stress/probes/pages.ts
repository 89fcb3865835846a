/**
 * The web pages of issue 14 under hostile and heavy use: the upload page and a profile page asked
 * with hostile Accept headers, query strings (markup in the title, unknown and out-of-range
 * options) and ids; then many browsers loading a page with every asset at once while /healthz is
 * probed. Nothing may answer 5xx, no page may run script the CSP would not allow, and the server
 * must keep answering.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { every, pool, request, sampleRss, startServer, statusLabel, summarise, Tally } from '../harness.js';
import { FIXTURES_DIR } from '../inputs.js';
import { newResult, recordRssTarget, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Accept headers a page route may be sent: a browser's, an API client's, nonsense, and one of 8 KB. */
const ACCEPTS = [BROWSER, '*/*', 'application/json', 'text/html;q=0', 'text/html, application/json', 'text/*;q=abc', ';;;,,,', `${'text/html;q=0.1,'.repeat(500)}*/*`];

/** Query strings a profile page may be sent. */
function hostileQueries(): string[] {
  const markup = encodeURIComponent('<script>alert(1)</script>"\'&<img src=x onerror=alert(1)>'.repeat(3).slice(0, 200));
  return ['', `title=${markup}`, 'width=999999', 'nonsense=1', 'theme=dark&axis=time&total&panels=rate,changes', `title=${'x'.repeat(5000)}`, 'panels=' + 'rate,'.repeat(200)];
}

/** What a browser loads for a page: the stylesheets and scripts it names, and the modules they import (as a browser follows them). */
async function pageAssets(base: string, html: string): Promise<string[]> {
  const queue = [...html.matchAll(/(?:href|src)="(\/web\/[^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 100) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith('.js')) continue;
    const answer = await request(`${base}${path}`, { timeoutMs: 10_000 });
    for (const m of answer.body.toString('utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) queue.push(new URL(m[1], `http://x${path}`).pathname);
  }
  return [...seen];
}

export async function pages(ctx: ProbeContext): Promise<ProbeResult> {
  const browsers = ctx.quick ? 200 : 2000;
  const result = newResult(
    'pages',
    'the web pages: hostile requests, then many browsers at once',
    `GET / and GET /profiles/:id of sort.mem with ${ACCEPTS.length} Accept headers × ${hostileQueries().length} query strings, and malformed ids; then ${browsers} page loads (the page and each asset it names, 16 at a time) with /healthz probed every 100 ms`,
  );
  const started = Date.now();
  const server = await startServer({ logFile: ctx.logFile('pages') });
  const rss = sampleRss(server.pid);
  const statuses = new Tally();
  let serverErrors = 0;
  let inlineScripts = 0;
  let reflected = 0;
  try {
    const upload = await request(`${server.base}/profiles`, { method: 'POST', body: readFileSync(join(FIXTURES_DIR, 'sort.mem')), headers: { 'content-type': 'application/octet-stream' }, timeoutMs: 60_000 });
    const id = JSON.parse(upload.body.toString('utf8')).id as string;
    const ms: number[] = [];
    const paths = ['/', ...hostileQueries().map((query) => `/profiles/${id}${query ? `?${query}` : ''}`), `/profiles/${'z'.repeat(64)}`, `/profiles/${'0'.repeat(64)}`, '/profiles/%3Cscript%3E', '/web/../package.json', '/web/%2e%2e/package.json'];
    for (const path of paths) {
      for (const accept of ACCEPTS) {
        const answer = await request(`${server.base}${path}`, { headers: { accept }, timeoutMs: 10_000 });
        ms.push(answer.ms);
        statuses.add(statusLabel(answer));
        if (answer.status >= 500) serverErrors++;
        const body = answer.body.toString('utf8');
        if (/^text\/html/.test(answer.headers?.get('content-type') ?? '')) {
          if ([...body.matchAll(/<script\b[^>]*>/gi)].some((m) => !/\bsrc=/.test(m[0]))) inlineScripts++;
          if (/<script>alert|<img src=x/i.test(body)) reflected++;
        }
      }
    }
    result.rows.push({ label: 'hostile page requests', tally: statuses, latency: summarise(ms) });

    // Many browsers: each loads the page, then every stylesheet and script it names (and D3).
    const page = await request(`${server.base}/profiles/${id}`, { headers: { accept: BROWSER } });
    const assets = await pageAssets(server.base, page.body.toString('utf8'));
    result.notes.push(`A page load fetches ${assets.length} assets: ${assets.join(', ')}.`);
    const loads = new Tally();
    const loadMs: number[] = [];
    const health = every(100, () => request(`${server.base}/healthz`, { timeoutMs: 5_000 }));
    await pool(browsers, 16, Date.now() + (ctx.quick ? 60_000 : 240_000), async () => {
      const t0 = performance.now();
      const answers = [await request(`${server.base}/profiles/${id}`, { headers: { accept: BROWSER }, timeoutMs: 30_000 })];
      answers.push(...(await Promise.all([...assets, `/profiles/${id}/series?axis=calls&buckets=1000`].map((path) => request(`${server.base}${path}`, { timeoutMs: 30_000 })))));
      loadMs.push(performance.now() - t0);
      const worst = answers.reduce((a, b) => (b.status > a.status ? b : a));
      loads.add(statusLabel(worst));
      if (worst.status >= 500) serverErrors++;
    });
    const healthz = await health.stop();
    result.rows.push({ label: 'page loads (page + every asset + the first series request; worst status of each)', tally: loads, latency: summarise(loadMs) });
    result.rows.push({ label: '/healthz during the loads', tally: healthz.tally, latency: summarise(healthz.ms) });
    result.targets.push(target('/healthz during the loads', 'p99 ≤ 1 s', `p99 ${summarise(healthz.ms).p99Ms.toFixed(0)} ms`, summarise(healthz.ms).p99Ms <= 1000));
  } finally {
    recordRssTarget(result, rss.stop(), rss.killedAtMb());
    await server.discard();
  }
  result.targets.push(target('server errors', 'none', String(serverErrors), serverErrors === 0));
  result.targets.push(target('pages with inline script', 'none', String(inlineScripts), inlineScripts === 0));
  result.targets.push(target('markup from the query reflected unescaped', 'none', String(reflected), reflected === 0));
  if (serverErrors > 0) result.lost = `${serverErrors} requests answered 5xx`;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
