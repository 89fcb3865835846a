import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { METRIC_NAMES } from '../../src/compare/metrics.js';
import { BASE_RUN, HEAD_RUN, statsPath } from '../compare/recorded-runs.js';
import { fixturePath } from '../fixtures.js';
import { runCapture } from './cli-io.js';

async function statsOf(path: string, ...extra: string[]) {
  const run = await runCapture(['stats', ...extra, path]);
  return JSON.parse(run.stdout.toString('utf8'));
}

t.test('two recorded runs: every delta is the difference of the two `memplot stats` outputs', async (t) => {
  const base = await statsOf(BASE_RUN.path, '--ticks-per-second=3e9');
  const head = await statsOf(HEAD_RUN.path, '--ticks-per-second=3e9');
  const run = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format=json', '--ticks-per-second', '3e9']);
  t.equal(run.code, 0);
  t.equal(run.stderr, '');
  const report = JSON.parse(run.stdout.toString('utf8'));
  t.same(report.base, { id: BASE_RUN.id, stats: base }, 'base: sha256 of the file and its stats');
  t.same(report.head, { id: HEAD_RUN.id, stats: head });
  t.same(Object.keys(report.deltas), METRIC_NAMES);
  for (const metric of METRIC_NAMES) {
    const b = statsPath(base, metric);
    const h = statsPath(head, metric);
    t.not(b, null, `${metric} is there`);
    t.same(report.deltas[metric], { base: b, head: h, change: h! - b!, ratio: h! / b! }, metric);
  }
  t.ok(report.deltas['peak.heap'].change > 100 * 1024 * 1024, 'eight times the numbers: a much larger peak');
  t.notOk('verdict' in report, 'no verdict without thresholds');
});

t.test('--fail-on: exit 1 naming the metric the head breaks, 0 when every threshold holds', async (t) => {
  const broken = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--fail-on', 'peak.heap>+5%', '--fail-on=final.heap>+1MiB']);
  t.equal(broken.code, 1);
  t.match(broken.stderr, /^memplot: threshold failed: peak\.heap>\+5%: peak\.heap: change \+\d+\.\d % > \+5\.0 % \(17\.9 MiB → 167 MiB\)\n$/);
  t.match(broken.stdout.toString(), /FAILED: 1 of 2 thresholds failed\n {2}peak\.heap>\+5%: peak\.heap: change/);
  t.match(broken.stdout.toString(), /^peak\.heap +17\.9 MiB +167 MiB +\+149 MiB +\+830\.0 %$/m, 'the table row');
  const kept = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--fail-on', 'peak.heap>+1000%', '--fail-on', 'peak.total>=1GiB']);
  t.equal(kept.code, 0);
  t.equal(kept.stderr, '');
  t.match(kept.stdout.toString(), /PASSED: all 2 thresholds hold/);
  const json = JSON.parse((await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format', 'json', '--fail-on', 'peak.heap>+5%'])).stdout.toString());
  t.same(json.verdict.thresholds, ['peak.heap>+5%']);
  t.equal(json.verdict.passed, false);
  t.equal(json.verdict.failures[0].metric, 'peak.heap');
});

t.test('gzip or not, the same ids and report; Markdown links under --url', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memplot-compare-'));
  t.teardown(() => import('node:fs').then((fs) => fs.rmSync(dir, { recursive: true, force: true })));
  const gz = join(dir, 'head.mem.gz');
  writeFileSync(gz, gzipSync(HEAD_RUN.bytes));
  const plain = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '--format=json']);
  const zipped = await runCapture(['compare', BASE_RUN.path, gz, '--format=json']);
  t.same(JSON.parse(zipped.stdout.toString()), JSON.parse(plain.stdout.toString()));
  const md = (await runCapture(['compare', BASE_RUN.path, gz, '--format=markdown', '--url=https://memplot.example.com/'])).stdout.toString();
  t.match(md, `[overlay](https://memplot.example.com/compare/${BASE_RUN.id}/${HEAD_RUN.id}/plot.png)`);
  t.match(md, '| `peak.heap` | 17.9 MiB | 167 MiB | +149 MiB | +830.0 % |');
  t.notMatch((await runCapture(['compare', BASE_RUN.path, gz, '--format=markdown'])).stdout.toString(), /\]\(/, 'no links without --url');
});

t.test('usage errors exit 2, unreadable inputs 1', async (t) => {
  const cases: [string[], RegExp, number][] = [
    [['compare', BASE_RUN.path], /compare takes two DATAFILEs, BASE and HEAD, received 1/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--format=yaml'], /option --format: expected one of text, json, markdown, received "yaml"/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--fail-on', 'peak.heep>1%'], /option --fail-on: threshold "peak.heep>1%": unknown metric "peak.heep": expected one of peak.heap/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--fail-on', '5%'], /names no metric/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--fail-on'], /option '--fail-on' requires an argument/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--bogus'], /unrecognized option '--bogus' for compare/, 2],
    [['compare', BASE_RUN.path, HEAD_RUN.path, '--x-size=5'], /option --x-size: expected an integer from 100 to 4096, received "5"/, 2],
    [['compare', '-', HEAD_RUN.path], /compare reads files/, 2],
    [['compare', '/nonexistent.mem', HEAD_RUN.path], /\/nonexistent\.mem: cannot read: no such file/, 1],
    [['compare', fixturePath('README.md'), HEAD_RUN.path], /README\.md: not a memusage data file/, 1],
  ];
  for (const [argv, message, code] of cases) {
    const run = await runCapture(argv);
    t.equal(run.code, code, argv.join(' '));
    t.match(run.stderr, message);
  }
});

t.test('-o draws the overlay chart of both runs: PNG, SVG by the extension; the report still printed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memplot-overlay-'));
  t.teardown(() => import('node:fs').then((fs) => fs.rmSync(dir, { recursive: true, force: true })));
  const png = join(dir, 'overlay.png');
  const run = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '-o', png, '--theme=dark', '--fail-on=peak.heap>+5%']);
  t.equal(run.code, 1, 'the threshold still decides the exit code');
  t.match(run.stdout.toString(), /^peak\.heap /m);
  const { readFileSync } = await import('node:fs');
  t.ok(readFileSync(png).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG');
  const svgPath = join(dir, 'overlay.svg');
  t.equal((await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, `--output=${svgPath}`, '--align=absolute', '--title=sort'])).code, 0);
  const svg = readFileSync(svgPath, 'utf8');
  t.match(svg, /^<svg/);
  t.match(svg, 'sort-small.mem (base)', 'the legend names both runs by their files');
  t.match(svg, 'sort-large.mem (head)');
  const bad = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '-o', join(dir, 'x.png'), '--mode=sideways']);
  t.equal(bad.code, 2);
  t.match(bad.stderr, /option --mode: expected one of overlay, diff, received "sideways"/);
  const unwritable = await runCapture(['compare', BASE_RUN.path, HEAD_RUN.path, '-o', join(dir, 'missing-dir', 'x.png')]);
  t.equal(unwritable.code, 1);
  t.match(unwritable.stderr, /missing-dir\/x\.png: cannot write/);
});
