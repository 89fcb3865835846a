import t, { type Test } from 'tap';
import sharp from 'sharp';
import { summarizeMemFile } from '../../src/aggregate/summarize.js';
import { renderChartSvg } from '../../src/chart/render-chart-svg.js';
import { defaultPlotOptions, PlotOptionError, type PlotOptions } from '../../src/options/plot-options.js';
import { fixturePath } from '../fixtures.js';
import { summaryFromEntries } from './summary-fixtures.js';
import { snapshotText } from './svg-snapshot-text.js';

/** Pattern checks that print the pattern, not a whole SVG, when they fail. */
function has(t: Test, svg: string, pattern: RegExp | string, message = `has ${pattern}`): void {
  t.ok(typeof pattern === 'string' ? svg.includes(pattern) : pattern.test(svg), message);
}
function lacks(t: Test, svg: string, pattern: RegExp | string, message = `lacks ${pattern}`): void {
  t.notOk(typeof pattern === 'string' ? svg.includes(pattern) : pattern.test(svg), message);
}

const options = (changes: Partial<PlotOptions> = {}): PlotOptions => ({ ...defaultPlotOptions(), ...changes });

const ramp = summaryFromEntries(Array.from({ length: 5000 }, (_, i) => ({ heap: i * 1000 + (i % 13) * 5000, stack: 2000 + (i % 50) * 40, time: i * i })));

t.test('user text is escaped: a title cannot open elements', async (t) => {
  const title = '</text><script>alert(1)</script> & "quotes" \u00a0nbsp \u0001control';
  const svg = renderChartSvg(ramp, options({ title }));
  lacks(t, svg, /<script/i);
  has(t, svg, '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" &#160;nbsp control');
  lacks(t, svg, /&nbsp;/, 'no HTML-only entity in the XML');
  const { width, height } = await sharp(Buffer.from(svg)).metadata();
  t.same([width, height], [800, 600], 'librsvg parses the SVG');
});

t.test('deterministic: same summary and options give the same bytes, whatever was drawn before', async (t) => {
  const first = renderChartSvg(ramp, options({ total: true, title: 'ramp' }));
  renderChartSvg(ramp, options({ theme: 'dark', axis: 'time', width: 300, height: 200 }));
  t.equal(renderChartSvg(ramp, options({ total: true, title: 'ramp' })), first);
  t.same([...first.matchAll(/id="([^"]*)"/g)].map((m) => m[1]), ['memplot-plot-area', 'memplot-panel-stack'], 'no generated ids: only the fixed ids of the clip paths of the heap and stack panels');
  const all = renderChartSvg(ramp, options({ panels: ['rate', 'changes'] }));
  t.same([...all.matchAll(/id="([^"]*)"/g)].map((m) => m[1]), ['memplot-plot-area', 'memplot-panel-stack', 'memplot-panel-rate', 'memplot-panel-changes'], 'one fixed id per panel');
});

t.test('sizes from 100×80 to 4096×4096 give valid SVG of that size; outside is refused naming the option', async (t) => {
  for (const [width, height] of [[100, 80], [240, 160], [400, 300], [1920, 1080], [4096, 4096]]) {
    const svg = renderChartSvg(ramp, options({ width, height, title: 'a title that is rather long for the smallest sizes', total: true }));
    has(t, svg, new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`));
    const metadata = await sharp(Buffer.from(svg), { density: 18 }).metadata();
    t.ok(metadata.format === 'svg', `${width}×${height} parses`);
    has(t, svg, /class="line-heap"/, `${width}×${height} draws the heap`);
  }
  t.throws(() => renderChartSvg(ramp, options({ width: 99 })), new PlotOptionError('width', 99, 'an integer from 100 to 4096'));
  t.throws(() => renderChartSvg(ramp, options({ height: 4097 })), { name: 'PlotOptionError', option: 'height', message: /height: expected an integer from 80 to 4096, received 4097/ });
});

t.test('options built in code are checked like parsed ones', async (t) => {
  const bad: [Partial<PlotOptions>, RegExp][] = [
    [{ stack: 'left' as never }, /^option stack: expected one of separate, same, none, panel, received "left"$/],
    [{ panels: ['rate', 'memory'] as never }, /^option panels: expected a comma-separated list of rate, changes \(or none\), received \["rate","memory"\]$/],
    [{ panels: ['rate', 'rate'] }, /^option panels: expected a comma-separated list/],
    [{ panels: 'rate' as never }, /^option panels: expected a comma-separated list/],
    [{ axis: 'index' as never }, /^option axis: expected one of calls, time, received "index"$/],
    [{ theme: 'solarized' as never }, /^option theme: expected one of light, dark, classic/],
    [{ scale: 4 }, /^option scale: expected a number from 1 to 3, received 4$/],
    [{ ticksPerSecond: 0 }, /^option ticks_per_second: expected a number from 1 to 10000000000000, received 0$/],
    [{ total: 'yes' as never }, /^option total: expected a boolean/],
    [{ width: 1.5 as never }, /^option width: expected an integer from 100 to 4096, received 1.5$/],
  ];
  for (const [change, message] of bad) t.throws(() => renderChartSvg(ramp, options(change)), { name: 'PlotOptionError', message }, JSON.stringify(change));
});

t.test('stack modes: panel (the default) draws the stack in its own panel, separate has a right axis, same shares the heap scale, none draws no stack', async (t) => {
  const panel = renderChartSvg(ramp, options());
  has(t, panel, /<g class="panel-stack">.*<path class="line-stack"/);
  lacks(t, panel, /class="axis-right"/);
  has(t, panel, />stack \(panel below\)</, 'the legend says where the stack is');
  lacks(t, renderChartSvg(ramp, options({ width: 100, height: 80 })), /panel-stack|line-stack/, 'a thumbnail has no room for the panel: it leaves the stack out');
  const separate = renderChartSvg(ramp, options({ stack: 'separate' }));
  has(t, separate, /class="axis-right"/);
  has(t, separate, /class="line-stack"/);
  const same = renderChartSvg(ramp, options({ stack: 'same' }));
  lacks(t, same, /class="axis-right"/);
  has(t, same, /class="line-stack"/);
  const none = renderChartSvg(ramp, options({ stack: 'none' }));
  lacks(t, none, /class="line-stack"|class="axis-right"/);
  lacks(t, none, />stack/);
});

t.test('a heap below zero: the stack axis puts its 0 at the heap zero line, not at the bottom', async (t) => {
  const entries = Array.from({ length: 400 }, (_, i) => ({ heap: (200 - i) * 10_000, stack: 1000 + (i % 20) * 100, time: i }));
  const svg = renderChartSvg(summaryFromEntries(entries), options({ stack: 'separate' }));
  const zeroY = (side: string) => Number(new RegExp(`class="axis-${side}">.*?<text x="[^"]+" y="([^"]+)">0</text>`).exec(svg)![1]);
  t.equal(zeroY('right'), zeroY('left'));
  t.ok(zeroY('left') < 500, 'zero is well above the bottom of the plot');
});

t.test('time axis: CPU ticks unless ticks per second are given, then seconds; calls axis shows time bands', async (t) => {
  const ticks = renderChartSvg(ramp, options({ axis: 'time' }));
  has(t, ticks, />CPU ticks since start</);
  lacks(t, ticks, /class="time-bands"/);
  const seconds = renderChartSvg(ramp, options({ axis: 'time', ticksPerSecond: 1e6 }));
  has(t, seconds, />time since start</);
  has(t, seconds, />10 s</);
  const calls = renderChartSvg(ramp, options());
  has(t, calls, /class="time-bands"/);
  has(t, calls, />memory function calls</);
});

t.test('annotations: peak heap and where, peak total when asked, heap left at exit', async (t) => {
  const svg = renderChartSvg(ramp, options({ total: true }));
  // Heap i·1000 + (i mod 13)·5000 peaks at entry 4,991 (5,051,000 bytes) and ends at 5,034,000 bytes.
  t.ok(svg.includes('>peak heap 4.82 MiB at call 4,991<'), 'peak heap and where');
  t.ok(/class="label-peak-total">peak heap \+ stack 4\.8\d MiB at ~call 4,99\d</.test(svg), 'peak total and about where');
  t.ok(svg.includes('class="label-exit-heap">4.80 MiB still allocated at exit<'), 'heap left at exit');
  has(t, svg, '>heap + stack (stack ≤ 3.87 KiB: on the heap line)<', 'the legend explains a total hidden by the heap');
  const bigStack = summaryFromEntries([{ heap: 1000, stack: 900, time: 1 }, { heap: 2000, stack: 800, time: 2 }]);
  has(t, renderChartSvg(bigStack, options({ total: true })), '>heap + stack<', 'and says nothing when it shows');
  const freed = summaryFromEntries([{ heap: 10, stack: 1, time: 1 }, { heap: 0, stack: 1, time: 2 }]);
  lacks(t, renderChartSvg(freed, options()), /at exit/, 'no leak hint when everything was freed');
});

t.test('warnings are visible notes; an empty file says so', async (t) => {
  const warned = summaryFromEntries([{ heap: 5, stack: 1, time: 1 }], { warnings: [{ code: 'TRAILING_BYTES', message: 'the last 8 bytes are a partial record' }] });
  has(t, renderChartSvg(warned, options()), />⚠ the last 8 bytes are a partial record</);
  has(t, renderChartSvg(warned, options({ width: 120, height: 90 })), />⚠ 1</, 'a count on thumbnails');
  const negative = summaryFromEntries([{ heap: 100, stack: 1, time: 1 }, { heap: -5000, stack: 1, time: 2 }]);
  has(t, renderChartSvg(negative, options()), /heap counter went below zero/);
  has(t, renderChartSvg(negative, options()), /class="zero-line"/);
  const sameTime = summaryFromEntries([{ heap: 5, stack: 1, time: 0 }, { heap: 9, stack: 1, time: 0 }]);
  has(t, renderChartSvg(sameTime, options({ axis: 'time' })), 'every entry has the same time');
  lacks(t, renderChartSvg(sameTime, options()), 'every entry has the same time', 'the calls axis spreads them');
  const empty = summaryFromEntries([]);
  has(t, renderChartSvg(empty, options()), /no entries/);
});

t.test('degenerate data never puts NaN or Infinity into the SVG', async (t) => {
  const cases: Record<string, { heap: number; stack: number; time: number }[]> = {
    'one entry': [{ heap: 100, stack: 10, time: 5 }],
    'all zero': [{ heap: 0, stack: 0, time: 0 }, { heap: 0, stack: 0, time: 0 }],
    'heap only below zero': [{ heap: -100, stack: 0, time: 1 }, { heap: -5000, stack: 0, time: 2 }],
    'near 2^53 bytes': [{ heap: 2 ** 52, stack: 2 ** 20, time: 1 }, { heap: 2 ** 53 - 1, stack: 0, time: 2 ** 52 }],
    'same time': [{ heap: 10, stack: 1, time: 7 }, { heap: 20, stack: 2, time: 7 }, { heap: 5, stack: 3, time: 7 }],
  };
  for (const [name, entries] of Object.entries(cases)) {
    for (const change of [{}, { axis: 'time' as const, total: true }, { stack: 'same' as const, width: 100, height: 80 }, { ticksPerSecond: 1e9, axis: 'time' as const, scale: 3 }, { panels: ['rate', 'changes'] as const }, { panels: ['rate', 'changes'] as const, axis: 'time' as const }]) {
      const svg = renderChartSvg(summaryFromEntries(entries), options(change));
      lacks(t, svg, /NaN|Infinity|undefined/, `${name} ${JSON.stringify(change)}: no NaN`);
    }
  }
});

const fixtureCases: { name: string; file: string; options: Partial<PlotOptions> }[] = [
  { name: 'javac default', file: 'javac.mem', options: {} },
  { name: 'javac -T -t, stack on its own right axis', file: 'javac.mem', options: { total: true, axis: 'time', stack: 'separate' } },
  { name: 'javac -T -t, stack, rate and changes panels', file: 'javac.mem', options: { total: true, axis: 'time', panels: ['rate', 'changes'] } },
  { name: 'threads, calls axis, rate panel, no stack, classic 400×200', file: 'threads.mem', options: { stack: 'none', panels: ['rate'], theme: 'classic', width: 400, height: 200 } },
  { name: 'javac -T -t -s javac, dark', file: 'javac.mem', options: { total: true, axis: 'time', title: 'javac', theme: 'dark' } },
  { name: 'javac classic, stack on the heap scale', file: 'javac.mem', options: { theme: 'classic', stack: 'same', total: true } },
  { name: 'mmap: heap below zero, no stack', file: 'mmap.mem', options: { stack: 'none' } },
  { name: 'killed-truncated: warnings', file: 'killed-truncated.mem', options: { width: 640, height: 400 } },
  { name: 'threads on seconds', file: 'threads.mem', options: { axis: 'time', ticksPerSecond: 2.4e9, total: true } },
  { name: 'header-only', file: 'header-only.mem', options: {} },
  { name: 'sort thumbnail', file: 'sort.mem', options: { width: 100, height: 80, title: 'sort' } },
  { name: 'edge/sametime on the time axis', file: 'edge/sametime.mem', options: { axis: 'time' } },
  { name: 'edge/end-before-start, time axis, classic', file: 'edge/end-before-start.mem', options: { axis: 'time', theme: 'classic' } },
];

t.test('snapshots on the recorded fixtures', async (t) => {
  for (const fixture of fixtureCases) {
    const summary = await summarizeMemFile(fixturePath(fixture.file));
    t.matchSnapshot(snapshotText(renderChartSvg(summary, options(fixture.options))), fixture.name);
  }
});
