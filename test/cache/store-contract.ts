/**
 * The contract every CacheStore keeps, run against each store by stores.test.ts.
 */
import type { Test } from 'tap';
import { randomBytes } from 'node:crypto';
import type { CacheStore } from '../../src/cache/store.js';

export function storeContract(t: Test, open: (t: Test) => Promise<CacheStore>): void {
  t.test('a missing key is a miss everywhere', async (t) => {
    const store = await open(t);
    t.equal(await store.get('summary:nothing:v1'), null);
    t.equal(await store.has('summary:nothing:v1'), false);
    t.equal(await store.delete('summary:nothing:v1'), false);
  });

  t.test('bytes come back exactly, binary and empty included', async (t) => {
    const store = await open(t);
    const big = randomBytes(1 << 20);
    const values: Record<string, Buffer> = {
      'render:big': big,
      'render:empty': Buffer.alloc(0),
      'summary:ünïcode key with spaces:v1': Buffer.from([0, 255, 1, 254]),
    };
    for (const [key, value] of Object.entries(values)) await store.set(key, value);
    for (const [key, value] of Object.entries(values)) {
      t.ok(await store.has(key), `has ${key}`);
      const back = await store.get(key);
      t.ok(back && back.equals(value), `get ${key} returns the same ${value.length} bytes`);
    }
  });

  t.test('set replaces, delete removes', async (t) => {
    const store = await open(t);
    await store.set('k', Buffer.from('first'));
    await store.set('k', Buffer.from('second, longer'));
    t.equal((await store.get('k'))?.toString(), 'second, longer');
    t.equal(await store.delete('k'), true);
    t.equal(await store.get('k'), null);
    t.equal(await store.has('k'), false);
    await store.set('k', Buffer.from('third'));
    t.equal((await store.get('k'))?.toString(), 'third', 'a deleted key can be set again');
  });

  t.test('concurrent writers of one key leave one whole value', async (t) => {
    const store = await open(t);
    const values = Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024 + i, i + 1));
    await Promise.all(values.map((v) => store.set('race', v)));
    const back = await store.get('race');
    t.ok(back && values.some((v) => v.equals(back)), 'the value read is one of those written, not a mix');
  });

  t.test('keys do not collide', async (t) => {
    const store = await open(t);
    await store.set('render:a', Buffer.from('a'));
    await store.set('render:A', Buffer.from('A'));
    await store.set('render:a ', Buffer.from('a space'));
    t.equal((await store.get('render:a'))?.toString(), 'a');
    t.equal((await store.get('render:A'))?.toString(), 'A');
    t.equal((await store.get('render:a '))?.toString(), 'a space');
  });

  t.test('ping answers', async (t) => {
    const store = await open(t);
    await t.resolves(store.ping());
  });
}
