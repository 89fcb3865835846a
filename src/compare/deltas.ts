/** The difference between two runs, metric by metric: head − base and head / base. */
import type { ProfileStats } from '../aggregate/summary.js';
import { METRICS } from './metrics.js';

export type MetricDelta = {
  base: number | null;
  head: number | null;
  /** head − base; null when either is null (no entries, no tick rate). */
  change: number | null;
  /** head / base; null when either is null or base is 0. */
  ratio: number | null;
};

export type Deltas = Record<string, MetricDelta>;

export function metricDelta(base: number | null, head: number | null): MetricDelta {
  const change = base === null || head === null ? null : head - base;
  const ratio = base === null || head === null || base === 0 ? null : head / base;
  return { base, head, change, ratio };
}

/** Every metric of METRICS, in its order. */
export function computeDeltas(base: ProfileStats, head: ProfileStats): Deltas {
  const deltas: Deltas = {};
  for (const metric of METRICS) deltas[metric.name] = metricDelta(metric.read(base), metric.read(head));
  return deltas;
}

/**
 * The change in percent of |base|: ±Infinity when base is 0 and head is not, 0 when both are;
 * null when either is null.
 */
export function changePercent(delta: MetricDelta): number | null {
  if (delta.base === null || delta.head === null) return null;
  const change = delta.head - delta.base;
  if (delta.base === 0) return change === 0 ? 0 : change > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (change / Math.abs(delta.base)) * 100;
}
