/**
 * `npm run bench [-- SECTION...]`: records the corpus when missing, then measures memplot
 * against glibc's memusagestat on the same machine and writes BENCHMARKS.md.
 * Sections: startup, stats, cli, charts, http, compare, zoom (default: all).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeMemFile } from '../src/aggregate/summarize.js';
import { benchChart } from './chart.js';
import { benchHttp, formatHttpBench } from './http.js';
import { benchCompare, formatCompareBench } from './compare.js';
import { benchZoom, formatZoomBench } from './zoom.js';
import { commandExists, fmt, measureCommand, measureStartup } from './measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'bench/corpus');
const MAKE_CORPUS = resolve(ROOT, '../shared/corpus/make-corpus.sh');
const MEMPLOT = join(ROOT, 'bin/memplot.js');
const FIXTURE = resolve(ROOT, '../shared/fixtures/sort.mem');

function ensureCorpus(): void {
  const missing = ['medium', 'large'].filter((n) => !existsSync(join(CORPUS, `${n}.mem`)));
  if (missing.length === 0) return;
  mkdirSync(CORPUS, { recursive: true });
  for (const set of missing) {
    console.error(`recording the ${set} corpus file with ${MAKE_CORPUS} …`);
    const result = spawnSync('bash', [MAKE_CORPUS, CORPUS, set], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`make-corpus.sh ${set} failed`);
  }
}

/**
 * A second recording of the large workload (fresh timestamps, so another id), for comparing two
 * stored 990 MB profiles: recorded beside the corpus when missing.
 */
function secondLargeRecording(): string {
  const file = join(CORPUS, 'large-2.mem');
  if (existsSync(file)) return file;
  const dir = join(CORPUS, '.second');
  console.error(`recording a second large corpus file with ${MAKE_CORPUS} …`);
  const result = spawnSync('bash', [MAKE_CORPUS, dir, 'large'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('make-corpus.sh large (second recording) failed');
  renameSync(join(dir, 'large.mem'), file);
  rmSync(dir, { recursive: true, force: true });
  return file;
}

const report: string[] = [];
function section(title: string, lines: string[]): void {
  const text = [`## ${title}`, '', ...lines, ''].join('\n');
  report.push(text);
  console.log(text);
}

async function benchStartup(): Promise<void> {
  const m = await measureCommand('env', ['-u', 'NODE_OPTIONS', MEMPLOT, 'stats', FIXTURE], 11);
  section('Start-up', [
    `\`memplot stats\` on a 7 KB fixture (sort.mem), whole process: median **${fmt(m.wall * 1000, 0)} ms** of 11 runs, peak RSS ${fmt(m.rssMb, 0)} MB.`,
    '',
    ...(await drawingStartupRows()),
  ]);
}

/**
 * Drawing the 7 KB fixture as the installed command runs it (bin/memplot.js as an executable:
 * from the start-up snapshot), against the same without the snapshot, memusagestat and bare Node.
 */
async function drawingStartupRows(): Promise<string[]> {
  const scratch = join(tmpdir(), `memplot-bench-startup-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  // memusagestat rewrites a crashed program's header: every command reads a copy.
  copyFileSync(FIXTURE, join(scratch, 'sort.mem'));
  const withoutNodeOptions = (command: string, ...args: string[]): [string, string[]] => ['env', ['-u', 'NODE_OPTIONS', command, ...args]];
  const commands: [string, [string, string[]]][] = [
    ['`memplot sort.mem out.png` (snapshot)', withoutNodeOptions(MEMPLOT, 'sort.mem', 'out.png')],
    ['`memplot sort.mem out.svg` (snapshot)', withoutNodeOptions(MEMPLOT, 'sort.mem', 'out.svg')],
    ['`node bin/memplot.js sort.mem out.png` (no snapshot)', [process.execPath, [MEMPLOT, 'sort.mem', 'out.png']]],
    ['`node bin/memplot.js sort.mem out.svg` (no snapshot)', [process.execPath, [MEMPLOT, 'sort.mem', 'out.svg']]],
    ['`memusagestat sort.mem out.png`', ['memusagestat', ['sort.mem', 'out.png']]],
    ['`node -e 0`', [process.execPath, ['-e', '0']]],
  ];
  const rows = ['| command | wall (median of 11) | CPU, user + system |', '|---|---|---|'];
  try {
    for (const [label, [command, args]] of commands) {
      if (command === 'memusagestat' && !commandExists('memusagestat')) continue;
      const m = await measureStartup(command, args, { cwd: scratch });
      rows.push(`| ${label} | ${fmt(m.wallMs, 0)} ms | ${fmt(m.cpuMs, 0)} ms |`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return ['Drawing the same file, whole process, after 2 unmeasured runs:', '', ...rows];
}

async function benchStats(): Promise<void> {
  const rows = ['| file | size | memplot stats | MB/s | peak RSS | memusagestat | peak RSS | speed-up |', '|---|---|---|---|---|---|---|---|'];
  const scratch = join(tmpdir(), `memplot-bench-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    for (const name of ['medium', 'large']) {
      const file = join(CORPUS, `${name}.mem`);
      const mb = statSync(file).size / 1e6;
      const ours = await measureCommand('env', ['-u', 'NODE_OPTIONS', MEMPLOT, 'stats', file], 3);
      // memusagestat rewrites the header of a crashed program's file: always give it a copy.
      const copy = join(scratch, `${name}.mem`);
      copyFileSync(file, copy);
      const theirs = commandExists('memusagestat')
        ? await measureCommand('memusagestat', ['-o', join(scratch, `${name}.png`), copy], 1)
        : null;
      rows.push(
        `| ${name}.mem | ${fmt(mb, 0)} MB | ${fmt(ours.wall)} s | ${fmt(mb / ours.wall, 0)} | ${fmt(ours.rssMb, 0)} MB | ` +
          (theirs ? `${fmt(theirs.wall)} s | ${fmt(theirs.rssMb, 0)} MB | **${fmt(theirs.wall / ours.wall, 1)}×** |` : 'not installed | | |'),
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  section('Reading: `memplot stats` against memusagestat', [
    'Wall time of the whole process (median of 3 for memplot, 1 run of memusagestat), peak RSS from GNU time.',
    '',
    ...rows,
  ]);
}

async function benchCli(): Promise<void> {
  const rows = ['| file | size | memplot → PNG | peak RSS | memusagestat → PNG | peak RSS | speed-up |', '|---|---|---|---|---|---|---|'];
  const scratch = join(tmpdir(), `memplot-bench-cli-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    for (const name of ['medium', 'large']) {
      const file = join(CORPUS, `${name}.mem`);
      const mb = statSync(file).size / 1e6;
      // As the installed command runs (bin/memplot.js as an executable: drawing starts from the snapshot).
      const ours = await measureCommand('env', ['-u', 'NODE_OPTIONS', MEMPLOT, '-T', '-t', '-s', name, file, join(scratch, 'ours.png')], 3);
      const copy = join(scratch, `${name}.mem`);
      copyFileSync(file, copy);
      const theirs = await measureCommand('memusagestat', ['-T', '-t', '-s', name, '-o', join(scratch, 'theirs.png'), copy], 1);
      rows.push(
        `| ${name}.mem | ${fmt(mb, 0)} MB | ${fmt(ours.wall)} s | ${fmt(ours.rssMb, 0)} MB | ${fmt(theirs.wall)} s | ${fmt(theirs.rssMb, 0)} MB | **${fmt(theirs.wall / ours.wall, 1)}×** |`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  section('Drawing: `memplot -T -t -s NAME FILE out.png` against memusagestat', ['End to end, whole process, 800×600 PNG.', '', ...rows]);
}

async function benchCharts(): Promise<void> {
  const rows = ['| chart from a summary | SVG | raster | SVG + raster |', '|---|---|---|---|'];
  for (const name of ['javac', 'threads']) {
    const summary = await summarizeMemFile(resolve(ROOT, `../shared/fixtures/${name}.mem`));
    const results = await benchChart(summary, 30);
    for (const key of Object.keys(results).filter((k) => k.endsWith(' svg'))) {
      const chartCase = key.slice(0, -' svg'.length);
      const svg = results[key];
      const png = results[`${chartCase} png`];
      rows.push(`| ${name}.mem ${chartCase} | ${fmt(svg, 1)} ms | ${fmt(png, 1)} ms | **${fmt(svg + png, 1)} ms** |`);
    }
  }
  section('Charts: SVG and PNG from a cached summary', [
    'In process, median of 30 runs after warm-up (`bench/chart.ts`); raster = sharp (librsvg) to PNG at the scale given.',
    '',
    ...rows,
  ]);
}

async function benchService(): Promise<void> {
  const files = ['medium', 'large'].map((name) => join(CORPUS, `${name}.mem`));
  const result = await benchHttp(files);
  section('HTTP service', [
    'The built server as a child process on 127.0.0.1 with the filesystem cache (`bench/http.ts`): each corpus file',
    'uploaded once with `curl -F file=@FILE /plot` (wall time of curl; server peak RSS from VmHWM, reset before',
    'each upload), then the cached PNG and SVG of the last one under autocannon (as shipped, and with its body decoding off) and wrk.',
    '',
    ...formatHttpBench(result),
  ]);
}

async function benchCompareSection(): Promise<void> {
  const result = await benchCompare(join(CORPUS, 'large.mem'), secondLargeRecording());
  section('Comparing two stored profiles', [
    'The built server as a child process with the filesystem cache (`bench/compare.ts`). `GET /compare/:base/:head` reads',
    'the two stored summaries (well under 1 MB each), never the recordings: its time does not grow with their size.',
    '',
    ...formatCompareBench(result),
  ]);
}

async function benchZoomSection(): Promise<void> {
  const result = await benchZoom(join(CORPUS, 'large.mem'));
  section('Zoom: the 990 MB file, from the whole run down to single calls', [
    'The built server as a child process (`bench/zoom.ts`), MEMPLOT_ZOOM=full, filesystem cache.',
    '',
    ...formatZoomBench(result),
  ]);
}

const SECTIONS: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  stats: benchStats,
  cli: benchCli,
  charts: benchCharts,
  http: benchService,
  compare: benchCompareSection,
  zoom: benchZoomSection,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const name of wanted) if (!SECTIONS[name]) throw new Error(`unknown section ${name}: use ${Object.keys(SECTIONS).join(', ')}`);
  ensureCorpus();
  for (const [name, run] of Object.entries(SECTIONS)) if (wanted.length === 0 || wanted.includes(name)) await run();
  const header = [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}: ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}. ` +
      'The corpus is recorded fresh by `../shared/corpus/make-corpus.sh` (real memusage runs), so sizes vary slightly between machines.',
    '',
    'These machines are shared 2-core VMs whose speed varies from day to day and run to run: memusagestat alone has taken ' +
      '14–24 s on the same 990 MB file, and ten back-to-back `memplot stats` runs of it spread over ±15 %. Compare the ' +
      'ratios within one run rather than the absolute times across runs.',
    '',
  ];
  // A partial run only prints: BENCHMARKS.md always holds one complete run.
  if (wanted.length > 0) return;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), [...header, ...report].join('\n'));
  console.error('wrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
