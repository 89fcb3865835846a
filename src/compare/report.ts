/**
 * A comparison of two profiles: exactly the JSON of `GET /compare/:base/:head` and of
 * `memplot compare --format json` (the ids are the files' sha256 in both).
 */
import type { ProfileStats } from '../aggregate/summary.js';
import { computeDeltas, type Deltas } from './deltas.js';
import { evaluateThresholds, type Threshold, type Verdict } from './thresholds.js';

export type ComparedProfile = {
  id: string;
  stats: ProfileStats;
};

export type CompareReport = {
  base: ComparedProfile;
  head: ComparedProfile;
  deltas: Deltas;
  /** Only when thresholds were given: each failed one named with what was measured. */
  verdict?: Verdict & { thresholds: string[] };
};

export function compareProfiles(base: ComparedProfile, head: ComparedProfile, thresholds: readonly Threshold[] = []): CompareReport {
  const deltas = computeDeltas(base.stats, head.stats);
  const report: CompareReport = { base, head, deltas };
  if (thresholds.length > 0) report.verdict = { thresholds: thresholds.map((t) => t.expression), ...evaluateThresholds(thresholds, deltas) };
  return report;
}
