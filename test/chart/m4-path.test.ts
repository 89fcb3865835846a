import t from 'tap';
import { m4ColumnGroups, m4LinePath } from '../../src/chart/m4-path.js';
import { linearScale } from '../../src/chart/scales.js';
import { summaryFromEntries, type EntryPoint } from './summary-fixtures.js';

const sawtooth: EntryPoint[] = Array.from({ length: 10_000 }, (_, i) => ({ heap: (i % 7) * 100 + i, stack: 0, time: i * 3 }));

t.test('one group per device pixel column, each with the M4 tuple of its entries', async (t) => {
  const summary = summaryFromEntries(sawtooth, { buckets: 4096 });
  const x = linearScale([0, 9_999], [0, 200]);
  const y = linearScale([0, 11_000], [100, 0]);
  const groups = m4ColumnGroups(summary.m4.index, summary.m4.index.heap, x, y, 200);
  t.equal(groups.length, 200);
  t.same(groups.map((group) => group.column), Array.from({ length: 200 }, (_, i) => i));
  // Column 10 holds entries 500..549 or so: its span covers their min and max exactly.
  const column = groups[10];
  const values = sawtooth.filter((_, i) => Math.floor(((x(i) + 0) / 200) * 200) === 10).map((e) => e.heap);
  t.ok(column.topY <= y(Math.max(...values)) + 3, 'top reaches the column maximum');
  t.ok(column.bottomY >= y(Math.min(...values)) - 3, 'bottom reaches the column minimum');
  const doubled = m4ColumnGroups(summary.m4.index, summary.m4.index.heap, x, y, 400);
  t.equal(doubled.length, 400, 'scale 2: twice the columns');
});

t.test('the ribbon is a closed path of rounded coordinates, one line-width thick on a flat series', async (t) => {
  const flat = summaryFromEntries(Array.from({ length: 100 }, (_, i) => ({ heap: 500, stack: 0, time: i })));
  const x = linearScale([0, 99], [10, 110]);
  const y = linearScale([0, 1000], [100, 0]);
  const d = m4LinePath(flat.m4.index, flat.m4.index.heap, { x, y, pixelRatio: 1, interpolation: 'linear', lineWidth: 2 });
  t.equal(d, 'M10,49H110V51H10Z');
  const busy = summaryFromEntries(sawtooth);
  const path = m4LinePath(busy.m4.index, busy.m4.index.heap, { x: linearScale([0, 9_999], [0, 300]), y, pixelRatio: 1, interpolation: 'linear', lineWidth: 1.5 });
  t.notMatch(path, /\d\.\d\d/, 'coordinates rounded to 0.1 px');
  t.ok(path.length < 300 * 2 * 14, `about two vertices per column (${path.length} characters)`);
  t.equal(m4LinePath(summaryFromEntries([]).m4.index, summaryFromEntries([]).m4.index.heap, { x, y, pixelRatio: 1, interpolation: 'linear', lineWidth: 1 }), '');
});

t.test('few entries on a wide plot: straight segments between sparse columns, one line-width thick', async (t) => {
  const zigzag = summaryFromEntries(Array.from({ length: 5 }, (_, i) => ({ heap: i % 2 ? 1000 : 0, stack: 0, time: i })));
  const x = linearScale([0, 4], [0, 400]);
  const y = linearScale([0, 1000], [100, 0]);
  const d = m4LinePath(zigzag.m4.index, zigzag.m4.index.heap, { x, y, pixelRatio: 1, interpolation: 'linear', lineWidth: 2 });
  // Points (0,100) (100,0) (200,100) …: a bar 2 px wide at each, joined by rectangles 2 px thick across their
  // direction (slope ≈ 1: 1.41 px above and below the centre line in the middle), whose corners stop within 1 px
  // of the end points: nothing above y -1 or below y 101.
  t.equal(
    d,
    'M0,99H1V98.6L1.7,97.8L98.3,-0.7L99,0V-1H101V0L101.7,-0.7L198.3,97.8L199,98.6V99H201V98.6L201.7,97.8L298.3,-0.7L299,0V-1H301V0L301.7,-0.7L398.3,97.8L399,98.6V99H400' +
      'V101H399V100L398.3,100.7L301.7,2.2L301,1.4V1H299V1.4L298.3,2.2L201.7,100.7L201,100V101H199V100L198.3,100.7L101.7,2.2L101,1.4V1H99V1.4L98.3,2.2L1.7,100.7L1,100V101H0Z',
  );
});

t.test('step-after holds a value across empty time buckets until the next call', async (t) => {
  const entries = [
    { heap: 100, stack: 0, time: 0 },
    { heap: 100, stack: 0, time: 1 },
    { heap: 900, stack: 0, time: 1000 },
  ];
  const summary = summaryFromEntries(entries, { buckets: 1000 });
  const x = linearScale([0, 1000], [0, 100]);
  const y = linearScale([0, 1000], [100, 0]);
  const d = m4LinePath(summary.m4.time, summary.m4.time.heap, { x, y, pixelRatio: 1, interpolation: 'step-after', lineWidth: 2 });
  // The top edge stays at heap 100 (y 90 - 1) up to the jump, which rises straight up: a vertical bar.
  t.equal(d, 'M0,89H99V9H100V91H0Z');
});
