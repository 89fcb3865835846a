import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { collectSnapshotBytes, MALLOC_TAG_LIMITS, parseMallocTagSnapshot } from '../../../src/format/malloc-tag/read-snapshot.js';
import { sniffInput } from '../../../src/format/sniff-input.js';
import { fixturePath } from '../../fixtures.js';

const snapshot = (name: string) => readFileSync(fixturePath(`malloctag/${name}`));

async function* chunksOf(bytes: Buffer, size = 1000) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

t.test('both variants are read into the shared shape, scope names without their prefix, children in file order', async (t) => {
  const modern = parseMallocTagSnapshot(snapshot('pipeline_stats.json'));
  t.equal(modern.format, '1.2+');
  t.equal(modern.pid, 20629);
  t.same(modern.threads.map((thread) => thread.name), ['pipeline', 'worker/0', 'worker/1']);
  const worker = modern.threads[1].root;
  t.equal(worker.name, 'worker/0', 'a thread name with / is kept whole');
  t.same(worker.children[0].children.map((scope) => scope.name), ['parse', 'index', 'cache']);
  t.equal(worker.children[0].children[1].children[0].name, 'tokenize');
  t.equal(modern.vmRSSNow, 8672000);

  const old = parseMallocTagSnapshot(snapshot('pipeline-v1.1_stats.json'));
  t.equal(old.format, '1.0-1.1');
  t.equal(old.threads[0].root.totalFreed, null, 'no freed counts in 1.0-1.1');
  t.equal(old.threads[0].root.children[0].weightPercent, 100, 'nWeightPercentage read from its string');
  t.equal(old.vmSizeNow, 227152000, 'VmSizeNow, as 1.1 names it');
  t.equal(old.vmRSSNow, null);

  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), snapshot('pipeline_stats.json')]);
  t.equal(parseMallocTagSnapshot(withBom).pid, 20629, 'a UTF-8 byte-order mark is skipped');
});

t.test('a truncated snapshot is refused naming the byte where it ends', async (t) => {
  t.throws(() => parseMallocTagSnapshot(snapshot('truncated_stats.json')), { code: 'MTAG_BAD_JSON', message: /truncated at byte 3256/ });
  await t.rejects(collectSnapshotBytes(chunksOf(snapshot('truncated_stats.json'))), { code: 'MTAG_BAD_JSON', message: /truncated at byte 3256/ });
});

t.test('JSON that is not malloc-tag says what it found', async (t) => {
  t.throws(() => parseMallocTagSnapshot(Buffer.from('{"name": "x", "version": 2}')), { code: 'MTAG_NOT_MALLOC_TAG', message: /JSON without PID\/tree_for_TID keys \(found keys "name", "version"\)/ });
  t.throws(() => parseMallocTagSnapshot(Buffer.from('[1, 2]')), { code: 'MTAG_NOT_MALLOC_TAG', message: /JSON an array/ });
  t.throws(() => parseMallocTagSnapshot(Buffer.from('{"PID": 1, "tree_for_TID1": {"TID": 1, "ThreadName": "a", "scope_a": {"nBytesTotalAllocated": "x"}}}')), {
    code: 'MTAG_NOT_MALLOC_TAG',
    message: /tree_for_TID1\.scope_a: nBytesTotalAllocated is a string, expected a number/,
  });
  t.throws(() => parseMallocTagSnapshot(Buffer.from('{"PID": 1, "tree_for_TID1": {"TID": 1, "ThreadName": "a"}}')), { code: 'MTAG_NOT_MALLOC_TAG', message: /0 scope_<thread name> keys/ });
  t.throws(() => parseMallocTagSnapshot(Buffer.from('{"PID": 1,, }')), { code: 'MTAG_BAD_JSON', message: /invalid JSON/ });
});

t.test('a 100,000-deep nesting is refused on its bytes, before JSON.parse, streamed or whole', async (t) => {
  const deepArrays = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
  const deepObjects = Buffer.from('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
  for (const [name, bytes] of [['arrays', deepArrays], ['objects', deepObjects]] as const) {
    t.throws(() => parseMallocTagSnapshot(bytes), { code: 'MTAG_TOO_COMPLEX', message: new RegExp(`nested more than ${MALLOC_TAG_LIMITS.maxDepth} levels`) }, name);
    await t.rejects(collectSnapshotBytes(chunksOf(bytes)), { code: 'MTAG_TOO_COMPLEX' }, `${name}, streamed`);
  }
  const braces = Buffer.from(`{"PID": 1, "x": "${'{'.repeat(1000)}\\"${'['.repeat(1000)}"}`);
  t.throws(() => parseMallocTagSnapshot(braces), { code: 'MTAG_NOT_MALLOC_TAG' }, 'brackets inside strings (and after an escaped quote) do not count');
  const wide = Buffer.from(`[${'{},'.repeat(MALLOC_TAG_LIMITS.maxContainers)}{}]`);
  t.throws(() => parseMallocTagSnapshot(wide), { code: 'MTAG_TOO_COMPLEX', message: /more than 200000 objects and arrays/ });
});

t.test('a large stream stops being read at the size limit', async (t) => {
  let read = 0;
  async function* hundredMegabytes() {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    yield Buffer.from('{"PID": 1, "x": "');
    for (let i = 0; i < 100; i++) {
      read += chunk.length;
      yield chunk;
    }
  }
  await t.rejects(collectSnapshotBytes(hundredMegabytes()), { code: 'MTAG_TOO_LARGE' });
  t.ok(read <= MALLOC_TAG_LIMITS.maxBytes + (1 << 20), `read ${read} bytes of 100 MiB`);
});

t.test('inputs are recognised by content, plain or gzip; .mem files stay .mem', async (t) => {
  const json = snapshot('pipeline_stats.json');
  for (const [name, bytes, kind] of [
    ['snapshot', json, 'malloc-tag'],
    ['gzip snapshot', gzipSync(json), 'malloc-tag'],
    ['snapshot after a BOM and blank lines', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n\n  '), json]), 'malloc-tag'],
    ['.mem', readFileSync(fixturePath('malloctag/pipeline.mem')).subarray(0, 4096), 'mem'],
    ['text', Buffer.from('hello'), 'mem'],
  ] as const) {
    const sniffed = await sniffInput(chunksOf(bytes, 7));
    t.equal(sniffed.kind, kind, name);
    const back: Buffer[] = [];
    for await (const chunk of sniffed.bytes) back.push(Buffer.from(chunk));
    t.equal(Buffer.concat(back).length, name.startsWith('gzip') ? json.length : bytes.length, `${name}: every byte handed on`);
  }
});
