import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { PlotOptions } from '../../src/options/plot-options.js';
import type { StoredSummary } from '../../src/render/render-pool.js';
import { renderInThread } from '../render/in-thread-renderer.js';
import { build, fixture, multipartBody } from '../helper.js';
import { errorCatalog } from '../../src/http/errors.js';
import { readFileSync } from 'node:fs';

const sort = fixture('sort.mem');
const raw = (payload: Buffer | string, headers: Record<string, string> = {}) => ({
  payload,
  headers: { 'content-type': 'application/octet-stream', ...headers },
});

function isJsonError(t: Test, res: { headers: Record<string, unknown>; json(): unknown }, status: number, error: string | RegExp) {
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8', `${status}: JSON`);
  const body = res.json() as { error: string; message: string };
  t.match(body.error, error);
  t.type(body.message, 'string');
  t.ok(body.message.length > 0);
  return body;
}

t.test('400: a bad option names the option, the value and what is allowed (query or field)', async (t) => {
  const app = await build(t);
  const cases = [
    { url: '/plot?width=50', option: 'width', value: '50', allowed: 'an integer from 100 to 4096' },
    { url: '/plot?theme=neon', option: 'theme', value: 'neon', allowed: 'one of light, dark, classic' },
    { url: '/plot?format=gif', option: 'format', value: 'gif', allowed: 'one of png, svg, webp, avif, jpeg (or jpg for jpeg)' },
    { url: '/plot?colour=red', option: 'colour', value: 'red' },
    { url: `/profiles/${sort.id}/plot.png?scale=9`, option: 'scale', value: '9', method: 'GET' },
  ];
  for (const c of cases) {
    // JSON asked for: image URLs answer errors as images otherwise (test/server/http-edges.test.ts).
    const res = await app.inject({ method: (c.method ?? 'POST') as 'POST', url: c.url, ...raw(sort.bytes, { accept: 'application/json' }) });
    t.equal(res.statusCode, 400, c.url);
    const body = isJsonError(t, res, 400, 'BAD_OPTION') as Record<string, unknown>;
    t.equal(body.option, c.option);
    t.equal(body.value, c.value);
    if (c.allowed) t.equal(body.allowed, c.allowed);
    t.match(body.message, c.option);
  }
  const field = await app.inject({ method: 'POST', url: '/plot', ...multipartBody(sort.bytes, { axis: 'sideways' }, 'file', true) });
  t.equal(field.statusCode, 400, 'a bad multipart field after the file');
  t.match(field.json(), { error: 'BAD_OPTION', option: 'axis', value: 'sideways', allowed: 'one of calls, time' });
});

t.test('400: malformed uploads', async (t) => {
  const app = await build(t);
  const noFile = await app.inject({ method: 'POST', url: '/plot', ...multipartBody(Buffer.alloc(0), { width: '500' }, 'upload') });
  t.equal(noFile.statusCode, 400);
  isJsonError(t, noFile, 400, 'UNEXPECTED_FILE');
  const fieldsOnly = multipartBody(Buffer.alloc(0));
  const onlyFields = await app.inject({
    method: 'POST',
    url: '/profiles',
    headers: fieldsOnly.headers,
    payload: `--${fieldsOnly.headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="width"\r\n\r\n500\r\n--${fieldsOnly.headers['content-type'].split('boundary=')[1]}--\r\n`,
  });
  t.equal(onlyFields.statusCode, 400);
  isJsonError(t, onlyFields, 400, 'MISSING_FILE');
  const cut = multipartBody(sort.bytes);
  const truncated = await app.inject({ method: 'POST', url: '/plot', headers: cut.headers, payload: cut.payload.subarray(0, cut.payload.length - 200) });
  t.equal(truncated.statusCode, 400, 'multipart cut short');
  isJsonError(t, truncated, 400, /BAD_UPLOAD|FST_/);
});

t.test('401: uploads need a token when tokens are configured; GETs stay open', async (t) => {
  const token = 'secret-token-0123456789';
  const app = await build(t, { config: { apiTokens: [token, 'another-token-abcdefghij'] } });
  const missing = await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  t.equal(missing.statusCode, 401);
  t.equal(missing.headers['www-authenticate'], 'Bearer realm="memplot"');
  isJsonError(t, missing, 401, 'UNAUTHORIZED');
  const wrong = await app.inject({ method: 'POST', url: '/plot', ...raw(sort.bytes, { authorization: 'Bearer nope' }) });
  t.equal(wrong.statusCode, 401);
  const basic = await app.inject({ method: 'POST', url: '/plot', ...raw(sort.bytes, { authorization: `Basic ${token}` }) });
  t.equal(basic.statusCode, 401);
  const ok = await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes, { authorization: `Bearer ${token}` }) });
  t.equal(ok.statusCode, 201);
  const second = await app.inject({ method: 'POST', url: '/plot', ...raw(sort.bytes, { authorization: 'bearer another-token-abcdefghij' }) });
  t.equal(second.statusCode, 200, 'any configured token, scheme case-insensitive');
  const get = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg` });
  t.equal(get.statusCode, 200, 'GET by id needs no token');
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});

t.test('404: unknown routes and ids answer JSON', async (t) => {
  const app = await build(t);
  const text = await app.inject({ method: 'GET', url: `/profiles/${'b'.repeat(64)}`, headers: { accept: 'text/plain' } });
  t.equal(text.statusCode, 404);
  t.equal(text.headers['content-type'], 'text/plain; charset=utf-8', 'plain text when asked for it');
  t.match(text.body, /^PROFILE_NOT_FOUND: no profile with id b{64} here/);
  const route = await app.inject({ method: 'GET', url: '/nothing/here' });
  t.equal(route.statusCode, 404);
  isJsonError(t, route, 404, 'ROUTE_NOT_FOUND');
  t.equal(route.json().hint, 'see GET /docs');
  const routeText = await app.inject({ method: 'GET', url: '/nothing/here?x=1', headers: { accept: 'text/plain' } });
  t.equal(routeText.statusCode, 404);
  t.equal(routeText.body, 'ROUTE_NOT_FOUND: no route GET /nothing/here\nhint: see GET /docs\n', 'an unknown route answers through the same mapper: plain text when asked');
  t.equal(routeText.headers['x-memplot-error'], 'ROUTE_NOT_FOUND');
  const id = await app.inject({ method: 'GET', url: `/profiles/${'b'.repeat(64)}` });
  t.equal(id.statusCode, 404);
  isJsonError(t, id, 404, 'PROFILE_NOT_FOUND');
});

t.test('413: too large, counted after decompression (a gzip bomb stops early)', async (t) => {
  const limit = 1 << 20;
  const app = await build(t, { config: { maxUploadBytes: limit } });
  const big = Buffer.concat([sort.bytes.subarray(0, 48), Buffer.alloc(limit)]);
  const plain = await app.inject({ method: 'POST', url: '/plot', ...raw(big) });
  t.equal(plain.statusCode, 413, 'raw body over the limit');
  t.match(isJsonError(t, plain, 413, 'INPUT_TOO_LARGE'), {});
  const multipart = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(big) });
  t.equal(multipart.statusCode, 413, 'multipart over the limit');
  // 64 MiB of zeros after a valid header gzip to ~64 KiB: small on the wire, huge inside.
  const bomb = gzipSync(Buffer.concat([sort.bytes.subarray(0, 48), Buffer.alloc(64 << 20)]), { level: 9 });
  t.ok(bomb.length < limit / 4, `the bomb is ${bomb.length} bytes on the wire`);
  const exploded = await app.inject({ method: 'POST', url: '/plot', ...raw(bomb, { 'content-encoding': 'gzip' }) });
  t.equal(exploded.statusCode, 413, 'gzip bomb');
  const body = isJsonError(t, exploded, 413, 'INPUT_TOO_LARGE') as { limit?: number };
  t.equal(body.limit, limit);
  const multipartBomb = await app.inject({ method: 'POST', url: '/profiles', ...multipartBody(bomb) });
  t.equal(multipartBomb.statusCode, 413, 'gzip bomb in a multipart upload');
  const declared = await app.inject({
    method: 'POST',
    url: '/plot',
    payload: sort.bytes,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(sort.bytes.length) },
  });
  t.equal(declared.statusCode, 200, 'a small upload still works');
});

t.test('415: wrong content type or encoding', async (t) => {
  const app = await build(t);
  const cases: Array<[string, Record<string, string>]> = [
    ['text/plain', { 'content-type': 'text/plain' }],
    ['application/json', { 'content-type': 'application/json' }],
    ['image/png', { 'content-type': 'image/png' }],
    ['Content-Encoding br', { 'content-type': 'application/octet-stream', 'content-encoding': 'br' }],
  ];
  for (const [name, headers] of cases) {
    const res = await app.inject({ method: 'POST', url: '/plot', payload: sort.bytes, headers });
    t.equal(res.statusCode, 415, name);
    const body = isJsonError(t, res, 415, /^UNSUPPORTED_MEDIA_TYPE$/) as { message: string; hint?: string };
    t.match(body.message, headers['content-encoding'] ?? headers['content-type']!, `${name}: says what was received`);
    t.match(body.hint, /multipart|octet-stream/, `${name}: says what to send`);
  }
  const empty = await app.inject({ method: 'POST', url: '/profiles' });
  t.equal(empty.statusCode, 415, 'no body at all');
  t.match(empty.json().message, /needs a body of type multipart\/form-data/, 'no body at all: says what is needed');
});

t.test('422: not a memusage file, says what was found', async (t) => {
  const app = await build(t);
  const cases: Array<[string, Buffer, string]> = [
    ['random bytes', randomBytes(4800), 'MEM_NOT_MEMUSAGE'],
    ['too short', Buffer.alloc(30), 'MEM_TOO_SHORT'],
    ['empty', Buffer.alloc(0), 'MEM_TOO_SHORT'],
    ['broken gzip', Buffer.concat([gzipSync(sort.bytes).subarray(0, 100), Buffer.alloc(50, 0xaa)]), 'MEM_BAD_GZIP'],
    ['a PNG', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), randomBytes(100)]), 'MEM_NOT_MEMUSAGE'],
  ];
  for (const [name, bytes, code] of cases) {
    for (const request of [raw(bytes), multipartBody(bytes)]) {
      const res = await app.inject({ method: 'POST', url: '/profiles', ...request });
      t.equal(res.statusCode, 422, name);
      isJsonError(t, res, 422, code);
    }
  }
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  t.equal(health.json().uploads.active, 0, 'failed uploads free their slots');
});

/** Waits (with a timer, which keeps the process alive) until the condition holds, at most 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

// Open: on Node 24, in .ci/run's full pass (not when this file runs alone), the two gated renders
// do not both reach the render limiter and the test's process ends unfinished; kept on Node 20.
t.test('503 with Retry-After when renders are saturated', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowRender = async (summary: StoredSummary, options: PlotOptions) => {
    await gate;
    return renderInThread(summary, options);
  };
  const app = await build(t, { render: slowRender, config: { renderConcurrency: 1, renderQueue: 1 } });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  // Large images: a small one may take the express slot instead of waiting (see the next test).
  const url = (w: number) => `/profiles/${sort.id}/plot.svg?width=${w}&height=4000`;
  const first = app.inject({ method: 'GET', url: url(500) });
  const second = app.inject({ method: 'GET', url: url(600) });
  // Until both have reached the limiter (a fixed pause was too short on a loaded machine).
  await until(() => app.profiles.renders.active === 1 && app.profiles.renders.queued === 1);
  const third = await app.inject({ method: 'GET', url: url(700), headers: { accept: 'application/json' } });
  t.equal(third.statusCode, 503);
  t.equal(third.headers['retry-after'], '1');
  isJsonError(t, third, 503, 'BUSY');
  const duplicate = app.inject({ method: 'GET', url: url(500) });
  const small = app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=800&height=600` });
  await until(() => app.profiles.expressRenders.active === 1);
  t.equal(app.profiles.expressRenders.active, 1, 'a small render runs in the express slot while the slots are full');
  const secondSmall = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=801&height=600` });
  t.equal(secondSmall.statusCode, 503, 'with the express slot taken, a small render queues like any other (and the queue is full)');
  release();
  t.equal((await small).statusCode, 200);
  t.same((await Promise.all([first, second, duplicate])).map((r) => r.statusCode), [200, 200, 200], 'the queued ones and a duplicate of the running one complete');
});

t.test('503 FST_UNDER_PRESSURE with Retry-After while the event loop lags, until it recovers', async (t) => {
  const app = await build(t, { config: { maxEventLoopDelayMs: 50 } });
  const lagged = async () => {
    // Block the loop well past the threshold, then let under-pressure's 1 s sample see it.
    const until = Date.now() + 1500;
    while (Date.now() < until);
    for (let i = 0; i < 40 && !app.isUnderPressure(); i++) await new Promise((r) => setTimeout(r, 100));
  };
  await lagged();
  t.ok(app.isUnderPressure(), 'the sample after the stall saw the delay');
  const res = await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes, { accept: 'application/json' }) });
  t.equal(res.statusCode, 503);
  isJsonError(t, res, 503, 'FST_UNDER_PRESSURE');
  t.equal(res.headers['retry-after'], '5');
  t.match(res.json(), { message: 'the server is overloaded', hint: /retry later/ });
  for (let i = 0; i < 40 && app.isUnderPressure(); i++) await new Promise((r) => setTimeout(r, 100));
  const after = await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  t.equal(after.statusCode, 201, 'once a calm sample comes, uploads are taken again');
});

t.test('503 with Retry-After when a render is stopped at its deadline', async (t) => {
  const app = await build(t, { config: { renderTimeoutMs: 1500, renderConcurrency: 1, maxRenderPixels: 6144 * 6144 } });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  await app.renderPool!.ready();
  const before = new Set(app.renderPool!.threadIds);
  // 6144² pixels in the slowest encoder: several seconds of work on the worker thread.
  const res = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.avif?width=4096&height=4096&scale=1.5`, headers: { accept: 'application/json' } });
  t.equal(res.statusCode, 503);
  t.equal(res.headers['retry-after'], '5');
  isJsonError(t, res, 503, 'TIMEOUT');
  t.match(res.json().message, /stopped at its deadline of 1500 ms/);
  // Terminating the thread stops the JavaScript at once; an AVIF encode already in libvips runs to
  // its end, and the slot stays taken until then so that such native work stays bounded.
  while (app.profiles.renders.active > 0) await new Promise((r) => setTimeout(r, 50));
  await app.renderPool!.ready(); // the replacement loads the renderer (over a second under tsx)
  const next = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=300` });
  t.equal(next.statusCode, 200, 'the next render works on the replacement worker');
  t.equal(app.renderPool?.workers, 2, 'the render slot and the express slot');
  t.equal(app.renderPool!.threadIds.filter((id) => !before.has(id)).length, 1, 'the worker that drew the AVIF was terminated and replaced');
});

t.test('400 PIXEL_BUDGET_EXCEEDED names the budget and the pixels asked for, before any upload is read', async (t) => {
  let rendered = 0;
  const counting = async (summary: StoredSummary, options: PlotOptions) => (rendered++, renderInThread(summary, options));
  const app = await build(t, { render: counting, config: { maxRenderPixels: 1000 * 1000 } });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  const res = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png?width=1000&height=500&scale=2`, headers: { accept: 'application/json' } });
  isJsonError(t, res, 400, 'PIXEL_BUDGET_EXCEEDED');
  t.equal(
    res.json().message,
    'the image asked for has 2000000 pixels (width 1000 × height 500 × scale 2 squared), over the budget of 1000000 pixels per render (MEMPLOT_MAX_RENDER_PIXELS)',
  );
  t.equal(res.json().hint, 'ask for a smaller width, height or scale');
  t.equal((await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.svg?width=1000&height=1000&scale=2` })).statusCode, 200, 'SVG is not scaled');
  const upload = await app.inject({ method: 'POST', url: '/plot?width=2000&height=1000', ...raw(Buffer.from('not even a .mem file')) });
  isJsonError(t, upload, 400, 'PIXEL_BUDGET_EXCEEDED');
  t.equal(rendered, 1, 'only the SVG was rendered');
});

t.test('5xx messages are masked', async (t) => {
  const failing = async () => {
    throw new Error('secret internal detail /etc/passwd');
  };
  // The one test that provokes a 500 on purpose: out of the helper's "no 500" check.
  const app = await build(t, { render: failing, allowServerErrors: true });
  await app.inject({ method: 'POST', url: '/profiles', ...raw(sort.bytes) });
  const res = await app.inject({ method: 'GET', url: `/profiles/${sort.id}/plot.png`, headers: { accept: 'application/json' } });
  t.equal(res.statusCode, 500);
  t.notMatch(res.body, /secret|passwd/);
  t.same(res.json(), { error: 'INTERNAL_ERROR', message: 'the server failed to answer this request; it has been logged' });
});

t.test('503 with Retry-After when too many uploads are being read', async (t) => {
  const app = await build(t, { config: { uploadConcurrency: 1 } });
  // An upload takes its slot once its first 64 KiB have come.
  const javac = fixture('javac.mem');
  const slow = new PassThrough();
  slow.write(javac.bytes.subarray(0, 70 * 1024));
  const first = app.inject({ method: 'POST', url: '/profiles', payload: slow, headers: { 'content-type': 'application/octet-stream' } });
  await until(() => app.profiles.uploads.active === 1);
  const second = await app.inject({ method: 'POST', url: '/plot', ...raw(sort.bytes) });
  t.equal(second.statusCode, 503);
  t.equal(second.headers['retry-after'], '5');
  isJsonError(t, second, 503, 'BUSY');
  slow.end(javac.bytes.subarray(70 * 1024));
  t.equal((await first).statusCode, 201, 'the upload being read completes');
  t.equal((await app.inject({ method: 'POST', url: '/plot', ...raw(sort.bytes) })).statusCode, 200, 'and the slot is free again');
});

t.test('docs/http.md lists every error code with the status the catalog gives it, and no other', async (t) => {
  const doc = readFileSync(new URL('../../docs/http.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('\n## Errors\n'), doc.indexOf('\n## ', doc.indexOf('\n## Errors\n') + 1));
  const documented = new Map<string, number>();
  for (const [, status, codes] of section.matchAll(/^\| (\d{3}) \|.*\| ((?:`[A-Z_]+`(?:, )?)+) \|$/gm)) {
    for (const [, code] of codes.matchAll(/`([A-Z_]+)`/g)) documented.set(code, Number(status));
  }
  t.ok(documented.size >= 20, `${documented.size} codes read from the table`);
  const byCode = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
  t.same(byCode(documented), byCode(errorCatalog()));
});
