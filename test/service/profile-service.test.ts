import t from 'tap';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compareRenderHash, renderHash, renderKey, summaryKey } from '../../src/cache/keys.js';
import { SUMMARY_VERSION } from '../../src/versions.js';
import { BusyError, Limiter, WorkTimeoutError } from '../../src/service/limiter.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ProfileService, type ProfileServiceOptions } from '../../src/service/profile-service.js';
import { SingleFlight } from '../../src/service/single-flight.js';
import { defaultComparePlotOptions, defaultPlotOptions, parseComparePlotOptions, parsePlotOptions, type ComparePlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import type { StoredSummary } from '../../src/render/render-pool.js';
import { renderInThread, renderOverlayInThread } from '../render/in-thread-renderer.js';
import { fixturePath } from '../helper.js';

const SORT = readFileSync(fixturePath('sort.mem'));
const SORT_ID = createHash('sha256').update(SORT).digest('hex');
const LS = readFileSync(fixturePath('ls.mem'));
const LS_ID = createHash('sha256').update(LS).digest('hex');

async function* chunks(bytes: Buffer, size = 4096) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A renderer that counts its calls and waits for release() (the real one by default). */
function countingRenderer(delayMs = 0) {
  const calls: PlotOptions[] = [];
  const render = async (summary: StoredSummary, options: PlotOptions) => {
    calls.push(options);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return renderInThread(summary, options);
  };
  return { calls, render };
}

function service(overrides: Partial<ProfileServiceOptions> = {}, store = new MemoryStore({ maxBytes: 64 << 20 })) {
  return new ProfileService(store, { maxUploadBytes: 1 << 30, renderConcurrency: 2, renderQueue: 8, uploadConcurrency: 2, renderTimeoutMs: 30_000, render: renderInThread, ...overrides });
}

t.test('keys: the render hash depends on what changes the picture, not on spelling', async (t) => {
  const a = parsePlotOptions({ width: '800', theme: 'dark', total: 'yes' });
  const b = parsePlotOptions({ total: '1', theme: 'DARK' });
  t.equal(renderHash(SORT_ID, a), renderHash(SORT_ID, b));
  t.not(renderHash(SORT_ID, a), renderHash(SORT_ID, { ...a, format: 'svg' }));
  t.not(renderHash(SORT_ID, a), renderHash('f'.repeat(64), a));
  t.match(renderHash(SORT_ID, a), /^[0-9a-f]{64}$/);
  t.equal(summaryKey(SORT_ID), `summary:${SORT_ID}:v${SUMMARY_VERSION}`);
  t.equal(renderKey('ab'), 'render:ab');
});

t.test('ingest: id is the sha256 of the uncompressed bytes; the second upload is known', async (t) => {
  const s = service();
  const first = await s.ingest(chunks(SORT));
  t.equal(first.summary.id, SORT_ID);
  t.equal(first.created, true);
  const again = await s.ingest(chunks(gzipSync(SORT), 100));
  t.equal(again.summary.id, SORT_ID, 'gzip of the same file: same id');
  t.equal(again.created, false);
  t.ok(await s.store.has(summaryKey(SORT_ID)));
});

t.test('optionsKind: known without reading the stored summary again, past the parsed summaries kept', async (t) => {
  const store = new MemoryStore({ maxBytes: 64 << 20 });
  const s = service({ summaryCacheEntries: 1 }, store);
  await s.ingest(chunks(SORT));
  await s.ingest(chunks(LS));
  let reads = 0;
  const get = store.get.bind(store);
  store.get = async (key: string) => (reads++, get(key));
  t.same([await s.optionsKind(SORT_ID), await s.optionsKind(LS_ID)], ['mem', 'mem']);
  t.equal(reads, 0, 'no summary read or decoded (one parsed summary kept, two ids asked)');
  t.equal(await s.optionsKind('f'.repeat(64)), null, 'an unknown id');
});

t.test('plot: identical concurrent renders run once, later ones come from the cache', async (t) => {
  const { calls, render } = countingRenderer(50);
  const s = service({ render });
  await s.ingest(chunks(SORT));
  const options = { ...defaultPlotOptions(), format: 'svg' as const };
  const results = await Promise.all(Array.from({ length: 10 }, () => s.plot(SORT_ID, options)));
  t.equal(calls.length, 1, 'one render for ten requests');
  t.ok(results.every((r) => r && r.body.equals(results[0]!.body)), 'all got the same image');
  const later = await s.plot(SORT_ID, options);
  t.equal(later?.cached, true);
  t.equal(calls.length, 1);
  await s.plot(SORT_ID, { ...options, theme: 'dark' });
  t.equal(calls.length, 2, 'other options: another render');
});

t.test('plot: unknown id is null; a corrupt stored summary is removed and treated as unknown', async (t) => {
  const corrupt: string[] = [];
  const s = service({ hooks: { corrupt: (key) => corrupt.push(key) } });
  t.equal(await s.plot('0'.repeat(64), defaultPlotOptions()), null);
  await s.store.set(summaryKey('1'.repeat(64)), Buffer.from('not a summary'));
  t.equal(await s.getSummary('1'.repeat(64)), null);
  t.same(corrupt, [summaryKey('1'.repeat(64))]);
  t.notOk(await s.store.has(summaryKey('1'.repeat(64))));
});

t.test('plot: a full render queue is BusyError; a render past its deadline is aborted and WorkTimeoutError', async (t) => {
  const { calls, render } = countingRenderer(300);
  const s = service({ render, renderConcurrency: 1, renderQueue: 1, renderTimeoutMs: 5000 });
  await s.ingest(chunks(SORT));
  const base = { ...defaultPlotOptions(), format: 'svg' as const, height: 4000 }; // large: no express slot
  const running = s.plot(SORT_ID, { ...base, width: 500 });
  const queued = s.plot(SORT_ID, { ...base, width: 600 });
  await t.rejects(s.plot(SORT_ID, { ...base, width: 700 }), BusyError);
  await Promise.all([running, queued]);
  t.equal(calls.length, 2);

  // A renderer that stops when its signal aborts, as the render pool does (by terminating the worker).
  const signals: AbortSignal[] = [];
  const stoppable = async (summary: StoredSummary, options: PlotOptions, signal: AbortSignal) => {
    signals.push(signal);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, 10_000);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)));
    });
    return renderInThread(summary, options);
  };
  const slow = service({ render: stoppable, renderTimeoutMs: 100, renderConcurrency: 1, renderQueue: 1 });
  await slow.ingest(chunks(SORT));
  await t.rejects(slow.plot(SORT_ID, base), { name: 'WorkTimeoutError', message: 'the render was stopped at its deadline of 100 ms (MEMPLOT_RENDER_TIMEOUT_MS)' });
  t.equal(signals.length, 1);
  t.equal(signals[0].aborted, true, "the render's signal aborted");
  t.ok(signals[0].reason instanceof WorkTimeoutError);
  t.same([slow.renders.active, slow.renders.queued], [0, 0], 'its slot is free at once');
});

t.test('plot: a renderer that ignores the deadline still answers WorkTimeoutError at it; one still queued leaves the queue', async (t) => {
  const { calls, render } = countingRenderer(400);
  const s = service({ render, renderTimeoutMs: 100, renderConcurrency: 1, renderQueue: 1 });
  await s.ingest(chunks(SORT));
  const base = { ...defaultPlotOptions(), format: 'svg' as const, height: 4000 }; // large: no express slot
  const running = s.plot(SORT_ID, { ...base, width: 500 });
  const waiting = s.plot(SORT_ID, { ...base, width: 600 });
  await t.rejects(running, { message: /stopped at its deadline of 100 ms/ });
  await t.rejects(waiting, { message: 'the render was still waiting for a free slot at its deadline of 100 ms (MEMPLOT_RENDER_TIMEOUT_MS)' });
  t.equal(s.renders.queued, 0, 'the waiting one left the queue');
  t.equal(s.renders.active, 1, 'the render that ignores its signal keeps its slot until it ends');
  await new Promise((r) => setTimeout(r, 400));
  t.equal(s.renders.active, 0);
  t.equal(calls.length, 1, 'the waiting one never started');
});

t.test('plot: a store that cannot write still answers', async (t) => {
  const failed: string[] = [];
  const store = new MemoryStore({ maxBytes: 64 << 20 });
  const s = service({ hooks: { storeFailed: (key) => failed.push(key) } }, store);
  await s.ingest(chunks(SORT));
  store.set = async () => {
    throw new Error('disk full');
  };
  const rendered = await s.plot(SORT_ID, { ...defaultPlotOptions(), format: 'svg' });
  t.ok(rendered && rendered.body.length > 0);
  t.equal(failed.length, 1);
});

t.test('limiter and single-flight', async (t) => {
  const limiter = new Limiter('jobs', 2, 1);
  let running = 0;
  let peak = 0;
  const job = async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 20));
    running--;
  };
  const jobs = [limiter.run(job), limiter.run(job), limiter.run(job)];
  await t.rejects(limiter.run(job), BusyError);
  await Promise.all(jobs);
  t.equal(peak, 2);
  t.equal(limiter.active, 0);
  await t.rejects(limiter.run(async () => { throw new Error('boom'); }), /boom/);
  t.equal(limiter.active, 0, 'a failed task frees its slot');

  const flights = new SingleFlight<number>();
  let n = 0;
  const work = async () => { await new Promise((r) => setTimeout(r, 10)); return ++n; };
  const a = flights.run('k', work);
  const b = flights.run('k', work);
  t.equal(a.shared, false);
  t.equal(b.shared, true);
  t.same(await Promise.all([a.promise, b.promise]), [1, 1]);
  t.equal(flights.size, 0);
  t.equal(await flights.run('k', work).promise, 2, 'after settling, the key runs again');
});

t.test('keys: a chart of two runs is named by both ids in order and its options, apart from either run\'s charts', async (t) => {
  const a = parseComparePlotOptions({ mode: 'diff', theme: 'dark' });
  const b = parseComparePlotOptions({ theme: 'DARK', mode: 'Diff' });
  t.equal(compareRenderHash(SORT_ID, LS_ID, a), compareRenderHash(SORT_ID, LS_ID, b));
  t.not(compareRenderHash(SORT_ID, LS_ID, a), compareRenderHash(LS_ID, SORT_ID, a), 'swapped runs: another picture');
  t.not(compareRenderHash(SORT_ID, LS_ID, a), compareRenderHash(SORT_ID, LS_ID, { ...a, align: 'absolute' }));
  t.not(compareRenderHash(SORT_ID, SORT_ID, defaultComparePlotOptions()), renderHash(SORT_ID, defaultPlotOptions()));
});

t.test('comparePlot: rendered once from both stored summaries, then cached; null when either is unknown or corrupt', async (t) => {
  const calls: [string, string, ComparePlotOptions][] = [];
  const corrupt: string[] = [];
  const s = service({
    renderOverlay: async (base, head, options) => {
      calls.push([base.id, head.id, options]);
      await new Promise((r) => setTimeout(r, 30));
      return renderOverlayInThread(base, head, options);
    },
    hooks: { corrupt: (key) => corrupt.push(key) },
  });
  await s.ingest(chunks(SORT));
  await s.ingest(chunks(LS));
  const options = { ...defaultComparePlotOptions(), format: 'svg' as const };
  t.equal(await s.isCompareRendered(SORT_ID, LS_ID, options), false);
  const results = await Promise.all(Array.from({ length: 5 }, () => s.comparePlot(SORT_ID, LS_ID, options)));
  t.equal(calls.length, 1, 'one render for five requests');
  t.same(calls[0].slice(0, 2), [SORT_ID, LS_ID], 'base and head in order');
  t.match(results[0]!.body.toString('utf8'), /class="line-base"[\s\S]*class="line-head"/);
  t.equal(results[0]!.hash, s.compareRenderHashOf(SORT_ID, LS_ID, options));
  t.equal(await s.isCompareRendered(SORT_ID, LS_ID, options), true);
  t.equal((await s.comparePlot(SORT_ID, LS_ID, options))?.cached, true);
  t.equal(calls.length, 1);
  t.equal(await s.comparePlot(SORT_ID, '0'.repeat(64), options), null, 'unknown head');
  t.equal(await s.comparePlot('0'.repeat(64), LS_ID, options), null, 'unknown base');
  await s.store.set(summaryKey('1'.repeat(64)), Buffer.from('not a summary'));
  t.equal(await s.comparePlot(SORT_ID, '1'.repeat(64), { ...options, theme: 'dark' }), null, 'corrupt head');
  t.same(corrupt, [summaryKey('1'.repeat(64))], 'the corrupt one (only) is removed');
  t.ok(await s.hasProfile(SORT_ID), 'the readable base stays');
});

t.test('comparePlot without an overlay renderer fails plainly', async (t) => {
  const s = service();
  await t.rejects(s.comparePlot(SORT_ID, SORT_ID, defaultComparePlotOptions()), /without an overlay renderer/);
});
