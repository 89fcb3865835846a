/**
 * Round tick steps (1, 2 or 5 × 10^k, as d3-array's ticks) and the tick values they give.
 * Byte, count and time axes all pick ticks here, in their display unit.
 */

/** About `count` steps over `span`: the d3-array rule (thresholds √50, √10, √2). */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const base = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / base;
  const factor = ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1;
  return factor * base;
}

/** Decimals needed to write every multiple of `step` exactly (0 for whole steps). */
export function stepDecimals(step: number): number {
  for (let decimals = 0; decimals < 12; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals;
  }
  return 12;
}

function multiple(index: number, step: number): number {
  return Number((index * step).toPrecision(12));
}

/** More ticks than any axis of a 4096-pixel chart can show: the bound of ticksWithin's work. */
export const MAX_TICKS = 1000;

/**
 * Multiples of `step` inside [min, max], at most MAX_TICKS of them (a step far too small for the
 * range gives none rather than a loop as long as the range). The loop counts ticks, not indices:
 * past 2^53, index + 1 === index and an index loop would never end.
 */
export function ticksWithin(min: number, max: number, step: number): number[] {
  const values: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const count = last - first;
  if (!(count >= 0) || count >= MAX_TICKS) return values;
  for (let k = 0; k <= count; k += 1) values.push(multiple(first + k, step));
  return values;
}

/** [min, max] widened outwards to multiples of `step`. */
export function niceDomain(min: number, max: number, step: number): [number, number] {
  return [multiple(Math.floor(min / step + 1e-9), step), multiple(Math.ceil(max / step - 1e-9), step)];
}

/** Fixed-point text with a real minus sign (U+2212) for negative values. */
export function formatFixed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** An axis ready to draw: its (possibly widened) domain and labelled tick positions in data units. */
export interface AxisTicks {
  domain: [number, number];
  ticks: { value: number; label: string }[];
}

/** Least distance between the baselines of two value labels one above the other, in font sizes. */
export const LABEL_SPACING = 1.2;

/**
 * The ticks whose labels can stand one above the other without touching: at least `spacing` px
 * apart on `scale`, keeping the zero tick (or the lowest) and walking out from it both ways.
 */
export function legibleTicks(ticks: AxisTicks['ticks'], scale: (value: number) => number, spacing: number): AxisTicks['ticks'] {
  if (ticks.length === 0) return [];
  const sorted = [...ticks].sort((a, b) => a.value - b.value);
  const zero = sorted.findIndex((tick) => tick.value === 0);
  const start = zero >= 0 ? zero : 0;
  const kept = [sorted[start]];
  for (const direction of [1, -1]) {
    let last = scale(sorted[start].value);
    for (let i = start + direction; i >= 0 && i < sorted.length; i += direction) {
      const y = scale(sorted[i].value);
      if (Math.abs(y - last) < spacing) continue;
      kept.push(sorted[i]);
      last = y;
    }
  }
  return kept.sort((a, b) => a.value - b.value);
}
