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
 * The smallest minimum and largest maximum of some series over the columns (0 included, so that
 * the baseline shows), for a y axis fitted to the window.
 * @param {readonly Column[]} columns
 * @param {readonly ('heap' | 'stack' | 'total')[]} keys
 * @returns {[number, number]}
 */
export function valueExtent(columns, keys) {
  let low = 0;
  let high = 0;
  for (const column of columns) {
    for (const key of keys) {
      low = Math.min(low, column[key][2]);
      high = Math.max(high, column[key][3]);
    }
  }
  return [low, high];
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
