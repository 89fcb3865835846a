// @ts-check
/**
 * The chart's axes, drawn with d3-axis in the server charts' style: byte ticks in one binary unit
 * on y, call indices or time since the start on x, light gridlines across the plot.
 */
import { byteTicks, formatCount, formatPosition, shortCount } from '../format.js';

/**
 * The y axis of one panel, fitted to [low, high]: returns its scale.
 * @param {d3.Selection} group
 * @param {[number, number]} extent
 * @param {number} top
 * @param {number} height
 * @param {number} width of the plot (gridlines)
 */
export function drawYAxis(group, extent, top, height, width) {
  const count = Math.max(2, Math.floor(height / 40));
  const { domain, ticks } = byteTicks(extent[0], extent[1], count);
  const scale = d3.scaleLinear().domain(domain).range([top + height, top]);
  group.selectAll('*').remove();
  group.call(
    d3.axisLeft(scale)
      .tickValues(ticks.map((tick) => tick.value))
      .tickFormat((value) => ticks.find((tick) => tick.value === value)?.label ?? '')
      .tickSize(-width)
      .tickSizeOuter(0)
      .tickPadding(6),
  );
  return scale;
}

/**
 * The x axis under the plot for the window [0, width) relative to its first position.
 * @param {d3.Selection} group
 * @param {{ axis: 'calls' | 'time', origin: bigint, from: bigint, to: bigint, ticksPerSecond: number | null }} view
 * @param {number} left
 * @param {number} width
 * @param {number} plotHeight gridline length
 */
export function drawXAxis(group, view, left, width, plotHeight) {
  const offset = Number(view.from - view.origin);
  const scale = d3.scaleLinear().domain([offset, offset + Number(view.to - view.from)]).range([left, left + width]);
  const formats = view.axis === 'calls' ? CALL_LABELS : timeLabels(view.ticksPerSecond);
  // Fewer ticks while their labels would not fit side by side (long labels in a deep zoom): at most a dozen tries.
  let count = Math.max(2, Math.floor(width / 90));
  let ticks = scale.ticks(count).filter((value) => view.axis !== 'calls' || Number.isInteger(value));
  let labels = distinctLabels(ticks, formats);
  for (let tries = 0; tries < 12 && count > 2 && ticks.length * labelWidth(labels) > width; tries++) {
    count = Math.max(2, Math.floor(count * 0.7));
    ticks = scale.ticks(count).filter((value) => view.axis !== 'calls' || Number.isInteger(value));
    labels = distinctLabels(ticks, formats);
  }
  group.selectAll('*').remove();
  group.call(
    d3.axisBottom(scale)
      .tickValues(ticks)
      .tickFormat((value) => labels.get(value) ?? '')
      .tickSize(-plotHeight)
      .tickSizeOuter(0)
      .tickPadding(6),
  );
}

/** @typedef {(value: number) => string} Label */

/** Call indices: short (12.3M) while that tells ticks apart, else in full (23,841,000). @type {Label[]} */
const CALL_LABELS = [shortCount, formatCount];

/** Times: short, then with as many digits as the ticks need. @param {number | null} ticksPerSecond @returns {Label[]} */
function timeLabels(ticksPerSecond) {
  if (!ticksPerSecond) return [(value) => formatPosition('time', value, null), formatCount];
  return [3, 6, 9, 12].map((digits) => (value) => `${(value / ticksPerSecond).toFixed(digits)} s`);
}

/**
 * Each tick's label from the first way of writing them that tells them all apart (a deep zoom
 * needs more digits than the whole run).
 * @param {readonly number[]} ticks
 * @param {readonly Label[]} formats
 */
function distinctLabels(ticks, formats) {
  /** @type {Map<number, string>} */
  let labels = new Map();
  for (const format of formats) {
    labels = new Map(ticks.map((value) => [value, format(value)]));
    if (new Set(labels.values()).size === ticks.length) break;
  }
  return labels;
}

/** Room a tick label takes: its longest text at about 7 px a character, and a gap. @param {Map<number, string>} labels */
function labelWidth(labels) {
  let longest = 0;
  for (const label of labels.values()) longest = Math.max(longest, label.length);
  return longest * 7 + 18;
}

/** The x axis' title. @param {'calls' | 'time'} axis @param {number | null} ticksPerSecond */
export function xAxisTitle(axis, ticksPerSecond) {
  if (axis === 'calls') return 'call';
  return ticksPerSecond ? 'time since start (s)' : 'time since start (CPU ticks)';
}
