import t from 'tap';
import { timeBands, timeFractionIndices } from '../../src/chart/time-bands.js';
import { linearScale } from '../../src/chart/scales.js';
import { summaryFromEntries, type EntryPoint } from './summary-fixtures.js';

function entriesAt(times: number[]): EntryPoint[] {
  return times.map((time, index) => ({ heap: index, stack: 0, time }));
}

t.test('uniform time: every 10 % of the time is 10 % of the entries', async (t) => {
  const summary = summaryFromEntries(entriesAt(Array.from({ length: 1000 }, (_, i) => i * 1000)), { buckets: 500 });
  const indices = timeFractionIndices(summary.m4.time);
  t.equal(indices.length, 11);
  for (let k = 0; k <= 10; k += 1) t.ok(Math.abs(indices[k] - k * 100) <= 2, `decile ${k}: ${indices[k]}`);
});

t.test('calls bunched late in the run: the first bands are narrow', async (t) => {
  // Entry i at time i²: the first 10 % of the time holds √0.1 ≈ 31.6 % of the entries.
  const summary = summaryFromEntries(entriesAt(Array.from({ length: 1000 }, (_, i) => i * i)), { buckets: 2000 });
  const indices = timeFractionIndices(summary.m4.time);
  t.ok(Math.abs(indices[1] - 316) <= 3, `10 % of the time at entry ${indices[1]}`);
  t.ok(Math.abs(indices[5] - 707) <= 3, `50 % of the time at entry ${indices[5]}`);
  t.equal(indices[10], 1000);
});

t.test('bands alternate colours and cover the axis', async (t) => {
  const summary = summaryFromEntries(entriesAt(Array.from({ length: 200 }, (_, i) => i * 10)), { buckets: 100 });
  const x = linearScale([0, 199], [0, 400]);
  const strip = timeBands(summary.m4.time, { x, top: 10, height: 5, colors: ['#111111', '#eeeeee'] })!;
  t.equal(strip.children!.length, 10);
  t.same(strip.children!.slice(0, 3).map((rect) => rect.attrs.fill), ['#111111', '#eeeeee', '#111111']);
  t.equal(strip.children![0].attrs.x, 0);
  const lastRect = strip.children![9].attrs;
  t.equal(Number(lastRect.x) + Number(lastRect.width), 400);
  t.equal(timeBands(summaryFromEntries([]).m4.time, { x, top: 0, height: 5, colors: ['#000000', '#ffffff'] }), null);
});
