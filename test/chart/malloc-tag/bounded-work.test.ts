/**
 * Hostile snapshots cost what the picture allows: 100,000 scopes side by side or one under the
 * other, 1-byte scopes, megabyte names, thousands of threads give icicles, bars and timelines whose
 * cells, labels and text are bounded by the image, never by the tree.
 */
import t from 'tap';
import { renderMallocTagSvg, type MallocTagChartInput } from '../../../src/chart/malloc-tag/render-malloc-tag-svg.js';
import { MAX_CELLS } from '../../../src/chart/malloc-tag/icicle.js';
import { parseSnapshotPlotOptions, SNAPSHOT_CHART_KINDS } from '../../../src/options/plot-options.js';
import { deepSnapshot, hugeNameSnapshot, manyThreadsSnapshot, wideSnapshot } from './hostile-snapshots.js';

const HOSTILE = {
  '100,000 1-byte scopes side by side': wideSnapshot(100_000),
  '100,000 scopes deep': deepSnapshot(100_000),
  'names of a megabyte': hugeNameSnapshot(1_000_000),
  '5,000 threads': manyThreadsSnapshot(5_000),
};

function count(svg: string, pattern: RegExp): number {
  return (svg.match(pattern) ?? []).length;
}

t.test('cells, texts and SVG size bounded by the image', async (t) => {
  for (const [name, snapshot] of Object.entries(HOSTILE)) {
    const input: MallocTagChartInput = { kind: 'snapshots', snapshots: [snapshot, snapshot] };
    for (const kind of SNAPSHOT_CHART_KINDS) {
      for (const [width, height] of [[100, 80], [800, 600], [4096, 4096]]) {
        for (const threads of ['split', 'merge']) {
          const svg = renderMallocTagSvg(input, parseSnapshotPlotOptions({ kind, threads, width: String(width), height: String(height), top: '50', format: 'svg' }));
          const cells = count(svg, /class="scope"/g);
          const longest = Math.max(0, ...[...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1].length));
          const label = `${name} ${kind} ${threads} ${width}×${height}`;
          if (cells > MAX_CELLS) t.fail(`${label}: ${cells} cells`);
          // Tooltips hold bounded paths: a few hundred characters per cell.
          if (svg.length > (MAX_CELLS + 200) * 1500) t.fail(`${label}: ${svg.length} characters of SVG`);
          if (longest > 1000) t.fail(`${label}: a text of ${longest} characters`);
          if (kind === 'icicle' && cells === 0 && !svg.includes('not drawn') && !svg.includes('nothing to draw') && width > 100) t.fail(`${label}: nothing drawn, nothing said`);
        }
      }
    }
    t.pass(`${name}: every kind, size and thread mode bounded`);
  }
});

t.test('a deep tree is folded at the rows the height has room for, and says so', async (t) => {
  const svg = renderMallocTagSvg({ kind: 'snapshots', snapshots: [deepSnapshot(100_000)] }, parseSnapshotPlotOptions({ format: 'svg' }));
  t.ok(count(svg, /class="scope"/g) < 200, `${count(svg, /class="scope"/g)} cells`);
  t.match(svg, /the deepest scopes are folded into their parents/);
  const many = renderMallocTagSvg({ kind: 'snapshots', snapshots: [manyThreadsSnapshot(5_000)] }, parseSnapshotPlotOptions({ format: 'svg' }));
  t.match(many, /thread bands not drawn: no room/);
  const merged = renderMallocTagSvg({ kind: 'snapshots', snapshots: [manyThreadsSnapshot(5_000)] }, parseSnapshotPlotOptions({ format: 'svg', threads: 'merge' }));
  t.match(merged, /worker\/\* \(5,?000 threads\)/);
});
