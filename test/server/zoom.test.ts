/**
 * GET /profiles/:id/series under MEMPLOT_ZOOM=full: windows finer than the summary come from the
 * zoom index stored at upload, exactly; under summary, or once the index is evicted, zoom stops at
 * the summary and the answer says so.
 */
import t from 'tap';
import { build, fixture, multipartFiles } from '../helper.js';
import { fixturePath } from '../fixtures.js';
import { bruteColumns, readEntries } from '../aggregate/brute-force-series.js';
import { isZoomPieceKey, zoomIndexKey } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';

const python = fixture('python-startup.mem');
const raw = (bytes: Buffer) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

t.test('MEMPLOT_ZOOM=full: single calls and exact columns from the index', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20, evictFirst: isZoomPieceKey });
  const app = await build(t, { store });
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) })).statusCode, 201);
  t.ok(await store.has(zoomIndexKey(python.id)), 'the index is stored with the upload');
  const entries = await readEntries(fixturePath('python-startup.mem'));

  const calls = (await app.inject({ method: 'GET', url: `/profiles/${python.id}/series?from=5000&to=6000&buckets=1000` })).json();
  t.same(calls.resolution, { source: 'calls', finest: true, zoom: 'full' });
  t.equal(calls.columns.length, 1000, '1,000 calls, 1,000 columns');
  t.equal(calls.columns[17].heap[0], entries.heap[5017], 'column 17 is call 5017');

  for (const [axis, query] of [
    ['calls', 'from=100&to=90000&buckets=800'],
    ['calls', 'from=31337&to=35000&buckets=800'],
    ['time', 'buckets=800'],
  ] as const) {
    let url = `/profiles/${python.id}/series?axis=${axis}&${query}`;
    if (axis === 'time') {
      const whole = (await app.inject({ method: 'GET', url: `/profiles/${python.id}/series.json?axis=time&buckets=100` })).json();
      const from = BigInt(whole.columns[40].from);
      url += `&from=${from}&to=${from + 50000n}`;
    }
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, url);
    const body = res.json();
    t.ok(body.columns.length > 0 && body.columns.length <= 800, `${url}: ${body.columns.length} columns from ${body.resolution.source}`);
    const brute = bruteColumns(entries, axis, body.columns);
    for (const [k, c] of body.columns.entries()) {
      const expected = brute[k];
      if (JSON.stringify(expected) !== JSON.stringify({ heap: c.heap, stack: c.stack, total: c.total })) {
        t.fail(`${url}: column [${c.from}, ${c.to}) is not exact`);
        break;
      }
    }
  }
});

t.test('MEMPLOT_ZOOM=summary: nothing more is stored, zoom stops at the summary', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20 });
  const app = await build(t, { store, config: { zoom: 'summary' } });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) });
  t.notOk(await store.has(zoomIndexKey(python.id)));
  const body = (await app.inject({ method: 'GET', url: `/profiles/${python.id}/series?from=5000&to=6000&buckets=1000` })).json();
  t.same(body.resolution, { source: 'summary', finest: true, zoom: 'summary' }, 'the page can say "zoom stops here"');
  t.ok(body.columns.length < 1000);
});

t.test('an index whose pieces were evicted: the summary answers, the index is forgotten', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20, evictFirst: isZoomPieceKey });
  const app = await build(t, { store });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) });
  const full = (await app.inject({ method: 'GET', url: `/profiles/${python.id}/series?from=5000&to=6000&buckets=1000` })).json();
  t.equal(full.resolution.zoom, 'full');
  // Evict every piece, as a full cache would.
  const lru = (store as unknown as { entries: { firstOut: Map<string, unknown> } }).entries;
  for (const key of [...lru.firstOut.keys()]) await store.delete(key);
  const res = await app.inject({ method: 'GET', url: `/profiles/${python.id}/series?from=5000&to=6000&buckets=1000` });
  t.equal(res.statusCode, 200);
  t.same(res.json().resolution, { source: 'summary', finest: true, zoom: 'summary' });
  t.notOk(await store.has(zoomIndexKey(python.id)), 'the manifest is removed');
});

t.test('the same file twice keeps one index; a bad upload leaves no pieces', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20, evictFirst: isZoomPieceKey });
  const app = await build(t, { store });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) });
  const lru = (store as unknown as { entries: { firstOut: Map<string, unknown> } }).entries;
  const pieces = lru.firstOut.size;
  t.ok(pieces > 0);
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) })).statusCode, 200);
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(lru.firstOut.size, pieces, "the second build's pieces are removed");
});

t.test('an upload rejected halfway leaves no pieces', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20, evictFirst: isZoomPieceKey });
  const app = await build(t, { store, config: { maxUploadBytes: 3 << 20 } });
  const lru = (store as unknown as { entries: { firstOut: Map<string, unknown> } }).entries;
  // 3.9 MB: past the limit after 65,536 entries (one raw chunk) were indexed.
  t.equal((await app.inject({ method: 'POST', url: '/profiles', ...raw(python.bytes) })).statusCode, 413);
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(lru.firstOut.size, 0, 'nothing left by the rejected upload');
});

t.test('a .mem read whole, then a later part refused: its pieces are removed at once', async (t) => {
  const store = new MemoryStore({ maxBytes: 256 << 20, maxEntryBytes: 256 << 20, evictFirst: isZoomPieceKey });
  const app = await build(t, { store });
  const lru = (store as unknown as { entries: { firstOut: Map<string, unknown> } }).entries;
  for (const second of ['tags', 'file', 'other']) {
    const res = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'file', bytes: python.bytes }, { field: second, bytes: python.bytes }]) });
    t.equal(res.statusCode, second === 'other' ? 400 : 422, `part "${second}" after the .mem: refused (${res.json().error})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    t.equal(lru.firstOut.size, 0, `no piece of the .mem read before it is left (${second})`);
  }
});
