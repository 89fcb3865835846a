import t from 'tap';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { build, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const raw = { payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } };

t.test('GET /healthz: process and store', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { status: 'ok', store: 'memory+filesystem', renders: { active: 0, queued: 0 }, uploads: { active: 0 } });
  t.equal(res.headers['cache-control'], 'no-store');

  const broken = new MemoryStore({ maxBytes: 1 << 20 });
  broken.ping = async () => {
    throw new Error('store is down');
  };
  const sick = await build(t, { store: broken, config: { memoryCacheBytes: 0 } });
  const down = await sick.inject({ method: 'GET', url: '/healthz' });
  t.equal(down.statusCode, 503);
  t.equal(down.headers['retry-after'], '5');
  t.equal(down.json().error, 'STORE_UNAVAILABLE');
});

t.test('GET /metrics: Prometheus text with requests, renders, cache hits and misses, bytes ingested', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/profiles', ...raw });
  await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg` });
  await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg` });
  await app.inject({ method: 'GET', url: `/profiles/${'c'.repeat(64)}/plot.svg` }); // 404 by the store's word: no render lookup
  await app.inject({ method: 'GET', url: `/profiles/${'c'.repeat(64)}` });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  const text = res.body;
  t.match(text, '# TYPE memplot_http_requests_total counter');
  t.match(text, `memplot_http_requests_total{method="GET",route="/profiles/:id/plot.:format",status="200"} 2`);
  t.match(text, `memplot_http_requests_total{method="GET",route="/profiles/:id/plot.:format",status="404"} 1`);
  t.match(text, `memplot_http_requests_total{method="POST",route="/profiles",status="201"} 1`);
  t.match(text, 'memplot_cache_lookups_total{kind="render",result="miss"} 1');
  t.match(text, 'memplot_cache_lookups_total{kind="render",result="hit"} 1');
  t.match(text, 'memplot_cache_lookups_total{kind="summary",result="miss"} 1');
  t.match(text, `memplot_ingested_bytes_total ${sort.bytes.length}`);
  t.match(text, 'memplot_uploads_total{result="created"} 1');
  t.match(text, 'memplot_render_duration_seconds_count{format="svg"} 1');
  t.match(text, 'memplot_render_duration_seconds_bucket{le="+Inf",format="svg"} 1');
  t.match(text, /memplot_process_resident_memory_bytes \d+/);
  // prom-client's default process metrics: heap, event-loop lag, resident memory.
  t.match(text, /^nodejs_heap_size_used_bytes \d+/m);
  t.match(text, /^nodejs_eventloop_lag_seconds [0-9.e-]+$/m);
  t.match(text, /^process_resident_memory_bytes \d+/m);
  for (const line of text.trim().split('\n')) {
    if (line !== '' && !line.startsWith('#')) t.match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? ([0-9.e+-]+|\+Inf)$/, 'exposition line');
  }
});

t.test('GET /docs: OpenAPI from the route schemas; a page for browsers', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'GET', url: '/docs' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /application\/json/);
  const doc = res.json();
  t.equal(doc.openapi, '3.0.3');
  for (const path of ['/plot', '/profiles', '/profiles/{id}', '/profiles/{id}/plot.{format}', '/healthz', '/metrics']) t.ok(doc.paths[path], `documents ${path}`);
  const params = doc.paths['/plot'].post.parameters.map((p: { name: string }) => p.name);
  t.same(
    params.sort(),
    ['aggregate', 'axis', 'format', 'height', 'kind', 'measure', 'panels', 'scale', 'stack', 'theme', 'threads', 'ticks_per_second', 'title', 'top', 'total', 'width'],
    'options from the one definition (the malloc-tag chart options among them)',
  );
  t.ok(doc.paths['/profiles/{id}/plot.{format}'].get.responses['304']);
  t.same(doc.paths['/plot'].post.security, [{ bearer: [] }]);

  const json = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
  t.same(json.json(), doc);
  const html = await app.inject({ method: 'GET', url: '/docs', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  t.equal(html.statusCode, 200);
  t.match(html.headers['content-type'], /text\/html/);
  t.match(html.body, /<code>\/profiles\/\{id\}\/plot\.\{format\}<\/code>/);
  t.notMatch(html.body, /<script/i);
});
