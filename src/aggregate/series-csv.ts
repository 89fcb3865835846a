/**
 * The series as CSV (Grafana's Infinity data source, spreadsheets, pandas): one row per column,
 * headers `from,to,heap_first,heap_last,heap_min,heap_max,stack_…,total_…`. Every value is an
 * integer (times as exact tick strings), so no field needs quoting.
 */
import type { SeriesColumn } from './series-columns.js';

const SERIES = ['heap', 'stack', 'total'] as const;
const PARTS = ['first', 'last', 'min', 'max'] as const;

export const SERIES_CSV_HEADER = ['from', 'to', ...SERIES.flatMap((s) => PARTS.map((p) => `${s}_${p}`))].join(',');

export function seriesCsv(columns: readonly SeriesColumn[]): string {
  const lines = [SERIES_CSV_HEADER];
  for (const c of columns) lines.push(`${c.from},${c.to},${c.heap.join(',')},${c.stack.join(',')},${c.total.join(',')}`);
  return lines.join('\n') + '\n';
}
