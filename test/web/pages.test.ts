/**
 * The HTML pages through app.inject: browsers get pages, API clients what they got before; the
 * pages run under a strict CSP (no inline script or style), show the stats in words, and weigh at
 * most 200 KB before D3.
 */
import t, { type Test } from 'tap';
import { build, fixture, multipartBody } from '../helper.js';
import { PLOT_OPTION_DEFINITIONS } from '../../src/options/plot-options.js';
import type { FastifyInstance } from 'fastify';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const killed = fixture('killed.mem');
const sort = fixture('sort.mem');

/** What a strict CSP would block: inline scripts, event handler attributes, style attributes or elements. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) if (!/\bsrc=/.test(match[0])) found.push(match[0]);
  for (const match of html.matchAll(/<[^>]+\s(on[a-z]+|style)\s*=/gi)) found.push(match[0]);
  if (/<style\b/i.test(html)) found.push('<style>');
  return found;
}

function checkCsp(t: Test, csp: unknown) {
  t.match(String(csp), /script-src 'self'(;|$)/, 'scripts from this origin only');
  t.match(String(csp), /style-src 'self'(;|$)/, 'styles from this origin only');
  t.match(String(csp), /default-src 'none'/);
  t.notMatch(String(csp), /unsafe-inline|unsafe-eval/);
}

/** The page and everything it loads but D3: stylesheets, module scripts and the modules they import. */
async function pageWeight(app: FastifyInstance, url: string): Promise<{ bytes: number; files: string[] }> {
  const page = await app.inject({ url, headers: { accept: BROWSER } });
  let bytes = page.rawPayload.length;
  const queue = [...page.body.matchAll(/(?:href|src)="(\/web\/[^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path) || path.endsWith('/d3.min.js')) continue;
    seen.add(path);
    const asset = await app.inject({ url: path });
    if (asset.statusCode !== 200) throw new Error(`${path} answered ${asset.statusCode}`);
    bytes += asset.rawPayload.length;
    for (const m of asset.body.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) queue.push(new URL(m[1], `http://x${path}`).pathname);
  }
  return { bytes, files: [...seen] };
}

t.test('GET /: the upload page for browsers, the same 404 as before for API clients', async (t) => {
  const app = await build(t);
  const page = await app.inject({ url: '/', headers: { accept: BROWSER } });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  checkCsp(t, page.headers['content-security-policy']);
  t.same(inlineCode(page.body), [], 'no inline code');
  t.match(page.body, /<input id="file" name="file" type="file"/);
  t.match(page.body, /<progress id="progress"/);
  t.match(page.body, /role="alert"/, 'errors are announced');
  for (const definition of PLOT_OPTION_DEFINITIONS) {
    if (definition.name === 'format') t.notMatch(page.body, /name="format"/, 'the format is the download\'s choice');
    else t.match(page.body, new RegExp(`name="${definition.name}"`), `option ${definition.name} in the form`);
  }
  t.match(page.body, /max="4096"/, 'ranges come from the options table');
  t.match(page.headers.vary, /Accept/);

  for (const accept of [undefined, '*/*', 'application/json', 'text/html, application/json']) {
    const api = await app.inject({ url: '/', headers: accept ? { accept } : {} });
    t.equal(api.statusCode, 404, `Accept ${accept}: 404 as before`);
    t.equal(api.json().error, 'ROUTE_NOT_FOUND');
    t.notOk(api.headers['content-security-policy'], 'no page headers on the API');
    t.notOk(api.headers['x-frame-options']);
  }
});

t.test('GET /profiles/:id: the page for browsers, JSON for everyone else', async (t) => {
  const app = await build(t);
  const upload = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(killed.bytes) });
  t.equal(upload.statusCode, 201);
  const json = await app.inject({ url: `/profiles/${killed.id}` });
  t.equal(json.statusCode, 200);
  t.equal(json.json().id, killed.id, 'JSON stays the default');
  t.notOk(json.headers['content-security-policy']);
  t.match(json.headers.vary, /Accept/);

  const page = await app.inject({ url: `/profiles/${killed.id}?title=${encodeURIComponent('<script>alert(1)</script> build')}&theme=dark`, headers: { accept: BROWSER } });
  t.equal(page.statusCode, 200);
  checkCsp(t, page.headers['content-security-policy']);
  t.same(inlineCode(page.body), [], 'no inline code, the title escaped');
  t.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; build/);
  const stats = json.json().stats;
  t.match(page.body, new RegExp(`Peak heap</th><td>[^<]+ <span class="muted">\\(${stats.peak.heap.toLocaleString('en-US')} B\\)</span> at call <a[^>]*>#${stats.peakHeapAt.index.toLocaleString('en-US')}</a>`), 'the peak and where it is');
  t.match(page.body, /Heap at exit/);
  t.match(page.body, /Duration/);
  t.match(page.body, new RegExp(`Calls</th><td>${stats.entries.toLocaleString('en-US')}`));
  t.match(page.body, /<code>HEADER_INCOMPLETE<\/code>[^<]*<br><span class="explain">The program ended without/, 'the warning is explained');
  t.match(page.body, new RegExp(`data-profile="${killed.id}"`), 'the chart knows its profile');
  t.match(page.body, /data-time-start="\d+"/);
  t.match(page.body, new RegExp(`value="http://localhost:80/profiles/${killed.id}/plot\\.png\\?title=[^"]*theme=dark"`), 'the image URL snippet carries the options');
  t.match(page.body, /value="!\[memory use of [^"]+\]\(http:\/\/localhost:80\/profiles\//, 'Markdown snippet');
  t.match(page.body, /value="&lt;img src=&quot;http:\/\/localhost:80\/profiles\//, 'HTML snippet, escaped');
  t.match(page.body, /value="curl -o /, 'curl snippet');
  // What a reader copies is the attribute's text: the title must stay text there too.
  const copied = (id: string) => new RegExp(`id="snippet-${id}" type="text" readonly value="([^"]*)"`).exec(page.body)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  t.match(copied('html'), /alt="memory use of &lt;script&gt;alert\(1\)&lt;\/script&gt; build: /, 'the copied HTML carries the title escaped');
  t.notMatch(copied('html'), /<script/);
  const markdown = await app.inject({ url: `/profiles/${killed.id}?title=${encodeURIComponent('a] [b')}`, headers: { accept: BROWSER } });
  const copiedMarkdown = /id="snippet-markdown" type="text" readonly value="([^"]*)"/.exec(markdown.body)![1]!;
  t.match(copiedMarkdown, /^!\[memory use of a\\\] \\\[b: /, 'brackets in the title are escaped in the Markdown alt text');
  t.equal((page.body.match(/class="copy"/g) ?? []).length, 5, 'a copy button per snippet');
  t.match(page.body, /<noscript><img src=/, 'the PNG without scripts');

  const bad = await app.inject({ url: `/profiles/${killed.id}?width=5`, headers: { accept: BROWSER } });
  t.equal(bad.statusCode, 400, 'a bad option is a 400 for the page too');
  const missing = await app.inject({ url: `/profiles/${'0'.repeat(64)}`, headers: { accept: BROWSER } });
  t.equal(missing.statusCode, 404);
});

t.test('assets: web modules, the theme and D3 from this server; nothing else of web/', async (t) => {
  const app = await build(t);
  const d3 = await app.inject({ url: '/web/vendor/d3.min.js' });
  t.equal(d3.statusCode, 200);
  t.match(d3.headers['content-type'], /javascript/);
  t.match(d3.body.slice(0, 100), /d3js\.org v7/);
  const theme = await app.inject({ url: '/web/theme.css' });
  t.match(theme.body, /--chart-heap: #2f6fde;/, 'light heap colour of src/chart/themes.ts');
  t.match(theme.body, /prefers-color-scheme: dark\)[\s\S]*--chart-heap: #5b9cf5;/, 'dark heap colour under prefers-color-scheme');
  t.match(theme.body, /--chart-font: 'DejaVu Sans'/);
  const br = await app.inject({ url: '/web/vendor/d3.min.js', headers: { 'accept-encoding': 'gzip, br' } });
  t.equal(br.headers['content-encoding'], 'br', 'compressed (once, then kept)');
  t.ok(br.rawPayload.length < d3.rawPayload.length / 3, `${br.rawPayload.length} bytes instead of ${d3.rawPayload.length}`);
  const again = await app.inject({ url: '/web/vendor/d3.min.js', headers: { 'accept-encoding': 'gzip, br', 'if-none-match': String(br.headers.etag) } });
  t.equal(again.statusCode, 304, 'revalidated by ETag');
  t.equal(d3.headers['cache-control'], 'no-cache', 'revalidated on every load: a new version never runs old scripts');
  for (const path of ['/web/tsconfig.json', '/web/types/d3-global.d.ts', '/web/../package.json', '/web/%2e%2e/package.json', '/web/', '/web/nothing.js']) {
    t.equal((await app.inject({ url: path })).statusCode, 404, `${path} is not served`);
  }
});

t.test('each page weighs at most 200 KB before D3', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(sort.bytes) });
  for (const url of ['/', `/profiles/${sort.id}`]) {
    const { bytes, files } = await pageWeight(app, url);
    t.ok(files.length >= 3, `${url} loads ${files.join(', ')}`);
    t.ok(bytes <= 200 * 1024, `${url}: ${bytes} bytes`);
  }
});

t.test('the stats table shows issue 12\'s fields when the stats carry them', async (t) => {
  const { statsTable } = await import('../../src/http/pages/stats-table.js');
  const app = await build(t);
  const upload = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(sort.bytes) });
  const { meanHeap, meanHeapOverCalls, temporary, durationSeconds, ...stats } = upload.json().stats;
  t.ok(meanHeap !== undefined && meanHeapOverCalls !== undefined && temporary !== undefined && durationSeconds !== undefined, 'the stats carry them');
  const without = statsTable(stats);
  t.notMatch(without, /Mean heap|Temporary/, 'absent fields are not invented');
  t.match(without, /Duration<\/th><td>271,581,500 CPU ticks/, 'duration from the header times');
  const withFields = statsTable({ ...stats, meanHeap: 1536, meanHeapOverCalls: 2048, temporary: 17, duration: 271581500, durationSeconds: 0.1131 });
  t.match(withFields, /Mean heap<\/th><td>1.50 KiB <span class="muted">\(1,536 B\)<\/span> <span class="muted">\(weighted by time; 2.00 KiB averaged over calls\)/);
  t.match(withFields, /Temporary allocations<\/th><td>17 /);
  t.match(withFields, /Duration<\/th><td>0.1131 s, 271,581,500 CPU ticks/);
});
