/** A change from base to head as people read it in a pull request: "+12.3 MiB (+4.1 %)". */
import { formatBinaryBytes } from '../byte-format.js';
import { formatFixed } from '../nice-ticks.js';

/** A signed size: "+12.3 MiB", "−512 B", "±0 B". */
export function formatSignedBytes(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return bytes > 0 ? `+${formatBinaryBytes(bytes)}` : formatBinaryBytes(bytes);
}

/** A signed percentage with one decimal under 100 %: "+4.1 %", "−12.0 %", "+250 %". */
export function formatSignedPercent(ratio: number): string {
  const percent = ratio * 100;
  const text = formatFixed(percent, Math.abs(percent) >= 100 ? 0 : 1);
  return Number(text.replace('\u2212', '-')) === 0 ? '±0 %' : percent > 0 ? `+${text} %` : `${text} %`;
}

/** head − base, and its share of base when base is not zero: "+12.3 MiB (+4.1 %)". */
export function formatChange(base: number, head: number): string {
  const change = head - base;
  const bytes = formatSignedBytes(change);
  if (base === 0 || change === 0) return bytes;
  return `${bytes} (${formatSignedPercent(change / Math.abs(base))})`;
}
