/**
 * memplot's command line, parsed by glibc argp's rules (which memusagestat uses), so that
 * `alias memusagestat=memplot` keeps scripts working:
 *
 * - short options bundle (`-tT`); one that takes a value ends the bundle and takes the rest of the
 *   word or else the next word (`-Tto out.png`, `-x900`, `-x 900`);
 * - long options take `--opt=value` or `--opt value`, and any unambiguous prefix names one
 *   (`--x-s=900`, `--tot`); memusagestat's own options (with argp's --help, --usage, --version and
 *   --program-name) are matched first, so a prefix means what it means to memusagestat even where
 *   memplot's extra options share it (`--ti` is --time, `--s` is --string);
 * - options and operands mix in any order; `--` ends the options; `-` is an operand;
 * - --help, -?, --usage and -V/--version act when they are reached, as argp's do.
 *
 * Errors carry getopt's wording (`unrecognized option '--foo'`, `invalid option -- 'q'`,
 * `option requires an argument -- 'x'`, …). memplot exits 2 for all of them where memusagestat
 * exits 64; values out of range are errors here where memusagestat silently uses its default.
 */
import { PLOT_OPTION_DEFINITIONS, PlotOptionError, defaultPlotOptions, describeAllowed, parseOptionValue, type OptionDefinition, type PlotOptions } from '../options/plot-options.js';

/** A command line memplot cannot run: exit code 2. */
export class UsageError extends Error {
  /** The name for messages (--program-name) in force when parsing failed. */
  programName: string | undefined;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  command: 'plot' | 'stats' | 'print' | 'series' | 'help' | 'usage' | 'version';
  positionals: string[];
  output: string | null;
  options: PlotOptions;
  /** Chart options given explicitly, by key (format among them). */
  given: Set<keyof PlotOptions>;
  /** --strict: warnings about the input make the exit code 3. */
  strict: boolean;
  /** Name used in messages: argp's hidden --program-name changes it. */
  programName: string;
  /** series: print CSV instead of JSON (--csv), at most this many columns (--buckets; null: the summary's resolution). */
  csv: boolean;
  buckets: number | null;
}

/** One option of the command line. */
export interface CliOption {
  /** The short letter, without its dash. */
  short?: string;
  /** The long name, without its dashes. */
  long: string;
  /** Name of the value in help (FILE, N, …); absent for an option that takes none. */
  valueName?: string;
  /** memusagestat knows it (its own options and argp's): it wins prefix matches. */
  memusagestat: boolean;
  /** Left out of --help and --usage, as argp's --program-name is. */
  hidden?: boolean;
  /** What it does, with its values, range and default. */
  description: string;
  apply(parsed: ParsedArgs, value: string | undefined): void;
}

function setOption(parsed: ParsedArgs, def: OptionDefinition, raw: string | true, label: string): void {
  try {
    (parsed.options as unknown as Record<string, unknown>)[def.key] = parseOptionValue(def, raw, label);
    parsed.given.add(def.key);
  } catch (error) {
    if (error instanceof PlotOptionError) throw new UsageError(error.message);
    throw error;
  }
}

function definition(key: keyof PlotOptions): OptionDefinition {
  return PLOT_OPTION_DEFINITIONS.find((d) => d.key === key)!;
}

/** What an option accepts and its default, as the README's table says it. */
function describeValues(def: OptionDefinition): string {
  const allowed = def.type.kind === 'string' ? `at most ${def.type.maxLength} characters` : describeAllowed(def.type).replace(/^an? /, '');
  const fallback = def.default === null ? 'none' : String(def.default);
  return `${allowed}; default ${def.key === 'format' ? 'from the output file name' : fallback}`;
}

const VALUE_NAMES: Partial<Record<keyof PlotOptions, string>> = { title: 'STRING', width: 'VALUE', height: 'VALUE', ticksPerSecond: 'N', scale: 'N' };

/** Options of the command line alone, beside the chart options shared with HTTP. */
const CLI_ONLY_OPTIONS: CliOption[] = [
  {
    short: 'o',
    long: 'output',
    valueName: 'FILE',
    memusagestat: true,
    description: 'write the chart to FILE; its format from the extension (.png .svg .webp .avif .jpg .jpeg), PNG for any other name; default DATAFILE.png',
    apply: (p, v) => void (p.output = v!),
  },
  {
    short: 't',
    long: 'time',
    memusagestat: true,
    description: 'x axis is time (CPU ticks) instead of the call index (same as --axis=time)',
    apply: (p) => setOption(p, definition('axis'), 'time', '-t/--time'),
  },
  {
    long: 'print-parsed-entries',
    memusagestat: false,
    description: 'same as the print command',
    apply: (p) => void (p.command = 'print'),
  },
  {
    long: 'strict',
    memusagestat: false,
    description: 'exit with code 3 when the input has warnings (crashed program, truncated tail, …)',
    apply: (p) => void (p.strict = true),
  },
  {
    long: 'csv',
    memusagestat: false,
    description: 'series: print CSV (from,to,heap_first,…,total_max) instead of JSON',
    apply: (p) => void (p.csv = true),
  },
  {
    long: 'buckets',
    valueName: 'N',
    memusagestat: false,
    description: "series: at most N columns, 1 to 8192; default the summary's resolution (its bucket count)",
    apply: (p, v) => {
      if (!/^\d{1,9}$/.test(v!)) throw new UsageError(`--buckets must be a positive integer, received '${v}'`);
      p.buckets = Number(v);
    },
  },
  { short: '?', long: 'help', memusagestat: true, description: 'give this help list', apply: (p) => void (p.command = 'help') },
  { short: 'h', long: 'help', memusagestat: true, hidden: true, description: 'give this help list', apply: (p) => void (p.command = 'help') },
  { long: 'usage', memusagestat: true, description: 'give a short usage message', apply: (p) => void (p.command = 'usage') },
  { short: 'V', long: 'version', memusagestat: true, description: 'print program version', apply: (p) => void (p.command = 'version') },
  {
    long: 'program-name',
    valueName: 'NAME',
    memusagestat: true,
    hidden: true,
    description: "name to use in messages (argp's)",
    apply: (p, v) => void (p.programName = v!),
  },
];

function plotOption(def: OptionDefinition): CliOption {
  const short = def.flags.short?.slice(1);
  const long = def.flags.long.slice(2);
  const label = short ? `-${short}/--${long}` : `--${long}`;
  const takesValue = def.type.kind !== 'boolean';
  return {
    short,
    long,
    valueName: takesValue ? (VALUE_NAMES[def.key] ?? def.key.toUpperCase()) : undefined,
    memusagestat: short !== undefined,
    description: takesValue ? `${def.description.replace(/\.$/, '')}: ${describeValues(def)}` : def.description.replace(/\.$/, ''),
    apply: (p, v) => setOption(p, def, v ?? true, label),
  };
}

export const CLI_OPTIONS: readonly CliOption[] = [...CLI_ONLY_OPTIONS, ...PLOT_OPTION_DEFINITIONS.map(plotOption)];

/** The option a long name or its prefix names, by getopt's rules with memusagestat's options first. */
function findLong(name: string, arg: string): CliOption {
  const exact = CLI_OPTIONS.find((o) => o.long === name);
  if (exact) return exact;
  const candidates = (among: readonly CliOption[]) => [...new Set(among.filter((o) => o.long.startsWith(name)).map((o) => o.long))];
  let names = candidates(CLI_OPTIONS.filter((o) => o.memusagestat));
  if (names.length === 0) names = candidates(CLI_OPTIONS);
  if (names.length === 0 || name === '') throw new UsageError(`unrecognized option '${arg}'`);
  if (names.length > 1) throw new UsageError(`option '${arg}' is ambiguous; possibilities: ${names.map((n) => `'--${n}'`).join(' ')}`);
  return CLI_OPTIONS.find((o) => o.long === names[0])!;
}

/**
 * The command line: memusagestat's `[OPTION...] DATAFILE [OUTFILE]`, plus memplot's commands
 * `stats DATAFILE` and `print DATAFILE`. Stops at --help, --usage or --version as argp does.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = {
    command: 'plot',
    positionals: [],
    output: null,
    options: defaultPlotOptions(),
    given: new Set(),
    strict: false,
    programName: 'memplot',
    csv: false,
    buckets: null,
  };
  try {
    parseInto(parsed, argv);
  } catch (error) {
    if (error instanceof UsageError) error.programName = parsed.programName;
    throw error;
  }
  if (parsed.command === 'plot' && (parsed.positionals[0] === 'stats' || parsed.positionals[0] === 'print' || parsed.positionals[0] === 'series')) {
    parsed.command = parsed.positionals.shift() as 'stats' | 'print' | 'series';
  }
  return parsed;
}

function parseInto(parsed: ParsedArgs, argv: readonly string[]): void {
  const stops = () => parsed.command === 'help' || parsed.command === 'usage' || parsed.command === 'version';
  let onlyOperands = false;
  for (let i = 0; i < argv.length && !stops(); i++) {
    const arg = argv[i];
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
    } else if (arg === '--') {
      onlyOperands = true;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const option = findLong(arg.slice(2, eq >= 0 ? eq : undefined), arg);
      let value = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (!option.valueName && value !== undefined) throw new UsageError(`option '--${option.long}' doesn't allow an argument`);
      if (option.valueName && value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option '--${option.long}' requires an argument`);
        value = argv[++i];
      }
      option.apply(parsed, value);
    } else {
      // A bundle of short options: one that takes a value takes the rest of the word or the next word.
      for (let at = 1; at < arg.length && !stops(); at++) {
        const option = CLI_OPTIONS.find((o) => o.short === arg[at]);
        if (!option) throw new UsageError(`invalid option -- '${arg[at]}'`);
        if (!option.valueName) {
          option.apply(parsed, undefined);
          continue;
        }
        let value = arg.slice(at + 1);
        if (value === '') {
          if (i + 1 >= argv.length) throw new UsageError(`option requires an argument -- '${arg[at]}'`);
          value = argv[++i];
        }
        option.apply(parsed, value);
        break;
      }
    }
  }
}

/** Words wrapped into lines of at most `width` characters, each later line indented by `indent`. */
function wrap(words: string[], width: number, indent: string, first = ''): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const sep = line.trim() === '' ? '' : ' ';
    if (line.length + sep.length + word.length > width && line.trim() !== '') {
      lines.push(line);
      line = indent + word;
    } else {
      line += sep + word;
    }
  }
  lines.push(line);
  return lines;
}

/** --help: the forms of the command line, then every option with its values, range and default. */
export function helpText(programName = 'memplot'): string {
  const lines = [
    `Usage: ${programName} [OPTION...] DATAFILE [OUTFILE]`,
    `  or:  ${programName} stats DATAFILE`,
    `  or:  ${programName} print DATAFILE`,
    `  or:  ${programName} series [--csv] [--axis=time] [--buckets=N] DATAFILE`,
    'Draw a glibc memusage data file (DATAFILE.png, or OUTFILE: PNG unless its extension names',
    'another format); `stats` prints its stats as JSON, `print` its header and every entry as',
    'memusagestat parses them, `series` its M4 series (first, last, min, max of heap, stack and',
    'heap + stack per column) as JSON or CSV. DATAFILE may be - for standard input; gzip is read',
    'transparently.',
    '',
  ];
  for (const option of CLI_OPTIONS) {
    if (option.hidden) continue;
    const value = option.valueName ? `=${option.valueName}` : '';
    const names = option.short ? `-${option.short}, --${option.long}${value}` : `    --${option.long}${value}`;
    const head = `  ${names}`.padEnd(29);
    const words = option.description.split(' ');
    lines.push(...wrap(words, 79, ' '.repeat(30), head));
  }
  lines.push(
    '',
    'Mandatory or optional arguments to long options are also mandatory or optional for any',
    "corresponding short options. Any unambiguous prefix of a long option names it; memusagestat's",
    'own options win a shared prefix (--ti is --time).',
    '',
    'Exit status: 0 drawn (warnings about the input go to stderr), 1 bad or unreadable input,',
    '2 usage error, 3 warnings under --strict.',
  );
  return lines.join('\n') + '\n';
}

/** --usage: argp's one-paragraph summary of every option. */
export function usageText(programName = 'memplot'): string {
  const visible = CLI_OPTIONS.filter((o) => !o.hidden);
  const flags = visible.filter((o) => o.short && !o.valueName).map((o) => o.short).join('');
  const words = [`[-${flags}]`];
  for (const o of visible) if (o.short && o.valueName) words.push(`[-${o.short} ${o.valueName}]`);
  for (const o of visible) words.push(`[--${o.long}${o.valueName ? `=${o.valueName}` : ''}]`);
  words.push('DATAFILE [OUTFILE]');
  const head = `Usage: ${programName}`;
  return wrap(words, 79, ' '.repeat(12), head).join('\n') + '\n';
}
