/** Values of the comparison as people read them: sizes in binary units, counts with separators, signed changes. */
import { formatBinaryBytes } from '../chart/byte-format.js';
import type { MetricUnit } from './metrics.js';

/** Counts with separators: "95,523". (No Intl object at module level: the CLI's start-up snapshot cannot hold one.) */
function count(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function seconds(value: number): string {
  return `${Number(value.toPrecision(3))} s`;
}

export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return '–';
  if (unit === 'bytes') return formatBinaryBytes(value);
  if (unit === 'seconds') return seconds(value);
  return count(value);
}

/** A change with its sign always written: "+1.50 MiB", "-12", "0". */
export function formatChange(change: number | null, unit: MetricUnit): string {
  if (change === null) return '–';
  if (change === 0) return unit === 'bytes' ? '0 B' : '0';
  return `${change > 0 ? '+' : '-'}${formatMetricValue(Math.abs(change), unit)}`;
}

/** "+12.3 %", "-0.4 %", "0.0 %", "+∞ %" (from zero), "–" (not available). */
export function formatPercent(percent: number | null): string {
  if (percent === null) return '–';
  if (!Number.isFinite(percent)) return percent > 0 ? '+∞ %' : '-∞ %';
  const text = Math.abs(percent).toFixed(1);
  if (text === '0.0') return '0.0 %';
  return `${percent > 0 ? '+' : '-'}${text} %`;
}
