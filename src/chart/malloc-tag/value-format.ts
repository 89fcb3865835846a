/** A scope's figure as text: bytes in binary units, calls as a compact count; and a share in percent. */
import type { ScopeMeasure } from '../../options/plot-options.js';
import { formatBinaryBytes } from '../byte-format.js';
import { formatCompact, formatInteger } from '../count-format.js';

export function formatScopeValue(value: number, measure: ScopeMeasure): string {
  return measure === 'calls' ? `${formatCompact(value)} calls` : formatBinaryBytes(value);
}

/** Exact figure for tooltips: "12,823,096 B", "80,747 calls". */
export function formatExactScopeValue(value: number, measure: ScopeMeasure): string {
  return measure === 'calls' ? `${formatInteger(value)} calls` : `${formatInteger(value)} B`;
}

export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) return '–';
  const percent = (part / whole) * 100;
  // 99.6 % is not all of it: one decimal where whole numbers would round up to 100.
  const decimals = percent === 0 || percent === 100 ? 0 : percent >= 99.5 ? 1 : percent >= 10 ? 0 : percent >= 1 ? 1 : 2;
  return `${percent.toFixed(decimals)} %`;
}
