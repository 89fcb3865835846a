// @ts-check
/**
 * The chart's axes, drawn with d3-axis in the server charts' style: byte ticks in one binary unit
 * on y, call indices or time since the start on x, light gridlines across the plot.
 */
import { byteTicks, formatPosition, shortCount } from '../format.js';

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
  const count = Math.max(2, Math.floor(width / 90));
  const ticks = scale.ticks(count).filter((value) => view.axis !== 'calls' || Number.isInteger(value));
  group.selectAll('*').remove();
  group.call(
    d3.axisBottom(scale)
      .tickValues(ticks)
      .tickFormat((value) => (view.axis === 'calls' ? shortCount(value) : formatPosition('time', value, view.ticksPerSecond)))
      .tickSize(-plotHeight)
      .tickSizeOuter(0)
      .tickPadding(6),
  );
}

/** The x axis' title. @param {'calls' | 'time'} axis @param {number | null} ticksPerSecond */
export function xAxisTitle(axis, ticksPerSecond) {
  if (axis === 'calls') return 'call';
  return ticksPerSecond ? 'time since start (s)' : 'time since start (CPU ticks)';
}
