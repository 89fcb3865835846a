import { PassThrough } from 'node:stream';
import t from 'tap';
import { PROGRESS_MIN_BYTES, createProgressReporter } from '../../src/cli/progress.js';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, chunks };
}

t.test('progress shows on a terminal for inputs over 100 MB, redrawn at most every 200 ms', async (t) => {
  const { stream, chunks } = terminal(true);
  let clock = 0;
  const report = createProgressReporter('big.mem', 500e6, stream, () => clock)!;
  t.type(report, 'function');
  report(1e6);
  clock = 100;
  report(2e6);
  clock = 250;
  report(250e6);
  clock = 260;
  report(500e6);
  await new Promise((r) => setImmediate(r));
  t.same(chunks, ['\r\x1b[Kbig.mem: 250 / 500 MB (50 %)', '\r\x1b[Kbig.mem: 500 / 500 MB (100 %)\n']);
});

t.test('no progress for small inputs or when stderr is not a terminal', async (t) => {
  t.equal(createProgressReporter('small.mem', PROGRESS_MIN_BYTES - 1, terminal(true).stream), undefined);
  t.equal(createProgressReporter('big.mem', 500e6, terminal(false).stream), undefined);
});
