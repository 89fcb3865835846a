import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import t from 'tap';
import { fixturePath, readReference } from '../fixtures.js';
import { runCapture } from './cli-io.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

t.test('memplot print is byte-identical to the patched memusagestat', async (t) => {
  for (const name of ['ls', 'mmap', 'sort']) {
    const run = await runCapture(['print', fixturePath(`${name}.mem`)]);
    t.equal(run.code, 0);
    t.ok(run.stdout.equals(readFileSync(fixturePath(`oracle/${name}.print.txt`))), `${name}.mem`);
  }
});

t.test("print repairs a crashed program's header as memusagestat does, without writing the file", async (t) => {
  const before = readFileSync(fixturePath('killed.mem'));
  const oracle = readFileSync(fixturePath('oracle/killed.print-head.txt'), 'utf8');
  const run = await runCapture(['--print-parsed-entries', fixturePath('killed.mem')]);
  t.equal(run.stdout.toString('utf8').split('\n').slice(0, 8).join('\n') + '\n', oracle);
  t.equal(run.stdout.toString('utf8').split('\n').length, 8 + 107500 + 1);
  t.ok(readFileSync(fixturePath('killed.mem')).equals(before), 'input unchanged');
  const piped = await runCapture(['print', '-'], gzipSync(before));
  t.ok(piped.stdout.equals(run.stdout), 'the same from gzip on standard input');
});

t.test('memplot stats prints the stats JSON, with exact times as strings', async (t) => {
  const run = await runCapture(['stats', fixturePath('javac.mem')]);
  t.equal(run.code, 0);
  t.equal(run.stderr, '');
  const stats = JSON.parse(run.stdout.toString('utf8'));
  const ref = readReference('javac');
  t.equal(stats.entries, ref.entries);
  t.equal(stats.time.start, ref.header.start_time);
  t.equal(stats.peak.heap, Number(ref.computed!.max_heap_signed));
  t.same(Object.keys(stats), [
    'version', 'entries', 'bytes', 'trailingBytes', 'headerComplete', 'peak', 'peakHeapAt', 'final', 'header', 'time',
    'heapChanges', 'deltaHistogram', 'meanHeap', 'meanHeapOverCalls', 'temporary', 'duration', 'durationSeconds', 'warnings',
  ]);
});

t.test('errors: one line naming the file, exit 1; usage errors exit 2', async (t) => {
  const missing = await runCapture(['stats', '/nonexistent/x.mem']);
  t.equal(missing.code, 1);
  t.equal(missing.stderr, 'memplot: /nonexistent/x.mem: cannot read: no such file\n');
  const notMem = await runCapture(['stats', fixturePath('README.md')]);
  t.equal(notMem.code, 1);
  t.match(notMem.stderr, /^memplot: .*README\.md: not a memusage data file: its first 8 bytes are 23 20 52 65 61 6c 20 6d, expected zeros/);
  const short = await runCapture(['stats', '-'], Buffer.alloc(47));
  t.equal(short.code, 1);
  t.match(short.stderr, /standard input: input of 47 bytes is too short/);
  for (const [argv, message] of [
    [['-x', '99', 'f.mem'], /option -x\/--x-size: expected an integer from 100 to 4096, received "99"/],
    [['--theme=neon', 'f.mem'], /option --theme: expected one of light, dark, classic, received "neon"/],
    [['--scale', '4', 'f.mem'], /option --scale: expected a number from 1 to 3, received "4"/],
    [['-y'], /option requires an argument -- 'y'/],
    [['--bogus', 'f.mem'], /unrecognized option '--bogus'/],
    [['-T3', 'f.mem'], /invalid option -- '3'/],
    [['stats'], /stats takes one DATAFILE, received 0/],
    [[], /missing DATAFILE/],
  ] as [string[], RegExp][]) {
    const run = await runCapture(argv);
    t.equal(run.code, 2, argv.join(' '));
    t.match(run.stderr, message);
  }
});

t.test('--help lists memusagestat flags', async (t) => {
  const run = await runCapture(['--help']);
  t.equal(run.code, 0);
  for (const flag of ['-o, --output', '-s, --string', '-t, --time', '-T, --total', '-x, --x-size', '-y, --y-size']) {
    t.match(run.stdout.toString(), flag);
  }
});

t.test('the installed bin runs as it is', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(ROOT, 'bin/memplot.js'), 'stats', fixturePath('sort.mem')]);
  t.equal(JSON.parse(stdout).entries, 292);
});
