import t from 'tap';
import { gunzipSync } from 'node:zlib';
import { summarise } from '../../bench/stress/harness.js';
import { chartOptions, distinctValidInput, loadFixtures, mutatedInput, MUTATIONS, Random, stallInput } from '../../bench/stress/inputs.js';

t.test('the stall input is the issue\'s 96 bytes', async (t) => {
  const bytes = stallInput();
  t.equal(bytes.length, 96);
  // record 3: heap 10^6, stack 10^6, time 1048576 (low word), 0 (high word)
  t.equal(bytes.readBigUInt64LE(72), 1_000_000n);
  t.equal(bytes.readUInt32LE(88), 1048576);
  t.equal(bytes.readUInt32LE(92), 0);
  // record 0: time 900000000000 split into low and high words
  t.equal(BigInt(bytes.readUInt32LE(16)) | (BigInt(bytes.readUInt32LE(20)) << 32n), 900_000_000_000n);
});

t.test('fuzz inputs are reproducible from the seed and cover the mutations', async (t) => {
  const fixtures = loadFixtures();
  const a = new Random(42);
  const b = new Random(42);
  const recipes = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const x = mutatedInput(a, fixtures);
    const y = mutatedInput(b, fixtures);
    t.equal(Buffer.compare(x.bytes, y.bytes), 0);
    recipes.add(x.recipe.split(', ')[1]);
    if (x.recipe.endsWith('gzip')) t.ok(gunzipSync(x.bytes), 'gzip wrapping is real gzip');
    t.ok(x.bytes.length <= 5_000_000, 'bounded input size');
  }
  t.same([...recipes].sort(), [...MUTATIONS].sort(), 'every mutation drawn');
});

t.test('chart options stay within the allowed ranges unless asked to be big', async (t) => {
  const rng = new Random(1);
  for (let i = 0; i < 200; i++) {
    const small = chartOptions(rng, 0);
    t.ok(small.width >= 100 && small.width <= 480 && small.height >= 80 && small.height <= 360 && small.scale <= 2);
  }
});

t.test('distinct valid inputs have distinct bytes', async (t) => {
  const fixtures = loadFixtures();
  const rng = new Random(3);
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) seen.add(distinctValidInput(rng, fixtures, i).toString('base64'));
  t.equal(seen.size, 50);
});

t.test('latency summary: median, p99 and max', async (t) => {
  const ms = Array.from({ length: 100 }, (_, i) => i + 1);
  t.same(summarise(ms), { count: 100, medianMs: 50, p99Ms: 99, maxMs: 100 });
  t.equal(summarise([]).count, 0);
});
