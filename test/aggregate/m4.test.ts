import t, { type Test } from 'tap';
import { M4Accumulator, M4_MAX_BUCKETS } from '../../src/aggregate/m4.js';
import { summarizeMemStream } from '../../src/aggregate/summarize.js';
import type { M4Series } from '../../src/aggregate/summary.js';
import { buildMem, randomEntries, type EntrySpec } from '../mem-builder.js';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** Checks every bucket against the entries that fall into it, by brute force. */
function checkAgainstBruteForce(t: Test, series: M4Series, positions: number[], entries: EntrySpec[]) {
  const buckets = new Map<number, number[]>();
  positions.forEach((p, i) => {
    const b = Math.floor(p / series.bucketWidth);
    (buckets.get(b) ?? buckets.set(b, []).get(b)!).push(i);
  });
  let mismatches = 0;
  for (let b = 0; b < series.count.length; b++) {
    const members = buckets.get(b) ?? [];
    const heaps = members.map((i) => Number(entries[i].heap));
    const stacks = members.map((i) => Number(entries[i].stack));
    const totals = members.map((i) => Number(entries[i].heap) + Number(entries[i].stack));
    const ok =
      series.count[b] === members.length &&
      (members.length === 0 ||
        (series.heap.min[b] === Math.min(...heaps) &&
          series.heap.max[b] === Math.max(...heaps) &&
          series.stack.min[b] === Math.min(...stacks) &&
          series.stack.max[b] === Math.max(...stacks) &&
          series.total.min[b] === Math.min(...totals) &&
          series.total.max[b] === Math.max(...totals) &&
          series.heap.first[b] === heaps[0] &&
          series.heap.last[b] === heaps[heaps.length - 1] &&
          series.stack.first[b] === stacks[0] &&
          series.stack.last[b] === stacks[stacks.length - 1]));
    if (!ok) mismatches++;
  }
  t.equal(mismatches, 0, `${series.axis}: every bucket's count, first, last, min and max equal its entries'`);
  t.equal([...buckets.keys()].filter((b) => b >= series.count.length).length, 0, 'no entry falls past the last bucket');
}

for (const [count, seed] of [
  [1, 1],
  [100, 2],
  [20_000, 3],
  [70_000, 4],
]) {
  t.test(`M4 of ${count} random entries against brute force`, async (t) => {
    const entries = randomEntries(count, seed, { allowNegative: seed % 2 === 0 });
    const summary = await summarizeMemStream(once(buildMem({ entries })));
    const { index, time } = summary.m4;
    checkAgainstBruteForce(t, index, entries.map((_, i) => i), entries);
    const start = Number(summary.stats.time.start);
    checkAgainstBruteForce(t, time, entries.map((e) => Number(e.time) - start), entries);
    for (const series of [index, time]) {
      t.ok(series.count.length <= M4_MAX_BUCKETS, `${series.axis}: at most ${M4_MAX_BUCKETS} buckets`);
      t.equal(Math.max(...series.heap.max), summary.stats.peak.heap, `${series.axis}: the global peak heap is in the summary`);
      t.equal(Math.max(...series.total.max), summary.stats.peak.total, `${series.axis}: the peak total too`);
    }
    if (count >= M4_MAX_BUCKETS) t.ok(index.count.length >= M4_MAX_BUCKETS / 2, 'enough buckets for a 4096 px chart');
  });
}

t.test('a crashed program (no end time in the header) still gets a bounded time series', async (t) => {
  const entries = randomEntries(30_000, 9);
  const summary = await summarizeMemStream(once(buildMem({ entries, complete: false })));
  const start = Number(summary.stats.time.start);
  checkAgainstBruteForce(t, summary.m4.time, entries.map((e) => Number(e.time) - start), entries);
  t.ok(summary.m4.time.count.length >= M4_MAX_BUCKETS / 2);
});

t.test('time going backwards lands in earlier buckets, nothing is lost', async (t) => {
  const entries = randomEntries(5000, 11);
  [entries[100].time, entries[101].time] = [entries[101].time, entries[100].time];
  const summary = await summarizeMemStream(once(buildMem({ entries })));
  t.equal(summary.stats.time.nonMonotonicSteps, 1);
  t.equal(summary.m4.time.count.reduce((a, b) => a + b, 0), 5000);
});

t.test('M4Accumulator validates its options and doubles its width when full', async (t) => {
  t.throws(() => new M4Accumulator('index', { capacity: 3 }), { message: /capacity: expected an even integer ≥ 2, received 3/ });
  t.throws(() => new M4Accumulator('time', { initialWidth: 0 }), { message: /initialWidth/ });
  const m4 = new M4Accumulator('index', { capacity: 4 });
  for (let i = 0; i < 9; i++) m4.add(i, i % 3 === 0 ? 100 : i, 1);
  const series = m4.toSeries();
  t.equal(series.bucketWidth, 4);
  t.same(series.count, [4, 4, 1]);
  t.same(series.heap.max, [100, 100, 8]);
  t.same(series.heap.min, [1, 4, 8]);
});
