/**
 * Thresholds of `--fail-on` / `fail_on`: `METRIC OP VALUE`, a failure when it holds.
 *
 * - `peak.heap>+5%`: the change relative to base (a percentage, signed or not);
 * - `final.heap>+1MiB`: the absolute change head − base (a signed number);
 * - `peak.total>=512MiB`: head's value (an unsigned number).
 *
 * OP is one of `>`, `>=`, `<`, `<=`. Sizes take B, KB, MB, GB, TB (powers of 1000) or KiB, MiB,
 * GiB, TiB (powers of 1024), any case; counts and ticks plain numbers; seconds s or ms. A bare
 * percentage (`5%`) is accepted only where a metric is given beside it (badges: `metric=`): it
 * means `METRIC>+5%`.
 */
import { changePercent, type Deltas } from './deltas.js';
import { findMetric, METRIC_NAMES, type MetricDefinition, type MetricUnit } from './metrics.js';
import { formatChange, formatMetricValue, formatPercent } from './format-values.js';

/** A threshold that cannot be read: the message says what was expected and what was received. */
export class ThresholdError extends Error {
  readonly code = 'BAD_THRESHOLD';
  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(message);
    this.name = 'ThresholdError';
  }
}

export type ThresholdKind = 'relative' | 'change' | 'value';
export type ThresholdOperator = '>' | '>=' | '<' | '<=';

export interface Threshold {
  /** As written (trimmed). */
  expression: string;
  metric: string;
  operator: ThresholdOperator;
  kind: ThresholdKind;
  /** Percent for relative, else in the metric's unit (bytes, ticks, seconds, count). */
  limit: number;
}

export type ThresholdFailure = {
  expression: string;
  metric: string;
  message: string;
};

export type Verdict = {
  passed: boolean;
  failures: ThresholdFailure[];
};

/** Longest expression read (anything longer is refused before it is looked at). */
export const MAX_THRESHOLD_LENGTH = 100;
/** Most thresholds in one request or command. */
export const MAX_THRESHOLDS = 32;

const SHAPE = 'METRIC OP VALUE such as peak.heap>+5%, final.heap>+1MiB or peak.total>=512MiB';
const EXPRESSION = /^([A-Za-z][A-Za-z0-9_.]*)\s*(>=|<=|>|<)\s*([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-z%]*)$/;
const BARE_PERCENT = /^([+-]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*%$/;

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1,
  kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12,
  kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4,
};
const SECOND_UNITS: Record<string, number> = { '': 1, s: 1, ms: 1e-3 };

const UNIT_WORDS: Record<MetricUnit, string> = {
  bytes: 'a size (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB or none for bytes)',
  count: 'a plain number (it is a count)',
  ticks: 'a plain number of ticks (durationSeconds takes seconds)',
  seconds: 'seconds (s, ms or none)',
};

function unitFactor(metric: MetricDefinition, unit: string, expression: string): number {
  const table = metric.unit === 'bytes' ? SIZE_UNITS : metric.unit === 'seconds' ? SECOND_UNITS : { '': 1 };
  const factor = table[unit.toLowerCase()];
  if (factor === undefined) {
    throw new ThresholdError(`threshold "${expression}": unit "${unit}" does not fit ${metric.name}: expected ${UNIT_WORDS[metric.unit]} or a percentage`, expression);
  }
  return factor;
}

function knownMetric(name: string, expression: string): MetricDefinition {
  const metric = findMetric(name);
  if (!metric) throw new ThresholdError(`threshold "${expression}": unknown metric "${name}": expected one of ${METRIC_NAMES.join(', ')}`, expression);
  return metric;
}

/**
 * Reads one threshold. `defaultMetric` (a badge's `metric=`) lets a bare percentage stand for
 * `METRIC>+N%`; without it a bare percentage is refused.
 */
export function parseThreshold(text: string, defaultMetric?: string): Threshold {
  if (text.length > MAX_THRESHOLD_LENGTH) {
    throw new ThresholdError(`threshold of ${text.length} characters: expected ${SHAPE}, at most ${MAX_THRESHOLD_LENGTH} characters`, text.slice(0, MAX_THRESHOLD_LENGTH));
  }
  const expression = text.trim();
  const bare = BARE_PERCENT.exec(expression);
  if (bare) {
    if (defaultMetric === undefined) {
      throw new ThresholdError(`threshold "${expression}" names no metric: expected ${SHAPE} (a bare percentage is for badges, whose metric is metric=)`, expression);
    }
    const metric = knownMetric(defaultMetric, expression);
    return { expression, metric: metric.name, operator: '>', kind: 'relative', limit: Number(`${bare[1]}${bare[2]}`) };
  }
  const match = EXPRESSION.exec(expression);
  if (!match) throw new ThresholdError(`cannot read threshold "${expression}": expected ${SHAPE}`, expression);
  const [, name, operator, sign, number, unit] = match;
  const metric = knownMetric(name, expression);
  if (unit === '%') {
    return { expression, metric: metric.name, operator: operator as ThresholdOperator, kind: 'relative', limit: Number(`${sign}${number}`) };
  }
  const limit = Number(`${sign}${number}`) * unitFactor(metric, unit, expression);
  if (!Number.isFinite(limit)) throw new ThresholdError(`threshold "${expression}": the number is out of range`, expression);
  return { expression, metric: metric.name, operator: operator as ThresholdOperator, kind: sign ? 'change' : 'value', limit };
}

/** Reads every threshold (at most MAX_THRESHOLDS). */
export function parseThresholds(texts: readonly string[], defaultMetric?: string): Threshold[] {
  if (texts.length > MAX_THRESHOLDS) {
    throw new ThresholdError(`${texts.length} thresholds: expected at most ${MAX_THRESHOLDS}`, texts[MAX_THRESHOLDS]);
  }
  return texts.map((text) => parseThreshold(text, defaultMetric));
}

function holds(actual: number, operator: ThresholdOperator, limit: number): boolean {
  switch (operator) {
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
  }
}

/** The threshold's subject measured on the deltas, and how to print it and its limit; null when not available. */
function measure(threshold: Threshold, deltas: Deltas): { actual: number; shown: string; limit: string; what: string } | null {
  const delta = deltas[threshold.metric];
  const unit = findMetric(threshold.metric)!.unit;
  if (!delta || delta.base === null || delta.head === null) return null;
  if (threshold.kind === 'relative') {
    const percent = changePercent(delta)!;
    return { actual: percent, shown: formatPercent(percent), limit: formatPercent(threshold.limit), what: 'change' };
  }
  if (threshold.kind === 'change') {
    return { actual: delta.change!, shown: formatChange(delta.change, unit), limit: formatChange(threshold.limit, unit), what: 'change' };
  }
  return { actual: delta.head, shown: formatMetricValue(delta.head, unit), limit: formatMetricValue(threshold.limit, unit), what: 'head' };
}

/** A threshold fails when its condition holds; one whose metric is not available (no entries, no tick rate) fails too. */
export function evaluateThresholds(thresholds: readonly Threshold[], deltas: Deltas): Verdict {
  const failures: ThresholdFailure[] = [];
  for (const threshold of thresholds) {
    const { expression, metric } = threshold;
    const measured = measure(threshold, deltas);
    if (!measured) {
      failures.push({ expression, metric, message: `${metric} is not available in both runs (no entries, or no tick rate for seconds): cannot check ${expression}` });
      continue;
    }
    if (holds(measured.actual, threshold.operator, threshold.limit)) {
      const unit = findMetric(metric)!.unit;
      const values = `${formatMetricValue(deltas[metric].base, unit)} → ${formatMetricValue(deltas[metric].head, unit)}`;
      failures.push({ expression, metric, message: `${metric}: ${measured.what} ${measured.shown} ${threshold.operator} ${measured.limit} (${values})` });
    }
  }
  return { passed: failures.length === 0, failures };
}
