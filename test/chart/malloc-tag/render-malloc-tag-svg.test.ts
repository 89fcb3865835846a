/**
 * The malloc-tag charts (issue 15): icicle, bars, timeline and the paired scopes chart, from the
 * real fixtures (through the test-only converter in snapshot-fixtures.ts). SVG snapshots have
 * their decimals rounded, so they show structure, not float noise.
 */
import t, { type Test } from 'tap';
import sharp from 'sharp';
import { summarizeMemFile } from '../../../src/aggregate/summarize.js';
import { renderMallocTagSvg, type MallocTagChartInput } from '../../../src/chart/malloc-tag/render-malloc-tag-svg.js';
import { cellLabel } from '../../../src/chart/malloc-tag/icicle.js';
import { textWidth } from '../../../src/chart/text-metrics.js';
import { parsePairedPlotOptions, parseSnapshotPlotOptions, PlotOptionError } from '../../../src/options/plot-options.js';
import { fixturePath } from '../../fixtures.js';
import { snapshotFixture } from './snapshot-fixtures.js';

const one = (name: string): MallocTagChartInput => ({ kind: 'snapshots', snapshots: [snapshotFixture(name)] });
const timeline: MallocTagChartInput = { kind: 'snapshots', snapshots: ['0000', '0001', '0002'].map((n) => snapshotFixture(`pipeline.snap.${n}.json`)) };
const draw = (input: MallocTagChartInput, raw: Record<string, string> = {}) => renderMallocTagSvg(input, parseSnapshotPlotOptions({ format: 'svg', ...raw }));

function snapshotText(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number)))).replace(/></g, '>\n<');
}

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
}

function has(t: Test, svg: string, pattern: RegExp | string, message = `has ${pattern}`): void {
  t.ok(typeof pattern === 'string' ? svg.includes(pattern) : pattern.test(svg), message);
}

t.test('icicle of pipeline_stats.json, split and merged: snapshots', async (t) => {
  t.matchSnapshot(snapshotText(draw(one('pipeline_stats.json'))), 'split');
  t.matchSnapshot(snapshotText(draw(one('pipeline_stats.json'), { threads: 'merge', theme: 'dark' })), 'merged, dark');
});

t.test('icicle: one band per thread, labels with name, bytes and share, tooltips with the path', async (t) => {
  const svg = draw(one('pipeline_stats.json'));
  const labels = texts(svg);
  for (const label of ['worker/0 · 12.2 MiB · 41 %', 'worker/1 · 17.2 MiB · 58 %', 'parse · 6.94 MiB · 23 %', 'index · 9.97 MiB · 34 %']) t.ok(labels.includes(label), label);
  t.ok(labels.includes('pipeline · 121 KiB · 0.40 %'), 'a thread too narrow for its label is named beside its band');
  has(t, svg, /<title>worker\/1 › worker › index › tokenize\n/);
  has(t, svg, '12,823,096 B');
  const merged = texts(draw(one('pipeline_stats.json'), { threads: 'merge' }));
  t.ok(merged.includes('worker/* (2 threads) · 29.4 MiB · 99.6 %'), 'merged band: both workers, not rounded up to 100 %');
  t.notOk(merged.some((label) => label.startsWith('worker/0')), 'no worker/0 band once merged');
});

t.test('icicle: every label fits inside its cell (or beside a thread band, in the empty row)', async (t) => {
  for (const [input, raw] of [[one('pipeline_stats.json'), {}], [one('multithread_stats.json'), { width: '400', height: '300' }], [one('overflow_stats.json'), { width: '1920', height: '1080' }]] as const) {
    const svg = draw(input, raw);
    for (const [, x, width, textX, size, label] of svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><\/rect><text x="([\d.]+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)) {
      const inside = Number(textX) < Number(x) + Number(width);
      if (inside) t.ok(Number(textX) + textWidth(label, { size: Number(size) }) <= Number(x) + Number(width) + 0.5, `"${label}" inside its cell`);
    }
  }
  t.equal(cellLabel('tokenize', '3.46 MiB', '12 %', { size: 10 }, 20), '', 'no label of fewer than four characters');
  t.equal(cellLabel('tokenize', '3.46 MiB', '12 %', { size: 10 }, 1000), 'tokenize · 3.46 MiB · 12 %');
});

t.test('measures: calls, self and net; 1.0–1.1 snapshots say that net cannot be known', async (t) => {
  const calls = texts(draw(one('pipeline_stats.json'), { measure: 'calls' }));
  t.ok(calls.some((label) => /^worker\/1 · 101k calls/.test(label)), 'calls of worker/1');
  const net = draw(one('pipeline-v1.1_stats.json'), { measure: 'net' });
  has(t, net, 'no freed counts: net bytes cannot be known');
  has(t, draw(one('pipeline_stats.json'), { measure: 'net' }), 'malloc-tag counts a free in the scope where it happens');
  t.notOk(draw(one('pipeline-v1.1_stats.json')).includes('no freed counts: net'), 'no note when net is not asked');
});

t.test('overflow_stats.json shows its push failures', async (t) => {
  has(t, draw(one('overflow_stats.json')), /69 scope pushes found the tree full/);
});

t.test('bars: the top N scopes, largest first, with figures and shares', async (t) => {
  const svg = draw(one('pipeline_stats.json'), { kind: 'bars', measure: 'self', top: '5' });
  t.matchSnapshot(snapshotText(svg), 'bars by self');
  const labels = texts(svg);
  const order = ['worker/1 › worker › parse', 'worker/1 › worker › index', 'worker/0 › worker › index', 'worker/0 › worker › parse', 'worker/1 › worker › index › tokenize'];
  t.same(labels.filter((label) => order.includes(label)), order);
  t.ok(labels.includes('6.94 MiB · 23 %'));
  t.equal((svg.match(/class="scope-bar"/g) ?? []).length, 5);
  const squeezed = draw(one('pipeline_stats.json'), { kind: 'bars', top: '50', height: '120', width: '300' });
  has(t, squeezed, /scopes not drawn: no room|⚠ \d/);
});

t.test('timeline of the three pipeline.snap files', async (t) => {
  const svg = draw(timeline, { kind: 'timeline', top: '4' });
  t.matchSnapshot(snapshotText(svg), 'timeline');
  has(t, svg, 'time since the first snapshot');
  has(t, svg, 'net bytes of all scopes');
  t.equal((svg.match(/class="scope-area"/g) ?? []).length >= 5, true, 'four scopes and the rest');
  const single = draw({ kind: 'snapshots', snapshots: [snapshotFixture('pipeline_stats.json')] }, { kind: 'timeline' });
  has(t, single, 'one snapshot: upload several');
  const backwards = draw({ kind: 'snapshots', snapshots: [...timeline.snapshots].reverse() }, { kind: 'timeline' });
  has(t, backwards, 'spread by upload order');
});

t.test('paired: the heap of pipeline.mem beside the snapshot\'s scopes', async (t) => {
  const summary = await summarizeMemFile(fixturePath('malloctag/pipeline.mem'));
  const input: MallocTagChartInput = { kind: 'paired', summary, snapshot: snapshotFixture('pipeline_stats.json') };
  const svg = renderMallocTagSvg(input, parsePairedPlotOptions({ kind: 'scopes', format: 'svg', threads: 'merge' }));
  has(t, svg, /<svg[^>]* width="440" height="600" viewBox="0 0 440 600"[^>]* x="0" y="0"/, 'the heap chart nested at 55 % of the width');
  has(t, svg, 'peak heap 2.80 MiB');
  has(t, svg, 'malloc-tag snapshot of pid 20629');
  t.ok(texts(svg).includes('… › worker › index') || texts(svg).some((label) => label.endsWith('worker › index')));
  const heapOnly = renderMallocTagSvg(input, parsePairedPlotOptions({ format: 'svg' }));
  t.notOk(heapOnly.includes('malloc-tag snapshot'), 'kind=heap is the .mem chart alone');
  const { width, height } = await sharp(Buffer.from(svg)).metadata();
  t.same([width, height], [800, 600], 'librsvg reads the nested document');
  const narrow = renderMallocTagSvg(input, parsePairedPlotOptions({ kind: 'scopes', format: 'svg', width: '300', height: '200' }));
  t.notOk(narrow.includes('malloc-tag snapshot'), 'below 400 px the heap is drawn alone');
});

t.test('a kind the input cannot draw is refused naming the option', async (t) => {
  const summary = await summarizeMemFile(fixturePath('malloctag/pipeline.mem'));
  t.throws(() => renderMallocTagSvg({ kind: 'paired', summary, snapshot: snapshotFixture('pipeline_stats.json') }, parseSnapshotPlotOptions({ kind: 'icicle' })), PlotOptionError);
  t.throws(() => renderMallocTagSvg(one('pipeline_stats.json'), parsePairedPlotOptions({ kind: 'scopes' })), /option kind: expected one of icicle, bars, timeline/);
  t.throws(() => renderMallocTagSvg({ kind: 'snapshots', snapshots: [] }, parseSnapshotPlotOptions({})), PlotOptionError);
});

t.test('user text is escaped in titles, thread and scope names', async (t) => {
  const snapshot = snapshotFixture('pipeline_stats.json');
  snapshot.threads[1].name = '</text><script>x</script>';
  snapshot.threads[1].root.children[0].name = 'a & <b>';
  const svg = draw({ kind: 'snapshots', snapshots: [snapshot] }, { title: '<script>' });
  t.notOk(/<script/i.test(svg));
  const { width } = await sharp(Buffer.from(svg)).metadata();
  t.equal(width, 800, 'librsvg parses it');
});
