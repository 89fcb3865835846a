/**
 * The Markdown of `GET /compare/:base/:head/summary.md` and `memplot compare --format markdown`:
 * a pull-request comment with the table, a verdict line, links to both charts and the overlay image.
 */
import type { CompareReport } from './report.js';
import { TABLE_HEADERS, tableRows, verdictSummary } from './table-rows.js';

export interface CompareLinks {
  baseChart: string;
  headChart: string;
  /** The overlay chart as PNG. */
  overlay: string;
}

/** Characters that would end a table cell or start markup in a cell. */
function cell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export function formatCompareMarkdown(report: CompareReport, links: CompareLinks | null): string {
  const short = (id: string) => id.slice(0, 12);
  const out = [`### memplot: memory of \`${short(report.head.id)}\` (head) against \`${short(report.base.id)}\` (base)`, ''];
  out.push(`| ${TABLE_HEADERS.join(' | ')} |`, '| --- | ---: | ---: | ---: | ---: |');
  for (const row of tableRows(report)) out.push(`| ${row.map((text, i) => (i === 0 ? `\`${text}\`` : cell(text))).join(' | ')} |`);
  out.push('');
  const summary = verdictSummary(report);
  if (!summary) out.push('No thresholds were given.');
  else if (report.verdict!.passed) out.push(`**✅ Passed:** ${summary}.`);
  else {
    out.push(`**❌ Failed:** ${summary}:`, '');
    for (const failure of report.verdict!.failures) out.push(`- \`${failure.expression}\`: ${cell(failure.message)}`);
  }
  if (links) {
    out.push('', `[base chart](${links.baseChart}) · [head chart](${links.headChart}) · [overlay](${links.overlay})`, '', `![overlay of base and head](${links.overlay})`);
  }
  return out.join('\n') + '\n';
}
