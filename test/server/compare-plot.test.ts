import t, { type Test } from 'tap';
import sharp from 'sharp';
import { build, fixture, multipartBody, PNG_MAGIC } from '../helper.js';

const javac = fixture('javac.mem');
const python = fixture('python-startup.mem');
const sort = fixture('sort.mem');
const unknown = 'f'.repeat(64);

async function stored(t: Test) {
  const app = await build(t);
  for (const { bytes } of [javac, python]) t.equal((await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(bytes) })).statusCode, 201);
  return app;
}

t.test('GET /compare/:base/:head/plot.:format: both runs in every format, immutable, ETag, 304', async (t) => {
  const app = await stored(t);
  const svg = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.svg?title=javac%20vs%20python` });
  t.equal(svg.statusCode, 200);
  t.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8');
  t.equal(svg.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.equal(svg.headers.link, `</profiles/${javac.id}>; rel="related", </profiles/${python.id}>; rel="related"`);
  t.match(svg.body, /class="line-base"/);
  t.match(svg.body, /class="line-head"/);
  t.match(svg.body, /head peak 4\.68 MiB: −8\.\d\d MiB \(−64\.\d %\)/, 'the head peak with its change from the base');
  t.match(svg.body, />javac vs python</);
  const etag = String(svg.headers.etag);
  const again = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.svg?title=javac%20vs%20python`, headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304);
  for (const format of ['png', 'webp', 'avif', 'jpeg']) {
    const res = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.${format}?width=400&height=300` });
    t.equal(res.statusCode, 200, format);
    const meta = await sharp(res.rawPayload).metadata();
    t.same([meta.format === 'heif' ? 'avif' : meta.format, meta.width, meta.height], [format, 400, 300], `${format} 400×300`);
  }
  const png = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.png?scale=2&width=300&height=200` });
  t.ok(png.rawPayload.subarray(0, 8).equals(PNG_MAGIC));
  t.same([(await sharp(png.rawPayload).metadata()).width], [600], 'scale 2');
});

t.test('align, mode and every plot option; each distinct chart cached under both ids and its options', async (t) => {
  const app = await stored(t);
  const url = (query: string, base = javac.id, head = python.id) => `/compare/${base}/${head}/plot.svg?${query}`;
  const diff = await app.inject({ method: 'GET', url: url('mode=diff&theme=dark') });
  t.equal(diff.statusCode, 200);
  t.match(diff.body, /class="diff-decrease"/);
  t.match(diff.body, /fill="#161a21"/, 'dark theme');
  const absolute = await app.inject({ method: 'GET', url: url('align=absolute&axis=time&ticks_per_second=1e9') });
  t.match(absolute.body, />time since start</);
  const tags = new Set<string>();
  for (const query of ['', 'align=absolute', 'mode=diff', 'total=1', 'theme=classic']) tags.add(String((await app.inject({ method: 'GET', url: url(query) })).headers.etag));
  tags.add(String((await app.inject({ method: 'GET', url: url('', python.id, javac.id) })).headers.etag));
  t.equal(tags.size, 6, 'six different charts, six ETags (swapped runs included)');
  const spelled = await app.inject({ method: 'GET', url: url('mode=DIFF&theme=dark') });
  t.equal(spelled.headers.etag, diff.headers.etag, 'same picture however spelled');
  const renders = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  t.match(renders, /memplot_cache_lookups_total\{kind="render",result="hit"\} [1-9]/, 'the spelled-differently request was a cache hit');
});

t.test('errors: 404 naming the unknown id, 400 naming a bad option, answered as images in the asked format', async (t) => {
  const app = await stored(t);
  const missing = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${unknown}/plot.png` });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['x-memplot-error'], 'PROFILE_NOT_FOUND');
  t.ok(missing.rawPayload.subarray(0, 8).equals(PNG_MAGIC), 'an image, as the plot route answers');
  const json = await app.inject({ method: 'GET', url: `/compare/${unknown}/${python.id}/plot.svg`, headers: { accept: 'application/json' } });
  t.equal(json.statusCode, 404);
  t.match(json.json(), { error: 'PROFILE_NOT_FOUND', message: new RegExp(unknown) });
  const bad = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.svg?align=sideways`, headers: { accept: 'application/json' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { error: 'BAD_OPTION', message: /option align: expected one of progress, absolute/ });
  const badImage = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.svg?mode=ratio` });
  t.equal(badImage.statusCode, 400);
  t.match(badImage.body, /^<svg/);
  const badId = await app.inject({ method: 'GET', url: `/compare/nothex/${python.id}/plot.png`, headers: { accept: 'application/json' } });
  t.equal(badId.statusCode, 400);
  const badFormat = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.gif`, headers: { accept: 'application/json' } });
  t.equal(badFormat.statusCode, 400);
  t.match(badFormat.json(), { error: 'BAD_OPTION', message: /option format/ });
  const huge = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${python.id}/plot.png?width=4096&height=4096&scale=3`, headers: { accept: 'application/json' } });
  t.equal(huge.statusCode, 400, 'the pixel budget holds as on every chart');
});

t.test('/profiles plots still refuse the compare-only options', async (t) => {
  const app = await stored(t);
  const res = await app.inject({ method: 'GET', url: `/profiles/${javac.id}/plot.svg?align=absolute`, headers: { accept: 'application/json' } });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { error: 'BAD_OPTION', message: /option align/ });
});

t.test('a profile compared with itself, and a tiny one with a large one', async (t) => {
  const app = await stored(t);
  await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(sort.bytes) });
  const same = await app.inject({ method: 'GET', url: `/compare/${javac.id}/${javac.id}/plot.svg` });
  t.equal(same.statusCode, 200);
  t.match(same.body, /head peak 13\.1 MiB: ±0 B/);
  const mixed = await app.inject({ method: 'GET', url: `/compare/${sort.id}/${javac.id}/plot.png?mode=diff` });
  t.equal(mixed.statusCode, 200);
});
