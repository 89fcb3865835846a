import t from 'tap';
import { loadConfig } from '../../src/http/config.js';
import { build, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const ls = fixture('ls.mem');
const raw = (bytes: Buffer, headers: Record<string, string> = {}) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream', ...headers } });

t.test('uncached renders are limited per client; a chart served from the cache never is', async (t) => {
  const app = await build(t, { config: { renderRateLimit: 2 } });
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201);
  const chart = (width: number) => app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=${width}`, headers: { accept: 'application/json' } });
  t.equal((await chart(300)).statusCode, 200);
  t.equal((await chart(301)).statusCode, 200);
  const limited = await chart(302);
  t.equal(limited.statusCode, 429, 'a third new render within the minute');
  t.ok(Number(limited.headers['retry-after']) >= 1 && Number(limited.headers['retry-after']) <= 60, `Retry-After ${limited.headers['retry-after']}`);
  t.match(limited.json(), { error: 'RATE_LIMITED', message: 'more than 2 renders not in the cache a minute from this client', hint: /retry after/ });
  for (let i = 0; i < 5; i++) t.equal((await chart(300)).statusCode, 200, 'cached: served whatever the count');
});

t.test('uploads are limited per client (by IP; behind a trusted proxy, by the forwarded address)', async (t) => {
  const app = await build(t, { config: { uploadRateLimit: 1 } });
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201);
  const limited = await app.inject({ method: 'POST', url: '/profiles', ...raw(ls.bytes, { 'x-forwarded-for': '203.0.113.9' }) });
  t.equal(limited.statusCode, 429, 'X-Forwarded-For is not trusted by default: the same client');
  t.equal(limited.json().error, 'RATE_LIMITED');
  t.not(limited.headers.connection, 'close', 'a small refused body is read and dropped: the connection is kept');
  const large = await app.inject({ method: 'POST', url: '/profiles', ...raw(Buffer.alloc(2 << 20, 1)) });
  t.equal(large.statusCode, 429);
  t.equal(large.headers.connection, 'close', 'a refused body over 1 MiB is not read: the connection is closed');

  const proxied = await build(t, { config: { uploadRateLimit: 1, trustProxy: loadConfig({ MEMPLOT_TRUST_PROXY: '127.0.0.1' }).trustProxy } });
  const from = (ip: string, bytes: Buffer) => proxied.inject({ method: 'POST', url: '/profiles', ...raw(bytes, { 'x-forwarded-for': ip }) });
  t.equal((await from('203.0.113.9', sort.bytes)).statusCode, 201);
  t.equal((await from('203.0.113.10', ls.bytes)).statusCode, 201, 'another client behind the proxy');
  t.equal((await from('203.0.113.9', ls.bytes)).statusCode, 429, 'the first client again');
});

t.test('MEMPLOT_TRUST_PROXY values', async (t) => {
  t.equal(loadConfig({}).trustProxy, false);
  t.equal(loadConfig({ MEMPLOT_TRUST_PROXY: 'true' }).trustProxy, true);
  t.same(loadConfig({ MEMPLOT_TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy, ['10.0.0.0/8', '::1']);
  const hops = loadConfig({ MEMPLOT_TRUST_PROXY: '2' }).trustProxy as (address: string, hop: number) => boolean;
  t.same([hops('x', 0), hops('x', 1), hops('x', 2)], [true, true, false], 'a hop count trusts the nearest hops');
  t.throws(() => loadConfig({ MEMPLOT_TRUST_PROXY: 'the proxy' }), /MEMPLOT_TRUST_PROXY: expected true, false, a hop count or comma-separated proxy addresses\/CIDRs .*received "the proxy"/);
});
