/**
 * Issue 9: no loop may cost more than the chart's pixels or the input's bytes allow. Hostile
 * inputs (times near 2^64 and far outside the header's span, heaps near ±2^63, one entry, all
 * equal, time stepping back every entry) on every axis/total/stack combination must give charts
 * whose path points and ticks are bounded by the chart's width, and the loops that once counted
 * data values count pixels.
 */
import t from 'tap';
import { summarizeMemStream } from '../../src/aggregate/summarize.js';
import type { M4Series } from '../../src/aggregate/summary.js';
import { clipToColumns, lineCoverage } from '../../src/chart/line-coverage.js';
import { MAX_TICKS, ticksWithin } from '../../src/chart/nice-ticks.js';
import { renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { linearScale, type LinearScale } from '../../src/chart/scales.js';
import { renderOverlaySvg } from '../../src/chart/overlay/render-overlay-svg.js';
import { ALIGNMENTS, AXES, COMPARE_MODES, defaultComparePlotOptions, defaultPlotOptions, STACK_MODES } from '../../src/options/plot-options.js';
import { buildMem, type MemSpec } from '../mem-builder.js';

const U64_MAX = (1n << 64n) - 1n;
const HOSTILE: Record<string, MemSpec> = {
  'one entry': { entries: [{ heap: 100, stack: 10, time: 5000 }] },
  'all equal': { entries: Array.from({ length: 50 }, () => ({ heap: 4096, stack: 64, time: 7777 })) },
  'all equal near 2^62': { entries: Array.from({ length: 5 }, () => ({ heap: 1n << 62n, stack: 1n << 62n, time: 1n << 62n })), start: 0n },
  'times near 2^64': { entries: [{ heap: 1, stack: 1, time: U64_MAX - 5n }, { heap: 2, stack: 2, time: U64_MAX - 1n }, { heap: 3, stack: 1, time: 3n }], start: 10n },
  'times far outside the header': { entries: [{ heap: 1, stack: 1, time: 1n << 62n }, { heap: 5, stack: 3, time: 1000n }, { heap: 9, stack: 1, time: (1n << 63n) + 7n }], start: 500n, complete: false },
  'start near 2^64': { entries: [{ heap: 1, stack: 0, time: 100 }, { heap: 2, stack: 0, time: 200 }], start: U64_MAX - 3n },
  'heaps near ±2^63': { entries: [{ heap: (1n << 63n) - 1n, stack: 1, time: 100 }, { heap: -(1n << 63n), stack: 1n << 63n, time: 200 }, { heap: 0, stack: 0, time: 300 }] },
  'time steps back every entry': {
    entries: Array.from({ length: 2000 }, (_, i) => ({ heap: (i * 7919) % 100000, stack: i % 300, time: i % 2 ? 1n << 40n : BigInt(1000 + i) })),
  },
};

async function summaryOf(spec: MemSpec) {
  const bytes = buildMem(spec);
  return summarizeMemStream((async function* () {
    yield bytes;
  })());
}

/** Points of every path (M/L/H/V/C/Z commands) and text elements (tick labels, legend, notes) of an SVG. */
function countDrawing(svg: string): { points: number; texts: number } {
  let points = 0;
  for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) points += (d.match(/[MLHVCZ]/gi) ?? []).length;
  const texts = (svg.match(/<text/g) ?? []).length;
  return { points, texts };
}

t.test('hostile inputs on every axis, stack and total: path points bounded by the width, labels by a constant', async (t) => {
  for (const [name, spec] of Object.entries(HOSTILE)) {
    const summary = await summaryOf(spec);
    for (const axis of AXES) {
      for (const stack of STACK_MODES) {
        for (const total of [false, true]) {
          for (const ticksPerSecond of [null, 3e9]) {
            for (const width of [100, 1200]) {
              const svg = renderChartSvg(summary, { ...defaultPlotOptions(), format: 'svg', axis, stack, total, ticksPerSecond, width, height: 300 });
              const { points, texts } = countDrawing(svg);
              // Three lines (heap, stack, total) of at most 4 points per pixel column, plus frame, bands and markers.
              const bound = 3 * 4 * (width + 2) + 400;
              if (points > bound || texts > 100) t.fail(`${name} axis=${axis} stack=${stack} total=${total} tps=${ticksPerSecond} width=${width}: ${points} points (bound ${bound}), ${texts} texts`);
            }
          }
        }
      }
    }
    t.pass(`${name}: bounded on every combination`);
  }
});

t.test('charts of two runs on hostile inputs: path points bounded by the width on every align, mode, axis and total', async (t) => {
  const summaries = await Promise.all(Object.values(HOSTILE).map(summaryOf));
  const names = Object.keys(HOSTILE);
  for (let i = 0; i < summaries.length; i += 1) {
    // Each hostile input against the next (and the last against the first): every one is once base, once head.
    const j = (i + 1) % summaries.length;
    for (const align of ALIGNMENTS) {
      for (const mode of COMPARE_MODES) {
        for (const axis of AXES) {
          for (const total of [false, true]) {
            for (const width of [100, 1200]) {
              const svg = renderOverlaySvg(summaries[i], summaries[j], { ...defaultComparePlotOptions(), format: 'svg', align, mode, axis, total, width, height: 300 });
              const { points, texts } = countDrawing(svg);
              // Two lines and a halo (or two areas) of at most 4 points per pixel column, plus markers and axes.
              const bound = 3 * 4 * (width + 2) + 400;
              if (points > bound || texts > 100) t.fail(`${names[i]} vs ${names[j]} align=${align} mode=${mode} axis=${axis} total=${total} width=${width}: ${points} points (bound ${bound}), ${texts} texts`);
            }
          }
        }
      }
    }
    t.pass(`${names[i]} vs ${names[j]}: bounded on every combination`);
  }
});

t.test('ticksWithin counts ticks, not indices: past 2^53 an index loop would never end', async (t) => {
  t.same(ticksWithin(0, 10, 2), [0, 2, 4, 6, 8, 10]);
  t.same(ticksWithin(-1.5, 1.5, 0.5), [-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
  // niceStep gives 1 for an empty span: min = max = 2^62 once looped forever (index + 1 === index).
  t.equal(ticksWithin(2 ** 62, 2 ** 62, 1).length, 1);
  const huge = ticksWithin(512 * 3.6e16, 512 * 3.6e16 + 8 * 512, 512);
  t.ok(huge.length <= 10, `a few ticks far from 0 (${huge.length})`);
  t.same(ticksWithin(0, 1e12, 1), [], 'a step far too small for the range gives no ticks rather than 1e12 of them');
  t.equal(ticksWithin(0, MAX_TICKS - 1, 1).length, MAX_TICKS);
  t.same(ticksWithin(0, 1, 0), []);
  t.same(ticksWithin(Number.NaN, 1, 1), []);
});

t.test('lineCoverage: a line between points 1e15 px outside the plot costs its visible columns only', async (t) => {
  const series: M4Series = {
    axis: 'index',
    bucketWidth: 1,
    count: [1, 1],
    heap: { first: [0, 100], last: [0, 100], min: [0, 100], max: [0, 100] },
    stack: { first: [0, 0], last: [0, 0], min: [0, 0], max: [0, 0] },
    total: { min: [0, 100], max: [0, 100] },
    maxPosition: 1,
  };
  let calls = 0;
  const inner = linearScale([0, 100], [500, 0]);
  const y = Object.assign((value: number) => (calls++, inner(value)), { domain: inner.domain, range: inner.range }) as LinearScale;
  const x = linearScale([0, 1], [-1e15, 1e15]);
  const coverage = lineCoverage([{ series, columns: series.heap, step: false }], x, y, 0, 400);
  t.ok(calls <= 4 * 402 + 8, `y evaluated ${calls} times for 400 columns`);
  t.equal(coverage.top.length, 400);
  const middle = 200 - coverage.left;
  t.ok(Math.abs(coverage.top[middle] - 250) < 1, 'the visible part is where the line crosses the plot: halfway up at the middle');
  t.same(clipToColumns(-100, 100, 0, 200, 0, 50), [0, 50, 100, 150]);
  t.equal(clipToColumns(-100, -50, 0, 1, 0, 50), null);
  t.equal(clipToColumns(Number.NEGATIVE_INFINITY, 10, 0, 1, 0, 50), null);
});
