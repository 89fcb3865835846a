/**
 * The cache budget counts zoom index pieces and gives them up before summaries and renders:
 * in the LRU, the memory store and the filesystem store (across a restart too).
 */
import t from 'tap';
import { Lru } from '../../src/cache/lru.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { FileStore } from '../../src/cache/fs-store.js';
import { isZoomPieceKey, summaryKey, zoomPieceKey } from '../../src/cache/keys.js';
import { tempDir } from '../helper.js';

const summary = (n: number) => summaryKey(String(n).padStart(64, '0'));
const piece = (n: number) => zoomPieceKey('build', `r${n}`);

t.test('keys: pieces are the evict-first kind, summaries are not', async (t) => {
  t.ok(isZoomPieceKey(piece(1)));
  t.notOk(isZoomPieceKey(summary(1)));
});

t.test('lru: pieces go first, however recently used', async (t) => {
  const lru = new Lru<number>(4, () => 1, isZoomPieceKey);
  lru.set(summary(1), 1);
  lru.set(summary(2), 2);
  lru.set(piece(1), 3);
  lru.set(piece(2), 4);
  lru.get(piece(1));
  lru.set(summary(3), 5);
  t.equal(lru.weight, 4);
  t.notOk(lru.has(piece(2)), 'the least recently used piece went first');
  t.ok(lru.has(summary(1)) && lru.has(summary(2)) && lru.has(summary(3)) && lru.has(piece(1)));
  lru.set(summary(4), 6);
  t.notOk(lru.has(piece(1)), 'then the other piece');
  t.ok(lru.has(summary(1)), 'the oldest summary stays while pieces are left');
  lru.set(summary(5), 7);
  t.notOk(lru.has(summary(1)), 'with no piece left, the oldest summary goes');
});

t.test('memory store: pieces counted in the budget and evicted first', async (t) => {
  const store = new MemoryStore({ maxBytes: 1000, maxEntryBytes: 1000, evictFirst: isZoomPieceKey });
  await store.set(summary(1), Buffer.alloc(300));
  await store.set(piece(1), Buffer.alloc(300));
  await store.set(piece(2), Buffer.alloc(300));
  t.equal(store.size, 900, 'pieces count');
  await store.set(summary(2), Buffer.alloc(300));
  t.ok(await store.has(summary(1)), 'the older summary stays');
  t.notOk(await store.has(piece(1)), 'a piece went instead');
});

t.test('filesystem store: pieces evicted before summaries, also after a restart', async (t) => {
  const dir = tempDir(t);
  const store = await FileStore.open({ dir, maxBytes: 10_000, evictFirst: isZoomPieceKey });
  await store.set(summary(1), Buffer.alloc(3000));
  await store.set(piece(1), Buffer.alloc(3000));
  await store.set(piece(2), Buffer.alloc(3000));
  t.ok(store.size <= 10_000);
  await store.set(summary(2), Buffer.alloc(3000));
  t.ok(await store.has(summary(1)), 'the older summary stays');
  t.notOk(await store.has(piece(1)), 'the older piece went');
  t.ok(await store.has(piece(2)));

  // A new process knows the entries by file name only: the pieces are still the first out.
  const reopened = await FileStore.open({ dir, maxBytes: 10_000, evictFirst: isZoomPieceKey });
  t.equal(reopened.count, 3);
  await reopened.set(summary(3), Buffer.alloc(3000));
  t.ok((await reopened.get(summary(1)))?.length === 3000, 'the summaries survive');
  t.ok(await reopened.has(summary(2)));
  t.notOk(await reopened.has(piece(2)), 'the piece found at open went first');
});
