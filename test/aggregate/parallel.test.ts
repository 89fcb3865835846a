import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { summarizeMemFile, summarizeMemStream } from '../../src/aggregate/summarize.js';
import { RING_EMPTY, RING_FULL, SeriesWorkerClient, waitUntilEmpty } from '../../src/aggregate/series-ring.js';
import { fixturePath, recordedFixtures } from '../fixtures.js';
import { chunked } from '../mem-builder.js';

t.test('the two-thread summary equals the one-thread summary on every fixture', async (t) => {
  for (const name of recordedFixtures()) {
    const one = await summarizeMemFile(fixturePath(`${name}.mem`), { parallel: false });
    const two = await summarizeMemFile(fixturePath(`${name}.mem`), { parallel: true });
    t.equal(JSON.stringify(two), JSON.stringify(one), name);
  }
});

t.test('odd chunk sizes cross the ring slots intact', async (t) => {
  const bytes = readFileSync(fixturePath('threads.mem'));
  const one = await summarizeMemFile(fixturePath('threads.mem'), { parallel: false });
  const two = await summarizeMemStream(chunked(bytes, [3 << 20, 5, 70001]), { parallel: true });
  t.equal(JSON.stringify(two), JSON.stringify(one));
});

t.test('bad input fails the same way with a worker, and the worker stops', async (t) => {
  await t.rejects(summarizeMemStream(chunked(Buffer.alloc(30), [7]), { parallel: true }), { code: 'MEM_TOO_SHORT' });
  await t.rejects(summarizeMemStream(chunked(readFileSync(fixturePath('README.md')), [100]), { parallel: true }), { code: 'MEM_NOT_MEMUSAGE' });
  await t.rejects(summarizeMemStream(chunked(readFileSync(fixturePath('ls.mem')), [4096]), { parallel: true, maxBytes: 10_000 }), { name: 'InputTooLargeError' });
});

t.test('the reader and the worker never sleep through each other (many full-ring waits)', async (t) => {
  // threads.mem's entries eight times over: 40 MB, more than twice the ring, so the reader
  // waits for free slots again and again; a lost wake-up would hang here until tap's timeout.
  const bytes = readFileSync(fixturePath('threads.mem'));
  const big = Buffer.concat([bytes, ...Array.from({ length: 7 }, () => bytes.subarray(48))]);
  const one = await summarizeMemStream(chunked(big, [1 << 20]), { parallel: false });
  for (let run = 0; run < 10; run++) {
    const two = await summarizeMemStream(chunked(big, [65536, 1 << 20, 1000]), { parallel: true });
    if (JSON.stringify(two) !== JSON.stringify(one)) t.fail(`run ${run} differs`);
  }
  t.pass('ten runs finished with the same summary');
});

t.test('waiting for a free slot survives the slot being freed between the check and the wait', async (t) => {
  const control = new Int32Array(new SharedArrayBuffer(8));
  Atomics.store(control, 0, RING_FULL);
  // The worker frees the slot (and notifies) right after the reader's first look at it.
  const load = Atomics.load;
  let looks = 0;
  t.teardown(() => {
    Atomics.load = load;
  });
  Atomics.load = ((array: Int32Array, index: number) => {
    const value = load(array, index);
    if (array === control && ++looks === 1) {
      Atomics.store(control, 0, RING_EMPTY);
      Atomics.notify(control, 0);
    }
    return value;
  }) as typeof Atomics.load;
  const outcome = await Promise.race([
    waitUntilEmpty(control, 0).then(() => 'woke'),
    new Promise((resolve) => setTimeout(resolve, 2000, 'slept through the wake-up')),
  ]);
  t.equal(outcome, 'woke');
});

t.test('a worker that dies does not leave the reader waiting for room', async (t) => {
  const client = new SeriesWorkerClient({ hash: false });
  await client['worker'].terminate();
  const chunk = Buffer.alloc(1 << 20);
  const pushAll = async () => {
    for (let i = 0; i < 64; i++) await client.push(chunk); // four times the ring
  };
  await t.rejects(pushAll(), { message: /series worker exited/ });
  await t.rejects(client.finish(), { message: /series worker exited/ });
});

t.test('a file read straight into the ring (many times its size) or gzip (copied) gives the same summary', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memplot-ring-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bytes = readFileSync(fixturePath('threads.mem'));
  const big = Buffer.concat([bytes, ...Array.from({ length: 7 }, () => bytes.subarray(48))]);
  const plain = join(dir, 'big.mem');
  const gzipped = join(dir, 'big.mem.gz');
  writeFileSync(plain, big);
  writeFileSync(gzipped, gzipSync(big));
  const one = await summarizeMemStream(chunked(big, [1 << 20]), { parallel: false });
  t.equal(JSON.stringify(await summarizeMemFile(plain, { parallel: true })), JSON.stringify(one), 'in place');
  t.equal(JSON.stringify(await summarizeMemFile(gzipped, { parallel: true })), JSON.stringify(one), 'gzip, copied');
  t.equal(readFileSync(plain).equals(big), true, 'the input file is unchanged');
});

t.test('lent slots come back in order, and nothing else may come in between', async (t) => {
  const client = new SeriesWorkerClient({ hash: false });
  t.teardown(() => client.abort());
  const slot = await client.lendSlot();
  t.equal(slot.length, 1 << 20, 'a whole slot');
  await t.rejects(client.push(Buffer.alloc(10)), { message: /not the lent slot/ });
  const copying = new SeriesWorkerClient({ hash: false });
  t.teardown(() => copying.abort());
  await copying.push(Buffer.alloc(10));
  await t.rejects(copying.lendSlot(), { message: /already copied/ });
});
