/**
 * `npm run stress [-- [--quick] [--seed N] [NAME...]]`: the reliability probes of issue 9 against
 * the built server (a child process on 127.0.0.1 that each probe starts and stops itself), each
 * bounded in requests and time; then RELIABILITY.md with what happened against each target.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.js';
import { probeContext, type Probe } from './probe.js';
import { fuzzCli, fuzzHttp } from './probes/fuzz.js';
import { concurrentRenders, pixelBudget, stall } from './probes/renders.js';
import { comparePlots } from './probes/compare-plots.js';
import { abortedUploads, bigUploads, slowClients } from './probes/uploads.js';
import { fullDisk, kill9, redisOutage } from './probes/faults.js';
import { soak } from './probes/soak.js';
import { mallocTagCharts } from './probes/malloc-tag-charts.js';
import { compareProbe } from './probes/compare.js';
import { snapshotUploads } from './probes/snapshots.js';
import { series } from './probes/series.js';
import { pages } from './probes/pages.js';
import { resultMarkdown, type ProbeResult } from './result.js';

const PROBES: Record<string, Probe> = {
  'fuzz-http': fuzzHttp,
  'fuzz-cli': fuzzCli,
  stall,
  'pixel-budget': pixelBudget,
  'concurrent-renders': concurrentRenders,
  'compare-plots': comparePlots,
  'big-uploads': bigUploads,
  'slow-clients': slowClients,
  'aborted-uploads': abortedUploads,
  'full-disk': fullDisk,
  'redis-outage': redisOutage,
  'kill-9': kill9,
  series,
  soak,
  'malloctag-charts': mallocTagCharts,
  compare: compareProbe,
  'snapshot-uploads': snapshotUploads,
  pages,
};

function usage(): string {
  return `usage: npm run stress -- [--quick] [--seed N] [NAME...]\nprobes: ${Object.keys(PROBES).join(' ')}`;
}

function parse(argv: string[]): { quick: boolean; seed: number; names: string[] } {
  let quick = false;
  let seed = 9;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--seed') {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed: expected a non-negative integer, received "${argv[i]}"\n${usage()}`);
    } else if (arg in PROBES) names.push(arg);
    else throw new Error(`unknown probe or option "${arg}"\n${usage()}`);
  }
  return { quick, seed, names: names.length > 0 ? names : Object.keys(PROBES) };
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

/** Lines at pino level error or fatal in the logs of a probe's servers. */
function serverLogErrors(name: string): number {
  let count = 0;
  for (const file of readdirSync(runDir)) {
    if (file.startsWith(name) && file.endsWith('.log')) count += (readFileSync(join(runDir, file), 'utf8').match(/"level":(50|60)/g) ?? []).length;
  }
  return count;
}

const { quick, seed, names } = parse(process.argv.slice(2));
const runDir = mkdtempSync(join(tmpdir(), 'memplot-stress-'));
const ctx = probeContext(runDir, quick, seed);
const results: ProbeResult[] = [];
const started = Date.now();
console.error(`stress: ${names.join(', ')}${quick ? ' (quick)' : ''}; server logs in ${runDir}`);
for (const name of names) {
  console.error(`stress: ${name} …`);
  const t0 = Date.now();
  try {
    results.push(await PROBES[name](ctx));
  } catch (error) {
    results.push({
      name,
      title: 'the probe itself failed',
      setup: '',
      rows: [],
      targets: [],
      lost: 'unknown: the probe did not finish',
      saved: [],
      notes: [`${(error as Error).stack ?? error}`],
      seconds: (Date.now() - t0) / 1000,
    });
  }
  const r = results.at(-1)!;
  const logged = serverLogErrors(name);
  if (logged > 0) r.notes.push(`The server logged ${logged} error lines (pino level ≥ 50) during this probe: see \`${name}*.log\` in the run's folder.`);
  const verdicts = r.skipped ? 'SKIPPED' : r.targets.map((t) => `${t.what}: ${t.met === null ? 'not measured' : t.met ? 'met' : 'NOT MET'}`).join('; ');
  console.error(`stress: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${verdicts}`);
}

const notMet = results.flatMap((r) => r.targets.filter((t) => t.met === false).map((t) => `${r.name}: ${t.what}`));
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
const report = [
  '# Reliability',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run stress${quick ? ' -- --quick' : ''}\` on commit \`${git('rev-parse', '--short', 'HEAD')}\` (branch \`${git('rev-parse', '--abbrev-ref', 'HEAD')}\`${dirty ? ', with uncommitted changes' : ''}), Node ${process.version}, ${cpus().length} cores shared with other work; ${((Date.now() - started) / 60000).toFixed(1)} minutes.`,
  quick ? '**Quick mode**: counts and durations are cut down; the figures show the probes work, not the service\'s limits.' : '',
  `Probes run: ${names.join(', ')}. Each starts the built server (\`dist/src/server.js\`, as \`npm start\` does) on 127.0.0.1 itself and stops it.`,
  '',
  notMet.length === 0 ? 'Every target measured was met.' : `Targets not met (${notMet.length}): ${notMet.join('; ')}.`,
  '',
  ...results.flatMap(resultMarkdown),
].join('\n');
writeFileSync(join(ROOT, 'RELIABILITY.md'), report.replace(/\n{3,}/g, '\n\n'));
console.log(report);
console.error(`stress: wrote ${join(ROOT, 'RELIABILITY.md')}`);
