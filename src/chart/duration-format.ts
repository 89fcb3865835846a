/**
 * Durations in seconds (the time axis when the user gives ticks per second): "1.5 s", "250 ms",
 * "40 µs", chosen from the span of the axis.
 */
import { formatFixed, niceStep, stepDecimals, ticksWithin, type AxisTicks } from './nice-ticks.js';

const DURATION_UNITS = [
  { seconds: 1, suffix: 's' },
  { seconds: 1e-3, suffix: 'ms' },
  { seconds: 1e-6, suffix: 'µs' },
  { seconds: 1e-9, suffix: 'ns' },
] as const;

function durationUnit(seconds: number): { seconds: number; suffix: string } {
  for (const unit of DURATION_UNITS) if (Math.abs(seconds) >= unit.seconds) return unit;
  return DURATION_UNITS[DURATION_UNITS.length - 1];
}

/** A duration with three significant digits: "2.99 s", "12.4 ms". */
export function formatDuration(seconds: number): string {
  const unit = durationUnit(seconds);
  const scaled = seconds / unit.seconds;
  const decimals = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
  return `${formatFixed(scaled, decimals)} ${unit.suffix}`;
}

/**
 * Ticks over [min, max] given in CPU ticks, labelled in seconds (or ms, µs) at `ticksPerSecond`;
 * the domain stays in CPU ticks and is not widened.
 */
export function durationTicks(min: number, max: number, ticksPerSecond: number, count: number): AxisTicks {
  if (!(max > min)) max = min + 1;
  const unit = durationUnit((max - min) / ticksPerSecond);
  const toDisplay = 1 / (ticksPerSecond * unit.seconds);
  const step = niceStep((max - min) * toDisplay, count);
  const decimals = stepDecimals(step);
  return {
    domain: [min, max],
    ticks: ticksWithin(min * toDisplay, max * toDisplay, step).map((value) => ({
      value: Math.round(value / toDisplay),
      label: value === 0 ? '0' : `${formatFixed(value, decimals)} ${unit.suffix}`,
    })),
  };
}
