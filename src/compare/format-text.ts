/** `memplot compare --format text`: an aligned table, then the verdict and each failure on its own line. */
import type { CompareReport } from './report.js';
import { TABLE_HEADERS, tableRows, verdictSummary } from './table-rows.js';

export function formatCompareText(report: CompareReport): string {
  const rows = [[...TABLE_HEADERS], ...tableRows(report)];
  const widths = TABLE_HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  const out = [`base ${report.base.id}`, `head ${report.head.id}`, '', ...rows.map(line)];
  const summary = verdictSummary(report);
  if (summary) {
    out.push('', `${report.verdict!.passed ? 'PASSED' : 'FAILED'}: ${summary}`);
    for (const failure of report.verdict!.failures) out.push(`  ${failure.expression}: ${failure.message}`);
  }
  return out.join('\n') + '\n';
}
