/**
 * The CLI's start-up snapshot, built from the sources into a test directory: it draws the same
 * bytes as the server's renderPlot, and bin/memplot.js's shell line starts it with the command
 * line untouched (Node must not take `-tT` or `--usage` as its own options).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';
import { PARALLEL_MIN_BYTES, summarizeMemFile } from '../../src/aggregate/summarize.js';
import { buildCliSnapshot, snapshotSupported } from '../../src/cli/build-snapshot.js';
import { defaultPlotOptions, type OutputFormat } from '../../src/options/plot-options.js';
import { renderPlot } from '../../src/render/render-plot.js';
import { fixturePath } from '../fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const execFileAsync = promisify(execFile);
/** Runs bin/memplot.js without NODE_OPTIONS (tap sets it in every child's environment; the bin then skips the snapshot). */
const run = (bin: string, argv: string[], options: { cwd: string }) => execFileAsync('env', ['-u', 'NODE_OPTIONS', bin, ...argv], options);

t.test('the snapshot CLI draws byte for byte what the server draws', { skip: snapshotSupported() ? false : `no start-up snapshot on Node ${process.versions.node} (built on Node 20 only)` }, async (t) => {
  const dir = t.testdir();
  // Laid out as a project: bin/ beside dist/snapshot/, so bin/memplot.js finds the snapshot;
  // there is no dist/src/ here, so a run that did not start from the snapshot would fail.
  const snapshotDir = join(dir, 'snapshot');
  await buildCliSnapshot({ outDir: snapshotDir, modulesRoot: ROOT, moduleExtension: '.ts' });
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  symlinkSync(snapshotDir, join(dir, 'dist', 'snapshot'));
  copyFileSync(join(ROOT, 'bin/memplot.js'), join(dir, 'bin/memplot.js'));
  const bin = join(dir, 'bin/memplot.js');

  const summary = await summarizeMemFile(fixturePath('javac.mem'), { hash: false });
  const cases: { argv: string[]; file: string; format: OutputFormat; options: Partial<ReturnType<typeof defaultPlotOptions>> }[] = [
    { argv: ['-tT', '-s', 'javac', fixturePath('javac.mem'), 'a.svg'], file: 'a.svg', format: 'svg', options: { axis: 'time', total: true, title: 'javac' } },
    { argv: [fixturePath('javac.mem'), 'b.png'], file: 'b.png', format: 'png', options: {} },
    { argv: ['--theme=dark', '-x1000', '-o', 'c.webp', fixturePath('javac.mem')], file: 'c.webp', format: 'webp', options: { theme: 'dark', width: 1000 } },
  ];
  for (const c of cases) {
    const result = await run(bin, c.argv, { cwd: dir });
    t.equal(result.stderr, '', c.argv.join(' '));
    const expected = await renderPlot(summary, { ...defaultPlotOptions(), ...c.options, format: c.format });
    t.ok(readFileSync(join(dir, c.file)).equals(expected.body), `${c.file}: identical to renderPlot's`);
  }
  const usage = await run(bin, ['--usage'], { cwd: dir });
  t.match(usage.stdout, /^Usage: memplot \[-/);
  const failed = await run(bin, ['-x', '99', fixturePath('sort.mem')], { cwd: dir }).catch((error: { code: number; stderr: string }) => error);
  t.match(failed, { code: 2, stderr: /option -x\/--x-size: expected an integer from 100 to 4096, received "99"/ });

  // Over PARALLEL_MIN_BYTES the series are built on a worker thread, which the snapshot starts
  // from its modules root: javac.mem's entries fifteen times over.
  const javac = readFileSync(fixturePath('javac.mem'));
  const big = join(dir, 'big.mem');
  writeFileSync(big, Buffer.concat([javac, ...Array.from({ length: 14 }, () => javac.subarray(48))]));
  t.ok(javac.length * 15 > PARALLEL_MIN_BYTES);
  // (Drawn: `stats` and `print` run without the snapshot.)
  const drawn = await run(bin, [big, 'big.svg'], { cwd: dir });
  t.match(drawn.stderr, /warning: .*\(TIME_NON_MONOTONIC\)/);
  const bigSummary = await summarizeMemFile(big, { hash: false });
  const expectedBig = await renderPlot(bigSummary, { ...defaultPlotOptions(), format: 'svg' });
  t.ok(readFileSync(join(dir, 'big.svg')).equals(expectedBig.body), 'a file read on two threads draws as renderPlot draws it');
});
