/** What a probe is given by the runner. */
import { join } from 'node:path';
import type { ProbeResult } from './result.js';

export interface ProbeContext {
  /** Smaller counts and shorter durations, for development. */
  quick: boolean;
  /** Seed of the fuzz inputs (printed in the report, so a run can be made again). */
  seed: number;
  /** Folder of this run's server logs and scratch files. */
  runDir: string;
  /** The log file of one server of a probe. */
  logFile(name: string): string;
}

export type Probe = (ctx: ProbeContext) => Promise<ProbeResult>;

export function probeContext(runDir: string, quick: boolean, seed: number): ProbeContext {
  return { quick, seed, runDir, logFile: (name) => join(runDir, `${name}.log`) };
}
