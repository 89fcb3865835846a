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
