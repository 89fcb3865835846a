/**
 * The metrics a comparison reports, by their dotted path in the stats JSON ("peak.heap"), each
 * with what it measures (its unit decides how values print and which threshold units it takes).
 */
import type { ProfileStats } from '../aggregate/summary.js';

export type MetricUnit = 'bytes' | 'count' | 'ticks' | 'seconds';

export interface MetricDefinition {
  /** The dotted stats path: the metric's name in tables, deltas, thresholds and badges. */
  name: string;
  unit: MetricUnit;
  /** Words for a badge's left side: "peak heap". */
  label: string;
  read(stats: ProfileStats): number | null;
}

/** In table order: the eight, then the two that exist only on request or beside them. */
export const METRICS: readonly MetricDefinition[] = [
  { name: 'peak.heap', unit: 'bytes', label: 'peak heap', read: (s) => s.peak.heap },
  { name: 'peak.stack', unit: 'bytes', label: 'peak stack', read: (s) => s.peak.stack },
  { name: 'peak.total', unit: 'bytes', label: 'peak total', read: (s) => s.peak.total },
  { name: 'final.heap', unit: 'bytes', label: 'final heap', read: (s) => s.final?.heap ?? null },
  { name: 'meanHeap', unit: 'bytes', label: 'mean heap', read: (s) => s.meanHeap },
  { name: 'meanHeapOverCalls', unit: 'bytes', label: 'mean heap per call', read: (s) => s.meanHeapOverCalls },
  { name: 'entries', unit: 'count', label: 'entries', read: (s) => s.entries },
  { name: 'temporary', unit: 'count', label: 'temporary allocations', read: (s) => s.temporary },
  { name: 'duration', unit: 'ticks', label: 'duration', read: (s) => s.duration },
  { name: 'durationSeconds', unit: 'seconds', label: 'duration', read: (s) => s.durationSeconds },
];

export const METRIC_NAMES: readonly string[] = METRICS.map((m) => m.name);

export function findMetric(name: string): MetricDefinition | undefined {
  return METRICS.find((m) => m.name === name);
}
