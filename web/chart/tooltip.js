// @ts-check
/**
 * The tooltip at the cursor: where (call index or time) and heap and stack in the column under it,
 * as a single value when the column holds one call, else its range.
 */
import { formatBytes, formatCount, formatPosition } from '../format.js';

/** @typedef {import('../series-client.js').Column} Column */

/** @param {[number, number, number, number]} m4 */
function valueText(m4) {
  const [, , min, max] = m4;
  if (min === max) return formatBytes(min);
  // Three digits cannot tell them apart: the exact bytes.
  if (formatBytes(min) === formatBytes(max)) return `${formatCount(min)} – ${formatCount(max)} B`;
  return `${formatBytes(min)} – ${formatBytes(max)}`;
}

/**
 * The tooltip's lines for a column.
 * @param {Column} column
 * @param {{ axis: 'calls' | 'time', origin: bigint, ticksPerSecond: number | null, total: boolean }} view
 */
export function tooltipLines(column, view) {
  const single = column.to - column.from === 1n;
  const lines = [];
  if (view.axis === 'calls') {
    lines.push(single ? `call #${formatCount(column.from)}` : `calls #${formatCount(column.from)} – #${formatCount(column.to - 1n)}`);
  } else {
    const start = formatPosition('time', Number(column.from - view.origin), view.ticksPerSecond);
    lines.push(single ? `time ${start}` : `time ${start} – ${formatPosition('time', Number(column.to - view.origin), view.ticksPerSecond)}`);
  }
  lines.push(`heap ${valueText(column.heap)}`);
  lines.push(`stack ${valueText(column.stack)}`);
  if (view.total) lines.push(`heap + stack ${valueText(column.total)}`);
  return lines;
}

/**
 * Shows the lines next to the pointer inside the chart's box (or hides the tooltip with null).
 * @param {HTMLElement} element
 * @param {string[] | null} lines
 * @param {number} x
 * @param {number} y
 * @param {number} boxWidth
 */
export function showTooltip(element, lines, x, y, boxWidth) {
  if (!lines) {
    element.hidden = true;
    return;
  }
  element.replaceChildren(...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
  element.hidden = false;
  const width = element.offsetWidth;
  element.style.left = `${x + 14 + width > boxWidth ? Math.max(0, x - 14 - width) : x + 14}px`;
  element.style.top = `${Math.max(0, y - 10)}px`;
}
