/** The rate and changes panels' values, the split of the plot height between panels, and legible ticks. */
import t from 'tap';
import { columnAreaPath } from '../../src/chart/column-area.js';
import { entryRateColumns } from '../../src/chart/entry-rate.js';
import { heapChangeColumns } from '../../src/chart/heap-changes.js';
import { legibleTicks } from '../../src/chart/nice-ticks.js';
import { panelAreas, panelsThatFit } from '../../src/chart/panels.js';
import { linearScale } from '../../src/chart/scales.js';
import { summaryFromEntries, type EntryPoint } from './summary-fixtures.js';

// 1,000 entries one every 10 ticks, then 1,000 entries one every 2 ticks: 0.1, then 0.5 entries per tick.
const entries: EntryPoint[] = [
  ...Array.from({ length: 1000 }, (_, i) => ({ heap: i * 100, stack: 0, time: i * 10 })),
  ...Array.from({ length: 1000 }, (_, i) => ({ heap: 100_000 - i * 50, stack: 0, time: 10_000 + i * 2 })),
];
const summary = summaryFromEntries(entries, { buckets: 500 });

t.test('rate on the time axis: entries per tick in each pixel column', async (t) => {
  const x = linearScale([0, summary.m4.time.maxPosition], [0, 120]);
  const rates = entryRateColumns(summary.m4.time, 'time', x, 0, 120);
  // 12,000 ticks over 120 columns: the first 100 columns hold the slow part, the last 20 the fast one.
  for (const c of [0, 50, 98]) t.ok(Math.abs(rates[c] - 0.1) < 0.01, `column ${c}: ${rates[c]} ≈ 0.1`);
  for (const c of [101, 110, 118]) t.ok(Math.abs(rates[c] - 0.5) < 0.05, `column ${c}: ${rates[c]} ≈ 0.5`);
  const total = rates.reduce((sum, rate) => sum + (Number.isNaN(rate) ? 0 : rate * (x.domain[1] / 120)), 0);
  t.ok(Math.abs(total - 2000) < 2, `the columns hold every entry (${total})`);
});

t.test('rate on the calls axis: the same rates at the calls where they happened', async (t) => {
  const x = linearScale([0, 1999], [0, 100]);
  const rates = entryRateColumns(summary.m4.time, 'index', x, 0, 100);
  for (const c of [5, 30, 45]) t.ok(Math.abs(rates[c] - 0.1) < 0.01, `column ${c}: ${rates[c]} ≈ 0.1`);
  for (const c of [55, 80, 98]) t.ok(Math.abs(rates[c] - 0.5) < 0.05, `column ${c}: ${rates[c]} ≈ 0.5`);
});

t.test('rate without entries is NaN everywhere (nothing drawn)', async (t) => {
  const empty = summaryFromEntries([]);
  const rates = entryRateColumns(empty.m4.time, 'time', linearScale([0, 1], [0, 10]), 0, 10);
  t.ok(rates.every(Number.isNaN));
  t.equal(columnAreaPath(rates, linearScale([0, 1], [10, 0]), 0, 0), '');
});

t.test('changes: growth and shrink per column add up to the heap at the end', async (t) => {
  const x = linearScale([0, 1999], [0, 200]);
  const { growth, shrink } = heapChangeColumns(summary.m4.index, summary.m4.index.heap, x, 0, 200);
  const up = growth.reduce((a, b) => a + b, 0);
  const down = shrink.reduce((a, b) => a + b, 0);
  t.equal(up + down, entries[entries.length - 1].heap, 'net change = final heap');
  t.ok(growth.slice(0, 99).every((value) => value > 0) && shrink.slice(0, 99).every((value) => value === 0), 'the first half only grows');
  t.ok(shrink.slice(101).every((value) => value < 0) && growth.slice(101).every((value) => value === 0), 'the second half only shrinks');
});

t.test('column areas: one bar per column from the base, gaps where there is no value', async (t) => {
  const y = linearScale([0, 10], [100, 0]);
  t.equal(columnAreaPath(Float64Array.from([5, 10, Number.NaN, 0, 2]), y, 20, 0), 'M20,100V50H21V0H22V100ZM24,100V80H25V100Z');
});

t.test('panel heights: the heap keeps three shares, a gap between panels; panels that leave no room are left out', async (t) => {
  const layout = panelAreas({ left: 50, top: 40, width: 700, height: 500 }, ['stack', 'rate'], 12);
  t.equal(layout.panels.length, 2);
  const [stack, rate] = layout.panels.map((panel) => panel.area);
  t.ok(layout.heap.height >= 2.9 * stack.height, `heap ${layout.heap.height} px, panels ${stack.height} px`);
  t.ok(stack.top - (layout.heap.top + layout.heap.height) >= 12 && rate.top - (stack.top + stack.height) >= 12, 'a text height between panels');
  t.equal(rate.top + rate.height, 540, 'the last panel ends where the plot did');
  t.same(panelsThatFit(['stack', 'rate', 'changes'], 500, 12), ['stack', 'rate', 'changes']);
  t.same(panelsThatFit(['stack', 'rate', 'changes'], 120, 10), ['stack']);
  t.same(panelsThatFit(['stack'], 40, 8), []);
});

t.test('legible ticks: labels at least the spacing apart, zero kept', async (t) => {
  const ticks = [0, 1, 2, 3, 4, 5, 6].map((value) => ({ value, label: String(value) }));
  const y = linearScale([0, 6], [60, 0]);
  t.same(legibleTicks(ticks, y, 12).map((tick) => tick.value), [0, 2, 4, 6]);
  t.same(legibleTicks(ticks, y, 5).map((tick) => tick.value), [0, 1, 2, 3, 4, 5, 6]);
  const signed = [-3, -2, -1, 0, 1, 2, 3].map((value) => ({ value, label: String(value) }));
  t.same(legibleTicks(signed, linearScale([-3, 3], [60, 0]), 20).map((tick) => tick.value), [-2, 0, 2]);
});
