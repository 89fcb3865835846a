import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Measurement {
  /** Wall seconds, median of the runs. */
  wall: number;
  /** Peak resident set size in MB (the largest of the runs). */
  rssMb: number;
  runs: number[];
}

/** Runs a command under GNU time: wall seconds and peak RSS, median over `repeat` runs. */
export async function measureCommand(command: string, args: string[], repeat = 3, options: { before?: () => void } = {}): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'memplot-bench-'));
  const out = join(dir, 'time.txt');
  const runs: number[] = [];
  let rssKb = 0;
  try {
    for (let i = 0; i < repeat; i++) {
      options.before?.();
      await promisify(execFile)('/usr/bin/time', ['-f', '%e %M', '-o', out, command, ...args], { maxBuffer: 1 << 30 });
      const [wall, rss] = readFileSync(out, 'utf8').trim().split(/\s+/).map(Number);
      runs.push(wall);
      rssKb = Math.max(rssKb, rss);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { wall: median(runs), rssMb: rssKb / 1024, runs };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
export async function timeMs(fn: () => unknown, runs = 30, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export interface StartupMeasurement {
  /** Wall milliseconds, median of the runs. */
  wallMs: number;
  /** User + system CPU milliseconds, median of the runs (GNU time: 10 ms resolution). */
  cpuMs: number;
}

/**
 * Start-up of a short command: `warmup` unmeasured runs (page cache), then the median wall time
 * (taken here, to the microsecond) and CPU time (GNU time) of `runs` runs.
 */
export async function measureStartup(command: string, args: string[], options: { runs?: number; warmup?: number; cwd?: string } = {}): Promise<StartupMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'memplot-bench-'));
  const out = join(dir, 'time.txt');
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    for (let i = 0; i < (options.warmup ?? 2) + (options.runs ?? 11); i++) {
      const t0 = performance.now();
      await promisify(execFile)('/usr/bin/time', ['-f', '%U %S', '-o', out, command, ...args], { cwd: options.cwd, maxBuffer: 1 << 26 });
      const elapsed = performance.now() - t0;
      if (i < (options.warmup ?? 2)) continue;
      const [user, sys] = readFileSync(out, 'utf8').trim().split(/\s+/).map(Number);
      wall.push(elapsed);
      cpu.push((user + sys) * 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}
