/**
 * What the chart of two runs marks: both runs' peaks, the head's labelled with its change from the
 * base's ("+12.3 MiB (+4.1 %)"); in diff mode the largest increase and decrease of head − base.
 * Positions are on the chart's x axis; annotations.ts places the labels clear of each other, of
 * the markers and (as far as it can) of both lines.
 */
import { formatBinaryBytes } from '../byte-format.js';
import type { Annotation, ChartAnnotations } from '../annotations.js';
import type { ChartDensity } from '../layout.js';
import type { CoverageLine } from '../line-coverage.js';
import type { LinearScale } from '../scales.js';
import { chartPosition, type AlignedRun } from './aligned-run.js';
import { formatChange, formatSignedBytes } from './change-text.js';
import type { OverlayPalette } from './overlay-palette.js';
import type { ProgressDiff } from './progress-diff.js';

function labelled(density: ChartDensity, long: string, short: string): string {
  return density === 'full' ? long : density === 'compact' ? short : '';
}

export interface PeakAnnotationContext {
  base: AlignedRun;
  head: AlignedRun;
  xDomain: readonly [number, number];
  /** 'peak' or 'peak heap + stack'. */
  quantity: string;
  density: ChartDensity;
  palette: OverlayPalette;
  /** The runs' own position scales, so that labels keep clear of both lines. */
  baseX: LinearScale;
  headX: LinearScale;
  step: boolean;
}

/** Both peaks, the head's first (placed first, drawn on top). */
export function peakAnnotations(context: PeakAnnotationContext): ChartAnnotations {
  const { base, head, xDomain, quantity, density, palette } = context;
  const items: Annotation[] = [];
  if (head.peak) {
    const value = formatBinaryBytes(head.peak.value);
    const change = base.peak ? formatChange(base.peak.value, head.peak.value) : null;
    items.push({
      kind: 'peak-heap',
      position: chartPosition(head, xDomain, head.peak.position),
      value: head.peak.value,
      label: change ? labelled(density, `${head.name} ${quantity} ${value}: ${change}`, change) : labelled(density, `${head.name} ${quantity} ${value}`, value),
      color: palette.head,
    });
  }
  if (base.peak) {
    const value = formatBinaryBytes(base.peak.value);
    items.push({
      kind: 'peak-base',
      position: chartPosition(base, xDomain, base.peak.position),
      value: base.peak.value,
      label: labelled(density, `${base.name} ${quantity} ${value}`, `${base.name} ${value}`),
      color: palette.base,
    });
  }
  const lines: CoverageLine[] = [];
  if (base.extent) lines.push({ series: base.series, columns: base.values, step: context.step, x: context.baseX });
  if (head.extent) lines.push({ series: head.series, columns: head.values, step: context.step, x: context.headX });
  return { items, lines };
}

/** The largest increase and decrease of head − base, at the middle of their columns on the 0–100 % axis. */
export function diffAnnotations(diff: ProgressDiff, density: ChartDensity, palette: OverlayPalette): ChartAnnotations {
  const columns = diff.values.length;
  const items: Annotation[] = [];
  const at = (column: number) => ((column + 0.5) / columns) * 100;
  const percent = (column: number) => `${Math.round(at(column))} %`;
  for (const [column, kind, word, color] of [
    [diff.largestIncrease, 'largest-increase', 'increase', palette.increase],
    [diff.largestDecrease, 'largest-decrease', 'decrease', palette.decrease],
  ] as const) {
    if (column < 0) continue;
    const change = formatSignedBytes(diff.values[column]);
    items.push({ kind, position: at(column), value: diff.values[column], label: labelled(density, `largest ${word} ${change} at ${percent(column)}`, change), color });
  }
  return { items, lines: [] };
}
