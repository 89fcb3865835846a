/**
 * One definition of every chart option, shared by the CLI (memusagestat's flags) and the HTTP
 * API (query parameters and multipart fields): name, aliases, type, range and default live here
 * and nowhere else, and so do the messages for bad values.
 */
import { isThreadNamePattern } from './thread-name-pattern.js';

export const OUTPUT_FORMATS = ['png', 'svg', 'webp', 'avif', 'jpeg'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/**
 * Other names of a format, accepted wherever a format is named (`format=jpg`, `plot.jpg`, `-o x.jpg`)
 * and normalised to the canonical one, so that both spellings share one cache key.
 */
export const OUTPUT_FORMAT_ALIASES: Readonly<Record<string, OutputFormat>> = { jpg: 'jpeg' };
/** Ranges other modules bound their work by (the raster's largest image); the definitions below use them. */
export const WIDTH_RANGE = { min: 100, max: 4096 } as const;
export const HEIGHT_RANGE = { min: 80, max: 4096 } as const;
export const SCALE_RANGE = { min: 1, max: 3 } as const;
export const AXES = ['calls', 'time'] as const;
export type XAxis = (typeof AXES)[number];
export const STACK_MODES = ['separate', 'same', 'none', 'panel'] as const;
export type StackMode = (typeof STACK_MODES)[number];
export const THEMES = ['light', 'dark', 'classic'] as const;
export type Theme = (typeof THEMES)[number];
/** Extra panels under the heap, sharing its x axis: entries per unit of time, heap growth and shrink. */
export const PANELS = ['rate', 'changes'] as const;
export type Panel = (typeof PANELS)[number];

export interface PlotOptions {
  width: number;
  height: number;
  title: string | null;
  axis: XAxis;
  total: boolean;
  stack: StackMode;
  theme: Theme;
  scale: number;
  format: OutputFormat;
  ticksPerSecond: number | null;
  /** In PANELS order, each at most once. */
  panels: readonly Panel[];
}

type OptionType =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  /** `check` (when given) refuses text that is not what the option expects, e.g. a regular expression that does not compile. */
  | { kind: 'string'; maxLength: number; check?: { description: string; accepts: (text: string) => boolean } }
  /** Comma-separated values, each from `values` at most once ('none' or nothing: the empty list). */
  | { kind: 'list'; values: readonly string[] };

export interface OptionDefinition<O extends object = PlotOptions> {
  /** Canonical name: the HTTP query parameter / multipart field. */
  name: string;
  /** Property of the options object (PlotOptions; CompareOptions for the compare-only options; ScopeChartOptions for the malloc-tag charts' own). */
  key: keyof O & string;
  /** CLI flags, memusagestat's first where it has one. */
  flags: { short?: string; long: string };
  /** A boolean CLI flag takes no value; the rest take one. */
  type: OptionType;
  default: O[keyof O];
  description: string;
}

export const PLOT_OPTION_DEFINITIONS: readonly OptionDefinition[] = [
  {
    name: 'width',
    key: 'width',
    flags: { short: '-x', long: '--x-size' },
    type: { kind: 'integer', ...WIDTH_RANGE },
    default: 800,
    description: 'Image width in CSS pixels (memusagestat -x).',
  },
  {
    name: 'height',
    key: 'height',
    flags: { short: '-y', long: '--y-size' },
    type: { kind: 'integer', ...HEIGHT_RANGE },
    default: 600,
    description: 'Image height in CSS pixels (memusagestat -y).',
  },
  {
    name: 'title',
    key: 'title',
    flags: { short: '-s', long: '--string' },
    type: { kind: 'string', maxLength: 200 },
    default: null,
    description: 'Chart title (memusagestat -s).',
  },
  {
    name: 'axis',
    key: 'axis',
    flags: { long: '--axis' },
    type: { kind: 'enum', values: AXES },
    default: 'calls',
    description: 'X axis: calls (entry index) or time (CPU ticks). The CLI flag -t/--time means axis=time.',
  },
  {
    name: 'total',
    key: 'total',
    flags: { short: '-T', long: '--total' },
    type: { kind: 'boolean' },
    default: false,
    description: 'Also draw heap + stack of each entry (memusagestat -T).',
  },
  {
    name: 'stack',
    key: 'stack',
    flags: { long: '--stack' },
    type: { kind: 'enum', values: STACK_MODES },
    default: 'panel',
    description: "Stack line: in its own panel under the heap sharing the x axis (panel), on its own right axis (separate), on the heap's scale (same), or not drawn (none).",
  },
  {
    name: 'theme',
    key: 'theme',
    flags: { long: '--theme' },
    type: { kind: 'enum', values: THEMES },
    default: 'light',
    description: "Colours: light, dark (dashboards) or classic (memusagestat's).",
  },
  {
    name: 'scale',
    key: 'scale',
    flags: { long: '--scale' },
    type: { kind: 'number', ...SCALE_RANGE },
    default: 1,
    description: 'Device pixel ratio of raster output (1 to 3), for sharp images on HiDPI screens.',
  },
  {
    name: 'format',
    key: 'format',
    flags: { long: '--format' },
    type: { kind: 'enum', values: OUTPUT_FORMATS, aliases: OUTPUT_FORMAT_ALIASES },
    default: 'png',
    description: 'Output format. The CLI takes it from the output file extension; HTTP from Accept when not given.',
  },
  {
    name: 'ticks_per_second',
    key: 'ticksPerSecond',
    flags: { long: '--ticks-per-second' },
    type: { kind: 'number', min: 1, max: 1e13 },
    default: null,
    description: 'CPU ticks per second (e.g. the TSC frequency): label the time axis in seconds.',
  },
  {
    name: 'panels',
    key: 'panels',
    flags: { long: '--panels' },
    type: { kind: 'list', values: PANELS },
    default: [],
    description: 'Extra panels under the heap, sharing its x axis: rate (entries per unit of time) and changes (heap growth and shrink), comma-separated.',
  },
];

/** How the overlay chart of two runs lines them up along x: by progress (0–100 % of each run) or by absolute position. */
export const ALIGNMENTS = ['progress', 'absolute'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
/** The overlay chart draws both runs; diff draws head − base on the progress axis. */
export const COMPARE_MODES = ['overlay', 'diff'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** Options of the chart of two runs only (`/compare/:base/:head/plot.*`, `memplot compare -o`): /profiles plots do not accept them. */
export interface CompareOptions {
  align: Alignment;
  mode: CompareMode;
}

export type ComparePlotOptions = PlotOptions & CompareOptions;

export const COMPARE_OPTION_DEFINITIONS: readonly OptionDefinition<CompareOptions>[] = [
  {
    name: 'align',
    key: 'align',
    flags: { long: '--align' },
    type: { kind: 'enum', values: ALIGNMENTS },
    default: 'progress',
    description: 'Compare charts: x aligned by progress (0–100 % of each run\'s calls, or of its time with axis=time) or by absolute position (calls or ticks).',
  },
  {
    name: 'mode',
    key: 'mode',
    flags: { long: '--mode' },
    type: { kind: 'enum', values: COMPARE_MODES },
    default: 'overlay',
    description: 'Compare charts: both runs on one chart (overlay) or head − base on the progress axis (diff).',
  },
];

/** A bad option value: names the option, the value received and what is allowed. */
export class PlotOptionError extends Error {
  readonly code = 'BAD_OPTION';
  readonly option: string;
  readonly value: unknown;
  readonly allowed: string;
  constructor(option: string, value: unknown, allowed: string) {
    super(`option ${option}: expected ${allowed}, received ${JSON.stringify(value)}`);
    this.name = 'PlotOptionError';
    this.option = option;
    this.value = value;
    this.allowed = allowed;
  }
}

export function describeAllowed(type: OptionType): string {
  if (type.kind === 'string' && type.check) return `${type.check.description} of at most ${type.maxLength} characters`;
  switch (type.kind) {
    case 'integer':
      return `an integer from ${type.min} to ${type.max}`;
    case 'number':
      return `a number from ${type.min} to ${type.max}`;
    case 'boolean':
      return 'a boolean (true, false, 1, 0, yes, no, or no value)';
    case 'enum': {
      const aliases = Object.entries(type.aliases ?? {}).map(([alias, name]) => `${alias} for ${name}`);
      return `one of ${type.values.join(', ')}${aliases.length > 0 ? ` (or ${aliases.join(', ')})` : ''}`;
    }
    case 'string':
      return `text of at most ${type.maxLength} characters`;
    case 'list':
      return `a comma-separated list of ${type.values.join(', ')} (or none)`;
  }
}

/**
 * Options built in code rather than parsed (parsing already checks these) are checked against the
 * same definitions: a bad value is refused naming the option, the value and what is allowed.
 */
export function checkOptionValues<O extends object>(definitions: readonly OptionDefinition<O>[], options: O): void {
  for (const definition of definitions) {
    const value: unknown = options[definition.key];
    const type = definition.type;
    const valid =
      type.kind === 'integer' || type.kind === 'number'
        ? (value === null && definition.default === null) ||
          (typeof value === 'number' && value >= type.min && value <= type.max && (type.kind === 'number' || Number.isInteger(value)))
        : type.kind === 'enum'
          ? typeof value === 'string' && type.values.includes(value)
          : type.kind === 'boolean'
            ? typeof value === 'boolean'
            : type.kind === 'list'
              ? Array.isArray(value) && value.every((item, i) => type.values.includes(item) && value.indexOf(item) === i)
              : value === null || (typeof value === 'string' && value.length <= type.maxLength);
    if (!valid) throw new PlotOptionError(definition.name, value, describeAllowed(type));
  }
}

/** Text of an option value as the URL, cache key and documentation write it: a list comma-separated, 'none' when empty. */
export function optionValueText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  return String(value ?? '');
}

/** A list option's values in the definition's order, or null when one is not allowed. */
function parseList(values: readonly string[], raw: string): string[] | null {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'none') return [];
  const given = text.split(',').map((part) => part.trim());
  if (given.some((part) => !values.includes(part))) return null;
  return values.filter((value) => given.includes(value));
}

const TRUE_WORDS = new Set(['', 'true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Parses one raw value (a string from argv, a query or a form field; or a boolean) by its definition. */
export function parseOptionValue<O extends object = PlotOptions>(def: Pick<OptionDefinition<O>, 'name' | 'type'>, raw: unknown, label = def.name): O[keyof O] {
  const type = def.type;
  const allowed = describeAllowed(type);
  if (type.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw as O[keyof O];
    if (typeof raw === 'string' && TRUE_WORDS.has(raw.toLowerCase())) return true as O[keyof O];
    if (typeof raw === 'string' && FALSE_WORDS.has(raw.toLowerCase())) return false as O[keyof O];
    throw new PlotOptionError(label, raw, allowed);
  }
  if (typeof raw !== 'string') throw new PlotOptionError(label, raw, allowed);
  switch (type.kind) {
    case 'integer':
    case 'number': {
      const text = raw.trim();
      const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(value) || value < type.min || value > type.max) throw new PlotOptionError(label, raw, allowed);
      if (type.kind === 'integer' && !Number.isInteger(value)) throw new PlotOptionError(label, raw, allowed);
      return value as O[keyof O];
    }
    case 'enum': {
      const lower = raw.toLowerCase();
      const value = type.aliases && Object.hasOwn(type.aliases, lower) ? type.aliases[lower] : lower;
      if (!type.values.includes(value)) throw new PlotOptionError(label, raw, allowed);
      return value as O[keyof O];
    }
    case 'list': {
      const list = parseList(type.values, raw);
      if (list === null) throw new PlotOptionError(label, raw, allowed);
      return list as O[keyof O];
    }
    case 'string': {
      if (raw.length > type.maxLength) throw new PlotOptionError(label, `${raw.slice(0, 40)}…`, allowed);
      if (raw.length > 0 && type.check && !type.check.accepts(raw)) throw new PlotOptionError(label, raw, allowed);
      return (raw.length === 0 ? null : raw) as O[keyof O];
    }
  }
}

export function defaultPlotOptions(): PlotOptions {
  const out: Record<string, unknown> = {};
  for (const def of PLOT_OPTION_DEFINITIONS) out[def.key] = def.default;
  return out as unknown as PlotOptions;
}

const BY_NAME = new Map(PLOT_OPTION_DEFINITIONS.map((d) => [d.name, d]));

/** Names accepted by parsePlotOptions, e.g. for a Fastify querystring schema. */
export const PLOT_OPTION_NAMES: readonly string[] = PLOT_OPTION_DEFINITIONS.map((d) => d.name);

/**
 * Plot options from name → raw value pairs (an HTTP query or multipart fields). Unknown names
 * are rejected; missing ones take their default.
 */
export function parsePlotOptions(raw: Record<string, unknown>, base: Partial<PlotOptions> = {}): PlotOptions {
  return parseOptions(BY_NAME, PLOT_OPTION_NAMES, { ...defaultPlotOptions(), ...base }, raw);
}

/** A definition as parsing reads it: whichever options object its key belongs to. */
type ParsedDefinition = Pick<OptionDefinition, 'name' | 'type'> & { key: string };

function parseOptions<O extends object>(byName: ReadonlyMap<string, ParsedDefinition>, names: readonly string[], defaults: O, raw: Record<string, unknown>): O {
  const options = { ...defaults } as Record<string, unknown>;
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const def = byName.get(name);
    if (!def) throw new PlotOptionError(name, value, `one of the options ${names.join(', ')}`);
    options[def.key] = parseOptionValue(def, Array.isArray(value) ? value[value.length - 1] : value);
  }
  return options as O;
}

export function defaultComparePlotOptions(): ComparePlotOptions {
  const out: Record<string, unknown> = { ...defaultPlotOptions() };
  for (const def of COMPARE_OPTION_DEFINITIONS) out[def.key] = def.default;
  return out as unknown as ComparePlotOptions;
}

const COMPARE_BY_NAME = new Map<string, ParsedDefinition>([
  ...PLOT_OPTION_DEFINITIONS.map((d): [string, ParsedDefinition] => [d.name, d]),
  ...COMPARE_OPTION_DEFINITIONS.map((d): [string, ParsedDefinition] => [d.name, d]),
]);

/** Names accepted by parseComparePlotOptions: every plot option, then align and mode. */
export const COMPARE_PLOT_OPTION_NAMES: readonly string[] = [...COMPARE_BY_NAME.keys()];

/** Options of a chart of two runs: every plot option plus the compare-only ones; unknown names are rejected. */
export function parseComparePlotOptions(raw: Record<string, unknown>, base: Partial<ComparePlotOptions> = {}): ComparePlotOptions {
  return parseOptions(COMPARE_BY_NAME, COMPARE_PLOT_OPTION_NAMES, { ...defaultComparePlotOptions(), ...base }, raw);
}

/**
 * A canonical text of the options that change the picture: same picture → same text, whatever
 * order or spelling the request used. Cache keys hash it.
 */
export function normalizePlotOptions(options: PlotOptions): string {
  return PLOT_OPTION_DEFINITIONS.map((def) => `${def.name}=${encodeURIComponent(optionValueText(options[def.key]))}`).join('&');
}

/** normalizePlotOptions followed by the compare-only options: the cache key text of a chart of two runs. */
export function normalizeComparePlotOptions(options: ComparePlotOptions): string {
  const compare = COMPARE_OPTION_DEFINITIONS.map((def) => `${def.name}=${encodeURIComponent(String(options[def.key]))}`);
  return [normalizePlotOptions(options), ...compare].join('&');
}

/** Query string of the options that differ from the defaults (for ready-made URLs). */
export function plotOptionsQuery(options: Partial<PlotOptions>): string {
  const defaults = defaultPlotOptions();
  const parts: string[] = [];
  for (const def of PLOT_OPTION_DEFINITIONS) {
    const value = options[def.key];
    if (value === undefined || optionValueText(value) === optionValueText(defaults[def.key]) || def.key === 'format') continue;
    parts.push(`${def.name}=${encodeURIComponent(optionValueText(value))}`);
  }
  return parts.join('&');
}

// ---------------------------------------------------------------------------------------------
// malloc-tag charts (issue 15): the chart kind and how scopes are measured, merged and ranked.
// A .mem profile takes PlotOptions alone (its one chart); a malloc-tag snapshot, or a .mem with a
// paired snapshot, takes PlotOptions plus these, so `kind` only exists where there is a choice and
// each input names only the kinds it can draw.

/** Charts of malloc-tag snapshots: the scope tree (icicle), the top scopes (bars), several snapshots over time (timeline). */
export const SNAPSHOT_CHART_KINDS = ['icicle', 'bars', 'timeline'] as const;
/** Charts of a .mem profile with a paired snapshot: the heap chart alone, or beside the snapshot's scopes. */
export const PAIRED_CHART_KINDS = ['heap', 'scopes'] as const;
export type SnapshotChartKind = (typeof SNAPSHOT_CHART_KINDS)[number];
export type PairedChartKind = (typeof PAIRED_CHART_KINDS)[number];
/** What a scope's figure is: bytes allocated (in it and below, or in it alone), allocated − freed, or malloc/realloc/calloc calls. */
export const SCOPE_MEASURES = ['total', 'self', 'net', 'calls'] as const;
export type ScopeMeasure = (typeof SCOPE_MEASURES)[number];
/** One band per thread, or threads whose names differ only by trailing numbers (worker/0, worker/1) joined. */
export const THREAD_MODES = ['split', 'merge'] as const;
export type ThreadMode = (typeof THREAD_MODES)[number];
/** Bounds of `aggregate`: the pattern's length here, the thread-name length it is matched against in the chart. */
export const AGGREGATE_PATTERN_MAX_LENGTH = 200;
export const THREAD_NAME_MAX_LENGTH = 256;
export const TOP_RANGE = { min: 1, max: 50 } as const;

export interface ScopeChartOptions {
  measure: ScopeMeasure;
  threads: ThreadMode;
  /** A regular expression (source text): the threads whose names it matches are drawn as one. */
  aggregate: string | null;
  /** How many scopes bars and the timeline show. */
  top: number;
}
export interface SnapshotPlotOptions extends PlotOptions, ScopeChartOptions {
  kind: SnapshotChartKind;
}
export interface PairedPlotOptions extends PlotOptions, ScopeChartOptions {
  kind: PairedChartKind;
}

/** A definition of an option outside PlotOptions (its key names a property of SnapshotPlotOptions or PairedPlotOptions). */
export type ExtraOptionDefinition = OptionDefinition<Record<string, unknown>>;

const SCOPE_OPTION_DEFINITIONS: readonly ExtraOptionDefinition[] = [
  {
    name: 'measure',
    key: 'measure',
    flags: { long: '--measure' },
    type: { kind: 'enum', values: SCOPE_MEASURES },
    default: 'total',
    description: 'malloc-tag charts: what a scope weighs: total (bytes allocated in it and below), self (in it alone), net (allocated − freed; 1.0–1.1 snapshots have no freed counts and show allocated), calls (malloc, realloc and calloc calls).',
  },
  {
    name: 'threads',
    key: 'threads',
    flags: { long: '--threads' },
    type: { kind: 'enum', values: THREAD_MODES },
    default: 'split',
    description: 'malloc-tag charts: one band per thread (split), or threads whose names differ only by trailing numbers joined (merge: worker/0, worker/1 → worker/*).',
  },
  {
    name: 'aggregate',
    key: 'aggregate',
    flags: { long: '--aggregate' },
    type: { kind: 'string', maxLength: AGGREGATE_PATTERN_MAX_LENGTH, check: { description: 'an RE2 regular expression', accepts: isThreadNamePattern } },
    default: null,
    description: "malloc-tag charts: a regular expression (RE2 syntax, matched in time linear in the name); the threads whose names it matches are joined into one (what mtag-postprocess's aggregation rules do).",
  },
  {
    name: 'top',
    key: 'top',
    flags: { long: '--top' },
    type: { kind: 'integer', ...TOP_RANGE },
    default: 10,
    description: 'malloc-tag bars, timeline and scopes charts: how many scopes to show, largest first.',
  },
];

/** Options of a malloc-tag snapshot's charts (besides PLOT_OPTION_DEFINITIONS). */
export const SNAPSHOT_OPTION_DEFINITIONS: readonly ExtraOptionDefinition[] = [
  {
    name: 'kind',
    key: 'kind',
    flags: { long: '--kind' },
    type: { kind: 'enum', values: SNAPSHOT_CHART_KINDS },
    default: 'icicle',
    description: 'malloc-tag snapshot chart: icicle (the scope tree), bars (the top scopes), timeline (several snapshots of one process: the top scopes over time).',
  },
  ...SCOPE_OPTION_DEFINITIONS,
];

/** Options of a .mem profile that has a paired malloc-tag snapshot (besides PLOT_OPTION_DEFINITIONS). */
export const PAIRED_OPTION_DEFINITIONS: readonly ExtraOptionDefinition[] = [
  {
    name: 'kind',
    key: 'kind',
    flags: { long: '--kind' },
    type: { kind: 'enum', values: PAIRED_CHART_KINDS },
    default: 'heap',
    description: 'A .mem profile with a paired malloc-tag snapshot: heap (the .mem chart) or scopes (the heap over time beside the snapshot\'s scope breakdown).',
  },
  ...SCOPE_OPTION_DEFINITIONS,
];

/** Options from name → raw value pairs over the plot options and `extra` definitions: unknown names refused, missing ones defaulted. */
function parseWithExtra<O extends PlotOptions>(extra: readonly ExtraOptionDefinition[], raw: Record<string, unknown>, base: Partial<O>): O {
  const definitions = [...(PLOT_OPTION_DEFINITIONS as readonly OptionDefinition<object>[] as readonly ExtraOptionDefinition[]), ...extra];
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const options: Record<string, unknown> = {};
  for (const def of definitions) options[def.key] = def.default;
  Object.assign(options, base);
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const def = byName.get(name);
    if (!def) throw new PlotOptionError(name, value, `one of the options ${definitions.map((d) => d.name).join(', ')}`);
    options[def.key] = parseOptionValue(def, Array.isArray(value) ? value[value.length - 1] : value);
  }
  return options as O;
}

/** Canonical text of the options that change a malloc-tag picture (cache keys hash it): the plot options', then the extra ones. */
function normalizeWithExtra(extra: readonly ExtraOptionDefinition[], options: PlotOptions): string {
  const values = options as unknown as Record<string, unknown>;
  return [normalizePlotOptions(options), ...extra.map((def) => `${def.name}=${encodeURIComponent(optionValueText(values[def.key]))}`)].join('&');
}

export function defaultSnapshotPlotOptions(): SnapshotPlotOptions {
  return parseWithExtra<SnapshotPlotOptions>(SNAPSHOT_OPTION_DEFINITIONS, {}, {});
}
export function parseSnapshotPlotOptions(raw: Record<string, unknown>, base: Partial<SnapshotPlotOptions> = {}): SnapshotPlotOptions {
  return parseWithExtra<SnapshotPlotOptions>(SNAPSHOT_OPTION_DEFINITIONS, raw, base);
}
export function normalizeSnapshotPlotOptions(options: SnapshotPlotOptions): string {
  return normalizeWithExtra(SNAPSHOT_OPTION_DEFINITIONS, options);
}
export function defaultPairedPlotOptions(): PairedPlotOptions {
  return parseWithExtra<PairedPlotOptions>(PAIRED_OPTION_DEFINITIONS, {}, {});
}
export function parsePairedPlotOptions(raw: Record<string, unknown>, base: Partial<PairedPlotOptions> = {}): PairedPlotOptions {
  return parseWithExtra<PairedPlotOptions>(PAIRED_OPTION_DEFINITIONS, raw, base);
}
export function normalizePairedPlotOptions(options: PairedPlotOptions): string {
  return normalizeWithExtra(PAIRED_OPTION_DEFINITIONS, options);
}
