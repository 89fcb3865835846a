/**
 * Fidelity of the M4 line: drawn from a summary (a few thousand buckets regrouped into pixel
 * columns), it must light the same pixels as the line through every entry on ≥ 99.5 % of the
 * image, as the M4 paper promises.
 */
import t from 'tap';
import sharp from 'sharp';
import type { M4Columns, M4Series } from '../../src/aggregate/summary.js';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { m4LinePath } from '../../src/chart/m4-path.js';
import { linearScale } from '../../src/chart/scales.js';
import { renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { defaultPlotOptions } from '../../src/options/plot-options.js';
import { rasterizeSvg } from '../../src/raster/rasterize-svg.js';
import { fixturePath } from '../fixtures.js';
import { readMemEntries, summaryFromEntries, type EntryPoint } from './summary-fixtures.js';

const WIDTH = 800;
const HEIGHT = 600;
const LINE_WIDTH = 2;

function page(content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>${content}</svg>`;
}

function scalesFor(entries: readonly EntryPoint[]) {
  let low = 0;
  let high = 1;
  for (const entry of entries) {
    low = Math.min(low, entry.heap);
    high = Math.max(high, entry.heap);
  }
  const x = linearScale([0, entries.length - 1], [40, WIDTH - 40]);
  const y = linearScale([low, high], [HEIGHT - 40, 40]);
  return { x, y };
}

/** The reference: a polyline through every entry, stroked with round joins as chart lines are (miter
 * joins would add spikes at each turn of a zig-zag that no renderer of a chart wants). */
function everyPointSvg(entries: readonly EntryPoint[]): string {
  const { x, y } = scalesFor(entries);
  const d = entries.map((entry, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(3)},${y(entry.heap).toFixed(3)}`).join('');
  return page(`<path d="${d}" fill="none" stroke="#000000" stroke-width="${LINE_WIDTH}" stroke-linejoin="round" stroke-linecap="round"/>`);
}

function m4Svg(entries: readonly EntryPoint[], series: M4Series, values: M4Columns): string {
  const { x, y } = scalesFor(entries);
  return page(`<path d="${m4LinePath(series, values, { x, y, pixelRatio: 1, interpolation: 'linear', lineWidth: LINE_WIDTH })}" fill="#000000"/>`);
}

async function greyPixels(svg: string): Promise<Buffer> {
  return sharp(await rasterizeSvg(svg, { format: 'png', scale: 1 })).greyscale().raw().toBuffer();
}

/** Share of pixels whose grey levels differ by at most a quarter of the range (anti-aliasing noise). */
async function agreement(a: string, b: string): Promise<{ share: number; inked: number }> {
  const [left, right] = await Promise.all([greyPixels(a), greyPixels(b)]);
  let same = 0;
  let inked = 0;
  for (let i = 0; i < left.length; i += 1) {
    if (Math.abs(left[i] - right[i]) <= 64) same += 1;
    if (left[i] < 128) inked += 1;
  }
  return { share: same / left.length, inked };
}

function randomWalk(length: number): EntryPoint[] {
  // A deterministic generator (LCG): bursts of allocations and frees around a slow rise.
  let state = 12345;
  let heap = 0;
  return Array.from({ length }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    heap = Math.max(0, heap + Math.round((state / 2147483648 - 0.48) * 20_000));
    return { heap, stack: 0, time: i * 10 };
  });
}

t.test('a 50,000-point random walk summarised into 4,096 buckets', async (t) => {
  const entries = randomWalk(50_000);
  const summary = summaryFromEntries(entries, { buckets: 4096 });
  const { share, inked } = await agreement(everyPointSvg(entries), m4Svg(entries, summary.m4.index, summary.m4.index.heap));
  t.ok(inked > 3000, `the reference line is drawn (${inked} dark pixels)`);
  t.ok(share >= 0.995, `${(share * 100).toFixed(3)} % of pixels agree`);
});

for (const name of ['ls', 'javac', 'threads']) {
  t.test(`${name}.mem: the M4 line from summarize.ts against every entry of the file`, async (t) => {
    const entries = readMemEntries(fixturePath(`${name}.mem`));
    const summary = await summarizeMemFile(fixturePath(`${name}.mem`));
    t.equal(summary.m4.index.maxPosition, entries.length - 1);
    const { share } = await agreement(everyPointSvg(entries), m4Svg(entries, summary.m4.index, summary.m4.index.heap));
    t.ok(share >= 0.995, `${(share * 100).toFixed(3)} % of pixels agree`);
  });
}

t.test('the whole chart from an every-point summary and from the M4 summary look the same', async (t) => {
  const entries = randomWalk(30_000);
  const options = { ...defaultPlotOptions(), stack: 'none' as const, title: 'fidelity' };
  const every = renderChartSvg(summaryFromEntries(entries, { buckets: entries.length }), options);
  const m4 = renderChartSvg(summaryFromEntries(entries, { buckets: 4096 }), options);
  const { share } = await agreement(every, m4);
  t.ok(share >= 0.995, `${(share * 100).toFixed(3)} % of pixels agree`);
});
