/**
 * State that outlives one process: two instances sharing a Redis serve each other's ids, and a
 * filesystem-backed instance restarted on the same directory keeps its ids.
 */
import t from 'tap';
import { build, fixture, listen, multipartBody, PNG_MAGIC, tempDir } from '../helper.js';
import { REDIS_MISSING, redisServerPath, startRedis } from '../redis.js';

const javac = fixture('javac.mem');
const redisBinary = redisServerPath();
if (!redisBinary) console.warn(`\n*** ${REDIS_MISSING} ***\n`);

t.test('two instances on one Redis: an id uploaded to one renders on the other', { skip: redisBinary ? false : REDIS_MISSING }, async (t) => {
  const redisUrl = await startRedis(t, redisBinary!);
  const a = await listen(t, { config: { redisUrl } });
  const b = await listen(t, { config: { redisUrl } });
  t.equal(a.app.store.kind, 'memory+redis');

  const upload = await fetch(`${a.url}/profiles?theme=dark`, { method: 'POST', body: new Blob([javac.bytes]), headers: { 'content-type': 'application/octet-stream' } });
  t.equal(upload.status, 201);
  const profile = (await upload.json()) as { id: string; urls: Record<string, string> };
  t.equal(profile.id, javac.id);

  // The URLs name instance A; the same paths on instance B.
  const onB = (url: string) => `${b.url}${new URL(url).pathname}${new URL(url).search}`;
  const png = await fetch(onB(profile.urls.png));
  t.equal(png.status, 200, 'B renders an id it never saw uploaded');
  t.ok(Buffer.from(await png.arrayBuffer()).subarray(0, 8).equals(PNG_MAGIC));
  const stats = await fetch(onB(profile.urls.stats));
  t.equal(stats.status, 200);
  t.equal(((await stats.json()) as { stats: { entries: number } }).stats.entries, 95523);

  // B rendered and stored it: A's render of the same URL is the same image, served from Redis.
  const fromA = await fetch(profile.urls.png);
  t.equal(fromA.headers.get('etag'), png.headers.get('etag'));
  const again = await fetch(`${b.url}/profiles`, { method: 'POST', body: new Blob([javac.bytes]), headers: { 'content-type': 'application/octet-stream' } });
  t.equal(again.status, 200, 'uploading to B what A stored: already known');
});

t.test('a filesystem-backed instance restarted on the same directory keeps its ids', async (t) => {
  const cacheDir = tempDir(t);
  const first = await build(t, { config: { cacheDir }, closeInTeardown: false });
  const created = await first.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  t.equal(created.statusCode, 201);
  const svg = await first.inject({ method: 'GET', url: `/profiles/${javac.id}/plot.svg` });
  await first.close();

  const second = await build(t, { config: { cacheDir } });
  const stats = await second.inject({ method: 'GET', url: `/profiles/${javac.id}` });
  t.equal(stats.statusCode, 200, 'the id survives the restart');
  const again = await second.inject({ method: 'GET', url: `/profiles/${javac.id}/plot.svg` });
  t.equal(again.statusCode, 200);
  t.equal(again.headers.etag, svg.headers.etag);
  t.equal(again.body, svg.body, 'the stored render is served');
  const metrics = await second.inject({ method: 'GET', url: '/metrics' });
  t.match(metrics.body, 'memplot_cache_lookups_total{kind="render",result="hit"} 1', 'from the cache, not re-rendered');
  t.notMatch(metrics.body, 'memplot_render_duration_seconds_count');
  const known = await second.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  t.equal(known.statusCode, 200, 'uploading it again: already known');
});
