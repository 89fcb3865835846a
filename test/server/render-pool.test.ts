import t from 'tap';
import { build, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const raw = { payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } };

t.test('/healthz and cached charts answer while renders run on the workers; close leaves no worker', async (t) => {
  const app = await build(t, { config: { renderConcurrency: 2, maxRenderPixels: 4096 * 4096 * 4 }, closeInTeardown: false });
  const pool = app.renderPool!;
  t.equal(pool.workers, 0, 'no render worker is started before a render needs it (MEMPLOT_RENDER_WARM_WORKERS=0)');
  await pool.ready();
  t.equal(pool.workers, 3, 'ready() starts all of them: two and the express one');
  await app.inject({ method: 'POST', url: '/profiles', ...raw });
  const cachedUrl = `/profiles/${sort.id}/plot.png?width=300&height=200`;
  t.equal((await app.inject({ method: 'GET', url: cachedUrl })).statusCode, 200);

  // Two slow renders (8192² pixels each) occupy both workers.
  const slow = [1, 2].map((n) => app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.webp?width=4096&height=4096&scale=2&title=slow${n}`, headers: { accept: 'application/json' } }));
  while (app.profiles.renders.active < 2) await new Promise((r) => setImmediate(r));
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 200);
  t.same(health.json().renders, { active: 2, queued: 0 }, '/healthz answered while both renders were running');
  const cached = await app.inject({ method: 'GET', url: cachedUrl });
  t.equal(cached.statusCode, 200);
  t.equal(app.profiles.renders.active, 2, 'the cached chart was answered while both renders were still running');

  await app.close();
  t.equal(pool.workers, 0, 'every worker thread has exited');
  for (const answer of await Promise.all(slow)) {
    t.equal(answer.statusCode, 503, 'a render cut short by close is a 503');
    t.equal(answer.json().error, 'SHUTTING_DOWN');
  }
});

t.test('render workers start on demand, exit when idle, and the warm ones stay', async (t) => {
  const app = await build(t, { config: { renderConcurrency: 2, renderWarmWorkers: 1, renderIdleMs: 1000 } });
  const pool = app.renderPool!;
  t.equal(pool.workers, 1, 'one warm worker, started with the app');
  await app.inject({ method: 'POST', url: '/profiles', ...raw });
  const renders = await Promise.all(
    [300, 301, 302].map((width) => app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?width=${width}&height=200` })),
  );
  t.same(renders.map((r) => r.statusCode), [200, 200, 200]);
  t.ok(pool.workers >= 2 && pool.workers <= 3, `three renders at once started more workers, at most the slots and the express one (${pool.workers})`);
  for (let i = 0; i < 60 && pool.workers > 1; i++) await new Promise((r) => setTimeout(r, 100));
  t.equal(pool.workers, 1, 'the workers beyond the warm one exited after a second idle');
  const later = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=303` });
  t.equal(later.statusCode, 200, 'and renders go on');
});
