/**
 * Comparisons of stored profiles: both summaries read (from the parsed-summary cache when they
 * are there; never the .mem files), the stats at the tick rate asked for, the report built.
 */
import { statsAtTickRate } from '../aggregate/stats-accumulator.js';
import type { ProfileStats } from '../aggregate/summary.js';
import { compareProfiles, type CompareReport } from '../compare/report.js';
import type { Threshold } from '../compare/thresholds.js';
import type { ProfileService } from './profile-service.js';

export type StoredPair = { base: ProfileStats; head: ProfileStats } | { missing: string };

/** The stats of both ids, or the first id not stored. */
export async function storedPair(profiles: ProfileService, baseId: string, headId: string, ticksPerSecond: number | null = null): Promise<StoredPair> {
  const [base, head] = await Promise.all([profiles.getStats(baseId), profiles.getStats(headId)]);
  if (!base) return { missing: baseId };
  if (!head) return { missing: headId };
  return { base: statsAtTickRate(base, ticksPerSecond), head: statsAtTickRate(head, ticksPerSecond) };
}

/** The report of two stored ids, or the first id not stored. */
export async function compareStored(
  profiles: ProfileService,
  baseId: string,
  headId: string,
  thresholds: readonly Threshold[],
  ticksPerSecond: number | null,
): Promise<CompareReport | { missing: string }> {
  const pair = await storedPair(profiles, baseId, headId, ticksPerSecond);
  if ('missing' in pair) return pair;
  return compareProfiles({ id: baseId, stats: pair.base }, { id: headId, stats: pair.head }, thresholds);
}
