/**
 * Redis outages: the service starts while Redis is down (degraded, 503 for what needs the
 * store), answers 503 + Retry-After at once while Redis is gone mid-run, and recovers by itself
 * when Redis comes back, with no restart.
 */
import t from 'tap';
import { build, fixture } from '../helper.js';
import { REDIS_MISSING, redisServerPath, startRedisProcess } from '../redis.js';

const sort = fixture('sort.mem');
const ls = fixture('ls.mem');
const raw = (bytes: Buffer) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
const redisBinary = redisServerPath();
if (!redisBinary) console.warn(`\n*** ${REDIS_MISSING} ***\n`);

/** Retries until /healthz is 200 (the client reconnects at most a second apart); fails after 15 s. */
async function untilHealthy(app: Awaited<ReturnType<typeof build>>): Promise<void> {
  for (let tries = 0; tries < 150; tries++) {
    if ((await app.inject({ method: 'GET', url: '/healthz' })).statusCode === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('/healthz did not recover within 15 s of Redis coming back');
}

t.test('Redis stopped and started again mid-run: 503 + Retry-After meanwhile, then served again without restart', { skip: redisBinary ? false : REDIS_MISSING }, async (t) => {
  const redis = await startRedisProcess(t, redisBinary!);
  const app = await build(t, { config: { redisUrl: redis.url, memoryCacheBytes: 0 } });
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201);

  await redis.stop();
  for (const [what, request] of [
    ['upload', { method: 'POST' as const, url: '/profiles', ...raw(ls.bytes) }],
    ['stats', { method: 'GET' as const, url: `/profiles/${sort.id}` }],
    ['chart', { method: 'GET' as const, url: `/profiles/${sort.id}/plot.svg`, headers: { accept: 'application/json' } }],
    ['health', { method: 'GET' as const, url: '/healthz' }],
  ] as const) {
    const res = await app.inject(request);
    t.equal(res.statusCode, 503, `${what}: 503 while Redis is down`);
    t.equal(res.headers['retry-after'], '5', `${what}: Retry-After`);
    t.equal(res.json().error, 'STORE_UNAVAILABLE', what);
  }

  await redis.start();
  await untilHealthy(app);
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(ls.bytes) })).statusCode, 201, 'uploads work again');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${ls.id}/plot.svg` })).statusCode, 200, 'renders work again');
});

t.test('started while Redis is down: degraded (503), healthy once Redis answers', { skip: redisBinary ? false : REDIS_MISSING }, async (t) => {
  const redis = await startRedisProcess(t, redisBinary!);
  await redis.stop();
  const app = await build(t, { config: { redisUrl: redis.url } });
  const sick = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(sick.statusCode, 503, 'the app started, and says the store is down');
  t.equal(sick.json().error, 'STORE_UNAVAILABLE');
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 503);

  await redis.start();
  await untilHealthy(app);
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201);
});
