/**
 * No two texts of a chart overlap — title, legend, notes, tick labels, axis and panel titles,
 * peak and exit labels — on every fixture, at 800×600, 400×200 and 1920×1080, in every theme,
 * in the default layout and with every panel on the time axis.
 */
import { readdirSync } from 'node:fs';
import t from 'tap';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { renderOverlaySvg } from '../../src/chart/overlay/render-overlay-svg.js';
import { defaultComparePlotOptions, defaultPlotOptions, THEMES, type ComparePlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import { FIXTURES_DIR, fixturePath } from '../fixtures.js';
import { overlappingTexts, svgTextBoxes } from './svg-text-boxes.js';

const fixtures = [
  ...readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.mem')),
  ...readdirSync(fixturePath('edge')).filter((name) => name.endsWith('.mem')).map((name) => `edge/${name}`),
];
const sizes = [[800, 600], [400, 200], [1920, 1080]] as const;
const layouts: Partial<PlotOptions>[] = [
  {},
  { total: true, axis: 'time', panels: ['rate', 'changes'], title: 'a title as long as people give them, with the command line' },
  { total: true, stack: 'separate' },
];

t.test('the helper finds an overlap: two labels at the same place', async (t) => {
  const svg = '<svg><g font-size="12"><text x="10" y="20">peak heap</text><text x="30" y="22">exit</text><text x="10" y="40">apart</text></g></svg>';
  const pairs = overlappingTexts(svgTextBoxes(svg));
  t.same(pairs.map(([a, b]) => [a.text, b.text]), [['peak heap', 'exit']]);
  const rotated = svgTextBoxes('<svg><text transform="translate(20,100) rotate(-90)" text-anchor="middle" font-size="10">heap</text></svg>')[0];
  t.ok(rotated.y1 - rotated.y0 > rotated.x1 - rotated.x0, 'a rotated title is taller than wide');
});

t.test('no two text boxes overlap', async (t) => {
  t.ok(fixtures.length >= 12, `${fixtures.length} fixtures`);
  for (const fixture of fixtures) {
    const summary = await summarizeMemFile(fixturePath(fixture)).catch((error: Error) => error);
    if (summary instanceof Error) {
      t.pass(`${fixture}: not drawn (${summary.message.slice(0, 60)}…)`);
      continue;
    }
    for (const [width, height] of sizes) {
      for (const theme of THEMES) {
        for (const layout of layouts) {
          const options = { ...defaultPlotOptions(), width, height, theme, ...layout };
          const pairs = overlappingTexts(svgTextBoxes(renderChartSvg(summary, options)));
          const name = `${fixture} ${width}×${height} ${theme} ${JSON.stringify(layout)}`;
          if (pairs.length === 0) continue;
          t.fail(`${name}: ${pairs.map(([a, b]) => `"${a.text}" [${a.x0.toFixed(1)},${a.y0.toFixed(1)} ${a.x1.toFixed(1)},${a.y1.toFixed(1)}] × "${b.text}" [${b.x0.toFixed(1)},${b.y0.toFixed(1)} ${b.x1.toFixed(1)},${b.y1.toFixed(1)}]`).join('; ')}`);
        }
      }
    }
    t.pass(`${fixture}: every size, theme and layout checked`);
  }
});

t.test('charts of two runs: no two text boxes overlap (legend names, both peaks, the change, the diff extremes)', async (t) => {
  const pairs = [['sort.mem', 'ls.mem'], ['javac.mem', 'python-startup.mem'], ['python-startup.mem', 'javac.mem'], ['threads.mem', 'mmap.mem'], ['killed.mem', 'header-only.mem']] as const;
  const compareLayouts: Partial<ComparePlotOptions>[] = [
    {},
    { align: 'absolute', axis: 'time', total: true, title: 'a title as long as people give them, with the command line' },
    { mode: 'diff' },
  ];
  for (const [baseFile, headFile] of pairs) {
    const base = await summarizeMemFile(fixturePath(baseFile));
    const head = await summarizeMemFile(fixturePath(headFile));
    for (const [width, height] of sizes) {
      for (const theme of THEMES) {
        for (const layout of compareLayouts) {
          const options = { ...defaultComparePlotOptions(), width, height, theme, ...layout, baseName: baseFile, headName: headFile };
          const overlaps = overlappingTexts(svgTextBoxes(renderOverlaySvg(base, head, options)));
          if (overlaps.length === 0) continue;
          t.fail(`${baseFile} vs ${headFile} ${width}×${height} ${theme} ${JSON.stringify(layout)}: ${overlaps.map(([a, b]) => `"${a.text}" × "${b.text}"`).join('; ')}`);
        }
      }
    }
    t.pass(`${baseFile} vs ${headFile}: every size, theme and layout checked`);
  }
});
