/**
 * The service over real HTTP on 127.0.0.1: streamed uploads in chunks (raw and multipart),
 * conditional GETs, errors while the client is still sending, and uploads aborted half-way.
 */
import t from 'tap';
import { request, type IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixture, listen, multipartBody, PNG_MAGIC } from '../helper.js';

const javac = fixture('javac.mem');
const sort = fixture('sort.mem');

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends body in chunks of chunkSize, yielding to the event loop between them (no Content-Length: chunked). */
function send(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; chunkSize?: number }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(options.path, url), { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const body = options.body;
    if (!body) return void req.end();
    const size = options.chunkSize ?? 65536;
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + size);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', () => setImmediate(pump));
        if (offset < body.length) return void setImmediate(pump);
      }
      req.end();
    };
    pump();
  });
}

/** Sends the first half of body and then drops the connection. */
function abortHalfWay(url: string, path: string, headers: Record<string, string>, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const req = request(new URL(path, url), { method: 'POST', headers });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(body.subarray(0, body.length >> 1), () => setTimeout(() => req.destroy(), 100));
  });
}

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

function entryCount(cacheDir: string): number {
  const root = join(cacheDir, 'entries');
  if (!existsSync(root)) return 0;
  return readdirSync(root).reduce((n, shard) => n + readdirSync(join(root, shard)).length, 0);
}

t.test('every endpoint over HTTP, uploads streamed in chunks', async (t) => {
  const { url } = await listen(t);

  const rawPlot = await send(url, { method: 'POST', path: '/plot', headers: { 'content-type': 'application/octet-stream' }, body: javac.bytes, chunkSize: 4093 });
  t.equal(rawPlot.status, 200, 'raw body in odd-sized chunks, chunked transfer encoding');
  t.ok(rawPlot.body.subarray(0, 8).equals(PNG_MAGIC));
  t.equal(rawPlot.headers['x-profile-id'], javac.id);

  const mp = multipartBody(javac.bytes, { format: 'svg' });
  const multipartPlot = await send(url, { method: 'POST', path: '/plot', headers: mp.headers, body: mp.payload, chunkSize: 10007 });
  t.equal(multipartPlot.status, 200, 'multipart in chunks');
  t.equal(multipartPlot.headers['content-type'], 'image/svg+xml; charset=utf-8');
  t.equal(multipartPlot.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");

  const gz = gzipSync(sort.bytes);
  const created = await send(url, { method: 'POST', path: '/profiles', headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' }, body: gz, chunkSize: 100 });
  t.equal(created.status, 201);
  const profile = JSON.parse(created.body.toString());
  t.equal(profile.id, sort.id);
  t.equal(profile.urls.png, `${url}/profiles/${sort.id}/plot.png`, 'absolute URLs from the Host header');

  const png = await send(url, { path: new URL(profile.urls.png).pathname });
  t.equal(png.status, 200);
  t.equal(png.headers['cache-control'], 'public, max-age=31536000, immutable');
  const again = await send(url, { path: new URL(profile.urls.png).pathname, headers: { 'if-none-match': png.headers.etag as string } });
  t.equal(again.status, 304);
  t.equal(again.body.length, 0);

  const stats = await send(url, { path: `/profiles/${sort.id}` });
  t.equal(stats.status, 200);
  t.equal(JSON.parse(stats.body.toString()).stats.entries, profile.stats.entries);

  t.equal((await send(url, { path: '/healthz' })).status, 200);
  t.match((await send(url, { path: '/metrics' })).body.toString(), 'memplot_http_requests_total');
  t.equal(JSON.parse((await send(url, { path: '/docs' })).body.toString()).openapi, '3.0.3');
  const missing = await send(url, { path: `/profiles/${'d'.repeat(64)}/plot.png`, headers: { accept: 'application/json' } });
  t.equal(missing.status, 404);
  t.equal(JSON.parse(missing.body.toString()).error, 'PROFILE_NOT_FOUND');
  const drawn = await send(url, { path: `/profiles/${'d'.repeat(64)}/plot.png` });
  t.equal(drawn.status, 404);
  t.equal(drawn.headers['x-memplot-error'], 'PROFILE_NOT_FOUND');
  t.same(drawn.body.subarray(0, 8), PNG_MAGIC, 'an image URL answers its error as an image over a real socket too');
});

t.test('errors reach a client that is still sending; the connection stays usable', async (t) => {
  const { url } = await listen(t, { config: { maxUploadBytes: 4 << 20 } });
  const garbage = randomBytes(8 << 20);
  const notMem = await send(url, { method: 'POST', path: '/profiles', headers: { 'content-type': 'application/octet-stream' }, body: garbage.subarray(0, 3 << 20) });
  t.equal(notMem.status, 422, 'rejected after the first bytes, the rest drained');
  t.equal(JSON.parse(notMem.body.toString()).error, 'MEM_NOT_MEMUSAGE');
  const tooBig = await send(url, {
    method: 'POST',
    path: '/profiles',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(garbage.length) },
    body: Buffer.concat([sort.bytes.subarray(0, 48), garbage]).subarray(0, garbage.length),
  });
  t.equal(tooBig.status, 413, 'declared size over the limit');
  const bomb = gzipSync(Buffer.concat([sort.bytes.subarray(0, 48), Buffer.alloc(32 << 20)]));
  const exploded = await send(url, { method: 'POST', path: '/plot', headers: { 'content-type': 'application/octet-stream' }, body: bomb });
  t.equal(exploded.status, 413, 'gzip bomb over HTTP');
  const badOption = await send(url, { method: 'POST', path: '/plot?height=1', headers: { 'content-type': 'application/octet-stream' }, body: javac.bytes });
  t.equal(badOption.status, 400);
  t.equal(JSON.parse(badOption.body.toString()).option, 'height');
  const after = await send(url, { method: 'POST', path: '/plot?format=svg', headers: { 'content-type': 'application/octet-stream' }, body: sort.bytes });
  t.equal(after.status, 200, 'the server keeps serving');
});

t.test('an upload aborted half-way leaves nothing behind and the server keeps serving', async (t) => {
  const { app, url } = await listen(t);
  const cacheDir = app.config.cacheDir;
  const before = entryCount(cacheDir);
  const mp = multipartBody(javac.bytes);
  await abortHalfWay(url, '/profiles', { 'content-type': 'application/octet-stream', 'content-length': String(javac.bytes.length) }, javac.bytes);
  await abortHalfWay(url, '/plot', { ...mp.headers, 'content-length': String(mp.payload.length) }, mp.payload);
  t.ok(await waitFor(async () => app.profiles.uploads.active === 0), 'no upload slot held');
  t.equal(entryCount(cacheDir), before, 'nothing stored');
  t.same(readdirSync(join(cacheDir, 'tmp')), [], 'no temporary files');
  t.notOk(await app.profiles.hasProfile(javac.id), 'the half file did not become a profile');
  const health = await send(url, { path: '/healthz' });
  t.equal(health.status, 200);
  const full = await send(url, { method: 'POST', path: '/profiles', headers: { 'content-type': 'application/octet-stream' }, body: javac.bytes });
  t.equal(full.status, 201, 'the whole file afterwards is a new profile');
  t.equal(JSON.parse(full.body.toString()).id, javac.id);
});
