import { PLOT_OPTION_DEFINITIONS, PlotOptionError, defaultPlotOptions, parseOptionValue, type OptionDefinition, type PlotOptions } from '../options/plot-options.js';

/** A command line memplot cannot run: exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Flags of the CLI alone, beside the chart options shared with HTTP. */
interface CliFlag {
  short?: string;
  long: string;
  takesValue: boolean;
  /** Applies the flag to what is parsed. */
  apply(parsed: ParsedArgs, value: string | true): void;
  description: string;
}

export interface ParsedArgs {
  command: 'plot' | 'stats' | 'print' | 'help' | 'version';
  positionals: string[];
  output: string | null;
  options: PlotOptions;
  /** Chart options given explicitly, by key (format among them). */
  given: Set<keyof PlotOptions>;
}

function setOption(parsed: ParsedArgs, def: OptionDefinition, raw: string | true, label: string): void {
  try {
    (parsed.options as unknown as Record<string, unknown>)[def.key] = parseOptionValue(def, raw === true ? true : raw, label);
    parsed.given.add(def.key);
  } catch (error) {
    if (error instanceof PlotOptionError) throw new UsageError(error.message);
    throw error;
  }
}

const axisDefinition = PLOT_OPTION_DEFINITIONS.find((d) => d.key === 'axis')!;

const CLI_FLAGS: CliFlag[] = [
  {
    short: '-o',
    long: '--output',
    takesValue: true,
    description: 'Write the chart to FILE (format from its extension: .png .svg .webp .avif .jpg)',
    apply: (p, v) => {
      p.output = String(v);
    },
  },
  {
    short: '-t',
    long: '--time',
    takesValue: false,
    description: 'Make the x axis time (CPU ticks) instead of the call index (same as --axis time)',
    apply: (p) => setOption(p, axisDefinition, 'time', '-t/--time'),
  },
  {
    long: '--print-parsed-entries',
    takesValue: false,
    description: 'Same as the print command',
    apply: (p) => {
      p.command = 'print';
    },
  },
  { short: '-h', long: '--help', takesValue: false, description: 'Show this help', apply: (p) => void (p.command = 'help') },
  { short: '-V', long: '--version', takesValue: false, description: 'Show the version', apply: (p) => void (p.command = 'version') },
];

function optionFlags(def: OptionDefinition): CliFlag {
  const label = def.flags.short ? `${def.flags.short}/${def.flags.long}` : def.flags.long;
  return {
    short: def.flags.short,
    long: def.flags.long,
    takesValue: def.type.kind !== 'boolean',
    description: def.description,
    apply: (p, v) => setOption(p, def, v, label),
  };
}

export const ALL_FLAGS: CliFlag[] = [...CLI_FLAGS, ...PLOT_OPTION_DEFINITIONS.map(optionFlags)];

/**
 * memusagestat's command line (argp style: `-x 800`, `-x800`, `--x-size 800`, `--x-size=800`,
 * `--` ends the options), plus memplot's commands `stats` and `print`.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: 'plot', positionals: [], output: null, options: defaultPlotOptions(), given: new Set() };
  const byShort = new Map(ALL_FLAGS.filter((f) => f.short).map((f) => [f.short!, f]));
  const byLong = new Map(ALL_FLAGS.map((f) => [f.long, f]));
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let flag: CliFlag | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      flag = byLong.get(name);
      if (!flag) throw new UsageError(`unknown option ${name}`);
      if (!flag.takesValue && inline !== undefined) throw new UsageError(`option ${name} takes no value, received "${inline}"`);
    } else {
      flag = byShort.get(arg.slice(0, 2));
      if (!flag) throw new UsageError(`unknown option ${arg.slice(0, 2)}`);
      if (arg.length > 2) {
        if (!flag.takesValue) throw new UsageError(`option ${flag.short} takes no value, received "${arg.slice(2)}"`);
        inline = arg.slice(2);
      }
    }
    if (flag.takesValue && inline === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option ${flag.short ?? flag.long} needs a value`);
      inline = argv[++i];
    }
    flag.apply(parsed, inline ?? true);
  }
  if (parsed.command === 'plot' && (parsed.positionals[0] === 'stats' || parsed.positionals[0] === 'print')) {
    parsed.command = parsed.positionals.shift() as 'stats' | 'print';
  }
  return parsed;
}

export function usage(): string {
  const lines = [
    'Usage: memplot [OPTION...] DATAFILE [OUTFILE]     draw a memusage data file (default OUTFILE: DATAFILE.png)',
    '       memplot stats DATAFILE                    print its stats as JSON',
    '       memplot print DATAFILE                    print the header and every entry as memusagestat parses them',
    'DATAFILE may be - for standard input; gzip input is read transparently.',
    '',
  ];
  for (const flag of ALL_FLAGS) {
    const names = [flag.short, flag.long].filter(Boolean).join(', ');
    lines.push(`  ${(names + (flag.takesValue ? ' VALUE' : '')).padEnd(30)} ${flag.description}`);
  }
  return lines.join('\n') + '\n';
}
