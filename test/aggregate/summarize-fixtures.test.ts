import t from 'tap';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { fixturePath, readReference, recordedFixtures } from '../fixtures.js';

const names = recordedFixtures();

t.test('the fixtures are there', async (t) => {
  t.ok(names.length >= 9, `found ${names.join(', ')}`);
});

for (const name of names) {
  t.test(`${name}.mem stats equal the reference`, async (t) => {
    const ref = readReference(name);
    const { stats } = await summarizeMemFile(fixturePath(`${name}.mem`));
    t.equal(stats.bytes, ref.bytes, 'bytes');
    t.equal(stats.entries, ref.entries, 'entries');
    t.equal(stats.trailingBytes, ref.trailing_bytes, 'trailing bytes');
    t.equal(stats.headerComplete, ref.header_complete, 'header complete');
    t.equal(stats.header.startTime, ref.header.start_time, 'header start time');
    t.equal(stats.header.endTime, ref.header.end_time, 'header end time');
    t.equal(BigInt.asUintN(64, BigInt(stats.header.peakHeap)), BigInt(ref.header.peak_heap), 'header peak heap (as u64)');
    t.equal(BigInt(stats.header.peakStack), BigInt(ref.header.peak_stack), 'header peak stack');
    t.equal(BigInt.asUintN(64, BigInt(stats.header.peakTotal)), BigInt(ref.header.peak_total), 'header peak total (as u64)');
    t.equal(stats.time.start, ref.header.start_time, 'time.start');
    const c = ref.computed;
    if (!c) {
      t.equal(stats.entries, 0);
      t.same(stats.peak, { heap: 0, stack: 0, total: 0 });
      t.equal(stats.peakHeapAt, null);
      t.equal(stats.final, null);
      t.equal(stats.time.end, ref.header.start_time, 'no entries: ends where it starts');
      t.ok(stats.warnings.some((w) => w.code === 'NO_ENTRIES'));
      return;
    }
    t.equal(String(stats.peak.heap), c.max_heap_signed, 'peak heap (signed)');
    t.equal(String(stats.peak.stack), c.max_stack, 'peak stack');
    t.equal(String(stats.peak.total), c.max_total_signed, 'peak total (signed heap + stack of one entry)');
    t.same(stats.final, { heap: Number(c.final_heap_signed), stack: Number(c.final_stack) }, 'final entry');
    t.equal(stats.time.first, c.first_time, 'first time');
    t.equal(stats.time.last, c.last_time, 'last time');
    t.equal(stats.time.min, c.min_time, 'min time');
    t.equal(stats.time.max, c.max_time, 'max time');
    t.equal(stats.time.end, ref.header_complete ? ref.header.end_time : c.max_time, 'end time');
    t.equal(stats.time.nonMonotonicSteps, c.nonmonotonic_time_steps, 'non-monotonic steps');
    t.same(
      stats.heapChanges,
      { increases: c.heap_increases, decreases: c.heap_decreases, unchanged: c.heap_unchanged },
      'heap changes',
    );
    if (c.max_heap === c.max_heap_signed) {
      t.equal(stats.peakHeapAt?.index, c.index_of_max_heap, 'index of the peak heap');
    } else {
      // The reference's index is that of the largest *unsigned* counter value; memplot points at
      // the largest signed heap, which is the one its peak reports.
      t.not(stats.peakHeapAt?.index, c.index_of_max_heap, 'wrapped heap: the signed peak is elsewhere');
    }
    t.equal(stats.warnings.some((w) => w.code === 'HEADER_INCOMPLETE'), !ref.header_complete, 'crash warning');
    t.equal(stats.warnings.some((w) => w.code === 'TRAILING_BYTES'), ref.trailing_bytes > 0, 'trailing bytes warning');
    t.equal(stats.warnings.some((w) => w.code === 'HEAP_NEGATIVE'), c.final_heap !== c.final_heap_signed || c.max_heap !== c.max_heap_signed, 'negative heap warning');
    const histogramTotal = stats.deltaHistogram.reduce((sum, row) => sum + row.growth + row.shrink, 0);
    t.equal(histogramTotal, c.heap_increases + c.heap_decreases, 'every change is in the histogram');
  });
}
