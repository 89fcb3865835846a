/**
 * The thread that answers requests never draws a chart: building the app and answering (a chart
 * from the pool, an error as an SVG image) loads neither d3-node nor jsdom there; sharp only once
 * an error is drawn as a raster image. Modules are seen through a resolve hook on this thread.
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import t from 'tap';

const { port1, port2 } = new MessageChannel();
const loaded = new Set<string>();
port1.on('message', (url: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) loaded.add(match[1]);
});
port1.unref();
register(
  'data:text/javascript,' +
    encodeURIComponent(`let port; export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }`),
  { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] },
);

const { build, fixturePath } = await import('../helper.js');
const { readFileSync } = await import('node:fs');

t.test('no d3-node or jsdom on the thread that answers requests', async (t) => {
  const app = await build(t);
  const bytes = readFileSync(fixturePath('sort.mem'));
  const upload = await app.inject({ method: 'POST', url: '/plot?format=svg', headers: { 'content-type': 'application/octet-stream' }, payload: bytes });
  t.equal(upload.statusCode, 200);
  const missing = await app.inject({ method: 'GET', url: `/profiles/${'0'.repeat(64)}/plot.svg` });
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /^image\/svg\+xml/);
  await new Promise((resolve) => setImmediate(resolve));
  t.notOk(loaded.has('d3-node'), 'd3-node not loaded');
  t.notOk(loaded.has('jsdom'), 'jsdom not loaded');
  t.notOk(loaded.has('sharp'), 'sharp not loaded before a raster error image');
  t.ok(loaded.has('fastify'), 'the hook saw the app load');
});
