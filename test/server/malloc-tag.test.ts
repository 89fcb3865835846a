/**
 * malloc-tag snapshots on the upload routes: one snapshot, several (a timeline), a .mem paired
 * with its snapshot, and what is refused (truncated, not malloc-tag, too large, too deep, parts
 * that make no profile).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { build, fixture, multipartFiles } from '../helper.js';

const tags = (name: string) => fixture(`malloctag/${name}`);
const refOf = (name: string) => JSON.parse(tags(name.replace(/\.json$/, '.ref.json')).bytes.toString('utf8')) as { threads: unknown; totals: unknown; topSelfAllocated: unknown; pid: number };
const raw = (bytes: Buffer | Readable) => ({ payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

t.test('POST /profiles: a snapshot, plain or gzip, is a profile whose stats are its reading', async (t) => {
  const app = await build(t);
  const pipeline = tags('pipeline_stats.json');
  const first = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'file', bytes: pipeline.bytes }]) });
  t.equal(first.statusCode, 201);
  const body = first.json();
  t.equal(body.id, pipeline.id, 'id: the sha256 of the bytes');
  const ref = refOf('pipeline_stats.json');
  t.same(body.stats.threads, ref.threads);
  t.same(body.stats.totals, ref.totals);
  t.same(body.stats.topSelfAllocated, ref.topSelfAllocated);
  t.equal(body.stats.pid, ref.pid);

  const gzipped = await app.inject({ method: 'POST', url: '/profiles', ...raw(gzipSync(pipeline.bytes)) });
  t.equal(gzipped.statusCode, 200, 'its gzip: the same profile, already known');
  t.equal(gzipped.json().id, pipeline.id);

  const stored = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}` });
  t.equal(stored.statusCode, 200);
  t.same(stored.json().stats, body.stats, 'GET /profiles/:id answers its stats');
});

t.test('the 1.1 format works; overflow shows its warning', async (t) => {
  const app = await build(t);
  const old = await app.inject({ method: 'POST', url: '/profiles', ...raw(tags('pipeline-v1.1_stats.json').bytes) });
  t.equal(old.statusCode, 201);
  t.equal(old.json().stats.format, '1.0-1.1');
  t.same(old.json().stats.totals, refOf('pipeline-v1.1_stats.json').totals);

  const overflow = await app.inject({ method: 'POST', url: '/profiles', ...raw(tags('overflow_stats.json').bytes) });
  t.equal(overflow.statusCode, 201);
  t.same(overflow.json().warnings.map((w: { code: string }) => w.code), ['MTAG_PUSH_NODE_FAILURES']);
  t.match(overflow.json().warnings[0].message, /69 scope pushes found the tree full/);
});

t.test('several snapshots: a timeline whose id covers all of them in order', async (t) => {
  const app = await build(t);
  const names = ['pipeline.snap.0000.json', 'pipeline.snap.0001.json', 'pipeline.snap.0002.json'];
  const files = names.map((name) => ({ field: 'file', bytes: tags(name).bytes, filename: name }));
  const res = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles(files) });
  t.equal(res.statusCode, 201);
  const body = res.json();
  // The documented definition: sha256 of each snapshot's id (sha256 hex) followed by a newline, in order.
  const expected = sha256(names.map((name) => `${tags(name).id}\n`).join(''));
  t.equal(body.id, expected);
  t.same(body.stats.snapshots.map((s: { totals: unknown }) => s.totals), names.map((name) => refOf(name).totals));
  t.same(body.warnings, []);

  const reversed = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([...files].reverse()) });
  t.not(reversed.json().id, expected, 'another order is another profile');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${expected}` })).json().stats.snapshots.length, 3);
});

t.test('a .mem with its snapshot in part "tags": stored under the pairing id, the stats gain the snapshot stats', async (t) => {
  const app = await build(t);
  const mem = fixture('malloctag/pipeline.mem');
  const snapshot = tags('pipeline_stats.json');
  const res = await app.inject({
    method: 'POST',
    url: '/profiles',
    ...multipartFiles([
      { field: 'file', bytes: mem.bytes },
      { field: 'tags', bytes: gzipSync(snapshot.bytes) },
    ]),
  });
  t.equal(res.statusCode, 201);
  const body = res.json();
  const id = sha256(`${mem.id}\n${snapshot.id}\n`);
  t.equal(body.id, id, 'sha256 over the .mem id and the snapshot id, as docs/http.md gives it');
  t.equal(body.stats.entries, 366473, 'the .mem stats');
  t.same(body.stats.mallocTag.totals, refOf('pipeline_stats.json').totals, 'with the snapshot stats');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${mem.id}` })).statusCode, 404, 'the .mem alone was not stored');
  const got = await app.inject({ method: 'GET', url: `/profiles/${id}` });
  t.equal(got.statusCode, 200, got.body);
  const stored = got.json();
  t.same(stored.stats?.mallocTag?.topSelfAllocated, refOf('pipeline_stats.json').topSelfAllocated);
});

t.test('bad snapshots and bad combinations: 422 saying what was found', async (t) => {
  const app = await build(t);
  const truncated = await app.inject({ method: 'POST', url: '/profiles', ...raw(tags('truncated_stats.json').bytes) });
  t.equal(truncated.statusCode, 422);
  t.equal(truncated.json().error, 'MTAG_BAD_JSON');
  t.match(truncated.json().message, /truncated at byte 3256/);

  const plot = await app.inject({ method: 'POST', url: '/plot', ...raw(tags('truncated_stats.json').bytes) });
  t.equal(plot.statusCode, 422, 'POST /plot too');

  const other = await app.inject({ method: 'POST', url: '/profiles', ...raw(Buffer.from(JSON.stringify({ name: 'memplot', dependencies: {} }))) });
  t.equal(other.statusCode, 422);
  t.equal(other.json().error, 'MTAG_NOT_MALLOC_TAG');
  t.match(other.json().message, /JSON without PID\/tree_for_TID keys \(found keys "name", "dependencies"\)/);
  t.ok(other.json().hint);

  const mem = fixture('malloctag/pipeline.mem');
  const snapshot = tags('pipeline_stats.json');
  const combinations: Array<[string, Array<{ field: string; bytes: Buffer }>]> = [
    ['two .mem files', [{ field: 'file', bytes: mem.bytes }, { field: 'file', bytes: mem.bytes }]],
    ['a .mem among snapshots', [{ field: 'file', bytes: snapshot.bytes }, { field: 'file', bytes: mem.bytes }]],
    ['tags with a snapshot as file', [{ field: 'file', bytes: snapshot.bytes }, { field: 'tags', bytes: snapshot.bytes }]],
    ['tags that is a .mem', [{ field: 'file', bytes: mem.bytes }, { field: 'tags', bytes: mem.bytes }]],
  ];
  for (const [what, files] of combinations) {
    const res = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles(files) });
    if (what !== 'tags with a snapshot as file') t.match(res.json().message, /is a \.mem file/, `${what}: refused at its first bytes`);
    t.equal(res.statusCode, 422, `${what}: ${res.body}`);
    t.equal(res.json().error, 'MTAG_BAD_COMBINATION', what);
  }
  const tagsAlone = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'tags', bytes: snapshot.bytes }]) });
  t.equal(tagsAlone.statusCode, 400, 'tags without file');
  t.equal(tagsAlone.json().error, 'MISSING_FILE');
  const twice = await app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'file', bytes: mem.bytes }, { field: 'tags', bytes: snapshot.bytes }, { field: 'tags', bytes: snapshot.bytes }]) });
  t.equal(twice.json().error, 'UNEXPECTED_FILE', 'tags twice');
});

t.test('a 100 MB JSON upload and a 100,000-deep nesting are refused cleanly', async (t) => {
  const app = await build(t);
  let sent = 0;
  const hundredMegabytes = Readable.from(
    (function* () {
      yield Buffer.from('{"PID": 1, "x": "');
      const chunk = Buffer.alloc(1 << 20, 0x61);
      for (let i = 0; i < 100; i++) {
        sent += chunk.length;
        yield chunk;
      }
      yield Buffer.from('"}');
    })(),
  );
  const big = await app.inject({ method: 'POST', url: '/profiles', ...raw(hundredMegabytes) });
  t.equal(big.statusCode, 413);
  t.equal(big.json().error, 'MTAG_TOO_LARGE');
  t.match(big.json().hint, /a few KB/);

  const deep = Buffer.from('{"PID": 1, "tree_for_TID1": ' + '{"a": ['.repeat(50_000) + ']}'.repeat(50_000) + '}');
  const refused = await app.inject({ method: 'POST', url: '/profiles', ...raw(deep) });
  t.equal(refused.statusCode, 422);
  t.equal(refused.json().error, 'MTAG_TOO_COMPLEX');
  t.match(refused.json().message, /nested more than 256 levels deep/);
  const gzDeep = await app.inject({ method: 'POST', url: '/plot', ...multipartFiles([{ field: 'file', bytes: gzipSync(deep) }]) });
  t.equal(gzDeep.statusCode, 422, 'gzip, multipart, /plot');

  const health = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(health.statusCode, 200, 'the server answers afterwards');
  t.ok(sent > 0);
});

t.test('charts of snapshot profiles: kinds by what the profile is, each its own cached image', async (t) => {
  const app = await build(t);
  const pipeline = tags('pipeline_stats.json');
  const posted = await app.inject({ method: 'POST', url: '/plot?kind=bars&format=svg', ...raw(pipeline.bytes) });
  t.equal(posted.statusCode, 200, 'POST /plot of a snapshot draws it');
  t.match(posted.body, /<svg/);
  t.match(String(posted.headers['content-location']), /kind=bars/, 'the chart URL keeps its kind');

  const icicle = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}/plot.svg` });
  t.equal(icicle.statusCode, 200, 'default: the icicle');
  const bars = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}/plot.svg?kind=bars` });
  t.equal(bars.statusCode, 200);
  t.not(bars.headers.etag, icicle.headers.etag, 'kind is part of the cache key');
  t.not(bars.body, icicle.body);
  const merged = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}/plot.png?threads=merge&measure=self` });
  t.equal(merged.statusCode, 200);

  const scopes = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}/plot.svg?kind=scopes`, headers: { accept: 'application/json' } });
  t.equal(scopes.statusCode, 400, 'kind=scopes needs a .mem with its snapshot');
  t.equal(scopes.json().option, 'kind');
  const badRegex = await app.inject({ method: 'GET', url: `/profiles/${pipeline.id}/plot.svg?aggregate=(`, headers: { accept: 'application/json' } });
  t.equal(badRegex.statusCode, 400);

  const withUrls = await app.inject({ method: 'POST', url: '/profiles?kind=bars&top=3', ...raw(pipeline.bytes) });
  t.match(withUrls.json().urls.png, /\/plot\.png\?kind=bars&top=3$/, 'ready-made URLs carry the chart options');

  const names = ['pipeline.snap.0000.json', 'pipeline.snap.0001.json', 'pipeline.snap.0002.json'];
  const timeline = await app.inject({ method: 'POST', url: '/plot?kind=timeline&format=svg', ...multipartFiles(names.map((name) => ({ field: 'file', bytes: tags(name).bytes }))) });
  t.equal(timeline.statusCode, 200, 'a timeline of three snapshots');
  t.match(timeline.body, /3 snapshots/);
});

t.test('a .mem profile: its chart, no kind=scopes; its pairings are profiles of their own, each with its scopes', async (t) => {
  const app = await build(t);
  const mem = fixture('malloctag/pipeline.mem');
  await app.inject({ method: 'POST', url: '/profiles', ...raw(mem.bytes) });
  const alone = await app.inject({ method: 'GET', url: `/profiles/${mem.id}/plot.svg?kind=scopes`, headers: { accept: 'application/json' } });
  t.equal(alone.statusCode, 400, 'no snapshot paired');
  t.equal(alone.json().option, 'kind');
  const heap = await app.inject({ method: 'GET', url: `/profiles/${mem.id}/plot.svg` });
  t.equal(heap.statusCode, 200);

  const pair = (name: string) => app.inject({ method: 'POST', url: '/profiles', ...multipartFiles([{ field: 'file', bytes: mem.bytes }, { field: 'tags', bytes: tags(name).bytes }]) });
  const first = await pair('pipeline_stats.json');
  t.equal(first.statusCode, 201, 'a pairing is a new profile');
  t.not(first.json().id, mem.id);
  t.equal((await pair('pipeline_stats.json')).statusCode, 200, 'the same pairing again: known');
  const second = await pair('pipeline.snap.0001.json');
  t.equal(second.statusCode, 201, 'another snapshot of the run: another profile');
  t.not(second.json().id, first.json().id);
  const scopes = await Promise.all([first, second].map((res) => app.inject({ method: 'GET', url: `/profiles/${res.json().id}/plot.svg?kind=scopes` })));
  t.same(scopes.map((res) => res.statusCode), [200, 200]);
  t.match(scopes[0]!.body, /malloc-tag snapshot of pid 20629/);
  t.not(scopes[0]!.headers.etag, scopes[1]!.headers.etag, 'each pairing draws its own snapshot');
  t.not(scopes[0]!.body, scopes[1]!.body);
  const stillHeap = await app.inject({ method: 'GET', url: `/profiles/${first.json().id}/plot.svg` });
  t.equal(stillHeap.statusCode, 200, 'the default chart of a paired .mem is its heap chart');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${mem.id}/plot.svg?kind=scopes`, headers: { accept: 'application/json' } })).statusCode, 400, 'the .mem alone is unchanged');
});
