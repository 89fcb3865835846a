import t from 'tap';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { summarySeriesAnswer } from '../../src/aggregate/series-answer.js';
import { seriesCsv, SERIES_CSV_HEADER } from '../../src/aggregate/series-csv.js';
import { MAX_SERIES_BUCKETS, SeriesQueryError } from '../../src/aggregate/series-query.js';
import { fixturePath, recordedFixtures } from '../fixtures.js';
import { bruteM4, entriesIn, readEntries } from './brute-force-series.js';

/** Small deterministic generator, so that a failing window can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

for (const name of recordedFixtures()) {
  t.test(`series of ${name}.mem`, async (t) => {
    const summary = await summarizeMemFile(fixturePath(`${name}.mem`), { parallel: false });
    const entries = await readEntries(fixturePath(`${name}.mem`));
    const stats = summary.stats;
    for (const axis of ['calls', 'time'] as const) {
      const whole = summarySeriesAnswer(summary, { axis }, MAX_SERIES_BUCKETS);
      const csv = seriesCsv(whole.columns).trimEnd().split('\n');
      t.equal(csv[0], SERIES_CSV_HEADER, `${axis}: CSV header`);
      const rows = csv.slice(1).map((line) => line.split(','));
      t.equal(rows.length, whole.columns.length, `${axis}: one CSV row per column`);
      if (stats.entries === 0) {
        t.same(whole.columns, [], `${axis}: no entries, no columns`);
        continue;
      }
      const heapMax = Math.max(...rows.map((r) => Number(r[5])));
      t.equal(heapMax, stats.peak.heap, `${axis}: largest heap_max is peak.heap`);
      t.equal(Number(rows[0]![2]), entries.heap[0], `${axis}: first heap_first is the first entry's heap`);
      t.equal(Math.max(...rows.map((r) => Number(r[13]))), stats.peak.total, `${axis}: largest total_max is peak.total`);
      // Columns tile the run: each starts where the last ended or later (time gaps), none is empty.
      for (let i = 1; i < whole.columns.length; i++) {
        if (BigInt(whole.columns[i]!.from) < BigInt(whole.columns[i - 1]!.to)) t.fail(`${axis}: column ${i} overlaps the one before`);
      }
      if (axis === 'calls') {
        t.equal(whole.from, 0);
        t.equal(whole.to, stats.entries, 'calls: to is the entry count (exclusive)');
      } else {
        t.equal(whole.from, stats.time.start, 'time: from is the start time as a tick string');
        t.type(whole.columns[0]!.to, 'string');
      }
      // Every column, whole or in windows, is the M4 of exactly the entries in its [from, to).
      const next = random(name.length * 7919 + (axis === 'calls' ? 1 : 2));
      const answers = [whole, summarySeriesAnswer(summary, { axis, buckets: 7 }, MAX_SERIES_BUCKETS)];
      for (let w = 0; w < 6; w++) {
        const lo = BigInt(whole.from) + BigInt(Math.floor(next() * Number(BigInt(whole.to) - BigInt(whole.from))));
        const hi = lo + 1n + BigInt(Math.floor(next() * Number(BigInt(whole.to) - lo)));
        answers.push(summarySeriesAnswer(summary, { axis, from: String(lo), to: String(hi), buckets: 1 + Math.floor(next() * 300) }, 800));
      }
      let checked = 0;
      for (const answer of answers) {
        for (const column of answer.columns) {
          const expected = bruteM4(entries, entriesIn(entries, axis, column.from, column.to));
          if (!expected) t.fail(`${axis}: column [${column.from}, ${column.to}) holds no entry`);
          else if (JSON.stringify(expected) !== JSON.stringify({ heap: column.heap, stack: column.stack, total: column.total })) {
            t.fail(`${axis}: column [${column.from}, ${column.to}) is not the M4 of its entries`, { expected, found: column });
          }
          checked++;
        }
      }
      t.ok(checked > 0, `${axis}: ${checked} columns equal a brute-force M4`);
    }
  });
}

t.test('a window is at most `buckets` columns and covers what was asked', async (t) => {
  const summary = await summarizeMemFile(fixturePath('javac.mem'), { parallel: false });
  for (const buckets of [1, 2, 3, 100, 800]) {
    const answer = summarySeriesAnswer(summary, { axis: 'calls', from: '1234', to: '56789', buckets }, 800);
    t.ok(answer.columns.length <= buckets, `${answer.columns.length} ≤ ${buckets}`);
    t.ok((answer.from as number) <= 1234 && (answer.to as number) >= 56789, `[${answer.from}, ${answer.to}) covers [1234, 56789)`);
  }
  const outside = summarySeriesAnswer(summary, { axis: 'calls', from: '9000000', to: '9000001' }, 800);
  t.same(outside.columns, [], 'a window past the end has no columns');
});

t.test('bad queries are SeriesQueryErrors naming the parameter', async (t) => {
  const summary = await summarizeMemFile(fixturePath('sort.mem'), { parallel: false });
  const bad: Array<[Parameters<typeof summarySeriesAnswer>[1], string]> = [
    [{ axis: 'calls', from: '10', to: '10' }, 'from'],
    [{ axis: 'calls', from: '-1', to: '10' }, 'from'],
    [{ axis: 'calls', from: '1e9', to: '10' }, 'from'],
    [{ axis: 'calls', from: '0', to: '99999999999999999999' }, 'to'],
    [{ axis: 'time', from: '0', to: '18446744073709551616' }, 'to'],
    [{ axis: 'calls', buckets: 0 }, 'buckets'],
    [{ axis: 'calls', buckets: MAX_SERIES_BUCKETS + 1 }, 'buckets'],
    [{ axis: 'calls', buckets: 1.5 }, 'buckets'],
  ];
  for (const [query, parameter] of bad) {
    t.throws(() => summarySeriesAnswer(summary, query, 800), SeriesQueryError, JSON.stringify(query));
    try {
      summarySeriesAnswer(summary, query, 800);
    } catch (error) {
      t.equal((error as SeriesQueryError).parameter, parameter);
    }
  }
  const huge = summarySeriesAnswer(summary, { axis: 'time', from: '0', to: '18446744073709551615', buckets: 5 }, 800);
  t.ok(huge.columns.length > 0 && huge.columns.length <= 5, 'the widest time window is answered in at most 5 columns');
});
