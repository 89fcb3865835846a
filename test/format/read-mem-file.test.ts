import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { summarizeMemStream } from '../../src/aggregate/summarize.js';
import { InputTooLargeError, MemFormatError } from '../../src/format/errors.js';
import { readMemFile } from '../../src/format/read-mem-file.js';
import { fixturePath } from '../fixtures.js';
import { buildMem, chunked, createRandom } from '../mem-builder.js';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

t.test('the same file in 1-, 7-, 24-, 4096-byte and random chunks gives identical summaries', async (t) => {
  const bytes = readFileSync(fixturePath('ls.mem'));
  const whole = await summarizeMemStream(once(bytes));
  t.equal(whole.stats.entries, 4756);
  // One-byte chunks on the small file: tap's async tracking makes 100,000 awaits slow.
  const small = readFileSync(fixturePath('sort.mem'));
  t.equal(JSON.stringify(await summarizeMemStream(chunked(small, [1]))), JSON.stringify(await summarizeMemStream(once(small))), '1 byte');
  const random = createRandom(7);
  const splits: [string, number[] | (() => number)][] = [
    ['13 bytes', [13]],
    ['7 bytes', [7]],
    ['24 bytes', [24]],
    ['4096 bytes', [4096]],
    ['random sizes', () => 1 + Math.floor(random() * 9000)],
  ];
  for (const [name, sizes] of splits) {
    const summary = await summarizeMemStream(chunked(bytes, sizes));
    // Compared as JSON: exact, and far quicker than a deep comparison of 16,000-number arrays.
    t.equal(JSON.stringify(summary), JSON.stringify(whole), name);
  }
});

t.test('a trailing partial record is dropped with a warning, whatever the chunking', async (t) => {
  const bytes = readFileSync(fixturePath('killed-truncated.mem'));
  for (const sizes of [[1 << 20], [4093], [24005, 23, 1]]) {
    const { stats } = await summarizeMemStream(chunked(bytes, sizes));
    t.equal(stats.trailingBytes, 8, `chunks ${sizes}`);
    t.equal(stats.entries, 107499);
    t.ok(stats.warnings.find((w) => w.code === 'TRAILING_BYTES'));
  }
});

t.test('gzip input is read transparently, detected by its magic bytes', async (t) => {
  const bytes = readFileSync(fixturePath('sort.mem'));
  const plain = await summarizeMemStream(once(bytes));
  const gz = await summarizeMemStream(chunked(gzipSync(bytes), [1, 100, 3]));
  t.same(gz, plain, 'same summary, same id (sha256 of the uncompressed bytes)');
  t.match(plain.id, /^[0-9a-f]{64}$/);
});

t.test('broken gzip is a clear error', async (t) => {
  const gz = gzipSync(readFileSync(fixturePath('sort.mem')));
  await t.rejects(summarizeMemStream(once(gz.subarray(0, gz.length - 100))), { name: 'MemFormatError', code: 'MEM_BAD_GZIP' });
  await t.rejects(summarizeMemStream(once(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6]))), MemFormatError);
});

t.test('maxBytes bounds the decompressed size: a gzip bomb ends early', async (t) => {
  const bomb = gzipSync(Buffer.alloc(64 << 20));
  t.ok(bomb.length < 100_000, `${bomb.length} compressed bytes`);
  await t.rejects(summarizeMemStream(once(bomb), { maxBytes: 1 << 20 }), InputTooLargeError);
  await t.rejects(summarizeMemStream(once(readFileSync(fixturePath('sort.mem'))), { maxBytes: 1000 }), { name: 'InputTooLargeError', message: /limit of 1000 bytes/ });
});

t.test('edge inputs end in a clear error or a warning, never an uncaught exception', async (t) => {
  const cases: [string, Buffer, string][] = [
    ['empty', Buffer.alloc(0), 'empty input'],
    ['24 bytes', buildMem({ entries: [] }).subarray(0, 24), 'input of 24 bytes is too short'],
    ['47 bytes', buildMem({ entries: [] }).subarray(0, 47), 'input of 47 bytes is too short'],
  ];
  for (const [name, bytes, message] of cases) {
    await t.rejects(summarizeMemStream(once(bytes)), { code: 'MEM_TOO_SHORT', message: new RegExp(message) }, name);
  }
  const random = createRandom(1);
  const noise = Buffer.from(Array.from({ length: 4800 }, () => Math.floor(random() * 256)));
  await t.rejects(summarizeMemStream(once(noise)), { code: 'MEM_NOT_MEMUSAGE', message: /first 8 bytes are .* expected zeros/ }, 'random bytes');
  await t.rejects(summarizeMemStream(once(readFileSync(fixturePath('edge/random4800.mem')))), { code: 'MEM_NOT_MEMUSAGE' });
  await t.rejects(summarizeMemStream(once(Buffer.from('hello, this is not a memusage data file at all, no\n'))), { code: 'MEM_NOT_MEMUSAGE' }, 'text');

  const zeros = await summarizeMemStream(once(Buffer.alloc(48)));
  t.equal(zeros.stats.entries, 0, '48 zero bytes: a header-only file');
  t.same(
    zeros.stats.warnings.map((w) => w.code),
    ['HEADER_INCOMPLETE', 'NO_ENTRIES'],
  );
  t.equal(zeros.m4.index.count.length, 0);
});

t.test("hand-made files memusagestat misreads are summarised with what's odd about them", async (t) => {
  const read = async (name: string) => (await summarizeMemStream(once(readFileSync(fixturePath(`edge/${name}.mem`))))).stats;
  const same = await read('sametime');
  t.equal(same.entries, 10);
  t.equal(same.time.min, same.time.max, 'every entry at one time');
  const backwards = await read('end-before-start');
  t.ok(backwards.warnings.find((w) => w.code === 'HEADER_END_BEFORE_START'));
  const peak1 = await read('peak1');
  t.equal(peak1.peak.heap, 50000);
  t.ok(peak1.warnings.find((w) => w.code === 'HEADER_PEAK_TOO_LOW'));
});

t.test('the reader yields the header, aligned batches and the byte counts', async (t) => {
  const bytes = buildMem({ entries: [{ heap: 10, stack: 1, time: 2000 }, { heap: -5, stack: 2, time: 2100 }] });
  const events = [];
  for await (const event of readMemFile(chunked(Buffer.concat([bytes, Buffer.from([1, 2, 3])]), [5]))) {
    if (event.type === 'records') t.equal(event.batch.words.byteOffset % 4, 0, 'aligned');
    events.push(event.type);
  }
  t.equal(events[0], 'header');
  t.equal(events.at(-1), 'end');
  t.equal(events.filter((e) => e === 'records').length, 2);
});

t.test('the input file is never written', async (t) => {
  const path = fixturePath('killed.mem');
  const before = readFileSync(path);
  await summarizeMemStream(once(before));
  t.ok(readFileSync(path).equals(before));
});
