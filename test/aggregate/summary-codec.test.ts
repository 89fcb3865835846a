import { gzipSync } from 'node:zlib';
import t from 'tap';
import { summarizeMemFile, summarizeMemStream } from '../../src/aggregate/summarize.js';
import { SummaryCodecError, deserializeSummary, serializeSummary, serializeSummaryAsync } from '../../src/aggregate/summary-codec.js';
import { combineInputs, readProfileInput } from '../../src/aggregate/profile-input.js';
import { readFileSync } from 'node:fs';
import { SUMMARY_VERSION } from '../../src/versions.js';
import { fixturePath } from '../fixtures.js';
import { buildMem, randomEntries } from '../mem-builder.js';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

t.test('a summary survives serialisation unchanged', async (t) => {
  for (const name of ['threads', 'mmap', 'header-only']) {
    const summary = await summarizeMemFile(fixturePath(`${name}.mem`));
    t.same(deserializeSummary(serializeSummary(summary)), summary, name);
  }
});

t.test('a summary stays under 1 MB whatever the number of entries', async (t) => {
  // 400,000 entries of a random walk with steps up to 1 MiB: every bucket of both axes full.
  const entries = randomEntries(400_000, 5, { allowNegative: true });
  const summary = await summarizeMemStream(once(buildMem({ entries })));
  t.ok(summary.m4.index.count.length >= 4096 && summary.m4.time.count.length >= 4096, 'buckets for 4096 px');
  const bytes = serializeSummary(summary);
  t.ok(bytes.length < 1_000_000, `${bytes.length} bytes`);
  t.ok(JSON.stringify(summary).length > bytes.length, 'smaller than plain JSON');
});

t.test('corrupt or foreign bytes are refused, never half-read', async (t) => {
  const good = serializeSummary(await summarizeMemFile(fixturePath('sort.mem')));
  t.throws(() => deserializeSummary(good.subarray(0, good.length - 10)), SummaryCodecError, 'truncated');
  const flipped = Buffer.from(good);
  flipped[flipped.length >> 1] ^= 0xff;
  t.throws(() => deserializeSummary(flipped), SummaryCodecError, 'a flipped byte (gzip checks its CRC)');
  t.throws(() => deserializeSummary(Buffer.from('not gzip')), SummaryCodecError);
  t.throws(() => deserializeSummary(gzipSync(JSON.stringify({ version: 999 }))), { message: new RegExp(`version 999, expected ${SUMMARY_VERSION}$`) });
  const doc = JSON.parse(JSON.stringify({ version: SUMMARY_VERSION, kind: 'mem', stats: {}, m4: { index: { axis: 'index', bucketWidth: 1, length: 3, columns: {} } } }));
  t.throws(() => deserializeSummary(gzipSync(JSON.stringify(doc))), { message: /column index.count: missing/ });
  t.throws(() => deserializeSummary(gzipSync(JSON.stringify({ ...doc, kind: 'png' }))), { message: /kind "png", expected "mem" or "malloc-tag"/ });
  t.throws(() => deserializeSummary(gzipSync(JSON.stringify({ version: SUMMARY_VERSION, kind: 'malloc-tag', stats: {}, snapshots: [] }))), { message: /lacks stats or snapshots/ });
  t.throws(() => deserializeSummary(gzipSync(JSON.stringify({ version: SUMMARY_VERSION, kind: 'malloc-tag', stats: {}, snapshots: [{ pid: 1 }] }))), { message: /snapshot 0 is not a malloc-tag snapshot/ });
});

t.test('malloc-tag profiles keep their kind: a snapshot, a timeline, a .mem paired with a snapshot', async (t) => {
  const snapshot = (name: string) => readProfileInput(once(readFileSync(fixturePath(`malloctag/${name}`))));
  const one = combineInputs([await snapshot('pipeline_stats.json')], null);
  t.equal(one.kind, 'malloc-tag');
  t.same(deserializeSummary(serializeSummary(one)), one, 'one snapshot');
  const timeline = combineInputs([await snapshot('pipeline.snap.0000.json'), await snapshot('pipeline.snap.0001.json')], null);
  t.same(deserializeSummary(serializeSummary(timeline)), timeline, 'a timeline');
  t.same(deserializeSummary(await serializeSummaryAsync(timeline)), timeline, 'compressed off the event loop: the same');
  const mem = await readProfileInput(once(readFileSync(fixturePath('malloctag/pipeline.mem'))));
  const paired = combineInputs([mem], await snapshot('overflow_stats.json'));
  const back = deserializeSummary(serializeSummary(paired));
  t.same(back, paired, 'a pairing');
  t.ok(back.kind !== 'malloc-tag' && back.mallocTag?.threads.length === 1);
  t.ok(paired.stats.warnings.some((w) => w.code === 'MTAG_PUSH_NODE_FAILURES' && w.message.startsWith('tags: ')), "the snapshot's warnings join the .mem's");
});
