/**
 * What browsers, dashboards and proxies meet at the edge of the service: errors drawn as images,
 * Cache-Control on errors, CORS, compression with per-coding ETags, the jpg alias and ignored
 * cache-busting parameters.
 */
import sharp from 'sharp';
import t, { type Test } from 'tap';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build, fixture, multipartBody } from '../helper.js';

const sort = fixture('sort.mem');
const unknown = 'b'.repeat(64);

/** An app with sort.mem stored. */
async function withProfile(t: Test, options: Parameters<typeof build>[1] = {}) {
  const app = await build(t, options);
  const upload = await app.inject({ method: 'POST', url: '/profiles', payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } });
  t.equal(upload.statusCode, 201);
  return app;
}

t.test('errors of image URLs are images of the asked format and size, with the real status and X-Memplot-Error', async (t) => {
  const app = await withProfile(t);
  const cases = [
    { url: `/profiles/${unknown}/plot.png?width=400&height=200`, status: 404, code: 'PROFILE_NOT_FOUND', format: 'png', type: 'image/png', size: [400, 200] },
    { url: `/profiles/${unknown}/plot.svg?width=400&height=200&theme=dark`, status: 404, code: 'PROFILE_NOT_FOUND', format: 'svg', type: 'image/svg+xml', size: [400, 200] },
    { url: `/profiles/${unknown}/plot.webp`, status: 404, code: 'PROFILE_NOT_FOUND', format: 'webp', type: 'image/webp', size: [800, 600] },
    { url: `/profiles/${sort.id}/plot.png?width=500&height=300&theme=neon`, status: 400, code: 'BAD_OPTION', format: 'png', type: 'image/png', size: [500, 300] },
    { url: `/profiles/${sort.id}/plot.webp?width=401&height=201&stack=sideways`, status: 400, code: 'BAD_OPTION', format: 'webp', type: 'image/webp', size: [401, 201] },
    // The size is the error: the default size. The format is the error: PNG.
    { url: `/profiles/${sort.id}/plot.svg?width=99&height=200`, status: 400, code: 'BAD_OPTION', format: 'svg', type: 'image/svg+xml', size: [800, 600] },
    { url: `/profiles/${sort.id}/plot.gif?width=400&height=200`, status: 400, code: 'BAD_OPTION', format: 'png', type: 'image/png', size: [400, 200] },
    { url: `/profiles/${unknown}/plot.jpg?width=300&height=100`, status: 404, code: 'PROFILE_NOT_FOUND', format: 'jpeg', type: 'image/jpeg', size: [300, 100] },
    // Past the pixel budget: the error image keeps the asked shape at 1920×1080 pixels at most (4096² → 1440²).
    { url: `/profiles/${sort.id}/plot.avif?width=4096&height=4096&scale=3`, status: 400, code: 'PIXEL_BUDGET_EXCEEDED', format: 'avif', type: 'image/avif', size: [1440, 1440] },
  ];
  for (const c of cases) {
    const res = await app.inject({ method: 'GET', url: c.url, headers: { accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8' } });
    t.equal(res.statusCode, c.status, c.url);
    t.equal(String(res.headers['content-type']).split(';')[0], c.type, `${c.url}: content type`);
    t.equal(res.headers['x-memplot-error'], c.code, `${c.url}: X-Memplot-Error`);
    t.equal(res.headers['cache-control'], 'max-age=60', `${c.url}: kept a minute`);
    const meta = await sharp(res.rawPayload).metadata();
    // libvips reads AVIF through libheif and calls it heif.
    t.equal(meta.format, c.format === 'avif' ? 'heif' : c.format, `${c.url}: decodes as ${c.format}`);
    t.same([meta.width, meta.height], c.size, `${c.url}: size`);
    if (c.format === 'svg') {
      t.match(res.payload, c.code, 'the SVG says what went wrong');
      t.equal(res.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
    }
  }
});

t.test('clients asking for JSON or text keep the JSON and text bodies; POST /plot draws errors only when asked', async (t) => {
  const app = await withProfile(t);
  const json = await app.inject({ method: 'GET', url: `/profiles/${unknown}/plot.png`, headers: { accept: 'application/json' } });
  t.equal(json.statusCode, 404);
  t.equal(json.headers['content-type'], 'application/json; charset=utf-8');
  t.equal(json.json().error, 'PROFILE_NOT_FOUND');
  t.equal(json.headers['x-memplot-error'], 'PROFILE_NOT_FOUND');
  const text = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?width=1`, headers: { accept: 'text/plain' } });
  t.equal(text.statusCode, 400);
  t.match(text.payload, /^BAD_OPTION: option width/);
  const stats = await app.inject({ method: 'GET', url: `/profiles/${unknown}`, headers: { accept: 'image/png' } });
  t.equal(stats.headers['content-type'], 'application/json; charset=utf-8', 'the stats route never answers images');

  const notMem = Buffer.from('this is not a memusage file at all, not even close to one');
  const curl = await app.inject({ method: 'POST', url: '/plot', payload: notMem, headers: { 'content-type': 'application/octet-stream', accept: '*/*' } });
  t.equal(curl.statusCode, 422);
  t.equal(curl.headers['content-type'], 'application/json; charset=utf-8', '*/* is not a preference for images');
  const browser = await app.inject({ method: 'POST', url: '/plot?width=400&height=200', payload: notMem, headers: { 'content-type': 'application/octet-stream', accept: 'image/webp' } });
  t.equal(browser.statusCode, 422);
  t.equal(browser.headers['x-memplot-error'], 'MEM_NOT_MEMUSAGE');
  t.match(await sharp(browser.rawPayload).metadata(), { format: 'webp', width: 400, height: 200 });
  const named = await app.inject({ method: 'POST', url: '/plot?format=svg', payload: notMem, headers: { 'content-type': 'application/octet-stream' } });
  t.equal(named.statusCode, 422);
  t.equal(String(named.headers['content-type']).split(';')[0], 'image/svg+xml', 'format= in the URL names an image');
});

t.test('Cache-Control: a minute on 4xx, no-store on 5xx', async (t) => {
  const app = await withProfile(t, {
    allowServerErrors: true,
    render: async () => {
      throw new Error('renderer broke');
    },
  });
  const missing = await app.inject({ method: 'GET', url: '/nowhere' });
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['cache-control'], 'max-age=60');
  const failed = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png`, headers: { accept: 'application/json' } });
  t.equal(failed.statusCode, 500);
  t.equal(failed.headers['cache-control'], 'no-store');
  const drawn = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png` });
  t.equal(drawn.statusCode, 500);
  t.equal(drawn.headers['cache-control'], 'no-store');
  t.equal(drawn.headers['content-type'], 'image/png', 'a server fault is drawn too');
  t.equal(drawn.headers['x-memplot-error'], 'INTERNAL_ERROR');
});

t.test('CORS: GET and HEAD from any origin with the useful headers exposed; uploads stay same-origin', async (t) => {
  const app = await withProfile(t);
  const origin = 'https://dash.example.com';
  const get = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg`, headers: { origin } });
  t.equal(get.statusCode, 200);
  t.equal(get.headers['access-control-allow-origin'], '*');
  for (const name of ['ETag', 'X-Profile-Id', 'Link', 'Content-Location', 'X-Memplot-Error', 'Retry-After']) {
    t.match(String(get.headers['access-control-expose-headers']), name, `${name} exposed`);
  }
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: `/profiles/${sort.id}/plot.png`,
    headers: { origin, 'access-control-request-method': 'GET' },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], '*');
  t.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD');
  const uploadPreflight = await app.inject({ method: 'OPTIONS', url: '/profiles', headers: { origin, 'access-control-request-method': 'POST' } });
  t.notMatch(String(uploadPreflight.headers['access-control-allow-methods']), 'POST', 'POST is not granted');
  const upload = await app.inject({ method: 'POST', url: '/profiles', payload: sort.bytes, headers: { origin, 'content-type': 'application/octet-stream' } });
  t.equal(upload.statusCode, 200);
  t.equal(upload.headers['access-control-allow-origin'], undefined, 'an upload answer is not readable cross-origin');
});

t.test('compression: SVG and JSON in br or gzip with Vary and per-coding ETags; raster images never', async (t) => {
  const app = await withProfile(t);
  const url = `/profiles/${sort.id}/plot.svg`;
  const plain = await app.inject({ method: 'GET', url });
  t.equal(plain.headers['content-encoding'], undefined);
  t.match(String(plain.headers.vary), /accept-encoding/i);
  for (const [coding, decode] of [
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const) {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': `${coding}, identity;q=0.5` } });
    t.equal(res.headers['content-encoding'], coding);
    t.match(String(res.headers.vary), /accept-encoding/i);
    t.ok(res.rawPayload.length < plain.rawPayload.length / 2, `${coding}: ${res.rawPayload.length} bytes of ${plain.rawPayload.length}`);
    t.same(decode(res.rawPayload), plain.rawPayload, `${coding} decodes to the same SVG`);
    t.not(res.headers.etag, plain.headers.etag, `${coding} has its own ETag`);
    const again = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': coding } });
    t.same(again.rawPayload, res.rawPayload, 'the kept compressed body is served again');
    const conditional = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': coding, 'if-none-match': String(res.headers.etag) } });
    t.equal(conditional.statusCode, 304);
    t.equal(conditional.headers.etag, res.headers.etag);
    const otherCoding = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': coding, 'if-none-match': String(plain.headers.etag) } });
    t.equal(otherCoding.statusCode, 200, 'the identity ETag does not validate the compressed representation');
  }
  const png = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png`, headers: { 'accept-encoding': 'br, gzip' } });
  t.equal(png.headers['content-encoding'], undefined, 'PNG is not compressed again');
  const docs = await app.inject({ method: 'GET', url: '/docs/openapi.json', headers: { 'accept-encoding': 'gzip' } });
  t.equal(docs.headers['content-encoding'], 'gzip');
  t.equal(JSON.parse(gunzipSync(docs.rawPayload).toString('utf8')).openapi, '3.0.3');
  const upload = await app.inject({
    method: 'POST',
    url: '/profiles',
    payload: sort.bytes,
    headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'identity' },
  });
  t.equal(upload.statusCode, 200, 'uploads are still read as before');
});

t.test('jpg is jpeg: same image, same cache key', async (t) => {
  const app = await withProfile(t);
  const jpeg = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.jpeg?width=300&height=200` });
  const jpg = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.jpg?width=300&height=200` });
  const query = await app.inject({ method: 'POST', url: '/plot?format=JPG&width=300&height=200', payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } });
  for (const res of [jpeg, jpg, query]) {
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'image/jpeg');
  }
  t.equal(jpg.headers.etag, jpeg.headers.etag);
  t.equal(query.headers.etag, jpeg.headers.etag);
  t.match(query.headers['content-location'], /plot\.jpeg/);
});

t.test('cache-busting parameters v and _ are ignored on GETs; other unknown parameters stay a 400', async (t) => {
  const app = await withProfile(t);
  const base = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?width=300&height=200` });
  const busted = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?width=300&v=2&height=200&_=1712345678` });
  t.equal(busted.statusCode, 200);
  t.equal(busted.headers.etag, base.headers.etag, 'same cache key');
  const stats = await app.inject({ method: 'GET', url: `/profiles/${sort.id}?v=3` });
  t.equal(stats.statusCode, 200);
  const unknownParameter = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?w=300`, headers: { accept: 'application/json' } });
  t.equal(unknownParameter.statusCode, 400);
  t.match(unknownParameter.json(), { error: 'BAD_OPTION', option: 'w' });
});
