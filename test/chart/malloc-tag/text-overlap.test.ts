/**
 * No two texts of a malloc-tag chart overlap — title, caption, notes, cell labels, band names
 * beside their band, bar labels and figures, legend, ticks — for every snapshot fixture and kind,
 * at 800×600, 400×200 and 1920×1080, in every theme, split and merged; and the paired chart.
 */
import { readdirSync } from 'node:fs';
import t, { type Test } from 'tap';
import { summarizeMemFile } from '../../../src/aggregate/summarize.js';
import { renderMallocTagSvg, type MallocTagChartInput } from '../../../src/chart/malloc-tag/render-malloc-tag-svg.js';
import { parsePairedPlotOptions, parseSnapshotPlotOptions, SNAPSHOT_CHART_KINDS, THEMES } from '../../../src/options/plot-options.js';
import { fixturePath } from '../../fixtures.js';
import { overlappingTexts, svgTextBoxes } from '../svg-text-boxes.js';
import { snapshotFixture } from './snapshot-fixtures.js';

const snapshots = readdirSync(fixturePath('malloctag')).filter((name) => name.endsWith('.json') && !name.endsWith('.ref.json') && name !== 'truncated_stats.json');
const sizes = [[800, 600], [400, 200], [1920, 1080]] as const;

function check(t: Test, name: string, svg: string): void {
  const pairs = overlappingTexts(svgTextBoxes(svg));
  if (pairs.length > 0) t.fail(`${name}: ${pairs.map(([a, b]) => `"${a.text}" × "${b.text}"`).join('; ')}`);
}

t.test('no two text boxes overlap', async (t) => {
  t.ok(snapshots.length >= 7, `${snapshots.length} snapshots`);
  const timeline: MallocTagChartInput = { kind: 'snapshots', snapshots: ['0000', '0001', '0002'].map((n) => snapshotFixture(`pipeline.snap.${n}.json`)) };
  for (const file of snapshots) {
    const input: MallocTagChartInput = { kind: 'snapshots', snapshots: [snapshotFixture(file)] };
    for (const [width, height] of sizes) {
      for (const theme of THEMES) {
        for (const kind of SNAPSHOT_CHART_KINDS) {
          for (const threads of ['split', 'merge']) {
            const options = parseSnapshotPlotOptions({ width: String(width), height: String(height), theme, kind, threads, title: 'a title as long as people give them, with the command line', format: 'svg' });
            check(t, `${file} ${kind} ${threads} ${width}×${height} ${theme}`, renderMallocTagSvg(kind === 'timeline' && file.startsWith('pipeline.snap') ? timeline : input, options));
          }
        }
      }
    }
    t.pass(`${file}: every size, theme, kind and thread mode checked`);
  }
  const summary = await summarizeMemFile(fixturePath('malloctag/pipeline.mem'));
  for (const [width, height] of sizes) {
    for (const theme of THEMES) {
      for (const measure of ['total', 'net']) {
        const options = parsePairedPlotOptions({ kind: 'scopes', width: String(width), height: String(height), theme, measure, title: 'pipeline.mem and its malloc-tag snapshot', format: 'svg' });
        check(t, `paired ${width}×${height} ${theme} ${measure}`, renderMallocTagSvg({ kind: 'paired', summary, snapshot: snapshotFixture('pipeline_stats.json') }, options));
      }
    }
  }
  t.pass('paired chart: every size and theme checked');
});
