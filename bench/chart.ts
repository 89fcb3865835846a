/**
 * Chart benchmark: SVG build and raster times from a profile summary (median of N runs after a
 * warm-up) at 800×600 and 1920×1080 scale 2. Targets from a summary: 800×600 SVG ≤ 15 ms and
 * PNG ≤ 60 ms. Run alone: `node dist/bench/chart.js FILE.mem [RUNS]`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeMemFile } from '../src/aggregate/summarize.js';
import type { ProfileSummary } from '../src/aggregate/summary.js';
import { renderChartSvg } from '../src/chart/render-chart-svg.js';
import { defaultPlotOptions, type PlotOptions } from '../src/options/plot-options.js';
import { rasterizeSvg } from '../src/raster/rasterize-svg.js';
import { fmt, timeMs } from './measure.js';

interface ChartCase {
  name: string;
  options: Partial<PlotOptions>;
}

const CASES: readonly ChartCase[] = [
  { name: '800x600', options: {} },
  { name: '800x600 -T -t', options: { total: true, axis: 'time' } },
  { name: '1920x1080@2', options: { width: 1920, height: 1080, scale: 2 } },
];

/**
 * Median milliseconds per case: `<case> svg` (renderChartSvg) and `<case> png` (rasterizeSvg of
 * that SVG, PNG at the case's scale).
 */
export async function benchChart(summary: ProfileSummary, runs = 20): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const chartCase of CASES) {
    const options: PlotOptions = { ...defaultPlotOptions(), ...chartCase.options };
    const svg = renderChartSvg(summary, options);
    results[`${chartCase.name} svg`] = await timeMs(() => renderChartSvg(summary, options), runs, 10);
    results[`${chartCase.name} png`] = await timeMs(() => rasterizeSvg(svg, { format: 'png', scale: options.scale }), runs, 3);
  }
  return results;
}

export function chartTable(results: Record<string, number>): string {
  const rows = Object.entries(results).map(([name, ms]) => `| ${name.padEnd(22)} | ${fmt(ms, 1).padStart(8)} |`);
  return ['| chart from a summary   | median ms |', '| ---------------------- | -------: |', ...rows].join('\n');
}

async function main(): Promise<void> {
  const [file, runsText] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/chart.js FILE.mem [RUNS]');
    process.exitCode = 2;
    return;
  }
  const runs = runsText ? Number(runsText) : 20;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`RUNS: expected a positive integer, received ${JSON.stringify(runsText)}`);
    process.exitCode = 2;
    return;
  }
  const summary = await summarizeMemFile(resolve(file));
  console.log(`${file}: ${summary.stats.entries} entries`);
  console.log(chartTable(await benchChart(summary, runs)));
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) await main();
