import { readFileSync } from 'node:fs';
import t from 'tap';
import { snapshotSeries, timelineMeasure } from '../../../src/aggregate/malloc-tag/scope-series.js';
import { snapshotTimeMs } from '../../../src/aggregate/malloc-tag/snapshot-time.js';
import { fixturePath } from '../../fixtures.js';
import { snapshotFixture } from '../../chart/malloc-tag/snapshot-fixtures.js';

const names = ['pipeline.snap.0000', 'pipeline.snap.0001', 'pipeline.snap.0002'];

t.test('snapshot times', async (t) => {
  t.equal(snapshotTimeMs('2026-12-02 @ 04:16:51 UTC'), Date.UTC(2026, 11, 2, 4, 16, 51));
  t.equal(snapshotTimeMs('2026-02-31 @ 04:16:51 UTC'), null, 'no 31 February');
  t.equal(snapshotTimeMs('yesterday'), null);
  t.equal(timelineMeasure('total'), 'net');
  t.equal(timelineMeasure('calls'), 'calls');
});

t.test('the timeline\'s sums are the process\'s net bytes in each snapshot (the references\' allocated − freed)', async (t) => {
  const snapshots = names.map((name) => snapshotFixture(`${name}.json`));
  const data = snapshotSeries(snapshots, 'net', { threads: 'split', aggregate: null }, 4);
  names.forEach((name, at) => {
    const reference = JSON.parse(readFileSync(fixturePath(`malloctag/${name}.ref.json`), 'utf8')) as { totals: { bytesAllocated: number; bytesFreed: number } };
    t.equal(data.totals[at], reference.totals.bytesAllocated - reference.totals.bytesFreed, `${name}: net`);
    const stacked = data.series.reduce((sum, one) => sum + one.values[at], 0) + (data.other?.[at] ?? 0);
    t.equal(stacked, data.totals[at], `${name}: the series and other scopes add up to it`);
  });
  t.equal(data.series.length, 4);
  t.ok(data.negative, 'worker frees what parse and index allocated: its own net is below zero');
  t.same(data.series.map((one) => one.label).slice(0, 2), ['worker/1 › worker', 'worker/0 › worker'], 'largest magnitude first');
  const merged = snapshotSeries(snapshots, 'self', { threads: 'merge', aggregate: null }, 50);
  t.equal(merged.other, null, 'no rest when every scope has a series');
  t.ok(merged.series.every((one) => one.values.every((value, at) => at === 0 || value >= one.values[at - 1])), 'allocated bytes only grow');
});
