/** What the x axis shows (calls, CPU ticks or seconds), its ticks, and how a position along it reads. */
import type { PlotOptions } from '../options/plot-options.js';
import { countTicks, formatCompact, formatInteger } from './count-format.js';
import { durationTicks, formatDuration } from './duration-format.js';
import type { AxisTicks } from './nice-ticks.js';

export interface XAxisKind {
  title: string;
  ticks: (min: number, max: number, count: number) => AxisTicks;
  describe: (position: number, exact: boolean) => string;
}

export function xAxisKind(options: Pick<PlotOptions, 'axis' | 'ticksPerSecond'>): XAxisKind {
  if (options.axis === 'calls') {
    return { title: 'memory function calls', ticks: countTicks, describe: (position) => `call ${formatInteger(position)}` };
  }
  const ticksPerSecond = options.ticksPerSecond;
  if (ticksPerSecond !== null) {
    return {
      title: 'time since start',
      ticks: (min, max, count) => durationTicks(min, max, ticksPerSecond, count),
      describe: (position) => formatDuration(position / ticksPerSecond),
    };
  }
  return { title: 'CPU ticks since start', ticks: countTicks, describe: (position) => `${formatCompact(position)} ticks` };
}
