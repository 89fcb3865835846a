import t from 'tap';
import { build, fixture, multipartBody, PNG_MAGIC } from '../helper.js';

const javac = fixture('javac.mem');
const killed = fixture('killed.mem');

t.test('POST /profiles: 201 with id = sha256, stats, warnings and ready-made URLs; 200 when known', async (t) => {
  const app = await build(t);
  const first = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  t.equal(first.statusCode, 201);
  t.equal(first.headers.location, `/profiles/${javac.id}`);
  const body = first.json();
  t.equal(body.id, javac.id);
  t.equal(body.stats.entries, 95523);
  t.same(body.warnings, body.stats.warnings);
  t.equal(body.urls.stats, `http://localhost:80/profiles/${javac.id}`);
  t.equal(body.urls.png, `http://localhost:80/profiles/${javac.id}/plot.png`);
  t.equal(body.urls.svg, `http://localhost:80/profiles/${javac.id}/plot.svg`);

  const second = await app.inject({ method: 'POST', url: '/profiles', payload: javac.bytes, headers: { 'content-type': 'application/octet-stream' } });
  t.equal(second.statusCode, 200, 'same bytes again: already known');
  t.equal(second.json().id, javac.id);

  for (const format of ['png', 'svg', 'webp', 'avif', 'jpeg']) {
    const res = await app.inject({ method: 'GET', url: new URL(body.urls[format]).pathname });
    t.equal(res.statusCode, 200, `${format} URL works`);
    t.equal(String(res.headers['content-type']).split(';')[0], format === 'svg' ? 'image/svg+xml' : `image/${format}`);
  }
  const stats = await app.inject({ method: 'GET', url: new URL(body.urls.stats).pathname });
  t.equal(stats.statusCode, 200);
  t.same(stats.json().stats, body.stats);
});

t.test('POST /profiles: options carried into the URLs; warnings of a crashed program', async (t) => {
  const app = await build(t, { config: { publicUrl: 'https://memplot.example.com' } });
  const res = await app.inject({ method: 'POST', url: '/profiles?theme=dark&axis=time', ...multipartBody(killed.bytes, { total: 'true' }) });
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.equal(body.urls.png, `https://memplot.example.com/profiles/${killed.id}/plot.png?axis=time&total=true&theme=dark`);
  t.ok(body.warnings.some((w: { code: string }) => w.code === 'HEADER_INCOMPLETE'), 'the crashed program is reported');
  const plot = await app.inject({ method: 'GET', url: new URL(body.urls.png).pathname + new URL(body.urls.png).search });
  t.equal(plot.statusCode, 200);
  t.ok(plot.rawPayload.subarray(0, 8).equals(PNG_MAGIC));
});

t.test('GET /profiles/:id/plot.:format: immutable, ETag, If-None-Match → 304', async (t) => {
  const app = await build(t);
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  const url = `/profiles/${javac.id}/plot.svg?width=640&title=javac`;
  const res = await app.inject({ method: 'GET', url });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.equal(res.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['x-profile-id'], javac.id);
  const etag = res.headers.etag as string;
  t.match(etag, /^"[0-9a-f]{64}"$/);
  t.match(res.body, /javac/);

  const same = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/plot.svg?title=javac&width=640` });
  t.equal(same.headers.etag, etag, 'option order does not matter');

  const cond = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
  t.equal(cond.statusCode, 304);
  t.equal(cond.body, '');
  t.equal(cond.headers.etag, etag);
  t.equal(cond.headers['cache-control'], 'public, max-age=31536000, immutable');
  const weak = await app.inject({ method: 'GET', url, headers: { 'if-none-match': `"other", W/${etag}` } });
  t.equal(weak.statusCode, 304, 'weak comparison, lists');
  const stale = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"0000"' } });
  t.equal(stale.statusCode, 200);
  const other = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/plot.svg?width=641&title=javac`, headers: { 'if-none-match': etag } });
  t.equal(other.statusCode, 200, 'other options: another ETag');
  t.not(other.headers.etag, etag);
});

t.test('GET unknown or malformed ids', async (t) => {
  const app = await build(t);
  const unknown = 'a'.repeat(64);
  for (const url of [`/profiles/${unknown}`, `/profiles/${unknown}/plot.png`, `/profiles/${unknown}/plot.svg?theme=dark`]) {
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
    t.equal(res.statusCode, 404, url);
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    t.equal(res.json().error, 'PROFILE_NOT_FOUND');
    t.match(res.json().message, unknown);
    t.equal(res.headers['cache-control'], 'max-age=60', 'a 404 is kept a minute, not a year');
  }
  const cond = await app.inject({ method: 'GET', url: `/profiles/${unknown}/plot.png`, headers: { 'if-none-match': '*' } });
  t.equal(cond.statusCode, 404, 'If-None-Match on an unknown id is still a 404');
  const bad = await app.inject({ method: 'GET', url: '/profiles/not-an-id' });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().error, 'FST_ERR_VALIDATION');
  const badFormat = await app.inject({ method: 'GET', url: `/profiles/${unknown}/plot.gif`, headers: { accept: 'application/json' } });
  t.equal(badFormat.statusCode, 400);
  t.match(badFormat.json(), { error: 'BAD_OPTION', option: 'format', value: 'gif', allowed: 'one of png, svg, webp, avif, jpeg (or jpg for jpeg)' });
});
