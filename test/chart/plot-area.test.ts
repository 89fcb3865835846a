/**
 * Series lines stay inside the plot area. A steep segment between two far-apart columns (few
 * entries on a wide chart) used to be drawn with a vertical thickness growing with its slope, so
 * its ribbon reached hundreds of pixels past its end points: over the x axis, the time bands and
 * the legend. Every ribbon vertex must lie within the plot area widened by half its line width,
 * and the lines are clipped to the plot area besides.
 */
import t, { type Test } from 'tap';
import type { ProfileSummary } from '../../src/aggregate/summary.js';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { m4LinePath, segmentVertices } from '../../src/chart/m4-path.js';
import { PLOT_CLIP_ID, renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { linearScale } from '../../src/chart/scales.js';
import { defaultPlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import { fixturePath } from '../fixtures.js';
import { summaryFromEntries } from './summary-fixtures.js';

const MiB = 1024 * 1024;

/** Absolute points of path data made of M, L, H, V, h, v and Z commands (what the chart writes). */
function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVhvZ])([^MLHVhvZ]*)/g)) {
    const numbers = args.split(/[ ,]+/).filter(Boolean).map(Number);
    if (command === 'Z') continue;
    if (command === 'M' || command === 'L') [x, y] = numbers;
    else if (command === 'H') x = numbers[0];
    else if (command === 'V') y = numbers[0];
    else if (command === 'h') x += numbers[0];
    else if (command === 'v') y += numbers[0];
    points.push({ x, y });
  }
  return points;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function outside(points: readonly { x: number; y: number }[], box: Box, margin: number): { x: number; y: number }[] {
  return points.filter((p) => p.x < box.left - margin || p.x > box.right + margin || p.y < box.top - margin || p.y > box.bottom + margin);
}

/** The plot area as the gridlines show it: one line per value tick, from the plot's left to its right, the first tick at its bottom and the last at its top. */
function gridArea(svg: string): Box {
  const grid = /<g class="grid"><path d="([^"]+)"/.exec(svg);
  if (!grid) throw new Error('no grid in the chart');
  const lines = [...grid[1].matchAll(/M(-?[\d.]+),(-?[\d.]+)h([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) }));
  const ys = lines.map((line) => line.y);
  return { left: lines[0].x, right: lines[0].x + lines[0].width, top: Math.min(...ys) - 0.5, bottom: Math.max(...ys) - 0.5 };
}

/** Line paths and their fill-less widths: `class="line-heap"` etc., halos included. */
function seriesPaths(svg: string): { name: string; d: string }[] {
  return [...svg.matchAll(/<path class="((?:line|halo)-\w+)" d="([^"]*)"/g)].map((m) => ({ name: m[1], d: m[2] }));
}

/** In the default layout the stack has a panel of its own under the heap: its line stays inside that panel. */
function checkStackPanel(t: Test, summary: ProfileSummary, options: PlotOptions): void {
  const svg = renderChartSvg(summary, { ...options, stack: 'panel' });
  const panel = /<g class="panel-stack">(.*?)<g class="axis-left">/.exec(svg);
  t.ok(panel, 'the stack has its own panel');
  if (!panel) return;
  const area = gridArea(panel[1]);
  const paths = seriesPaths(panel[1]);
  t.same(paths.map((path) => path.name), ['line-stack'], 'the panel draws the stack line');
  for (const path of paths) t.same(outside(pathPoints(path.d), area, 1.5).slice(0, 5), [], `${path.name}: every point within its panel (${area.top}..${area.bottom})`);
  t.match(panel[1], /<g clip-path="url\(#memplot-panel-stack\)"><path class="line-stack"/, 'clipped to the panel');
  t.notOk(seriesPaths(/<g clip-path="url\(#memplot-plot-area\)">(.*?)<\/g>/.exec(svg)![1]).some((path) => path.name === 'line-stack'), 'and not on the heap panel');
}

function checkChart(t: Test, summary: ProfileSummary, options: PlotOptions): void {
  checkStackPanel(t, summary, options);
  // The stack on the heap panel (its own right axis) is clipped with the heap.
  options = { ...options, stack: 'separate' };
  const svg = renderChartSvg(summary, options);
  const area = gridArea(svg);
  const paths = seriesPaths(svg);
  t.ok(paths.length >= 2, `series drawn (${paths.map((p) => p.name).join(', ')})`);
  // Half the thickest ribbon: heap line 2 px + halo 2 px, and 1 px for gridline and coordinate rounding.
  const margin = (2 + 2) / 2 + 1;
  for (const path of paths) {
    const stray = outside(pathPoints(path.d), area, margin);
    t.same(stray.slice(0, 5), [], `${path.name}: every point within the plot area (${area.left}..${area.right} × ${area.top}..${area.bottom}) ± ${margin} px`);
  }
  const clip = new RegExp(`<clipPath id="${PLOT_CLIP_ID}"><rect x="(-?[\\d.]+)" y="(-?[\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`).exec(svg);
  t.ok(clip, 'a clip path of the plot area is defined');
  if (clip) {
    const [x, y, width, height] = clip.slice(1).map(Number);
    t.ok(x >= area.left - margin && x + width <= area.right + margin && y >= area.top - margin && y + height <= area.bottom + margin, `the clip rectangle ${x},${y} ${width}×${height} hugs the plot area`);
  }
  const group = new RegExp(`<g clip-path="url\\(#${PLOT_CLIP_ID}\\)">(.*?)</g>`).exec(svg);
  t.ok(group, 'the series are drawn in a group clipped to it');
  t.equal(group ? seriesPaths(group[1]).length : 0, paths.length, 'every series path is inside the clipped group');
}

for (const [width, height] of [
  [800, 600],
  [1920, 1080],
]) {
  t.test(`sort.mem at ${width}×${height}: 292 entries, steep heap and stack edges stay inside the plot`, async (t) => {
    const summary = await summarizeMemFile(fixturePath('sort.mem'));
    checkChart(t, summary, { ...defaultPlotOptions(), width, height });
    checkChart(t, summary, { ...defaultPlotOptions(), width, height, total: true });
  });
}

t.test('three entries, 0 → 80 MiB → 0, on a wide chart', async (t) => {
  const summary = summaryFromEntries([
    { heap: 0, stack: 0, time: 0 },
    { heap: 80 * MiB, stack: 2048, time: 10 },
    { heap: 0, stack: 0, time: 20 },
  ]);
  checkChart(t, summary, { ...defaultPlotOptions(), width: 1920, height: 1080 });
  checkChart(t, summary, { ...defaultPlotOptions(), width: 800, height: 600, axis: 'time' });
});

t.test('a ribbon of a near-vertical segment between far-apart columns keeps to its end points', async (t) => {
  // Two entries 3 px apart rising 500 px: the old vertical thickness was 1 × √(1 + (500/1)²) ≈ 500 px on each side.
  const summary = summaryFromEntries([
    { heap: 0, stack: 0, time: 0 },
    { heap: 1000, stack: 0, time: 1 },
  ]);
  const x = linearScale([0, 1], [100, 103.5]);
  const y = linearScale([0, 1000], [550, 50]);
  for (const lineWidth of [1, 2, 4]) {
    const d = m4LinePath(summary.m4.index, summary.m4.index.heap, { x, y, pixelRatio: 1, interpolation: 'linear', lineWidth });
    const stray = outside(pathPoints(d), { left: 100, right: 103.5, top: 50, bottom: 550 }, lineWidth / 2 + 0.05);
    t.same(stray, [], `line width ${lineWidth}: ${d}`);
  }
});

t.test('segmentVertices: the rectangle one line-width thick across the segment, between its end points', async (t) => {
  // Flat: half above and below.
  t.same(segmentVertices(0, 10, 10, 10, 1), [
    { x: 0, top: 9, bottom: 11 },
    { x: 10, top: 9, bottom: 11 },
  ]);
  // Vertical-ish (dx 1, dy -100): never beyond the end points by more than half the width.
  const steep = segmentVertices(0, 100, 1, 0, 1);
  for (const vertex of steep) t.ok(vertex.top >= -1 && vertex.bottom <= 101 && vertex.top <= vertex.bottom, `vertex ${JSON.stringify(vertex)}`);
  t.equal(steep[0].x, 0);
  t.equal(steep[steep.length - 1].x, 1);
  // At 45°, the thickness across the line is the line width: vertical thickness √2 × width away from the ends.
  const diagonal = segmentVertices(0, 0, 100, 100, 1);
  const middle = diagonal.find((v) => v.x > 10 && v.x < 90) ?? diagonal[1];
  t.ok(Math.abs(middle.bottom - middle.top - 2 * Math.SQRT2) < 1e-9, `vertical thickness ${middle.bottom - middle.top}`);
});
