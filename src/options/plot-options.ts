/**
 * One definition of every chart option, shared by the CLI (memusagestat's flags) and the HTTP
 * API (query parameters and multipart fields): name, aliases, type, range and default live here
 * and nowhere else, and so do the messages for bad values.
 */

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
  | { kind: 'string'; maxLength: number }
  /** Comma-separated values, each from `values` at most once ('none' or nothing: the empty list). */
  | { kind: 'list'; values: readonly string[] };

export interface OptionDefinition<O extends object = PlotOptions> {
  /** Canonical name: the HTTP query parameter / multipart field. */
  name: string;
  /** Property of PlotOptions (or of CompareOptions, for the compare-only options). */
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
export function optionValueText(value: PlotOptions[keyof PlotOptions]): string {
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
export function parseOptionValue(def: Pick<OptionDefinition, 'name' | 'type'>, raw: unknown, label = def.name): PlotOptions[keyof PlotOptions] {
  const type = def.type;
  const allowed = describeAllowed(type);
  if (type.kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string' && TRUE_WORDS.has(raw.toLowerCase())) return true;
    if (typeof raw === 'string' && FALSE_WORDS.has(raw.toLowerCase())) return false;
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
      return value;
    }
    case 'enum': {
      const lower = raw.toLowerCase();
      const value = type.aliases && Object.hasOwn(type.aliases, lower) ? type.aliases[lower] : lower;
      if (!type.values.includes(value)) throw new PlotOptionError(label, raw, allowed);
      return value as PlotOptions[keyof PlotOptions];
    }
    case 'list': {
      const list = parseList(type.values, raw);
      if (list === null) throw new PlotOptionError(label, raw, allowed);
      return list as PlotOptions[keyof PlotOptions];
    }
    case 'string': {
      if (raw.length > type.maxLength) throw new PlotOptionError(label, `${raw.slice(0, 40)}…`, allowed);
      return raw.length === 0 ? null : raw;
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
