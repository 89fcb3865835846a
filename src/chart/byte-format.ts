/**
 * Bytes in binary units (B, KiB, MiB, GiB, TiB): tick sets for byte axes and labels such as
 * "12.5 MiB". Negative values (a heap counter that wrapped below zero) are allowed.
 */
import { formatFixed, niceDomain, niceStep, stepDecimals, ticksWithin, type AxisTicks } from './nice-ticks.js';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Index into BYTE_UNITS of the largest unit not above |bytes|. */
function unitIndex(bytes: number): number {
  const magnitude = Math.abs(bytes);
  let index = 0;
  while (index < BYTE_UNITS.length - 1 && magnitude >= 1024 ** (index + 1)) index += 1;
  return index;
}

/** Bytes with three significant digits in the largest fitting binary unit: "13.1 MiB", "512 B". */
export function formatBinaryBytes(bytes: number): string {
  let index = unitIndex(bytes);
  let scaled = bytes / 1024 ** index;
  let decimals = index === 0 ? 0 : Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  // 1023.9 KiB would round to "1024 KiB": say "1.00 MiB".
  if (Number(Math.abs(scaled).toFixed(decimals)) >= 1024 && index < BYTE_UNITS.length - 1) {
    index += 1;
    scaled = bytes / 1024 ** index;
    decimals = 2;
  }
  return `${formatFixed(scaled, decimals)} ${BYTE_UNITS[index]}`;
}

/**
 * Ticks of a byte axis over [min, max], about `count` of them, in one unit chosen from the
 * largest magnitude: steps are 1, 2 or 5 × 10^k of that unit (whole bytes at least), and the
 * domain is widened to the outer ticks.
 */
export function byteTicks(min: number, max: number, count: number): AxisTicks {
  if (!(max > min)) max = min + 1;
  const index = unitIndex(Math.max(Math.abs(min), Math.abs(max)));
  const unit = 1024 ** index;
  let step = niceStep((max - min) / unit, count);
  if (index === 0) step = Math.max(1, step);
  const [low, high] = niceDomain(min / unit, max / unit, step);
  const decimals = stepDecimals(step);
  const ticks = ticksWithin(low, high, step).map((value) => ({
    value: value * unit,
    label: value === 0 ? '0' : `${formatFixed(value, decimals)} ${BYTE_UNITS[index]}`,
  }));
  return { domain: [low * unit, high * unit], ticks };
}
