import t from 'tap';
import { build, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const raw = { payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } };

t.test('/healthz and cached charts answer while renders run on the workers; close leaves no worker', async (t) => {
  const app = await build(t, { config: { renderConcurrency: 2, maxRenderPixels: 4096 * 4096 * 4 }, closeInTeardown: false });
  const pool = app.renderPool!;
  await pool.ready();
  t.equal(pool.workers, 3, 'the workers (two and the express one) started with the app, before any render was asked for');
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
