/** What a stress probe reports, and its Markdown for RELIABILITY.md. */
import type { LatencySummary, Tally } from './harness.js';

export interface Target {
  what: string;
  target: string;
  measured: string;
  /** null: could not be measured in this run (said in `measured`). */
  met: boolean | null;
}

export interface Row {
  label: string;
  tally: Tally;
  latency?: LatencySummary;
}

export interface ProbeResult {
  name: string;
  title: string;
  /** How the probe was run: counts, concurrency, options. */
  setup: string;
  rows: Row[];
  targets: Target[];
  /** Server RSS during the probe (sampled from /proc/PID/status VmRSS), MB. */
  rss?: { peakMb: number; startMb: number; endMb: number };
  /** What was lost (failed requests, corrupt answers, files left behind), or "nothing". */
  lost: string;
  /** Failing cases saved for replay. */
  saved: string[];
  notes: string[];
  skipped?: string;
  seconds: number;
}

export function newResult(name: string, title: string, setup: string): ProbeResult {
  return { name, title, setup, rows: [], targets: [], lost: 'nothing', saved: [], notes: [], seconds: 0 };
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');

/** Fills `rss` from a sampler's samples, with a loud note when the sampler had to kill the server. */
export function recordRss(result: ProbeResult, samples: number[], killedAtMb: number | null): NonNullable<ProbeResult['rss']> {
  const rss = { startMb: samples[0] ?? 0, peakMb: Math.max(0, ...samples), endMb: samples.at(-1) ?? 0 };
  result.rss = rss;
  if (killedAtMb !== null) result.notes.push(`**The probe killed the server at ${killedAtMb.toFixed(0)} MB RSS** (safety limit of the stress run): what followed failed for that reason.`);
  return rss;
}

/** recordRss, plus the target of issue 9 on peak server RSS (1.5 GB). */
export function recordRssTarget(result: ProbeResult, samples: number[], killedAtMb: number | null): void {
  const { peakMb } = recordRss(result, samples, killedAtMb);
  result.targets.push(target('server RSS', '≤ 1.5 GB', `peak ${peakMb.toFixed(0)} MB`, peakMb <= 1536));
}

export function target(what: string, targetText: string, measured: string, met: boolean | null): Target {
  return { what, target: targetText, measured, met };
}

export function resultMarkdown(r: ProbeResult): string[] {
  const lines = [`## ${r.name}: ${r.title}`, ''];
  if (r.skipped) return [...lines, `**SKIPPED**: ${r.skipped}`, ''];
  lines.push(`${r.setup} (${r.seconds.toFixed(0)} s)`, '');
  if (r.targets.length > 0) {
    lines.push('| target | wanted | measured | |', '|---|---|---|---|');
    for (const t of r.targets) lines.push(`| ${t.what} | ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**NOT MET**'} |`);
    lines.push('');
  }
  if (r.rows.length > 0) {
    lines.push('| requests | count | outcomes | median | p99 | max |', '|---|---|---|---|---|---|');
    for (const row of r.rows) {
      const l = row.latency;
      lines.push(`| ${row.label} | ${row.tally.total} | ${row.tally.text()} | ${l ? ms(l.medianMs) : '–'} ms | ${l ? ms(l.p99Ms) : '–'} ms | ${l ? ms(l.maxMs) : '–'} ms |`);
    }
    lines.push('');
  }
  if (r.rss) lines.push(`Server RSS: ${r.rss.startMb.toFixed(0)} MB at start, peak **${r.rss.peakMb.toFixed(0)} MB**, ${r.rss.endMb.toFixed(0)} MB at end.`, '');
  lines.push(`Lost: ${r.lost}.`, '');
  if (r.saved.length > 0) lines.push(`Saved for replay (${r.saved.length}): ${r.saved.slice(0, 10).map((s) => `\`${s}\``).join(', ')}${r.saved.length > 10 ? ', …' : ''}`, '');
  for (const note of r.notes) lines.push(`- ${note}`);
  if (r.notes.length > 0) lines.push('');
  return lines;
}
