import t from 'tap';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MinimumRateWatch } from '../../src/http/minimum-rate.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

t.test('a read that keeps the rate passes; one that stalls fails with the watch error, and so does every later read', async (t) => {
  const watch = new MinimumRateWatch(100, 50, () => new Error('too slow'));
  // The watch's timer does not keep a process alive (a server has its sockets); this test has nothing else.
  const alive = setInterval(() => undefined, 1000);
  t.teardown(() => (watch.stop(), clearInterval(alive)));
  watch.count(1000);
  t.equal(await watch.read(Promise.resolve('chunk')), 'chunk');
  await t.rejects(watch.read(new Promise(() => undefined)), /too slow/, 'a read that never comes');
  await t.rejects(watch.read(Promise.resolve('late')), /too slow/);
});

t.test('reads through one watch keep nothing of what they read', async (t) => {
  const watch = new MinimumRateWatch(1, 60_000, () => new Error('too slow'));
  t.teardown(() => watch.stop());
  gc();
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 64; i++) {
    const chunk = await watch.read(Promise.resolve(Buffer.alloc(1 << 20, i)));
    watch.count(chunk.length);
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const kept = process.memoryUsage().arrayBuffers - before;
  t.ok(kept < 8 << 20, `64 MiB read, ${(kept / 2 ** 20).toFixed(1)} MiB still held`);
});
