/**
 * The cache's size bound is the truth: an id evicted from the store stops answering, whatever
 * copies the process holds (memory tier of renders, parsed summaries).
 */
import t from 'tap';
import { renderHash, renderKey } from '../../src/cache/keys.js';
import { TieredStore } from '../../src/cache/memory-store.js';
import { parsePlotOptions } from '../../src/options/plot-options.js';
import { build, fixture } from '../helper.js';

const sort = fixture('sort.mem');
const ls = fixture('ls.mem');
const raw = (bytes: Buffer) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

t.test('an id evicted from the filesystem store answers 404, though its image was in the memory tier', async (t) => {
  const app = await build(t, { config: { cacheMaxBytes: 1 << 20, renderRateLimit: 0 } });
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201);
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg` })).statusCode, 200);
  const tiered = app.store as TieredStore;
  const sortChart = renderKey(renderHash(sort.id, parsePlotOptions({ format: 'svg' })));
  t.ok(tiered.front.peek(sortChart), 'the chart is in the memory tier');

  // Newer entries (ls and its charts) push sort's out of the 1 MiB store.
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(ls.bytes) })).statusCode, 201);
  let width = 100;
  while (tiered.front.peek(sortChart) && width < 1100) {
    t.equal((await app.inject({ method: 'GET', url: `/profiles/${ls.id}/plot.svg?width=${width}` })).statusCode, 200);
    width += 10;
  }
  t.equal(tiered.front.peek(sortChart), null, `the memory tier dropped the chart when the store evicted it (after ${(width - 100) / 10} charts)`);
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg` })).statusCode, 404, 'the chart: 404');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${sort.id}` })).statusCode, 404, 'the stats: 404 (the parsed summary is not kept alive)');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${ls.id}` })).statusCode, 200, 'the recent id still answers');
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) })).statusCode, 201, 'uploading it again brings it back');
});
