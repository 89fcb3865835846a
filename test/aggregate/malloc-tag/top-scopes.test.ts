import { readFileSync, readdirSync } from 'node:fs';
import t from 'tap';
import { scopeTable } from '../../../src/aggregate/malloc-tag/scope-table.js';
import { threadBands } from '../../../src/aggregate/malloc-tag/thread-bands.js';
import { topScopes } from '../../../src/aggregate/malloc-tag/top-scopes.js';
import { fixturePath } from '../../fixtures.js';
import { snapshotFixture } from '../../chart/malloc-tag/snapshot-fixtures.js';
import { deepSnapshot, wideSnapshot } from '../../chart/malloc-tag/hostile-snapshots.js';

type Reference = { threads: { tid: number; bytesAllocated: number; bytesFreed: number | null }[]; topSelfAllocated: { tid: number; path: string; bytes: number }[] };
const references = readdirSync(fixturePath('malloctag')).filter((name) => name.endsWith('.ref.json') && !name.startsWith('pipeline.mem'));

t.test('the top five by self-allocated bytes are the references\' (split threads)', async (t) => {
  t.ok(references.length >= 7, `${references.length} references`);
  for (const name of references) {
    const reference = JSON.parse(readFileSync(fixturePath(`malloctag/${name}`), 'utf8')) as Reference;
    const snapshot = snapshotFixture(name.replace('.ref.json', '.json'));
    const bands = threadBands(snapshot, { threads: 'split', aggregate: null });
    const rows = scopeTable(bands, 'self');
    const top = topScopes(rows, 'self', 5).map((scope) => ({ tid: bands[scope.band].tids[0], path: scope.path.split(' › ').join('/'), bytes: scope.value }));
    // The references break ties by path; ours keep file order: compare the figures in order and the sets of (tid, path, bytes).
    t.same(top.map((scope) => scope.bytes), reference.topSelfAllocated.map((scope) => scope.bytes), `${name}: bytes in order`);
    const key = (scope: { tid: number; path: string; bytes: number }) => `${scope.tid} ${scope.path} ${scope.bytes}`;
    const lastBytes = reference.topSelfAllocated[reference.topSelfAllocated.length - 1]?.bytes;
    t.same(top.filter((scope) => scope.bytes !== lastBytes).map(key).sort(), reference.topSelfAllocated.filter((scope) => scope.bytes !== lastBytes).map(key).sort(), `${name}: scopes`);
    // Each band's self figures add up to the reference's per-thread sums.
    bands.forEach((band, index) => {
      const sum = rows.filter((row) => row.band === index).reduce((total, row) => total + row.own, 0);
      t.equal(sum, reference.threads.find((thread) => thread.tid === band.tids[0])!.bytesAllocated, `${name} ${band.label}: self bytes sum`);
    });
  }
});

t.test('total ranks subtrees and leaves the thread roots out; ties keep file order', async (t) => {
  const bands = threadBands(snapshotFixture('pipeline_stats.json'), { threads: 'split', aggregate: null });
  const top = topScopes(scopeTable(bands, 'total'), 'total', 3);
  t.same(top.map((scope) => scope.path), ['worker/1 › worker', 'worker/0 › worker', 'worker/1 › worker › index']);
  const wide = threadBands(wideSnapshot(1000), { threads: 'split', aggregate: null });
  t.same(topScopes(scopeTable(wide, 'self'), 'self', 3).map((scope) => scope.path), ['wide › s0', 'wide › s1', 'wide › s2']);
});

t.test('hostile trees: 100,000 scopes wide or deep rank in one pass, paths bounded', async (t) => {
  const wide = threadBands(wideSnapshot(100_000), { threads: 'split', aggregate: null });
  t.equal(topScopes(scopeTable(wide, 'self'), 'self', 50).length, 50);
  const deep = threadBands(deepSnapshot(100_000), { threads: 'split', aggregate: null });
  const rows = scopeTable(deep, 'total');
  t.equal(rows.length, 100_001);
  t.equal(rows[0].subtree, 100_001, 'subtree sums without recursion');
  const top = topScopes(rows, 'total', 50);
  t.equal(top.length, 50);
  t.ok(top.every((scope) => scope.path.length < 400), 'paths bounded');
});
