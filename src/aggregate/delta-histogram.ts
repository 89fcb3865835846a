import type { DeltaHistogramRow } from './summary.js';

/** Power-of-two size classes: class k holds |delta| in [2^k, 2^(k+1)). */
export const SIZE_CLASSES = 64;

/** Size class of a positive integer number of bytes. */
export function sizeClass(bytes: number): number {
  if (bytes < 4294967296) return 31 - Math.clz32(bytes);
  return Math.min(SIZE_CLASSES - 1, Math.floor(Math.log2(bytes)));
}

/** Steps below 2^31 bytes land in `small` (see smallSlot), the rest in `growth`/`shrink`. */
export const SMALL_LIMIT = 2147483648;
/** Slots of `small`: 0 = unchanged, 1 + k = growth class k, 33 + 1 + k = shrink class k (k < 31). */
export const SMALL_SLOTS = 66;

/**
 * The slot of a step with |delta| < 2^31 in `small`, computed without a data-dependent branch
 * (growth and shrink alternate unpredictably in real programs). Hot loops inline this.
 */
export function smallSlot(delta: number): number {
  return ((delta | 0) >>> 31) * 33 + 32 - Math.clz32(Math.abs(delta));
}

/**
 * Counts of consecutive heap differences in power-of-two size classes, growth and shrink
 * separately, and of steps that changed nothing. The file stores no allocation sizes; these
 * differences approximate them.
 */
export class DeltaHistogram {
  readonly small = new Float64Array(SMALL_SLOTS);
  readonly growth = new Float64Array(SIZE_CLASSES);
  readonly shrink = new Float64Array(SIZE_CLASSES);

  add(delta: number): void {
    if (Math.abs(delta) < SMALL_LIMIT) this.small[smallSlot(delta)]++;
    else if (delta > 0) this.growth[sizeClass(delta)]++;
    else this.shrink[sizeClass(-delta)]++;
  }

  private classes(): { growth: Float64Array; shrink: Float64Array } {
    const growth = this.growth.slice();
    const shrink = this.shrink.slice();
    for (let k = 0; k < 31; k++) {
      growth[k] += this.small[1 + k];
      shrink[k] += this.small[34 + k];
    }
    return { growth, shrink };
  }

  get unchanged(): number {
    return this.small[0];
  }

  get increases(): number {
    return this.classes().growth.reduce((a, b) => a + b, 0);
  }

  get decreases(): number {
    return this.classes().shrink.reduce((a, b) => a + b, 0);
  }

  /** Non-empty classes, smallest first. */
  toRows(): DeltaHistogramRow[] {
    const { growth, shrink } = this.classes();
    const rows: DeltaHistogramRow[] = [];
    for (let k = 0; k < SIZE_CLASSES; k++) {
      if (growth[k] === 0 && shrink[k] === 0) continue;
      rows.push({ minBytes: 2 ** k, maxBytes: 2 ** (k + 1) - 1, growth: growth[k], shrink: shrink[k] });
    }
    return rows;
  }
}
