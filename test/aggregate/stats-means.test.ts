/**
 * meanHeap, meanHeapOverCalls, temporary and duration of every recorded fixture, against the same
 * definitions computed by brute force here: every record read with the format reader into plain
 * arrays (BigInt times), then one obvious loop per stat.
 */
import t, { type Test } from 'tap';
import { summarizeMemFile, summarizeMemStream } from '../../src/aggregate/summarize.js';
import { buildMem, chunked } from '../mem-builder.js';
import { statsAtTickRate } from '../../src/aggregate/stats-accumulator.js';
import { readFileChunks } from '../../src/format/read-file-chunks.js';
import { readMemFile } from '../../src/format/read-mem-file.js';
import { STATS_VERSION } from '../../src/versions.js';
import { fixturePath, readReference, recordedFixtures } from '../fixtures.js';

interface Entry {
  heap: number;
  time: bigint;
}

async function readEntries(path: string): Promise<{ start: bigint; end: bigint; complete: boolean; entries: Entry[] }> {
  const entries: Entry[] = [];
  let start = 0n;
  let end = 0n;
  let complete = false;
  for await (const event of readMemFile(readFileChunks(path, 1 << 16))) {
    if (event.type === 'header') {
      const h = event.header;
      start = (BigInt(h.first.timeHi) << 32n) | BigInt(h.first.timeLo);
      end = (BigInt(h.second.timeHi) << 32n) | BigInt(h.second.timeLo);
      complete = h.complete;
    } else if (event.type === 'records') {
      const w = event.batch.words;
      for (let r = 0; r < event.batch.count; r++) {
        const b = r * 6;
        const heap = BigInt.asIntN(64, (BigInt(w[b + 1]) << 32n) | BigInt(w[b]));
        entries.push({ heap: Number(heap), time: (BigInt(w[b + 5]) << 32n) | BigInt(w[b + 4]) });
      }
    }
  }
  return { start, end, complete, entries };
}

function close(t: Test, actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    t.equal(actual, expected, what);
    return;
  }
  t.ok(Math.abs(actual - expected) <= Math.abs(expected) * 1e-12 + 1e-9, `${what}: ${actual} ≈ ${expected}`);
}

for (const name of recordedFixtures()) {
  t.test(`${name}.mem: mean heaps, temporary allocations and duration by brute force`, async (t) => {
    const { stats } = await summarizeMemFile(fixturePath(`${name}.mem`));
    const { start, end, complete, entries } = await readEntries(fixturePath(`${name}.mem`));
    t.equal(stats.version, STATS_VERSION);
    t.equal(entries.length, readReference(name).entries, 'every entry read');

    // Time-weighted: each heap held until the next entry's time; steps back in time hold nothing.
    let weighted = 0;
    let ticks = 0;
    for (let i = 0; i + 1 < entries.length; i++) {
      const held = Number(entries[i + 1].time - entries[i].time);
      if (held > 0) {
        weighted += entries[i].heap * held;
        ticks += held;
      }
    }
    close(t, stats.meanHeap, entries.length && ticks > 0 ? weighted / ticks : null, 'meanHeap (time-weighted)');
    close(t, stats.meanHeapOverCalls, entries.length ? entries.reduce((s, e) => s + e.heap, 0) / entries.length : null, 'meanHeapOverCalls');
    if (stats.meanHeap !== null) {
      t.ok(stats.meanHeap <= stats.peak.heap, 'the mean is at most the peak');
    }

    // Temporary: the heap-changing steps, in order; an increase by d directly followed by a decrease by d.
    const changes: number[] = [];
    for (let i = 1; i < entries.length; i++) {
      const step = entries[i].heap - entries[i - 1].heap;
      if (step !== 0) changes.push(step);
    }
    let temporary = 0;
    for (let i = 0; i + 1 < changes.length; i++) if (changes[i] > 0 && changes[i + 1] === -changes[i]) temporary++;
    t.equal(stats.temporary, temporary, 'temporary');

    // Duration: header end (or the latest entry for a crashed program) minus start.
    const last = entries.reduce((max, e) => (e.time > max ? e.time : max), start);
    const stop = complete ? end : last;
    t.equal(stats.duration, stop > start ? Number(stop - start) : 0, 'duration in ticks');
    t.equal(stats.durationSeconds, null, 'no seconds without a tick rate');
    t.equal(statsAtTickRate(stats, 1e9).durationSeconds, stats.duration / 1e9, 'seconds at 1 GHz');
  });
}

t.test('a hand-made counter: exact values of each new stat', async (t) => {
  // heap: 0 → 10 (+10), 10 (timer sample), 0 (−10: temporary), 5 (+5), 12 (+7), 5 (−7: temporary), 0 (−5: not, its
  // previous change was −7), 3, 3 → at times 100, 110, 130, 140, 150, 170, 180, 200, 200.
  const heaps = [0, 10, 10, 0, 5, 12, 5, 0, 3, 3];
  const times = [100, 110, 130, 140, 150, 170, 180, 200, 200, 200];
  const bytes = buildMem({ start: 90, entries: heaps.map((heap, i) => ({ heap, stack: 0, time: times[i] })) });
  const { stats } = await summarizeMemStream(chunked(bytes, [7, 100, 13]));
  t.equal(stats.temporary, 2);
  // held: 0×10 + 10×20 + 10×10 + 0×10 + 5×20 + 12×10 + 5×20 + 0×0 + 3×0 = 620 over 100 ticks
  t.equal(stats.meanHeap, 6.2);
  t.equal(stats.meanHeapOverCalls, 48 / 10);
  t.equal(stats.duration, 115, "the header's end (the builder writes the last entry's time + 5) − start");
  const flat = await summarizeMemStream(chunked(buildMem({ entries: [{ heap: 5, stack: 0, time: 50 }, { heap: 7, stack: 0, time: 50 }] }), [48 + 48]));
  t.equal(flat.stats.meanHeap, null, 'entries spanning no time have no time-weighted mean');
  t.equal(flat.stats.meanHeapOverCalls, 6);
});
