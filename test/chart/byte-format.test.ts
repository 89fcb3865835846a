import t from 'tap';
import { byteTicks, formatBinaryBytes } from '../../src/chart/byte-format.js';

t.test('formatBinaryBytes writes three significant digits in binary units', async (t) => {
  t.equal(formatBinaryBytes(0), '0 B');
  t.equal(formatBinaryBytes(512), '512 B');
  t.equal(formatBinaryBytes(1536), '1.50 KiB');
  t.equal(formatBinaryBytes(13_689_012), '13.1 MiB');
  t.equal(formatBinaryBytes(322_395_705), '307 MiB');
  t.equal(formatBinaryBytes(5 * 1024 ** 3), '5.00 GiB');
  t.equal(formatBinaryBytes(-9_012_761), '\u22128.60 MiB', 'negative heap keeps its sign');
  t.equal(formatBinaryBytes(1024 * 1024 - 1), '1.00 MiB', 'never "1024 KiB"');
});

t.test('byteTicks picks one unit and round steps, widening the domain to the outer ticks', async (t) => {
  const heap = byteTicks(0, 13_689_012, 8);
  t.same(heap.domain, [0, 14 * 1024 ** 2]);
  t.same(
    heap.ticks.map((tick) => tick.label),
    ['0', '2 MiB', '4 MiB', '6 MiB', '8 MiB', '10 MiB', '12 MiB', '14 MiB'],
  );
  const stack = byteTicks(0, 41_024, 5);
  t.equal(stack.ticks[1].label, '10 KiB');
  t.equal(stack.ticks.at(-1)!.value, 50 * 1024, 'the top tick covers the largest value (40.06 KiB)');
  t.ok(stack.domain[1] >= 41_024);
  const tiny = byteTicks(0, 3, 10);
  t.same(tiny.ticks.map((tick) => tick.value), [0, 1, 2, 3], 'whole bytes at least');
});

t.test('byteTicks draws a heap below zero with negative labels, not a wrapped counter', async (t) => {
  const axis = byteTicks(-9_012_761, 3_969_518, 8);
  t.ok(axis.domain[0] <= -9_012_761 && axis.domain[0] > -11 * 1024 ** 2);
  t.ok(axis.ticks.some((tick) => tick.value === 0 && tick.label === '0'));
  t.ok(axis.ticks.some((tick) => tick.label === '\u22122 MiB'));
  t.notOk(axis.ticks.some((tick) => /\d{6,}/.test(tick.label)), 'no garbage like 17592186044415M');
});
