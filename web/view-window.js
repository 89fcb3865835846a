// @ts-check
/**
 * The chart's window along x and its place in the URL (`#axis=calls&from=…&to=…`): parsing,
 * writing, and the zoom and pan arithmetic. Positions are BigInts: on the time axis they are raw
 * CPU ticks, which can exceed 2^53. `to` is exclusive, as in the series JSON. Pure functions.
 */

/** @typedef {'calls' | 'time'} Axis */
/** @typedef {{ from: bigint, to: bigint }} Range */
/** @typedef {{ axis: Axis } & Range} ViewWindow */

/** The narrowest window: a few calls, or a few ticks. */
export const MIN_WIDTH = 8n;

const INTEGER = /^\d{1,30}$/;

/**
 * The window a URL fragment names (`#axis=time&from=…&to=…`; axis optional), or null when it names
 * none or a malformed one.
 * @param {string} hash
 * @param {Axis} defaultAxis
 * @returns {{ axis: Axis, range: Range | null } | null}
 */
export function parseHash(hash, defaultAxis) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const axisText = params.get('axis');
  if (axisText !== null && axisText !== 'calls' && axisText !== 'time') return null;
  /** @type {Axis} */
  const axis = axisText ?? defaultAxis;
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return axisText === null ? null : { axis, range: null };
  if (from === null || to === null || !INTEGER.test(from) || !INTEGER.test(to)) return null;
  const range = { from: BigInt(from), to: BigInt(to) };
  return range.to > range.from ? { axis, range } : null;
}

/**
 * @param {ViewWindow} view
 * @returns {string}
 */
export function formatHash(view) {
  return `#axis=${view.axis}&from=${view.from}&to=${view.to}`;
}

/** @param {Range} range */
export const widthOf = (range) => range.to - range.from;

/**
 * The range moved and narrowed to lie within the domain, at least `minWidth` wide (or the domain;
 * a narrower one is widened about its centre).
 * @param {Range} range
 * @param {Range} domain
 * @param {bigint} [minWidth] MIN_WIDTH, or more where the server keeps nothing finer
 * @returns {Range}
 */
export function clampRange(range, domain, minWidth = MIN_WIDTH) {
  const domainWidth = widthOf(domain);
  let width = widthOf(range);
  if (width > domainWidth) width = domainWidth;
  let from = range.from;
  if (width < minWidth) {
    // Widened about its centre.
    const wider = minWidth < domainWidth ? minWidth : domainWidth;
    from = range.from + width / 2n - wider / 2n;
    width = wider;
  }
  if (from < domain.from) from = domain.from;
  if (from + width > domain.to) from = domain.to - width;
  return { from, to: from + width };
}

/**
 * The position at a fraction (0–1) of the range.
 * @param {Range} range
 * @param {number} fraction
 */
export function positionAt(range, fraction) {
  return range.from + BigInt(Math.round(Number(widthOf(range)) * fraction));
}

/**
 * Zoomed by `factor` (< 1 in, > 1 out) keeping the position at `anchor` (a fraction of the width) in place.
 * @param {Range} range
 * @param {Range} domain
 * @param {number} factor
 * @param {number} anchor
 * @param {bigint} [minWidth]
 */
export function zoomRange(range, domain, factor, anchor, minWidth = MIN_WIDTH) {
  const width = Number(widthOf(range));
  const newWidth = BigInt(Math.max(1, Math.round(width * factor)));
  const pivot = positionAt(range, anchor);
  const from = pivot - BigInt(Math.round(Number(newWidth) * anchor));
  return clampRange({ from, to: from + newWidth }, domain, minWidth);
}

/**
 * Moved by `fraction` of its width (negative: towards the start), within the domain.
 * @param {Range} range
 * @param {Range} domain
 * @param {number} fraction
 */
export function panRange(range, domain, fraction) {
  const shift = BigInt(Math.round(Number(widthOf(range)) * fraction));
  return clampRange({ from: range.from + shift, to: range.to + shift }, domain);
}

/**
 * The part of the range between two fractions of it (a dragged selection), within the domain.
 * @param {Range} range
 * @param {Range} domain
 * @param {number} start
 * @param {number} end
 * @param {bigint} [minWidth]
 */
export function subRange(range, domain, start, end, minWidth = MIN_WIDTH) {
  const [low, high] = start <= end ? [start, end] : [end, start];
  return clampRange({ from: positionAt(range, low), to: positionAt(range, high) }, domain, minWidth);
}
