/** The x axis of runs aligned by progress: 0–100 % of each run's calls (or of its time). */
import type { XAxis } from '../../options/plot-options.js';
import { countTicks } from '../count-format.js';
import type { AxisTicks } from '../nice-ticks.js';

/** Tick labels are plain numbers (the title says %): "0 %" under the plot's corner would touch the lowest value label. */
export function progressTicks(count: number): AxisTicks {
  return countTicks(0, 100, count);
}

export function progressTitle(axis: XAxis): string {
  return axis === 'calls' ? "progress (% of each run's memory function calls)" : "progress (% of each run's time)";
}
