import t from 'tap';
import { countTicks, formatCompact, formatInteger } from '../../src/chart/count-format.js';
import { durationTicks, formatDuration } from '../../src/chart/duration-format.js';
import { niceStep, stepDecimals } from '../../src/chart/nice-ticks.js';

t.test('niceStep follows the 1-2-5 rule', async (t) => {
  t.equal(niceStep(95_522, 10), 10_000);
  t.equal(niceStep(100, 4), 20);
  t.equal(niceStep(1, 10), 0.1);
  t.equal(stepDecimals(0.25), 2);
  t.equal(stepDecimals(20), 0);
});

t.test('counts: thousands separators and compact SI labels', async (t) => {
  t.equal(formatInteger(94_783), '94,783');
  t.equal(formatInteger(12), '12');
  t.equal(formatCompact(2_920_000_000), '2.92G');
  t.equal(formatCompact(5_000), '5,000');
  const calls = countTicks(0, 95_522, 10);
  t.same(calls.domain, [0, 95_522], 'the x axis ends where the data ends');
  t.same(calls.ticks.slice(0, 3).map((tick) => tick.label), ['0', '10k', '20k']);
  const few = countTicks(0, 6_676, 6);
  t.same(few.ticks.slice(0, 3).map((tick) => tick.label), ['0', '1,000', '2,000']);
  const ticks = countTicks(0, 2_990_570_637, 6);
  t.same(ticks.ticks.slice(0, 3).map((tick) => tick.label), ['0', '0.5G', '1.0G']);
});

t.test('durations: seconds and smaller units from CPU ticks', async (t) => {
  t.equal(formatDuration(2.5), '2.50 s');
  t.equal(formatDuration(0.0124), '12.4 ms');
  const axis = durationTicks(0, 3e9, 1e9, 6);
  t.same(axis.ticks.map((tick) => tick.label), ['0', '0.5 s', '1.0 s', '1.5 s', '2.0 s', '2.5 s', '3.0 s']);
  t.equal(axis.ticks[2].value, 1e9, 'tick positions stay in CPU ticks');
  const short = durationTicks(0, 40_810_602, 2e9, 5);
  t.match(short.ticks[1].label, / ms$/);
});
