/**
 * Plot options by what a profile is: a .mem alone takes the plot options; malloc-tag snapshots
 * and a .mem with a paired snapshot take them plus their chart options (kind, measure, threads,
 * aggregate, top: plot-options.ts). Parsing, the canonical text cache keys hash, and URL queries
 * all go by the same kind, so `kind=bars` and `kind=icicle` never share a cached image.
 */
import {
  normalizePairedPlotOptions,
  normalizePlotOptions,
  normalizeSnapshotPlotOptions,
  PAIRED_CHART_KINDS,
  PAIRED_OPTION_DEFINITIONS,
  parsePairedPlotOptions,
  parsePlotOptions,
  parseSnapshotPlotOptions,
  plotOptionsQuery,
  SNAPSHOT_CHART_KINDS,
  SNAPSHOT_OPTION_DEFINITIONS,
  optionValueText,
  type ExtraOptionDefinition,
  type PairedPlotOptions,
  type PlotOptions,
  type SnapshotPlotOptions,
} from './plot-options.js';

/** Which options a profile takes: a .mem alone, a .mem with a paired snapshot, or snapshots. */
export type ProfileOptionsKind = 'mem' | 'paired' | 'snapshots';

/** Which options a stored profile takes (a summary: `kind` 'malloc-tag' for snapshots, `mallocTag` for a pairing). */
export function optionsKindOfProfile(profile: { kind?: string; mallocTag?: unknown }): ProfileOptionsKind {
  if (profile.kind === 'malloc-tag') return 'snapshots';
  return profile.mallocTag ? 'paired' : 'mem';
}

export type AnyPlotOptions = PlotOptions | SnapshotPlotOptions | PairedPlotOptions;

const EXTRA: Record<ProfileOptionsKind, readonly ExtraOptionDefinition[]> = { mem: [], paired: PAIRED_OPTION_DEFINITIONS, snapshots: SNAPSHOT_OPTION_DEFINITIONS };

/** Names of the malloc-tag chart options (any kind). */
const EXTRA_NAMES = new Set([...SNAPSHOT_OPTION_DEFINITIONS, ...PAIRED_OPTION_DEFINITIONS].map((def) => def.name));

export function parseProfilePlotOptions(kind: ProfileOptionsKind, raw: Record<string, unknown>, base: Partial<PlotOptions> = {}): AnyPlotOptions {
  if (kind === 'snapshots') return parseSnapshotPlotOptions(raw, base);
  if (kind === 'paired') return parsePairedPlotOptions(raw, base);
  return parsePlotOptions(raw, base);
}

/** The options' kind, from the chart kind they carry (none: a .mem's). */
export function optionsKindOf(options: Partial<AnyPlotOptions>): ProfileOptionsKind {
  const kind = (options as { kind?: string }).kind;
  if (kind !== undefined && (SNAPSHOT_CHART_KINDS as readonly string[]).includes(kind)) return 'snapshots';
  if (kind !== undefined && (PAIRED_CHART_KINDS as readonly string[]).includes(kind)) return 'paired';
  return 'mem';
}

/** The canonical text of any options (what cache keys hash). */
export function normalizeAnyPlotOptions(options: AnyPlotOptions): string {
  const kind = optionsKindOf(options);
  if (kind === 'snapshots') return normalizeSnapshotPlotOptions(options as SnapshotPlotOptions);
  if (kind === 'paired') return normalizePairedPlotOptions(options as PairedPlotOptions);
  return normalizePlotOptions(options);
}

/** Query string of the options that differ from their defaults, the chart options included (ready-made URLs). */
export function anyPlotOptionsQuery(options: Partial<AnyPlotOptions>): string {
  const parts = [plotOptionsQuery(options)];
  const values = options as Record<string, unknown>;
  for (const def of EXTRA[optionsKindOf(options)]) {
    const value = values[def.key];
    if (value === undefined || optionValueText(value) === optionValueText(def.default)) continue;
    parts.push(`${def.name}=${encodeURIComponent(optionValueText(value))}`);
  }
  return parts.filter((part) => part !== '').join('&');
}

/** Raw options without the malloc-tag chart ones: checks that run before the upload says what it is. */
export function withoutChartKindOptions(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([name]) => !EXTRA_NAMES.has(name)));
}
