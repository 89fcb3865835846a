import t from 'tap';
import { readFileSync } from 'node:fs';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { zoomSeriesAnswer, type ZoomIndexSource } from '../../src/aggregate/series-answer.js';
import { ZoomIndexBuilder, type ZoomLayout } from '../../src/aggregate/zoom-index.js';
import { decodeRawChunk, VarintWriter } from '../../src/aggregate/zoom-codec.js';
import { readMemFile } from '../../src/format/read-mem-file.js';
import { fixturePath, recordedFixtures } from '../fixtures.js';
import { bruteColumns, bruteM4, entriesIn, readEntries } from './brute-force-series.js';

/** Small pieces, so that the fixtures (up to 163k entries) span many chunks and every level. */
const SMALL: ZoomLayout = { chunkEntries: 1000, firstWidth: 4, factor: 4, levels: 4, bucketsPerChunk: 64 };

export async function buildIndex(path: string, layout: ZoomLayout): Promise<ZoomIndexSource & { pieces: Map<string, Uint8Array> }> {
  const pieces = new Map<string, Uint8Array>();
  let builder: ZoomIndexBuilder | null = null;
  async function* one() {
    yield new Uint8Array(readFileSync(path));
  }
  for await (const event of readMemFile(one())) {
    if (event.type === 'header') builder = new ZoomIndexBuilder(event.header, (name, bytes) => pieces.set(name, bytes), layout);
    else if (event.type === 'records') builder!.addBatch(event.batch);
  }
  const directory = builder!.finish();
  return { directory, pieces, read: async (name) => pieces.get(name) ?? null };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

t.test('varints: every difference round-trips, escapes included', async (t) => {
  const values = [0, 1, -1, 127, 128, -129, 2 ** 31, -(2 ** 40), 2 ** 52 - 1, -(2 ** 52), 2 ** 53 - 1, -(2 ** 53) + 1, 5, 5, 0];
  const writer = new VarintWriter(values.length * 3 * 11);
  let previous = 0;
  for (const v of values) {
    for (let k = 0; k < 3; k++) writer.writeDelta(v - previous, v);
    previous = v;
  }
  const decoded = decodeRawChunk(writer.take(), values.length);
  t.same(Array.from(decoded.heap), values);
  t.same(Array.from(decoded.time), values);
  t.throws(() => decodeRawChunk(writer.take().subarray(0, 5), values.length), RangeError, 'truncated bytes are an error, not garbage');
});

for (const name of recordedFixtures()) {
  t.test(`zoom windows of ${name}.mem equal brute-force M4s`, async (t) => {
    const path = fixturePath(`${name}.mem`);
    const summary = await summarizeMemFile(path, { parallel: false });
    const entries = await readEntries(path);
    const index = await buildIndex(path, SMALL);
    t.equal(index.directory.entries, entries.heap.length, 'every entry indexed');
    if (entries.heap.length === 0) return;
    const next = random(name.length * 104729);
    let checked = 0;
    const sources = new Set<string>();
    for (const axis of ['calls', 'time'] as const) {
      const whole = await zoomSeriesAnswer(summary, { axis }, 800, 'full', index);
      const lo0 = BigInt(whole.from);
      const span = Number(BigInt(whole.to) - lo0);
      for (let w = 0; w < 40; w++) {
        // Widths from the whole run down to a few positions, spread on a log scale.
        const width = Math.max(1, Math.floor(span * Math.pow(next(), 4)));
        const from = lo0 + BigInt(Math.floor(next() * Math.max(1, span - width)));
        const buckets = [1, 3, 50, 800, 4096][Math.floor(next() * 5)]!;
        const answer = await zoomSeriesAnswer(summary, { axis, from: String(from), to: String(from + BigInt(width)), buckets }, 800, 'full', index);
        t.ok(answer.columns.length <= buckets, `${axis} window ${w}: ${answer.columns.length} ≤ ${buckets} columns`);
        sources.add(`${axis}:${answer.resolution.source}`);
        const brute = bruteColumns(entries, axis, answer.columns);
        for (const [k, column] of answer.columns.entries()) {
          const expected = brute[k];
          const found = { heap: column.heap, stack: column.stack, total: column.total };
          if (JSON.stringify(expected) !== JSON.stringify(found)) {
            t.fail(`${axis} [${column.from}, ${column.to}) from ${answer.resolution.source} is not the M4 of its entries`, { expected, found });
            return;
          }
          checked++;
        }
      }
    }
    t.ok(checked > 0, `${checked} columns checked; sources ${[...sources].join(', ')}`);
  });
}

t.test('a window of 1,000 calls returns those calls exactly', async (t) => {
  const path = fixturePath('python-startup.mem');
  const summary = await summarizeMemFile(path, { parallel: false });
  const entries = await readEntries(path);
  const index = await buildIndex(path, SMALL);
  for (const from of [0, 12345, 100000, entries.heap.length - 1000]) {
    const answer = await zoomSeriesAnswer(summary, { axis: 'calls', from: String(from), to: String(from + 1000), buckets: 1000 }, 800, 'full', index);
    t.equal(answer.columns.length, 1000, `[${from}, ${from + 1000}): 1000 columns`);
    t.same(answer.resolution, { source: 'calls', finest: true, zoom: 'full' });
    const mismatch = answer.columns.findIndex((c, i) => {
      const k = from + i;
      const h = entries.heap[k]!;
      const s = entries.stack[k]!;
      return c.from !== k || c.to !== k + 1 || JSON.stringify([c.heap, c.stack, c.total]) !== JSON.stringify([[h, h, h, h], [s, s, s, s], [h + s, h + s, h + s, h + s]]);
    });
    t.equal(mismatch, -1, 'each column is its call');
  }
});

t.test('the levels are used: a mid-size window reads an index level, not the summary', async (t) => {
  const path = fixturePath('python-startup.mem');
  const summary = await summarizeMemFile(path, { parallel: false });
  const index = await buildIndex(path, SMALL);
  const read: string[] = [];
  const answer = await zoomSeriesAnswer(summary, { axis: 'calls', from: '1000', to: '20000', buckets: 800 }, 800, 'full', {
    directory: index.directory,
    read: async (name) => (read.push(name), index.pieces.get(name) ?? null),
  });
  t.equal(answer.resolution.source, 'index');
  t.ok(answer.columns.length > 400 && answer.columns.length <= 800, `${answer.columns.length} columns`);
  // 19,000 calls at 800 columns: level 1 (16 calls a bucket), 1,188 buckets, in chunks of 64.
  t.ok(read.every((name) => name.startsWith('l1.')), 'one level');
  t.ok(read.length <= Math.ceil(19000 / 16 / 64) + 1, `${read.length} pieces: only those the window overlaps`);
});

t.test('a missing piece is reported, not answered wrong', async (t) => {
  const path = fixturePath('javac.mem');
  const summary = await summarizeMemFile(path, { parallel: false });
  const index = await buildIndex(path, SMALL);
  await t.rejects(zoomSeriesAnswer(summary, { axis: 'calls', from: '10', to: '500', buckets: 800 }, 800, 'full', { directory: index.directory, read: async () => null }), { name: 'ZoomPieceMissing' });
});

t.test('the pass builds the same index on the series worker as on this thread, and waits for the store', async (t) => {
  const path = fixturePath('python-startup.mem');
  const expected = await buildIndex(path, SMALL);
  for (const parallel of [true, false]) {
    const pieces = new Map<string, Uint8Array>();
    let directory: unknown = null;
    let pending = 0;
    let most = 0;
    await summarizeMemFile(path, {
      parallel,
      zoomIndex: {
        layout: SMALL,
        store: async (name, bytes) => {
          pending++;
          most = Math.max(most, pending);
          await new Promise((resolve) => setImmediate(resolve));
          pieces.set(name, bytes);
          pending--;
        },
        done: (d) => void (directory = d),
      },
    });
    t.same(directory, expected.directory, `parallel ${parallel}: same directory`);
    t.equal(pieces.size, expected.pieces.size, `parallel ${parallel}: same pieces`);
    t.ok([...expected.pieces].every(([name, bytes]) => Buffer.from(bytes).equals(Buffer.from(pieces.get(name) ?? []))), 'byte for byte');
    t.equal(pending, 0, 'every write finished before the summary');
  }
});

t.test('threads.mem: a time window around the step back holds its entries in file order', async (t) => {
  const path = fixturePath('threads.mem');
  const summary = await summarizeMemFile(path, { parallel: false });
  const entries = await readEntries(path);
  const index = await buildIndex(path, SMALL);
  const back = entries.time.findIndex((time, i) => i > 0 && time < entries.time[i - 1]!);
  t.ok(back > 0, `the time steps back at entry ${back}`);
  // A window from the later entry's time to just past the earlier one's: both sides of the step.
  const from = entries.start + entries.time[back]!;
  const to = entries.start + entries.time[back - 1]! + 1n;
  const answer = await zoomSeriesAnswer(summary, { axis: 'time', from: String(from), to: String(to), buckets: 1 }, 800, 'full', index);
  t.equal(answer.columns.length, 1);
  const column = answer.columns[0]!;
  const inside = entriesIn(entries, 'time', column.from, column.to);
  t.ok(inside.includes(back) && inside.includes(back - 1), 'both entries of the step are in the column');
  t.same({ heap: column.heap, stack: column.stack, total: column.total }, bruteM4(entries, inside), 'the M4 of its entries, first and last in file order');
  t.equal(column.heap[0], entries.heap[inside[0]!], 'first: the earliest entry in the file, not the earliest time');
});
