import t from 'tap';
import { formatChange, formatSignedBytes, formatSignedPercent } from '../../../src/chart/overlay/change-text.js';

t.test('a change reads as a signed size and its share of the base', async (t) => {
  const MiB = 1024 * 1024;
  t.equal(formatChange(300 * MiB, 312.3 * MiB), '+12.3 MiB (+4.1 %)');
  t.equal(formatChange(10 * MiB, 5 * MiB), '−5.00 MiB (−50.0 %)');
  t.equal(formatChange(1024, 1024), '±0 B', 'no change');
  t.equal(formatChange(0, 2048), '+2.00 KiB', 'no share of a zero base');
  t.equal(formatChange(100, 400), '+300 B (+300 %)', 'no decimal from 100 % on');
  t.equal(formatSignedBytes(-512), '−512 B');
  t.equal(formatSignedPercent(0.00001), '±0 %', 'rounds to zero: no sign');
});
