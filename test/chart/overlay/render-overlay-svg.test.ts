import t, { type Test } from 'tap';
import sharp from 'sharp';
import { summarizeMemFile } from '../../../src/aggregate/summarize.js';
import { renderOverlaySvg, type OverlayOptions } from '../../../src/chart/overlay/render-overlay-svg.js';
import { defaultComparePlotOptions, PlotOptionError } from '../../../src/options/plot-options.js';
import { fixturePath } from '../../fixtures.js';
import { summaryFromEntries } from '../summary-fixtures.js';
import { snapshotText } from '../svg-snapshot-text.js';
import { svgTextBoxes } from '../svg-text-boxes.js';

function has(t: Test, svg: string, pattern: RegExp | string, message = `has ${pattern}`): void {
  t.ok(typeof pattern === 'string' ? svg.includes(pattern) : pattern.test(svg), message);
}
function lacks(t: Test, svg: string, pattern: RegExp | string, message = `lacks ${pattern}`): void {
  t.notOk(typeof pattern === 'string' ? svg.includes(pattern) : pattern.test(svg), message);
}

const options = (changes: Partial<OverlayOptions> = {}): OverlayOptions => ({ ...defaultComparePlotOptions(), ...changes });
const texts = (svg: string) => svgTextBoxes(svg).map((box) => box.text);

// Base: 1,000 calls up to 10 MiB at call 500; head: 3,000 calls up to 12 MiB at call 2,400 (80 % of its run).
const MiB = 1024 * 1024;
const base = summaryFromEntries(Array.from({ length: 1000 }, (_, i) => ({ heap: Math.round((i <= 500 ? i / 500 : (1000 - i) / 500) * 10 * MiB), stack: 1000, time: i * 10 })));
const head = summaryFromEntries(Array.from({ length: 3000 }, (_, i) => ({ heap: Math.round((i <= 2400 ? i / 2400 : (3000 - i) / 600) * 12 * MiB), stack: 1000, time: i * 10 })));

/** x of a marker of this class, in px. */
function markerX(svg: string, kind: string): number {
  const match = new RegExp(`<circle cx="([\\d.]+)" cy="[\\d.]+" class="marker-${kind}"`).exec(svg);
  if (!match) throw new Error(`no marker-${kind}`);
  return Number(match[1]);
}

/** Left and right pixel of the x axis line. */
function axisEnds(svg: string): [number, number] {
  const match = /class="axis-bottom"><path d="M([\d.]+),[\d.]+H([\d.]+)/.exec(svg)!;
  return [Number(match[1]), Number(match[2])];
}

t.test('both runs, both peaks with the change, the legend with both names', async (t) => {
  const svg = renderOverlaySvg(base, head, options({ baseName: 'main', headName: 'feature' }));
  has(t, svg, 'class="line-base"');
  has(t, svg, 'class="line-head"');
  has(t, svg, /class="line-base" d="[^"]+" fill="url\(#memplot-overlay-base-dash\)"/, 'the base is filled with the dash stripes');
  has(t, svg, /<pattern id="memplot-overlay-base-dash" patternUnits="userSpaceOnUse"/);
  has(t, svg, /stroke-dasharray="6 4"/, 'the legend draws the base dashed');
  const all = texts(svg);
  t.ok(all.includes('main (base)') && all.includes('feature (head)'), 'legend names both runs');
  t.ok(all.includes('main peak 10.0 MiB'), 'base peak labelled');
  t.ok(all.includes('feature peak 12.0 MiB: +2.00 MiB (+20.0 %)'), 'head peak labelled with its change');
  t.ok(all.includes("progress (% of each run's memory function calls)"));
  t.ok(all.includes('0') && all.includes('100'), 'progress ticks from 0 to 100 %');
  const { width, height } = await sharp(Buffer.from(svg)).metadata();
  t.same([width, height], [800, 600], 'librsvg parses it');
});

t.test('progress aligns each run to its own length; absolute puts them on one position scale', async (t) => {
  const progress = renderOverlaySvg(base, head, options());
  const [left, right] = axisEnds(progress);
  const at = (share: number) => left + (right - left) * share;
  t.ok(Math.abs(markerX(progress, 'peak-base') - at(500 / 999)) < 1, 'base peak at 50 % of the width');
  t.ok(Math.abs(markerX(progress, 'peak-heap') - at(2400 / 2999)) < 1, 'head peak at 80 % of the width');
  const absolute = renderOverlaySvg(base, head, options({ align: 'absolute' }));
  const [aLeft, aRight] = axisEnds(absolute);
  t.ok(Math.abs(markerX(absolute, 'peak-base') - (aLeft + ((aRight - aLeft) * 500) / 2999)) < 1, 'base peak at call 500 of 2,999');
  t.ok(Math.abs(markerX(absolute, 'peak-heap') - (aLeft + ((aRight - aLeft) * 2400) / 2999)) < 1);
  t.ok(texts(absolute).includes('memory function calls'), 'the calls axis title');
  t.notOk(texts(absolute).includes('100'), 'no progress ticks');
  const time = renderOverlaySvg(base, head, options({ axis: 'time', align: 'absolute', ticksPerSecond: 1000 }));
  t.ok(texts(time).includes('time since start'), 'absolute time in seconds with ticks_per_second');
  t.ok(texts(renderOverlaySvg(base, head, options({ axis: 'time' }))).includes("progress (% of each run's time)"));
});

t.test('total compares heap + stack', async (t) => {
  const svg = renderOverlaySvg(base, head, options({ total: true }));
  const all = texts(svg);
  t.ok(all.includes('heap + stack'), 'axis title');
  t.ok(all.some((text) => /^head peak heap \+ stack 12\.0 MiB: \+2\.00 MiB/.test(text)), all.join(' | '));
});

t.test('diff mode: head − base per progress column, largest increase marked', async (t) => {
  const svg = renderOverlaySvg(base, head, options({ mode: 'diff', align: 'absolute' }));
  has(t, svg, 'class="diff-increase"');
  has(t, svg, 'class="diff-decrease"', 'head is below base after the base peak');
  lacks(t, svg, 'class="line-base"');
  const all = texts(svg);
  t.ok(all.includes('head above base') && all.includes('head below base'), 'legend');
  t.ok(all.includes('heap: head − base'), 'axis title says what is subtracted');
  t.ok(all.includes('100') && all.some((text) => text.startsWith('progress')), 'diff is on the progress axis even when align=absolute');
  t.ok(all.some((text) => /^largest increase \+[\d.]+ MiB at \d+ %$/.test(text)), all.join(' | '));
  t.ok(all.some((text) => /^largest decrease −[\d.]+ MiB at \d+ %$/.test(text)));
});

t.test('the same run twice: no change, an empty diff', async (t) => {
  const svg = renderOverlaySvg(base, base, options());
  t.ok(texts(svg).includes('head peak 10.0 MiB: ±0 B'));
  const diff = renderOverlaySvg(base, base, options({ mode: 'diff' }));
  lacks(t, diff, 'class="diff-increase"');
  lacks(t, diff, 'class="diff-decrease"');
});

t.test('runs without entries, and one without', async (t) => {
  const empty = summaryFromEntries([]);
  const none = renderOverlaySvg(empty, empty, options());
  t.ok(texts(none).includes('no entries: neither file holds recorded calls'));
  const one = renderOverlaySvg(empty, head, options());
  lacks(t, one, 'class="line-base"');
  has(t, one, 'class="line-head"');
  t.ok(texts(one).includes('head peak 12.0 MiB'), 'no change without a base peak');
  has(t, renderOverlaySvg(empty, head, options({ mode: 'diff' })), /^<svg/);
});

t.test('themes, sizes, scale; bad options refused naming them; long names cut', async (t) => {
  for (const theme of ['light', 'dark', 'classic'] as const) {
    for (const [width, height] of [[100, 80], [400, 300], [1920, 1080]]) {
      const svg = renderOverlaySvg(base, head, options({ theme, width, height, scale: 2 }));
      has(t, svg, new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`), `${theme} ${width}×${height}`);
    }
  }
  t.throws(() => renderOverlaySvg(base, head, options({ width: 99 })), new PlotOptionError('width', 99, 'an integer from 100 to 4096'));
  t.throws(() => renderOverlaySvg(base, head, { ...options(), align: 'sideways' as never }), { option: 'align', message: /expected one of progress, absolute/ });
  t.throws(() => renderOverlaySvg(base, head, { ...options(), mode: 'ratio' as never }), { name: 'PlotOptionError', option: 'mode' });
  const svg = renderOverlaySvg(base, head, options({ baseName: 'x'.repeat(500), headName: '</text><script>' }));
  lacks(t, svg, '<script');
  const legend = texts(svg).find((text) => text.startsWith('xxx'))!;
  t.ok(legend.length < 100 && legend.includes('…'), 'a long name is cut with an ellipsis');
});

t.test('deterministic: same summaries and options give the same bytes', async (t) => {
  const first = renderOverlaySvg(base, head, options({ title: 'compare' }));
  renderOverlaySvg(head, base, options({ mode: 'diff', theme: 'dark' }));
  t.equal(renderOverlaySvg(base, head, options({ title: 'compare' })), first);
});

t.test('snapshots on recorded fixtures', async (t) => {
  const sort = await summarizeMemFile(fixturePath('sort.mem'));
  const ls = await summarizeMemFile(fixturePath('ls.mem'));
  const javac = await summarizeMemFile(fixturePath('javac.mem'));
  const python = await summarizeMemFile(fixturePath('python-startup.mem'));
  t.matchSnapshot(snapshotText(renderOverlaySvg(sort, ls, options({ baseName: 'sort.mem', headName: 'ls.mem' }))), 'sort vs ls, progress');
  t.matchSnapshot(snapshotText(renderOverlaySvg(javac, python, options({ theme: 'dark', align: 'absolute', axis: 'time' }))), 'javac vs python-startup, dark, absolute time');
  t.matchSnapshot(snapshotText(renderOverlaySvg(javac, python, options({ mode: 'diff', width: 400, height: 300 }))), 'javac vs python-startup, diff, compact');
});
