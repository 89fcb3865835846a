import t from 'tap';
import { build, fixture, multipartBody } from '../helper.js';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { SERIES_CSV_HEADER } from '../../src/aggregate/series-csv.js';
import { fixturePath, recordedFixtures } from '../fixtures.js';
import { readEntries } from '../aggregate/brute-force-series.js';

t.test('series.csv of every fixture: largest heap_max is peak.heap, first heap_first is the first entry', async (t) => {
  const app = await build(t);
  for (const name of recordedFixtures()) {
    const file = fixture(`${name}.mem`);
    const upload = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(file.bytes) });
    t.ok(upload.statusCode === 201 || upload.statusCode === 200, `${name}: stored`);
    const stats = upload.json().stats;
    const entries = await readEntries(fixturePath(`${name}.mem`));
    for (const axis of ['calls', 'time']) {
      const res = await app.inject({ method: 'GET', url: `/profiles/${file.id}/series.csv?axis=${axis}` });
      t.equal(res.statusCode, 200, `${name} ${axis}: 200`);
      t.match(res.headers['content-type'], /^text\/csv/);
      const [header, ...lines] = res.body.trimEnd().split('\n');
      t.equal(header, SERIES_CSV_HEADER);
      if (stats.entries === 0) {
        t.same(lines, [], `${name}: no entries, no rows`);
        continue;
      }
      const rows = lines.map((line) => line.split(','));
      t.equal(Math.max(...rows.map((r) => Number(r[5]))), stats.peak.heap, `${name} ${axis}: largest heap_max = peak.heap`);
      t.equal(Number(rows[0]![2]), entries.heap[0], `${name} ${axis}: first heap_first = first entry's heap`);
    }
  }
});

t.test('series.json: the shape, buckets, the time axis as tick strings', async (t) => {
  const app = await build(t);
  const javac = fixture('javac.mem');
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  const summary = await summarizeMemFile(fixturePath('javac.mem'), { parallel: false });
  const res = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.json` });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  t.equal(res.headers['cache-control'], 'public, max-age=86400');
  const body = res.json();
  t.equal(body.axis, 'calls');
  t.equal(body.from, 0);
  t.equal(body.to, 95523, 'to: the entry count');
  t.equal(body.columns.length, summary.m4.index.count.length, 'default: the summary resolution');
  t.same(Object.keys(body.columns[0]), ['from', 'to', 'heap', 'stack', 'total']);
  t.equal(body.columns[0].heap.length, 4);
  t.same(body.resolution, { source: 'summary', finest: true, zoom: 'summary' }, "the summary's own buckets: as fine as zoom=summary goes");

  const few = (await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.json?buckets=10` })).json();
  t.ok(few.columns.length <= 10 && few.columns.length > 0, `buckets=10: ${few.columns.length} columns`);
  t.equal(few.columns[0].from, 0);
  t.equal(few.columns[few.columns.length - 1].to, 95523);
  const more = (await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.json?buckets=8192` })).json();
  t.equal(more.columns.length, summary.m4.index.count.length, 'more buckets than the summary has: its resolution');

  const time = (await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.json?axis=time&buckets=50` })).json();
  t.equal(time.axis, 'time');
  t.equal(time.from, summary.stats.time.start);
  t.match(time.columns[0].from, /^\d+$/);
  t.ok(time.columns.length <= 50);
});

t.test('GET /profiles/:id/series: a window, snapped outward, at most buckets columns', async (t) => {
  const app = await build(t);
  const javac = fixture('javac.mem');
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  const res = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series?from=1000&to=2000&buckets=100` });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.ok(body.from <= 1000 && body.to >= 2000, `[${body.from}, ${body.to}) covers the window`);
  t.ok(body.columns.length <= 100 && body.columns.length > 0);
  t.equal(body.columns[0].from, body.from);
  const whole = (await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series` })).json();
  t.ok(whole.columns.length <= 800, 'default: 800 columns at most');
});

t.test('series errors: 404 unknown id, 400 bad queries', async (t) => {
  const app = await build(t);
  const sort = fixture('sort.mem');
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(sort.bytes) });
  const unknown = 'f'.repeat(64);
  for (const url of [`/profiles/${unknown}/series.json`, `/profiles/${unknown}/series.csv`, `/profiles/${unknown}/series?from=0&to=5`]) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 404, url);
    t.equal(res.json().error, 'PROFILE_NOT_FOUND');
  }
  const bad: Array<[string, string]> = [
    [`/profiles/${sort.id}/series.json?axis=bytes`, 'FST_ERR_VALIDATION'],
    [`/profiles/${sort.id}/series.json?buckets=0`, 'FST_ERR_VALIDATION'],
    [`/profiles/${sort.id}/series.csv?buckets=8193`, 'FST_ERR_VALIDATION'],
    [`/profiles/${sort.id}/series.xml`, 'FST_ERR_VALIDATION'],
    [`/profiles/${sort.id}/series?from=5&to=5`, 'BAD_SERIES_QUERY'],
    [`/profiles/${sort.id}/series?from=-3`, 'BAD_SERIES_QUERY'],
    [`/profiles/${sort.id}/series?to=1e400`, 'BAD_SERIES_QUERY'],
    [`/profiles/${sort.id}/series?axis=time&to=18446744073709551616`, 'BAD_SERIES_QUERY'],
    [`/profiles/${sort.id}/series?to=${'9'.repeat(41)}`, 'FST_ERR_VALIDATION'],
    [`/profiles/not-an-id/series`, 'FST_ERR_VALIDATION'],
  ];
  for (const [url, code] of bad) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 400, url);
    t.equal(res.json().error, code, `${url}: ${code}`);
    t.type(res.json().message, 'string');
  }
  const far = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/series?axis=time&from=0&to=18446744073709551615&buckets=3` });
  t.equal(far.statusCode, 200, 'the widest time window is fine');
  t.ok(far.json().columns.length <= 3);
});

t.test('series.json and .csv: ETag per coding, 304, compressed once', async (t) => {
  const app = await build(t);
  const javac = fixture('javac.mem');
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(javac.bytes) });
  const url = `/profiles/${javac.id}/series.csv?buckets=100`;
  const plain = await app.inject({ method: 'GET', url });
  t.equal(plain.statusCode, 200, plain.body.slice(0, 300));
  t.match(plain.headers.etag, /^"[0-9a-f]{64}"$/);
  const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
  t.equal(br.headers['content-encoding'], 'br');
  t.equal(br.headers.etag, plain.headers.etag!.replace(/"$/, '-br"'));
  const { brotliDecompressSync } = await import('node:zlib');
  t.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body, 'the same CSV, compressed');
  const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': plain.headers.etag as string } });
  t.equal(again.statusCode, 304);
  const other = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.csv?buckets=99` });
  t.not(other.headers.etag, plain.headers.etag, 'another column count, another ETag');
  const json = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/series.json?buckets=100` });
  t.equal(json.json().columns.length, plain.body.trimEnd().split('\n').length - 1, 'JSON and CSV have the same columns');
  t.not(json.headers.etag, plain.headers.etag);
});
