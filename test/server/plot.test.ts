import t from 'tap';
import { gzipSync } from 'node:zlib';
import { build, fixture, multipartBody, PNG_MAGIC } from '../helper.js';

const javac = fixture('javac.mem');
const sort = fixture('sort.mem');

t.test('POST /plot multipart: a PNG with its ETag, cache headers and the profile it came from', async (t) => {
  const app = await build(t);
  const res = await app.inject({ method: 'POST', url: '/plot', ...multipartBody(javac.bytes) });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'image/png');
  t.ok(res.rawPayload.subarray(0, 8).equals(PNG_MAGIC), 'PNG signature');
  t.equal(res.rawPayload.readUInt32BE(16), 800, 'default width');
  t.equal(res.rawPayload.readUInt32BE(20), 600, 'default height');
  t.equal(res.headers['x-profile-id'], javac.id);
  t.match(res.headers.etag, /^"[0-9a-f]{64}"$/);
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.equal(res.headers.link, `</profiles/${javac.id}>; rel="related"`);
  t.equal(res.headers['content-location'], `/profiles/${javac.id}/plot.png`);
  t.ok(res.headers['x-request-id'], 'request id echoed');

  const again = await app.inject({ method: 'GET', url: res.headers['content-location'] as string });
  t.equal(again.statusCode, 200);
  t.equal(again.headers.etag, res.headers.etag, 'the Content-Location serves the same image');
  t.ok(again.rawPayload.equals(res.rawPayload));
});

t.test('POST /plot raw body, plain and gzip (by Content-Encoding or by magic)', async (t) => {
  const app = await build(t);
  const gz = gzipSync(sort.bytes);
  const cases = [
    { name: 'octet-stream', payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } },
    { name: 'Content-Encoding: gzip', payload: gz, headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' } },
    { name: 'gzip magic only', payload: gz, headers: { 'content-type': 'application/octet-stream' } },
    { name: 'application/gzip', payload: gz, headers: { 'content-type': 'application/gzip' } },
    { name: "curl --data-binary's default type", payload: sort.bytes, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  ];
  for (const c of cases) {
    const res = await app.inject({ method: 'POST', url: '/plot?format=svg', payload: c.payload, headers: c.headers });
    t.equal(res.statusCode, 200, c.name);
    t.equal(res.headers['x-profile-id'], sort.id, `${c.name}: id of the uncompressed bytes`);
    t.match(res.body, /^<svg|^<\?xml/, `${c.name}: SVG`);
  }
});

t.test('POST /plot options: query parameters and multipart fields (before or after the file)', async (t) => {
  const app = await build(t);
  const query = await app.inject({
    method: 'POST',
    url: '/plot?width=400&height=300&theme=dark&scale=2',
    ...multipartBody(sort.bytes),
  });
  t.equal(query.statusCode, 200);
  t.equal(query.rawPayload.readUInt32BE(16), 800, 'width 400 at scale 2');
  t.equal(query.rawPayload.readUInt32BE(20), 600);
  t.equal(query.headers['content-location'], `/profiles/${sort.id}/plot.png?width=400&height=300&theme=dark&scale=2`);

  for (const fieldsAfter of [false, true]) {
    const res = await app.inject({
      method: 'POST',
      url: '/plot',
      ...multipartBody(sort.bytes, { format: 'svg', title: 'a <b>title</b>', width: '500' }, 'file', fieldsAfter),
    });
    t.equal(res.statusCode, 200, `fields ${fieldsAfter ? 'after' : 'before'} the file`);
    t.equal(res.headers['content-type'], 'image/svg+xml; charset=utf-8');
    t.match(res.body, /a &lt;b&gt;title&lt;\/b&gt;/, 'the title is drawn, escaped');
    t.match(res.body, /width="500"/);
  }
});

t.test('POST /plot format from Accept when not given; SVG gets a CSP and nosniff', async (t) => {
  const app = await build(t);
  const raw = { payload: sort.bytes, headers: { 'content-type': 'application/octet-stream' } };
  const svg = await app.inject({ method: 'POST', url: '/plot', ...raw, headers: { ...raw.headers, accept: 'image/svg+xml' } });
  t.equal(svg.headers['content-type'], 'image/svg+xml; charset=utf-8');
  t.equal(svg.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  t.equal(svg.headers['x-content-type-options'], 'nosniff');
  t.equal(svg.headers.vary, 'Accept');
  const webp = await app.inject({ method: 'POST', url: '/plot', ...raw, headers: { ...raw.headers, accept: 'image/webp,image/png;q=0.5' } });
  t.equal(webp.headers['content-type'], 'image/webp');
  t.equal(webp.rawPayload.subarray(8, 12).toString(), 'WEBP');
  const star = await app.inject({ method: 'POST', url: '/plot', ...raw, headers: { ...raw.headers, accept: '*/*' } });
  t.equal(star.headers['content-type'], 'image/png');
  t.equal(star.headers['content-security-policy'], undefined, 'no CSP needed on PNG');
  const explicit = await app.inject({ method: 'POST', url: '/plot?format=jpeg', ...raw, headers: { ...raw.headers, accept: 'image/svg+xml' } });
  t.equal(explicit.headers['content-type'], 'image/jpeg', 'format= wins over Accept');
  const none = await app.inject({ method: 'POST', url: '/plot', ...raw, headers: { ...raw.headers, accept: 'application/json' } });
  t.equal(none.statusCode, 406);
  t.equal(none.json().error, 'NOT_ACCEPTABLE');
});
