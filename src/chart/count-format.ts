/**
 * Plain counts (calls, CPU ticks): whole numbers with thousands separators ("94,783") and
 * compact SI tick labels ("20k", "1.5M", "3G").
 */
import { formatFixed, niceStep, stepDecimals, ticksWithin, type AxisTicks } from './nice-ticks.js';

const SI_PREFIXES = [
  { factor: 1e12, suffix: 'T' },
  { factor: 1e9, suffix: 'G' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e3, suffix: 'k' },
] as const;

export function formatInteger(value: number): string {
  const sign = value < 0 ? '\u2212' : '';
  const digits = Math.round(Math.abs(value)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Factor and suffix for labels of values up to |largest| (plain below 10,000). */
function siPrefix(largest: number): { factor: number; suffix: string } {
  for (const prefix of SI_PREFIXES) if (Math.abs(largest) >= prefix.factor * (prefix.factor === 1e3 ? 10 : 1)) return prefix;
  return { factor: 1, suffix: '' };
}

/** A count with three significant digits and an SI suffix: "2.99G", "94.8k", "512". */
export function formatCompact(value: number): string {
  const prefix = siPrefix(value);
  const scaled = value / prefix.factor;
  if (prefix.factor === 1) return formatInteger(value);
  const decimals = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  return `${formatFixed(scaled, decimals)}${prefix.suffix}`;
}

/** Ticks over [min, max] (not widened: an x axis ends where the data ends), whole steps at least. */
export function countTicks(min: number, max: number, count: number): AxisTicks {
  if (!(max > min)) max = min + 1;
  const step = Math.max(1, niceStep(max - min, count));
  const values = ticksWithin(min, max, step);
  const prefix = siPrefix(Math.max(Math.abs(min), Math.abs(max)));
  const decimals = stepDecimals(step / prefix.factor);
  return {
    domain: [min, max],
    ticks: values.map((value) => ({
      value,
      label: value === 0 ? '0' : prefix.factor === 1 ? formatInteger(value) : `${formatFixed(value / prefix.factor, decimals)}${prefix.suffix}`,
    })),
  };
}
