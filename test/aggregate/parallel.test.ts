import { readFileSync } from 'node:fs';
import t from 'tap';
import { summarizeMemFile, summarizeMemStream } from '../../src/aggregate/summarize.js';
import { fixturePath, recordedFixtures } from '../fixtures.js';
import { chunked } from '../mem-builder.js';

t.test('the two-thread summary equals the one-thread summary on every fixture', async (t) => {
  for (const name of recordedFixtures()) {
    const one = await summarizeMemFile(fixturePath(`${name}.mem`), { parallel: false });
    const two = await summarizeMemFile(fixturePath(`${name}.mem`), { parallel: true });
    t.equal(JSON.stringify(two), JSON.stringify(one), name);
  }
});

t.test('odd chunk sizes cross the ring slots intact', async (t) => {
  const bytes = readFileSync(fixturePath('threads.mem'));
  const one = await summarizeMemFile(fixturePath('threads.mem'), { parallel: false });
  const two = await summarizeMemStream(chunked(bytes, [3 << 20, 5, 70001]), { parallel: true });
  t.equal(JSON.stringify(two), JSON.stringify(one));
});

t.test('bad input fails the same way with a worker, and the worker stops', async (t) => {
  await t.rejects(summarizeMemStream(chunked(Buffer.alloc(30), [7]), { parallel: true }), { code: 'MEM_TOO_SHORT' });
  await t.rejects(summarizeMemStream(chunked(readFileSync(fixturePath('README.md')), [100]), { parallel: true }), { code: 'MEM_NOT_MEMUSAGE' });
  await t.rejects(summarizeMemStream(chunked(readFileSync(fixturePath('ls.mem')), [4096]), { parallel: true, maxBytes: 10_000 }), { name: 'InputTooLargeError' });
});
