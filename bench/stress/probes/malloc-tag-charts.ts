/**
 * The malloc-tag charts (issue 15) on hostile snapshots, in this process (the chart code the render
 * worker runs): 100,000 1-byte scopes side by side, 100,000 scopes deep, megabyte names, 5,000
 * threads, and a timeline of many snapshots, drawn as every kind at 800×600 and 4096×4096 and
 * rasterised to PNG. What it shows: each render costs the picture, not the tree.
 */
import type { MallocTagSnapshot } from '../../../src/format/malloc-tag/snapshot.js';
import { renderMallocTagSvg, type MallocTagChartInput } from '../../../src/chart/malloc-tag/render-malloc-tag-svg.js';
import { parseSnapshotPlotOptions, SNAPSHOT_CHART_KINDS } from '../../../src/options/plot-options.js';
import { rasterizeSvg } from '../../../src/raster/rasterize-svg.js';
import { summarise, Tally } from '../harness.js';
import { deepSnapshot, hugeNameSnapshot, manyThreadsSnapshot, wideSnapshot } from '../malloc-tag-inputs.js';
import { newResult, target, type ProbeResult } from '../result.js';
import type { ProbeContext } from '../probe.js';

function countScopes(snapshot: MallocTagSnapshot): number {
  let count = 0;
  for (const thread of snapshot.threads) {
    const work = [thread.root];
    while (work.length > 0) {
      count += 1;
      work.push(...work.pop()!.children);
    }
  }
  return count;
}

export async function mallocTagCharts(ctx: ProbeContext): Promise<ProbeResult> {
  const started = Date.now();
  const nodes = ctx.quick ? 20_000 : 100_000;
  const inputs: Record<string, MallocTagChartInput> = {
    [`${nodes} 1-byte scopes wide`]: { kind: 'snapshots', snapshots: [wideSnapshot(nodes)] },
    [`${nodes} scopes deep`]: { kind: 'snapshots', snapshots: [deepSnapshot(nodes)] },
    'names of 1 MB': { kind: 'snapshots', snapshots: [hugeNameSnapshot(1_000_000)] },
    '5,000 threads': { kind: 'snapshots', snapshots: [manyThreadsSnapshot(5_000)] },
    [`${ctx.quick ? 50 : 200} snapshots of 5,000 threads`]: { kind: 'snapshots', snapshots: Array.from({ length: ctx.quick ? 50 : 200 }, () => manyThreadsSnapshot(5_000)) },
  };
  const sizes = ctx.quick ? [[800, 600]] : [[800, 600], [4096, 4096]];
  const result = newResult('malloctag-charts', 'malloc-tag charts on hostile snapshots', `every kind (${SNAPSHOT_CHART_KINDS.join(', ')}) × threads split and merge × ${sizes.map(([w, h]) => `${w}×${h}`).join(', ')} on: ${Object.keys(inputs).join('; ')}; SVG by renderMallocTagSvg, PNG by the raster module, in the probe's process`);
  const svgMs: number[] = [];
  /** Timeline renders: milliseconds per thousand scope nodes read (its work follows the input, like a reader's). */
  const timelineMsPerThousand: number[] = [];
  const pngMs: number[] = [];
  let largestSvg = 0;
  const heapBefore = process.memoryUsage().rss;
  let peakRss = heapBefore;
  for (const [name, input] of Object.entries(inputs)) {
    const tally = new Tally();
    const ms: number[] = [];
    for (const kind of SNAPSHOT_CHART_KINDS) {
      for (const threads of ['split', 'merge']) {
        for (const [width, height] of sizes) {
          const options = parseSnapshotPlotOptions({ kind, threads, width: String(width), height: String(height), top: '50', format: 'png' });
          try {
            const t0 = performance.now();
            const svg = renderMallocTagSvg(input, options);
            const t1 = performance.now();
            await rasterizeSvg(svg, { format: 'png', scale: 1 });
            const t2 = performance.now();
            if (input.kind === 'snapshots' && input.snapshots.length > 1) {
              const scopes = input.snapshots.reduce((sum, snapshot) => sum + countScopes(snapshot), 0);
              timelineMsPerThousand.push(((t1 - t0) / scopes) * 1000);
            } else svgMs.push(t1 - t0);
            pngMs.push(t2 - t1);
            ms.push(t2 - t0);
            largestSvg = Math.max(largestSvg, svg.length);
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            tally.add('drawn');
          } catch (error) {
            tally.add(`failed: ${(error as Error).message.slice(0, 80)}`);
          }
        }
      }
    }
    result.rows.push({ label: name, tally, latency: summarise(ms) });
  }
  const svg = summarise(svgMs);
  const png = summarise(pngMs);
  const failed = result.rows.reduce((sum, row) => sum + row.tally.total - (row.tally.counts.get('drawn') ?? 0), 0);
  result.lost = failed === 0 ? 'nothing' : `${failed} renders failed`;
  result.targets.push(target('every hostile snapshot drawn', 'all', failed === 0 ? 'all' : `${failed} failed`, failed === 0));
  result.targets.push(target('SVG of one snapshot\'s chart (the render worker\'s share before the raster)', '≤ 2 s', `slowest ${svg.maxMs.toFixed(0)} ms, median ${svg.medianMs.toFixed(0)} ms`, svg.maxMs <= 2000));
  const perThousand = Math.max(0, ...timelineMsPerThousand);
  result.targets.push(target('SVG of a many-snapshot chart, per 1,000 scope nodes read', '≤ 20 ms', `slowest ${perThousand.toFixed(2)} ms`, perThousand <= 20));
  result.targets.push(target('SVG size', '≤ 32 MB', `largest ${(largestSvg / 1e6).toFixed(2)} MB`, largestSvg <= 32e6));
  result.targets.push(target('probe RSS growth', '≤ 1 GB', `${((peakRss - heapBefore) / 1e6).toFixed(0)} MB`, peakRss - heapBefore <= 1e9));
  result.notes.push(`PNG rasterising: median ${png.medianMs.toFixed(0)} ms, slowest ${png.maxMs.toFixed(0)} ms.`);
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
