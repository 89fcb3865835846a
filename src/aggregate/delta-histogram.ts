import type { DeltaHistogramRow } from './summary.js';

/** Power-of-two size classes: class k holds |delta| in [2^k, 2^(k+1)). */
export const SIZE_CLASSES = 64;

/** Size class of a positive integer number of bytes. */
export function sizeClass(bytes: number): number {
  if (bytes < 4294967296) return 31 - Math.clz32(bytes);
  return Math.min(SIZE_CLASSES - 1, Math.floor(Math.log2(bytes)));
}

/**
 * Counts of consecutive heap differences in power-of-two size classes, growth and shrink
 * separately. The file stores no allocation sizes; these differences approximate them.
 */
export class DeltaHistogram {
  readonly growth = new Float64Array(SIZE_CLASSES);
  readonly shrink = new Float64Array(SIZE_CLASSES);

  add(delta: number): void {
    if (delta > 0) this.growth[sizeClass(delta)]++;
    else if (delta < 0) this.shrink[sizeClass(-delta)]++;
  }

  /** Non-empty classes, smallest first. */
  toRows(): DeltaHistogramRow[] {
    const rows: DeltaHistogramRow[] = [];
    for (let k = 0; k < SIZE_CLASSES; k++) {
      if (this.growth[k] === 0 && this.shrink[k] === 0) continue;
      rows.push({ minBytes: 2 ** k, maxBytes: 2 ** (k + 1) - 1, growth: this.growth[k], shrink: this.shrink[k] });
    }
    return rows;
  }
}
