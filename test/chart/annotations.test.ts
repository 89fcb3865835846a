import t, { type Test } from 'tap';
import type { ProfileSummary } from '../../src/aggregate/summary.js';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { chartAnnotations, placeAnnotations, type AnnotationLayoutOptions, type ChartAnnotations } from '../../src/chart/annotations.js';
import { chartData } from '../../src/chart/chart-data.js';
import { boxesOverlap, type Box } from '../../src/chart/label-layout.js';
import { chartSizing } from '../../src/chart/layout.js';
import { renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { linearScale } from '../../src/chart/scales.js';
import { textWidth } from '../../src/chart/text-metrics.js';
import { defaultPlotOptions, type PlotOptions } from '../../src/options/plot-options.js';
import { fixturePath } from '../fixtures.js';
import { summaryFromEntries } from './summary-fixtures.js';

const FIXTURES = ['javac', 'killed', 'killed-truncated', 'mmap', 'threads', 'python-startup', 'sort', 'ls'];
const SIZES: [number, number][] = [
  [400, 300],
  [520, 360],
  [800, 600],
  [1920, 1080],
];
const OPTION_SETS: Partial<PlotOptions>[] = [{}, { total: true, axis: 'time', title: 'javac' }, { total: true }, { axis: 'time', ticksPerSecond: 2.4e9 }];

const summaries = new Map<string, ProfileSummary>();
async function fixture(name: string): Promise<ProfileSummary> {
  if (!summaries.has(name)) summaries.set(name, await summarizeMemFile(fixturePath(`${name}.mem`)));
  return summaries.get(name)!;
}

const options = (changes: Partial<PlotOptions> = {}): PlotOptions => ({ ...defaultPlotOptions(), ...changes });

/** The annotations of a summary and a geometry like the chart's: the plot inside margins, the heap scale over heap and total. */
function annotate(summary: ProfileSummary, plot: PlotOptions): { annotations: ChartAnnotations; layout: AnnotationLayoutOptions } {
  const sizing = chartSizing(plot.width, plot.height);
  const data = chartData(summary, plot);
  const area = { left: sizing.fontSize * 6, top: sizing.fontSize * 4, width: plot.width - sizing.fontSize * 12, height: plot.height - sizing.fontSize * 8 };
  const low = Math.min(0, data.heapExtent?.min ?? 0, plot.total ? (data.totalExtent?.min ?? 0) : 0);
  const high = Math.max(1, data.heapExtent?.max ?? 0, plot.total ? (data.totalExtent?.max ?? 0) : 0);
  const annotations = chartAnnotations({
    summary,
    data,
    options: plot,
    density: sizing.density,
    describePosition: (position, exact) => `${exact ? '' : '~'}call ${position}`,
    colors: { heap: 'blue', total: 'purple' },
  });
  const layout = {
    x: linearScale(data.xDomain, [area.left, area.left + area.width]),
    y: linearScale([low, high * 1.02], [area.top + area.height, area.top]),
    area,
    fontSize: sizing.fontSize,
    lineHeight: sizing.lineHeight,
    textColor: 'black',
    halo: 'white',
  };
  return { annotations, layout };
}

t.test('on every fixture, option set and size: every label placed, inside the plot, clear of the markers and of each other', async (t) => {
  for (const name of FIXTURES) {
    const summary = await fixture(name);
    for (const changes of OPTION_SETS) {
      for (const [width, height] of SIZES) {
        const plot = options({ ...changes, width, height });
        const { annotations, layout } = annotate(summary, plot);
        const placed = placeAnnotations(annotations, layout);
        const what = `${name} ${JSON.stringify(changes)} ${width}×${height}`;
        const { area } = layout;
        const boxes: Box[] = [];
        for (const item of placed) {
          if (item.annotation.label === '') continue;
          t.ok(item.placement !== null, `${what}: ${item.annotation.kind} is labelled`);
          if (!item.placement) continue;
          const { box } = item.placement;
          t.ok(box.x0 >= area.left && box.x1 <= area.left + area.width && box.y0 >= area.top && box.y1 <= area.top + area.height, `${what}: ${item.annotation.kind} inside the plot`);
          for (const other of placed) {
            const r = 3;
            t.notOk(boxesOverlap(box, { x0: other.mx - r, y0: other.my - r, x1: other.mx + r, y1: other.my + r }), `${what}: ${item.annotation.kind} clear of ${other.annotation.kind}'s marker`);
          }
          const width = Math.max(...item.lines.map((line) => textWidth(line, { size: layout.fontSize })));
          t.ok(box.x1 - box.x0 >= width - 1e-9, `${what}: ${item.annotation.kind}'s box holds its text`);
          boxes.push(box);
        }
        for (let i = 0; i < boxes.length; i += 1) {
          for (let j = i + 1; j < boxes.length; j += 1) t.notOk(boxesOverlap(boxes[i], boxes[j]), `${what}: labels ${i} and ${j} do not intersect`);
        }
      }
    }
  }
});

interface SvgTextBox extends Box {
  text: string;
  annotation: boolean;
  /** Lines of one wrapped label share it: class and x. */
  key: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Boxes of the SVG's horizontal texts, from the font size and anchor each inherits (rotated axis
 * titles are left out): 0.76 em above the baseline to 0.24 em below (DejaVu Sans' tall letters
 * and descenders), and, for annotation labels, their 2 px halo around that.
 */
function textBoxes(svg: string): SvgTextBox[] {
  const stack: Record<string, string>[] = [];
  const boxes: SvgTextBox[] = [];
  const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const inherited = (own: Record<string, string>, name: string) => own[name] ?? [...stack].reverse().find((a) => a[name] !== undefined)?.[name];
  for (const match of svg.matchAll(/<g\b[^>]*>|<\/g>|<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const token = match[0];
    if (token === '</g>') stack.pop();
    else if (token.startsWith('<g')) stack.push(attributes(token));
    else {
      const own = attributes(`<${match[1]}>`);
      if (own.transform) continue;
      const text = match[2].replace(/&(\w+);|&#(\d+);/g, (_, name: string, code: string) => (name ? ENTITIES[name] : String.fromCodePoint(Number(code))));
      const size = Number(inherited(own, 'font-size'));
      const width = textWidth(text, { size, bold: inherited(own, 'font-weight') === 'bold' });
      const anchor = inherited(own, 'text-anchor') ?? 'start';
      const x = Number(own.x);
      const y = Number(own.y);
      const x0 = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      const annotation = /class="label-/.test(match[1]);
      const halo = annotation ? Number(inherited(own, 'stroke-width')) / 2 : 0;
      boxes.push({ x0: x0 - halo, x1: x0 + width + halo, y0: y - size * 0.76 - halo, y1: y + size * 0.24 + halo, text, annotation, key: `${own.class}@${x}` });
    }
  }
  return boxes;
}

/** Each annotation label at least 1 px clear of every other text (touching halos read as one blot). */
function checkSvgLabels(t: Test, svg: string, what: string): void {
  const boxes = textBoxes(svg);
  const labels = boxes.filter((box) => box.annotation);
  for (const label of labels) {
    const clear = { x0: label.x0 - 1, y0: label.y0 - 1, x1: label.x1 + 1, y1: label.y1 + 1 };
    for (const other of boxes) {
      if (other === label || (other.annotation && other.key === label.key)) continue;
      t.notOk(boxesOverlap(clear, other), `${what}: "${label.text}" clear of "${other.text}"`);
    }
  }
}

t.test('in the drawn SVG no annotation label overlaps another label, an axis label, the legend, the notes or the title', async (t) => {
  for (const name of FIXTURES) {
    const summary = await fixture(name);
    for (const changes of OPTION_SETS) {
      for (const [width, height] of SIZES) {
        checkSvgLabels(t, renderChartSvg(summary, options({ ...changes, width, height })), `${name} ${JSON.stringify(changes)} ${width}×${height}`);
      }
    }
  }
  // The text-box reader itself: it sees the labels, and an overlap when there is one.
  const javac = renderChartSvg(await fixture('javac'), options({ total: true, axis: 'time', title: 'javac' }));
  const labels = textBoxes(javac).filter((box) => box.annotation);
  t.same(labels.map((box) => box.text.split(' ')[0] + ' ' + box.text.split(' ')[1]).sort(), ['12.5 MiB', 'peak heap', 'peak heap'], 'three labels read');
  t.ok(boxesOverlap(labels[0], { ...labels[0], x0: labels[0].x1 - 1 }), 'an overlapping box is seen');
});

t.test('the reported overlaps: javac -T -t and killed.mem', async (t) => {
  const javac = renderChartSvg(await fixture('javac'), options({ total: true, axis: 'time', title: 'javac' }));
  const boxes = textBoxes(javac).filter((box) => box.annotation);
  const total = boxes.find((box) => box.text.startsWith('peak heap + stack 13.1 MiB at ~'))!;
  const exit = boxes.find((box) => box.text === '12.5 MiB still allocated at exit')!;
  t.ok(total && exit, 'both labels drawn');
  t.notOk(boxesOverlap(total, exit), 'peak total clear of the exit label');
  // killed.mem: the peak is the last entry: one marker and one label say both.
  const killed = renderChartSvg(await fixture('killed'), options());
  t.match(killed, /class="label-peak-exit">peak and when the recording stopped: 307 MiB at call 107,499</);
  t.notMatch(killed, /still allocated|class="label-peak-heap"|class="label-exit-heap"/);
  t.equal(killed.match(/class="marker-/g)?.length, 1, 'one marker');
});

t.test('label wording: peak and exit together, below zero at exit, nothing at zero, compact forms', async (t) => {
  const labels = (summary: ProfileSummary, changes: Partial<PlotOptions> = {}) => {
    const plot = options(changes);
    return annotate(summary, plot).annotations.items.map((item) => `${item.kind}: ${item.label}`);
  };
  const growing = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: 5000, stack: 1, time: 2 }, { heap: 9000, stack: 1, time: 3 }]);
  t.same(labels(growing), ['peak-exit: peak and at exit: 8.79 KiB at call 2']);
  t.same(labels(growing, { width: 400, height: 300 }), ['peak-exit: peak = exit 8.79 KiB']);
  const killedLike = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: 9000, stack: 1, time: 3 }], {
    warnings: [{ code: 'HEADER_INCOMPLETE', message: 'the program never reached its exit handler' }],
  });
  t.same(labels(killedLike), ['peak-exit: peak and when the recording stopped: 8.79 KiB at call 1']);
  const below = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: 5000, stack: 1, time: 2 }, { heap: -9_017_753, stack: 1, time: 3 }]);
  t.same(labels(below), ['peak-heap: peak heap 4.88 KiB at call 1', 'exit-heap: heap at exit −8.60 MiB (below zero: frees of memory allocated before tracing)']);
  t.same(labels(below, { width: 400, height: 300 }), ['peak-heap: peak heap 4.88 KiB', 'exit-heap: exit −8.60 MiB']);
  const freed = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: 5000, stack: 1, time: 2 }, { heap: 0, stack: 1, time: 3 }]);
  t.same(labels(freed), ['peak-heap: peak heap 4.88 KiB at call 1'], 'no exit label when everything was freed');
  t.same(labels(freed, { width: 100, height: 80 }), ['peak-heap: '], 'thumbnails: a marker without a label');
  const mmap = renderChartSvg(await fixture('mmap'), options());
  t.match(mmap, />heap at exit −8\.60 MiB \(below zero: frees of memory allocated before tracing\)</);
  t.notMatch(mmap, /still allocated/);
});

t.test('a label wider than the plot wraps onto two lines, both inside the plot', async (t) => {
  const below = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: 5000, stack: 1, time: 2 }, { heap: -9_017_753, stack: 1, time: 3 }]);
  const plot = options({ width: 560, height: 400 });
  const { annotations, layout } = annotate(below, { ...plot });
  const narrow = { ...layout, area: { ...layout.area, width: 300 }, x: linearScale([0, 2], [layout.area.left, layout.area.left + 300]) };
  const exit = placeAnnotations(annotations, narrow).find((item) => item.annotation.kind === 'exit-heap')!;
  t.equal(exit.lines.length, 2);
  t.equal(exit.lines.join(' '), exit.annotation.label);
  t.ok(exit.placement && exit.placement.box.x1 - exit.placement.box.x0 <= 300, 'fits the plot width');
});
