/** The rows of the comparison table (text and Markdown): metric | base | head | change | change %. */
import { changePercent } from './deltas.js';
import { formatChange, formatMetricValue, formatPercent } from './format-values.js';
import { METRICS } from './metrics.js';
import type { CompareReport } from './report.js';

export const TABLE_HEADERS = ['metric', 'base', 'head', 'change', 'change %'] as const;

/** One row per metric, printed; a metric absent from both runs (durationSeconds without a tick rate) is left out. */
export function tableRows(report: CompareReport): string[][] {
  const rows: string[][] = [];
  for (const metric of METRICS) {
    const delta = report.deltas[metric.name];
    if (delta.base === null && delta.head === null) continue;
    rows.push([
      metric.name,
      formatMetricValue(delta.base, metric.unit),
      formatMetricValue(delta.head, metric.unit),
      formatChange(delta.change, metric.unit),
      formatPercent(changePercent(delta)),
    ]);
  }
  return rows;
}

/** "1 of 3 thresholds failed" / "all 3 thresholds hold". */
export function verdictSummary(report: CompareReport): string | null {
  const verdict = report.verdict;
  if (!verdict) return null;
  const count = verdict.thresholds.length;
  const noun = count === 1 ? 'threshold' : 'thresholds';
  return verdict.passed ? (count === 1 ? "the threshold holds" : `all ${count} ${noun} hold`) : `${verdict.failures.length} of ${count} ${noun} failed`;
}
