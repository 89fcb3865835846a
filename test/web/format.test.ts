/**
 * The browser's number formatting (web/format.js) against the server charts' (src/chart/byte-format.ts):
 * the page's axes and tooltip must say what the PNG says.
 */
import t from 'tap';
import { byteTicks as serverTicks, formatBinaryBytes } from '../../src/chart/byte-format.js';

const web = await import(new URL('../../web/format.js', import.meta.url).href);

function* samples(): Generator<number> {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  yield* [0, 1, -1, 1023, 1024, 1048575, 1048576, 13689012, 1073741823, 2 ** 40, -83795500];
  for (let i = 0; i < 300; i++) yield Math.round((next() - 0.2) * 10 ** (1 + next() * 12));
}

t.test('bytes read the same as on the server charts', async (t) => {
  for (const value of samples()) t.equal(web.formatBytes(value), formatBinaryBytes(value), String(value));
});

t.test('byte axis ticks are the server charts\' ticks', async (t) => {
  const values = [...samples()];
  for (let i = 0; i + 1 < values.length; i += 2) {
    const [low, high] = [Math.min(0, values[i], values[i + 1]), Math.max(values[i], values[i + 1])];
    for (const count of [2, 5, 9]) t.same(web.byteTicks(low, high, count), serverTicks(low, high, count), `${low}..${high} / ${count}`);
  }
});

t.test('positions: call indices, ticks, seconds', async (t) => {
  t.equal(web.formatPosition('calls', 95523, null), '95,523');
  t.equal(web.formatPosition('time', 2_500_000, null), '2.5M');
  t.equal(web.formatPosition('time', 3_000_000_000, 1e9), '3.000 s');
});
