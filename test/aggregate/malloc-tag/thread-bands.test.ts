import t from 'tap';
import { mergedThreadName, threadBands, boundedName } from '../../../src/aggregate/malloc-tag/thread-bands.js';
import { THREAD_NAME_MAX_LENGTH } from '../../../src/options/plot-options.js';
import { snapshotFixture } from '../../chart/malloc-tag/snapshot-fixtures.js';
import { deepSnapshot, hugeNameSnapshot, scope, snapshotOf, thread } from '../../../bench/stress/malloc-tag-inputs.js';

t.test('names that differ only by trailing numbers merge', async (t) => {
  t.equal(mergedThreadName('worker/12'), 'worker/*');
  t.equal(mergedThreadName('ExampleThr/0'), 'ExampleThr/*');
  t.equal(mergedThreadName('pipeline'), null);
  t.equal(mergedThreadName('7'), '*');
});

t.test('split keeps one band per thread, in file order, with the file figures', async (t) => {
  const snapshot = snapshotFixture('pipeline_stats.json');
  const bands = threadBands(snapshot, { threads: 'split', aggregate: null });
  t.same(bands.map((band) => [band.label, band.tids]), [['pipeline', [20629]], ['worker/0', [20630]], ['worker/1', [20631]]]);
  t.equal(bands[2].root.totalAllocated, 18038376);
});

t.test('merge adds the trees of worker/0 and worker/1 scope by scope', async (t) => {
  const snapshot = snapshotFixture('pipeline_stats.json');
  const [w0, w1] = snapshot.threads.slice(1);
  const bands = threadBands(snapshot, { threads: 'merge', aggregate: null });
  t.same(bands.map((band) => band.label), ['pipeline', 'worker/* (2 threads)']);
  const merged = bands[1].root;
  t.same(bands[1].tids, [20630, 20631]);
  t.equal(merged.totalAllocated, w0.root.totalAllocated + w1.root.totalAllocated);
  t.equal(merged.totalFreed, w0.root.totalFreed! + w1.root.totalFreed!);
  // One child per name, its figures the sum of both threads'.
  const names = (s: typeof merged) => s.children.map((child) => child.name);
  t.same(names(merged), names(w0.root));
  const find = (root: typeof merged, path: string[]) => path.reduce((node, name) => node.children.find((child) => child.name === name)!, root);
  for (const path of [['worker'], ['worker', 'parse'], ['worker', 'index', 'tokenize'], ['worker', 'cache']]) {
    const [a, b, m] = [find(w0.root, path), find(w1.root, path), find(merged, path)];
    t.equal(m.selfAllocated, a.selfAllocated + b.selfAllocated, `${path.join('/')} self allocated`);
    t.equal(m.calls.malloc, a.calls.malloc + b.calls.malloc, `${path.join('/')} malloc calls`);
  }
  t.equal(w0.root.children[0].selfAllocated, snapshotFixture('pipeline_stats.json').threads[1].root.children[0].selfAllocated, 'the snapshot is not changed');
});

t.test('aggregate joins the threads a regular expression matches (mtag-postprocess rules); merge applies to the rest', async (t) => {
  const snapshot = snapshotFixture('multithread_stats.json');
  const bands = threadBands(snapshot, { threads: 'split', aggregate: '^ExampleThr' });
  t.same(bands.map((band) => band.label), ['multithread', '/^ExampleThr/ (2 threads)', 'NonInstrThr', 'YetAnThr/1', 'YetAnThr/0']);
  const both = threadBands(snapshot, { threads: 'merge', aggregate: '^ExampleThr' });
  t.same(both.map((band) => band.label), ['multithread', '/^ExampleThr/ (2 threads)', 'NonInstrThr', 'YetAnThr/* (2 threads)']);
  const total = snapshot.threads.reduce((sum, thread) => sum + thread.root.totalAllocated, 0);
  t.equal(both.reduce((sum, band) => sum + band.root.totalAllocated, 0), total, 'no bytes lost or counted twice');
});

t.test('1.0–1.1 trees merge with null freed counts', async (t) => {
  const bands = threadBands(snapshotFixture('pipeline-v1.1_stats.json'), { threads: 'merge', aggregate: null });
  t.equal(bands[1].root.totalFreed, null);
  t.equal(bands[1].root.children[0].selfFreed, null);
});

t.test('hostile input: names are bounded before matching, deep trees merge without recursion', async (t) => {
  const long = hugeNameSnapshot(1_000_000);
  const bands = threadBands(long, { threads: 'merge', aggregate: 'n+$' });
  t.ok(bands.every((band) => band.label.length <= THREAD_NAME_MAX_LENGTH + 40), 'labels bounded');
  t.equal(boundedName('a'.repeat(10_000)).length, THREAD_NAME_MAX_LENGTH + 1);
  const deep = deepSnapshot(100_000);
  const twin = snapshotOf([deep.threads[0], thread(2, 'deep', deep.threads[0].root)]);
  const merged = threadBands(twin, { threads: 'split', aggregate: 'deep' });
  t.equal(merged.length, 1);
  t.equal(merged[0].root.totalAllocated, 2 * deep.threads[0].root.totalAllocated);
  t.equal(threadBands(snapshotOf([thread(1, 'x', scope('x', 5))]), { threads: 'merge', aggregate: null })[0].label, 'x');
});

t.test('aggregate patterns match in linear time: a pattern that backtracks exponentially in JavaScript answers at once', async (t) => {
  const name = `${'a'.repeat(THREAD_NAME_MAX_LENGTH - 1)}!`;
  const snapshot = snapshotOf([thread(1, name, scope(name, 5)), thread(2, 'worker/7', scope('worker/7', 3)), thread(3, 'worker/12', scope('worker/12', 4))]);
  // With RegExp this is 2^255 steps; the test would never end.
  const bands = threadBands(snapshot, { threads: 'split', aggregate: '(a+)+$' });
  t.same(bands.map((band) => band.tids), [[1], [2], [3]], 'the name ends in "!": nothing joined');
  const workers = threadBands(snapshot, { threads: 'split', aggregate: '^worker/\\d+$' });
  t.same(workers.map((band) => [band.label, band.tids]), [[name, [1]], ['/^worker/\\d+$/ (2 threads)', [2, 3]]], 'classes, anchors and repetition as in JavaScript');
});
