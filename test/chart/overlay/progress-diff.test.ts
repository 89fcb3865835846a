import t from 'tap';
import { readRun } from '../../../src/chart/overlay/aligned-run.js';
import { progressColumns, progressDiff, splitBySign } from '../../../src/chart/overlay/progress-diff.js';
import { defaultComparePlotOptions } from '../../../src/options/plot-options.js';
import { summaryFromEntries } from '../summary-fixtures.js';

const options = defaultComparePlotOptions();
const run = (heaps: number[], name = 'run') => readRun(summaryFromEntries(heaps.map((heap, i) => ({ heap, stack: 0, time: i }))), name, options);

t.test('a run per progress column: the largest value of the entries in that slice of the run', async (t) => {
  // Entries 0..4 at 0, 25, 50, 75, 100 % of the run; four columns of 25 % each (the last entry falls in the last).
  t.same([...progressColumns(run([10, 50, 20, 30, 40]), 4)], [10, 50, 20, 40]);
});

t.test('a column no entry falls in holds the last value before it', async (t) => {
  t.same([...progressColumns(run([10, 50, 20]), 8)], [10, 10, 10, 10, 50, 50, 50, 20]);
});

t.test('head − base per column, and where it grows and shrinks most', async (t) => {
  // base: entries at 0, 25, 50, 75, 100 % → columns [0, 100, 100, max(0, 0)];
  // head: 9 entries, two per column (three in the last) → [max(0, 300), max(50, 0), 0, 0].
  const base = run([0, 100, 100, 0, 0]);
  const head = run([0, 300, 50, 0, 0, 0, 0, 0, 0]);
  const diff = progressDiff(base, head, 4);
  t.same([...diff.values], [300, -50, -100, 0]);
  t.equal(diff.largestIncrease, 0);
  t.equal(diff.largestDecrease, 2);
  const { above, below } = splitBySign(diff.values);
  t.same([...above].map((v) => (Number.isNaN(v) ? null : v)), [300, null, null, null]);
  t.same([...below].map((v) => (Number.isNaN(v) ? null : v)), [null, -50, -100, null]);
});

t.test('runs of different lengths are compared at the same share of their run, by the highest value each reaches there', async (t) => {
  const short = run([0, 10, 20, 30, 40]);
  const long = run(Array.from({ length: 41 }, (_, i) => i));
  // The same ramp in ten times as many calls: columns of 25 % hold [0, 10, 20, 40] and [9, 19, 29, 40].
  const diff = progressDiff(short, long, 4);
  t.same([...diff.values], [9, 9, 9, 0]);
  t.equal(diff.largestIncrease, 0);
  t.equal(diff.largestDecrease, -1);
  t.same([...progressDiff(long, long, 4).values], [0, 0, 0, 0], 'a run against itself: zero everywhere');
});

t.test('work is one step per bucket and per column: a 1-column diff of 100k entries', async (t) => {
  const big = run(Array.from({ length: 100_000 }, (_, i) => i % 977));
  t.same([...progressColumns(big, 1)], [976]);
});
