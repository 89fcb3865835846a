/** The row-wise coverage counter the label layout uses agrees with the plain per-box count. */
import t from 'tap';
import { coveredColumns, lineCoverage, rowCoverageCounter } from '../../src/chart/line-coverage.js';
import { linearScale } from '../../src/chart/scales.js';
import { summaryFromEntries } from './summary-fixtures.js';

t.test('rowCoverageCounter gives coveredColumns for every box, rows in any order', async (t) => {
  const entries = Array.from({ length: 3000 }, (_, i) => ({ heap: Math.round(1e6 * Math.sin(i / 90) ** 2 + (i % 7) * 3e4), stack: 0, time: i }));
  const summary = summaryFromEntries(entries, { buckets: 1024 });
  const x = linearScale([0, 2999], [50, 750]);
  const y = linearScale([0, 1.3e6], [550, 50]);
  const coverage = lineCoverage([{ series: summary.m4.index, columns: summary.m4.index.heap, step: false }], x, y, 50, 750);
  const counter = rowCoverageCounter(coverage);
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let crossing = 0;
  for (let i = 0; i < 400; i += 1) {
    const x0 = 20 + random() * 700;
    const y0 = 30 + random() * 520;
    const box = { x0, y0, x1: x0 + 40 + random() * 300, y1: y0 + 17 };
    const expected = coveredColumns(coverage, box);
    if (expected > 0) crossing += 1;
    if (counter(box) !== expected) t.fail(`box ${JSON.stringify(box)}: ${counter(box)} ≠ ${expected}`);
  }
  t.ok(crossing > 50 && crossing < 400, `${crossing} of 400 boxes cross the line: both kinds were tried`);
});
