/**
 * What a badge says: a profile's metric ("peak heap | 374 MiB") or a comparison's change
 * ("peak heap | +12.3 %": red when a threshold fails, green when all hold, grey when unchanged).
 */
import type { ProfileStats } from '../aggregate/summary.js';
import { changePercent, metricDelta } from './deltas.js';
import { formatMetricValue, formatPercent } from './format-values.js';
import { findMetric, METRIC_NAMES, type MetricDefinition } from './metrics.js';
import { evaluateThresholds, parseThresholds, ThresholdError } from './thresholds.js';

export interface BadgeText {
  label: string;
  message: string;
  color: 'red' | 'green' | 'grey' | 'blue';
}

/** metric= names no metric: 400 with the list. */
export class UnknownMetricError extends Error {
  readonly code = 'BAD_METRIC';
  constructor(readonly metric: string) {
    super(`unknown metric "${metric}": expected one of ${METRIC_NAMES.join(', ')}`);
    this.name = 'UnknownMetricError';
  }
}

export function badgeMetric(name: string): MetricDefinition {
  const metric = findMetric(name);
  if (!metric) throw new UnknownMetricError(name);
  return metric;
}

export function profileBadge(stats: ProfileStats, metricName: string): BadgeText {
  const metric = badgeMetric(metricName);
  const value = metric.read(stats);
  return { label: metric.label, message: formatMetricValue(value, metric.unit), color: value === null ? 'grey' : 'blue' };
}

/**
 * The change of one metric, coloured by `failOn` (expressions, a bare "5%" meaning METRIC>+5%;
 * none: any increase is over). Throws ThresholdError for an expression it cannot read.
 */
export function compareBadge(base: ProfileStats, head: ProfileStats, metricName: string, failOn: readonly string[]): BadgeText {
  const metric = badgeMetric(metricName);
  const delta = metricDelta(metric.read(base), metric.read(head));
  const percent = changePercent(delta);
  const label = metric.label;
  if (percent === null) return { label, message: 'n/a', color: 'grey' };
  const message = formatPercent(percent);
  if (delta.change === 0) return { label, message, color: 'grey' };
  const thresholds = parseThresholds(failOn.length > 0 ? failOn : ['0%'], metric.name);
  const other = thresholds.find((t) => t.metric !== metric.name);
  if (other) throw new ThresholdError(`threshold "${other.expression}" is on ${other.metric}: a badge of ${metric.name} takes thresholds on ${metric.name} only`, other.expression);
  const verdict = evaluateThresholds(thresholds, { [metric.name]: delta });
  return { label, message, color: verdict.passed ? 'green' : 'red' };
}
