import t from 'tap';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '../../src/cache/fs-store.js';
import { MemoryStore, TieredStore } from '../../src/cache/memory-store.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import { StoreUnavailableError } from '../../src/cache/store.js';
import { tempDir } from '../helper.js';
import { REDIS_MISSING, redisServerPath, startRedis } from '../redis.js';
import { storeContract } from './store-contract.js';

function entryFiles(dir: string): string[] {
  const root = join(dir, 'entries');
  return readdirSync(root).flatMap((shard) => readdirSync(join(root, shard)).map((name) => join(root, shard, name)));
}

t.test('filesystem store: contract', async (t) => {
  storeContract(t, async (t) => FileStore.open({ dir: tempDir(t), maxBytes: 64 << 20 }));
});

t.test('memory store: contract', async (t) => {
  storeContract(t, async () => new MemoryStore({ maxBytes: 64 << 20, maxEntryBytes: 8 << 20 }));
});

t.test('memory tier over the filesystem store: contract', async (t) => {
  storeContract(t, async (t) => new TieredStore(new MemoryStore({ maxBytes: 4 << 20 }), await FileStore.open({ dir: tempDir(t), maxBytes: 64 << 20 })));
});

const redisBinary = redisServerPath();
if (!redisBinary) console.warn(`\n*** ${REDIS_MISSING} ***\n`);

t.test('redis store: contract', { skip: redisBinary ? false : REDIS_MISSING }, async (t) => {
  const url = await startRedis(t, redisBinary!);
  let n = 0;
  storeContract(t, async (t) => {
    // A prefix per subtest: each starts from an empty keyspace on the shared server.
    const store = await RedisStore.open({ url, prefix: `test${n++}:` });
    t.teardown(() => store.close());
    return store;
  });
});

t.test('redis store: an unreachable server is StoreUnavailableError, not a hang', async (t) => {
  await t.rejects(RedisStore.open({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 }), StoreUnavailableError);
});

t.test('filesystem store survives a restart', async (t) => {
  const dir = tempDir(t);
  const first = await FileStore.open({ dir, maxBytes: 1 << 20 });
  await first.set('summary:abc:v1', Buffer.from('kept'));
  await first.close();
  const second = await FileStore.open({ dir, maxBytes: 1 << 20 });
  t.equal((await second.get('summary:abc:v1'))?.toString(), 'kept');
  t.equal(second.count, 1);
});

t.test('filesystem store: a corrupt entry is detected, removed and not served', async (t) => {
  const dir = tempDir(t);
  const corrupt: string[] = [];
  const store = await FileStore.open({ dir, maxBytes: 1 << 20, onCorrupt: (key, reason) => corrupt.push(`${key}: ${reason}`) });
  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['flipped byte', (b) => { const c = Buffer.from(b); c[c.length - 3] ^= 0xff; return c; }],
    ['truncated', (b) => b.subarray(0, b.length - 5)],
    ['empty file', () => Buffer.alloc(0)],
    ['extra bytes', (b) => Buffer.concat([b, Buffer.from('junk')])],
    ['bad magic', (b) => { const c = Buffer.from(b); c[0] = 0; return c; }],
  ];
  for (const [name, damage] of damages) {
    await store.set('render:x', Buffer.from('a rendered image, say'));
    const [file] = entryFiles(dir);
    writeFileSync(file, damage(readFileSync(file)));
    t.equal(await store.get('render:x'), null, `${name}: a miss`);
    t.same(entryFiles(dir), [], `${name}: the file is removed`);
    await store.set('render:x', Buffer.from('rebuilt'));
    t.equal((await store.get('render:x'))?.toString(), 'rebuilt', `${name}: rebuilt`);
    await store.delete('render:x');
  }
  t.equal(corrupt.length, damages.length, 'each damage reported once');
  t.match(corrupt[0], /render:x: checksum mismatch/);
});

t.test('filesystem store: an entry file holding another key is not served', async (t) => {
  const dir = tempDir(t);
  const store = await FileStore.open({ dir, maxBytes: 1 << 20 });
  await store.set('render:one', Buffer.from('one'));
  await store.set('render:two', Buffer.from('two'));
  const files = entryFiles(dir);
  const one = files.find((f) => readFileSync(f).includes('render:one'))!;
  const two = files.find((f) => f !== one)!;
  writeFileSync(two, readFileSync(one));
  t.equal(await store.get('render:two'), null);
  t.equal((await store.get('render:one'))?.toString(), 'one');
});

t.test('filesystem store: least recently used entries are evicted past maxBytes', async (t) => {
  const dir = tempDir(t);
  const value = Buffer.alloc(1000, 7);
  // Each entry is 1000 bytes plus an 18-byte header and its key: room for three.
  const store = await FileStore.open({ dir, maxBytes: 3200 });
  await store.set('a', value);
  await store.set('b', value);
  await store.set('c', value);
  await store.get('a'); // a is now the most recently used
  await store.set('d', value);
  t.ok(await store.has('a'), 'a was used: kept');
  t.notOk(await store.has('b'), 'b was the least recently used: evicted');
  t.ok(await store.has('c'));
  t.ok(await store.has('d'));
  t.ok(store.size <= 3200, `size ${store.size} within the bound`);
  t.equal(entryFiles(dir).length, 3, 'evicted files are deleted');
  await store.set('huge', Buffer.alloc(5000));
  t.notOk(await store.has('huge'), 'an entry larger than the whole cache is not kept');
  t.equal(entryFiles(dir).length, 3);
});

t.test('filesystem store: a restart evicts by last use (file times) and clears unfinished writes', async (t) => {
  const dir = tempDir(t);
  const first = await FileStore.open({ dir, maxBytes: 1 << 20 });
  for (const key of ['old', 'mid', 'new']) await first.set(key, Buffer.alloc(1000));
  const now = Date.now() / 1000;
  const byKey = (key: string) => entryFiles(dir).find((f) => readFileSync(f).includes(Buffer.from(key)))!;
  utimesSync(byKey('old'), now - 300, now - 300);
  utimesSync(byKey('mid'), now - 200, now - 200);
  utimesSync(byKey('new'), now - 100, now - 100);
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  writeFileSync(join(dir, 'tmp', 'half-written'), 'x');
  const second = await FileStore.open({ dir, maxBytes: 2100 });
  t.notOk(await second.has('old'), 'the least recently used is evicted at open when the bound shrank');
  t.ok(await second.has('mid'));
  t.ok(await second.has('new'));
  t.same(readdirSync(join(dir, 'tmp')), [], 'temporary files of unfinished writes are removed');
});

t.test('memory tier: reads fill it, it stays within its bound', async (t) => {
  const front = new MemoryStore({ maxBytes: 2500, maxEntryBytes: 1000 });
  const back = new MemoryStore({ maxBytes: 1 << 20 });
  const tiered = new TieredStore(front, back);
  await back.set('x', Buffer.alloc(1000, 1));
  t.equal(front.peek('x'), null);
  t.ok(await tiered.get('x'));
  t.ok(front.peek('x'), 'a read from the back store fills the front');
  for (const k of ['y', 'z', 'w']) await tiered.set(k, Buffer.alloc(1000, 2));
  t.ok(front.size <= 2500);
  t.equal(front.peek('x'), null, 'the oldest left the front');
  t.ok(await tiered.get('x'), 'and is still served from the back store');
  await tiered.set('big', Buffer.alloc(2000));
  t.equal(front.peek('big'), null, 'entries above maxEntryBytes skip the front');
  t.equal(tiered.kind, 'memory+memory');
});
