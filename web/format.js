// @ts-check
/**
 * Numbers as the server's charts write them: bytes in binary units with three significant digits
 * ("13.1 MiB"), byte axis ticks at 1, 2 or 5 × 10^k of one unit, counts with thousands separators.
 * (The browser's side of src/chart/byte-format.ts, which it cannot load: that one is TypeScript.)
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** @param {number} bytes */
function unitIndex(bytes) {
  let index = 0;
  while (index < UNITS.length - 1 && Math.abs(bytes) >= 1024 ** (index + 1)) index += 1;
  return index;
}

/** Fixed-point text with a real minus sign (U+2212), as the server's axes write it. @param {number} value @param {number} decimals */
function fixed(value, decimals) {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** A multiple of a step without binary noise. @param {number} index @param {number} step */
const multiple = (index, step) => Number((index * step).toPrecision(12));

/** @param {number} bytes */
export function formatBytes(bytes) {
  let index = unitIndex(bytes);
  let scaled = bytes / 1024 ** index;
  let decimals = index === 0 ? 0 : Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  // 1023.9 KiB would round to "1024 KiB": say "1.00 MiB".
  if (Number(Math.abs(scaled).toFixed(decimals)) >= 1024 && index < UNITS.length - 1) {
    index += 1;
    scaled = bytes / 1024 ** index;
    decimals = 2;
  }
  return `${fixed(scaled, decimals)} ${UNITS[index]}`;
}

/** About `count` steps over `span`: 1, 2 or 5 × 10^k by d3-array's thresholds. @param {number} span @param {number} count */
function niceStep(span, count) {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const base = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / base;
  return (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1) * base;
}

/** Decimals that write every multiple of `step` exactly. @param {number} step */
function stepDecimals(step) {
  for (let decimals = 0; decimals < 12; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals;
  }
  return 12;
}

/** The most ticks an axis gets: bounds the loop whatever the values. */
const MAX_TICKS = 1000;

/**
 * About `count` ticks over [min, max] in the unit of the larger end, and the domain widened to them.
 * @param {number} min
 * @param {number} max
 * @param {number} count
 * @returns {{ domain: [number, number], ticks: { value: number, label: string }[] }}
 */
export function byteTicks(min, max, count) {
  if (!(max > min)) max = min + 1;
  const index = unitIndex(Math.max(Math.abs(min), Math.abs(max)));
  const unit = 1024 ** index;
  let step = niceStep((max - min) / unit, count);
  if (index === 0) step = Math.max(1, step);
  const low = multiple(Math.floor(min / unit / step + 1e-9), step);
  const high = multiple(Math.ceil(max / unit / step - 1e-9), step);
  const decimals = stepDecimals(step);
  const first = Math.ceil(low / step - 1e-9);
  const steps = Math.floor(high / step + 1e-9) - first;
  /** @type {{ value: number, label: string }[]} */
  const ticks = [];
  for (let k = 0; steps < MAX_TICKS && k <= steps; k += 1) {
    const value = multiple(first + k, step);
    ticks.push({ value: value * unit, label: value === 0 ? '0' : `${fixed(value, decimals)} ${UNITS[index]}` });
  }
  return { domain: [low * unit, high * unit], ticks };
}

/** @param {number | bigint} value */
export const formatCount = (value) => value.toLocaleString('en-US');

/**
 * A position on the x axis as the tooltip and the axis say it: a call index, or a time since the
 * start in ticks (or seconds when ticks per second are known).
 * @param {'calls' | 'time'} axis
 * @param {number} relative position minus the axis' origin (time) or the call index (calls)
 * @param {number | null} ticksPerSecond
 */
export function formatPosition(axis, relative, ticksPerSecond) {
  if (axis === 'calls') return formatCount(Math.round(relative));
  if (ticksPerSecond) {
    const seconds = relative / ticksPerSecond;
    return `${seconds.toPrecision(Math.abs(seconds) < 1 ? 3 : 4)} s`;
  }
  return shortCount(relative);
}

/** 1234567 → "1.23M" (axis ticks of large counts). @param {number} value */
export function shortCount(value) {
  const magnitude = Math.abs(value);
  for (const [limit, suffix] of /** @type {[number, string][]} */ ([[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']])) {
    if (magnitude >= limit) return `${Number((value / limit).toPrecision(3))}${suffix}`;
  }
  return String(Math.round(value));
}
