/**
 * `memplot compare BASE HEAD [--format text|json|markdown] [--fail-on EXPR]... [--url URL]
 * [--ticks-per-second N] [-o overlay.png|svg]`: the metrics of two recordings side by side, the
 * thresholds checked. Exit 0 when every threshold holds, 1 when one fails (each named on stderr
 * and in the output) or an input is bad, 2 for a usage error (a threshold that cannot be read too).
 */
import { basename, extname } from 'node:path';
import { summarizeMemFile } from '../aggregate/summarize.js';
import { statsAtTickRate } from '../aggregate/stats-accumulator.js';
import type { ProfileSummary } from '../aggregate/summary.js';
import { formatCompareMarkdown } from '../compare/format-markdown.js';
import { formatCompareText } from '../compare/format-text.js';
import { compareLinks } from '../compare/links.js';
import { compareProfiles, type CompareReport } from '../compare/report.js';
import { parseThresholds, ThresholdError } from '../compare/thresholds.js';
import {
  COMPARE_OPTION_DEFINITIONS,
  defaultComparePlotOptions,
  parseOptionValue,
  PLOT_OPTION_DEFINITIONS,
  PlotOptionError,
  type CompareOptions,
  type ComparePlotOptions,
  type OptionDefinition,
} from '../options/plot-options.js';
import { formatOfExtension } from '../render/formats.js';
import { UsageError } from './args.js';
import { CliError, openInput, writeOutputFile } from './input.js';

export const COMPARE_FORMATS = ['text', 'json', 'markdown'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareArgs {
  base: string;
  head: string;
  format: CompareFormat;
  failOn: string[];
  /** -o FILE: the overlay chart, its format from the extension. */
  output: string | null;
  /** --url: the memplot server the Markdown links point to (none: no links). */
  url: string | null;
  /** Chart options for -o, align and mode among them (and --ticks-per-second for durationSeconds). */
  options: ComparePlotOptions;
}

/** What `compare` prints and its exit code; the caller writes it. */
export interface CompareOutcome {
  stdout: string;
  stderr: string;
  code: number;
  report: CompareReport;
  summaries: { base: ProfileSummary; head: ProfileSummary };
}

/** The chart options compare takes by long name: every plot option and the overlay's align and mode. */
const CHART_OPTIONS: readonly (OptionDefinition | OptionDefinition<CompareOptions>)[] = [...PLOT_OPTION_DEFINITIONS, ...COMPARE_OPTION_DEFINITIONS];

/** The value of `--name=value` or `--name value` / `-o value`; advances past it. */
function takeValue(argv: readonly string[], at: { i: number }, arg: string, inline: string | undefined): string {
  if (inline !== undefined) return inline;
  if (at.i + 1 >= argv.length) throw new UsageError(`option '${arg}' requires an argument`);
  return argv[++at.i];
}

/**
 * The words after `compare`. Its own options, then any chart option by its long name
 * (`--x-size=1200`, `--theme dark`, `--title=…`; --format is compare's own).
 */
export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const parsed: Omit<CompareArgs, 'base' | 'head'> = { format: 'text', failOn: [], output: null, url: null, options: defaultComparePlotOptions() };
  const files: string[] = [];
  let onlyOperands = false;
  for (const at = { i: 0 }; at.i < argv.length; at.i++) {
    const arg = argv[at.i];
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyOperands = true;
      continue;
    }
    if (arg === '-o' || arg.startsWith('-o') && !arg.startsWith('--')) {
      parsed.output = takeValue(argv, at, '-o', arg.length > 2 ? arg.slice(2) : undefined);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`invalid option -- '${arg.slice(1, 2)}' (compare takes -o and long options)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (name === 'format') {
      const value = takeValue(argv, at, arg, inline);
      if (!(COMPARE_FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`option --format: expected one of ${COMPARE_FORMATS.join(', ')}, received ${JSON.stringify(value)}`);
      }
      parsed.format = value as CompareFormat;
    } else if (name === 'fail-on') {
      parsed.failOn.push(takeValue(argv, at, arg, inline));
    } else if (name === 'output') {
      parsed.output = takeValue(argv, at, arg, inline);
    } else if (name === 'url') {
      parsed.url = takeValue(argv, at, arg, inline).replace(/\/+$/, '');
    } else {
      // By the CLI's long flag (--x-size, --string) or the HTTP name (--width, --title, --ticks-per-second).
      const def = CHART_OPTIONS.find((d) => (d.flags.long === `--${name}` || d.name.replace(/_/g, '-') === name) && d.key !== 'format');
      if (!def) throw new UsageError(`unrecognized option '${arg}' for compare`);
      const raw = def.type.kind === 'boolean' ? (inline ?? true) : takeValue(argv, at, arg, inline);
      try {
        (parsed.options as unknown as Record<string, unknown>)[def.key] = parseOptionValue(def, raw, `--${name}`);
      } catch (error) {
        if (error instanceof PlotOptionError) throw new UsageError(error.message);
        throw error;
      }
    }
  }
  if (files.length !== 2) throw new UsageError(`compare takes two DATAFILEs, BASE and HEAD, received ${files.length}`);
  if (files.includes('-')) throw new UsageError('compare reads files: give BASE and HEAD as paths (standard input can be read only once)');
  return { ...parsed, base: files[0], head: files[1] };
}

/** The summary of one file, with its id; a file that cannot be read or is no .mem is a CliError naming it (exit 1). */
async function summarizeFile(path: string): Promise<ProfileSummary> {
  // parseCompareArgs refuses '-': standard input is never read here.
  const input = openInput(path, { stdin: (async function* () {})() });
  try {
    return await summarizeMemFile(path, { hash: true, sizeHint: input.size ?? undefined });
  } catch (error) {
    throw new CliError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * -o FILE: the overlay chart of the two runs (chart/overlay/), named by their file names, in the
 * format of FILE's extension (PNG for any other name), written beside FILE and renamed so that a
 * failed run never leaves half an image. The renderer is loaded only then.
 */
export async function writeOverlay(args: CompareArgs, summaries: { base: ProfileSummary; head: ProfileSummary }): Promise<void> {
  const outFile = args.output!;
  const format = formatOfExtension(extname(outFile).toLowerCase()) ?? 'png';
  const { renderOverlayPlot } = await import('../render/render-plot.js');
  const options = { ...args.options, format, baseName: basename(args.base), headName: basename(args.head) };
  const { body } = await renderOverlayPlot(summaries.base, summaries.head, options);
  await writeOutputFile(outFile, body);
}

/** The report of two files and what to print. Thresholds are read before any file is. */
export async function compareFiles(args: CompareArgs, programName = 'memplot'): Promise<CompareOutcome> {
  let thresholds;
  try {
    thresholds = parseThresholds(args.failOn);
  } catch (error) {
    if (error instanceof ThresholdError) throw new UsageError(`option --fail-on: ${error.message}`);
    throw error;
  }
  const base = await summarizeFile(args.base);
  const head = await summarizeFile(args.head);
  const tps = args.options.ticksPerSecond;
  const report = compareProfiles({ id: base.id!, stats: statsAtTickRate(base.stats, tps) }, { id: head.id!, stats: statsAtTickRate(head.stats, tps) }, thresholds);
  const stdout =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : args.format === 'markdown'
        ? formatCompareMarkdown(report, args.url === null ? null : compareLinks(args.url, base.id!, head.id!))
        : formatCompareText(report);
  const failures = report.verdict?.failures ?? [];
  const stderr = failures.map((f) => `${programName}: threshold failed: ${f.expression}: ${f.message}\n`).join('');
  return { stdout, stderr, code: failures.length > 0 ? 1 : 0, report, summaries: { base, head } };
}
