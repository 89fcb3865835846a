import t from 'tap';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { serializeSummary } from '../../src/aggregate/summary-codec.js';
import { defaultComparePlotOptions, defaultPlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import { RenderPool, type StoredSummary } from '../../src/render/render-pool.js';
import { fixturePath } from '../fixtures.js';

async function stored(name: string): Promise<StoredSummary> {
  const summary = await summarizeMemFile(fixturePath(`${name}.mem`));
  return { id: name, bytes: serializeSummary(summary) };
}

const options = (overrides: Partial<PlotOptions>): PlotOptions => ({ ...defaultPlotOptions(), ...overrides });
const never = new AbortController().signal;

t.test('renders on worker threads, a killed render is replaced by a fresh worker, close stops them all', async (t) => {
  const sort = await stored('sort');
  const pool = new RenderPool({ threads: 1, maxPixels: 4096 * 4096, worker: { importerUrl: import.meta.url, name: 'hanging-render-worker' } });
  t.teardown(() => pool.close());

  const svg = await pool.render(sort, options({ format: 'svg' }), never);
  t.equal(svg.contentType, 'image/svg+xml; charset=utf-8');
  t.match(svg.body.toString('utf8'), /^<svg/);
  const png = await pool.render(sort, options({ format: 'png', width: 300, height: 200 }), never);
  t.same([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG comes back');
  t.equal(pool.workers, 1);
  const [before] = pool.threadIds;

  const deadline = new AbortController();
  const stopped = new Error('stopped at the deadline');
  setTimeout(() => deadline.abort(stopped), 300);
  await t.rejects(pool.render(sort, options({ format: 'svg', title: 'spin forever' }), deadline.signal), stopped, 'the endless render rejects with the reason');

  const after = await pool.render(sort, options({ format: 'svg', width: 400 }), never);
  t.match(after.body.toString('utf8'), /width="400"/, 'the next render works');
  t.equal(pool.workers, 1, 'one worker again');
  t.not(pool.threadIds[0], before, 'on a new thread: the spinning one was terminated');

  await pool.close();
  t.equal(pool.workers, 0, 'no worker left after close');
  await t.rejects(pool.render(sort, options({ format: 'svg' }), never), { name: 'RenderPoolClosedError', message: /shutting down/ });
});

t.test('a raster over the pool\'s pixel bound fails in sharp before it is drawn', async (t) => {
  const sort = await stored('sort');
  const pool = new RenderPool({ threads: 1, maxPixels: 1000 * 1000 });
  t.teardown(() => pool.close());
  await t.rejects(pool.render(sort, options({ format: 'png', width: 1200, height: 1000 }), never), /pixel limit/);
  const fits = await pool.render(sort, options({ format: 'png', width: 1000, height: 1000 }), never);
  t.ok(fits.body.length > 0, 'at the bound it renders');
});

t.test('the chart of two runs: both stored summaries go to the worker; corrupt bytes are SummaryCodecError', async (t) => {
  const sort = await stored('sort');
  const ls = await stored('ls');
  const pool = new RenderPool({ threads: 1, maxPixels: 4096 * 4096 });
  t.teardown(() => pool.close());
  const svg = await pool.renderOverlay(sort, ls, { ...defaultComparePlotOptions(), format: 'svg', baseName: 'sort', headName: 'ls' }, never);
  const text = svg.body.toString('utf8');
  t.match(text, /sort peak 79\.9 MiB/, 'the base drawn from its summary');
  t.match(text, /ls peak 397 KiB: −79\.5 MiB/, 'the head from its own, with the change');
  t.ok(sort.bytes.length > 0 && ls.bytes.length > 0, 'the caller\'s bytes stay usable (a copy was transferred)');
  const png = await pool.renderOverlay(ls, sort, { ...defaultComparePlotOptions(), format: 'png', mode: 'diff', width: 300, height: 200 }, never);
  t.same([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG of the diff');
  await t.rejects(pool.renderOverlay(sort, { id: 'bad', bytes: new Uint8Array([1, 2, 3]) }, { ...defaultComparePlotOptions(), format: 'svg' }, never), { name: 'SummaryCodecError' });
  const again = await pool.render(sort, options({ format: 'svg' }), never);
  t.match(again.body.toString('utf8'), /^<svg/, 'plain renders still work on the same worker');
});

t.test('no worker is started before a render; a render keeps one spare worker loaded beside the busy ones', async (t) => {
  const sort = await stored('sort');
  const pool = new RenderPool({ threads: 3, warmThreads: 0, idleTimeoutMs: 60_000, maxPixels: 4096 * 4096 });
  t.teardown(() => pool.close());
  t.equal(pool.workers, 0);
  const svg = await pool.render(sort, options({ format: 'svg' }), never);
  t.match(svg.body.toString('utf8'), /^<svg/);
  t.equal(pool.workers, 2, 'the worker that drew it, and a spare started while it was busy');
  await Promise.all([1, 2].map((n) => pool.render(sort, options({ format: 'svg', width: 300 + n }), never)));
  // Two renders took both: a third worker is starting (counted once it is up).
  for (let i = 0; i < 100 && pool.workers < 3; i++) await new Promise((r) => setTimeout(r, 50));
  t.equal(pool.workers, 3, 'two renders at once: a third worker as the spare');
  await Promise.all([1, 2, 3, 4].map((n) => pool.render(sort, options({ format: 'svg', width: 400 + n }), never)));
  await new Promise((r) => setTimeout(r, 500));
  t.equal(pool.workers, 3, 'never more than the pool allows');
});
