// @ts-check
/**
 * One series (heap, stack or heap + stack) of M4 columns as an SVG path: in each column the
 * first value, the extremes, the last value, joined to the next column. At most four points a
 * column, and at most one column a pixel: the path costs what the chart's width allows.
 */

/** @typedef {import('../series-client.js').Column} Column */

/**
 * @param {readonly Column[]} columns
 * @param {'heap' | 'stack' | 'total'} key
 * @param {(position: bigint) => number} x pixel of a position
 * @param {(value: number) => number} y pixel of a value
 */
export function m4Path(columns, key, x, y) {
  const parts = [];
  for (const column of columns) {
    const [first, last, min, max] = column[key];
    const start = x(column.from);
    const end = x(column.to - 1n);
    const middle = (start + end) / 2;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${start.toFixed(1)},${y(first).toFixed(1)}`);
    if (min !== max) {
      const [a, b] = last >= first ? [min, max] : [max, min];
      parts.push(`L${middle.toFixed(1)},${y(a).toFixed(1)}L${middle.toFixed(1)},${y(b).toFixed(1)}`);
    }
    if (end !== start || last !== first) parts.push(`L${end.toFixed(1)},${y(last).toFixed(1)}`);
  }
  return parts.join('');
}

/**
 * The extent of each column wider than `minWidth` pixels as a rectangle from its min to its max:
 * a window finer than the data (zoom past the stored resolution) shows where the values lie
 * instead of a line drawn through a column many pixels wide.
 * @param {readonly Column[]} columns
 * @param {'heap' | 'stack' | 'total'} key
 * @param {(position: bigint) => number} x
 * @param {(value: number) => number} y
 * @param {number} minWidth
 */
export function m4Bands(columns, key, x, y, minWidth) {
  const parts = [];
  for (const column of columns) {
    const start = x(column.from);
    const end = x(column.to);
    if (end - start <= minWidth) continue;
    const [, , min, max] = column[key];
    parts.push(`M${start.toFixed(1)},${y(max).toFixed(1)}H${end.toFixed(1)}V${y(min).toFixed(1)}H${start.toFixed(1)}Z`);
  }
  return parts.join('');
}

/**
 * The smallest minimum and largest maximum of some series over the columns, for a y axis fitted
 * to the window (0 included when asked: the whole run shows its baseline, a zoomed window its detail).
 * @param {readonly Column[]} columns
 * @param {readonly ('heap' | 'stack' | 'total')[]} keys
 * @param {boolean} includeZero
 * @returns {[number, number]}
 */
export function valueExtent(columns, keys, includeZero) {
  let low = includeZero ? 0 : Infinity;
  let high = includeZero ? 0 : -Infinity;
  for (const column of columns) {
    for (const key of keys) {
      low = Math.min(low, column[key][2]);
      high = Math.max(high, column[key][3]);
    }
  }
  return low <= high ? [low, high] : [0, 0];
}

/**
 * The column at a position (binary search: columns are in order), or null outside them.
 * @param {readonly Column[]} columns
 * @param {bigint} position
 */
export function columnAt(columns, position) {
  let low = 0;
  let high = columns.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const column = columns[mid];
    if (position < column.from) high = mid - 1;
    else if (position >= column.to) low = mid + 1;
    else return column;
  }
  return null;
}
