import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { summarizeMemFile, summarizeMemStream, FILE_CHUNK_BYTES, type SummarizeOptions } from '../aggregate/summarize.js';
import type { ProfileSummary } from '../aggregate/summary.js';
import { decodeInput } from '../format/decode-input.js';
import { readFileChunks } from '../format/read-file-chunks.js';
import { InputTooLargeError, MemFormatError } from '../format/errors.js';
import { needsRepair, printMemFile, repairHeader } from './print-records.js';
import { readMemFile } from '../format/read-mem-file.js';
import { summarySeriesAnswer } from '../aggregate/series-answer.js';
import { seriesCsv } from '../aggregate/series-csv.js';
import { MAX_SERIES_BUCKETS, SeriesQueryError } from '../aggregate/series-query.js';
import type { MemHeader } from '../format/mem-format.js';
import { PACKAGE_VERSION } from '../versions.js';
import { formatOfExtension } from '../render/formats.js';
import { PlotOptionError, type OutputFormat, type PlotOptions } from '../options/plot-options.js';
import { RenderWorker } from '../render/render-worker-client.js';
import { UsageError, helpText, parseArgs, usageText, type ParsedArgs } from './args.js';
import { createProgressReporter } from './progress.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream & AsyncIterable<Uint8Array>;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** Draws a plot: by default the renderer on a worker thread of its own (see runPlot). */
export type PlotRenderer = (summary: ProfileSummary, options: PlotOptions) => Promise<{ body: Buffer }>;

export interface CliHooks {
  /**
   * Renders in this thread instead of a worker: the start-up snapshot (snapshot-entry.ts) has
   * the renderer loaded already, so a worker would only add its own start-up.
   */
  render?: PlotRenderer;
  /** Called before the input is read when the chart will be a raster image (with `render`). */
  prepareRaster?: () => void;
}

/** Exit codes: documented in --help and the README. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, strictWarnings: 3 } as const;

/** Where an input comes from: a path (re-readable) or standard input. */
interface Input {
  name: string;
  /** The file's path; null for standard input. */
  path: string | null;
  open(): AsyncIterable<Uint8Array>;
  /** Size in bytes when known. */
  size: number | null;
}

function openInput(name: string, io: CliIo): Input {
  if (name === '-') return { name: 'standard input', path: null, open: () => io.stdin, size: null };
  let size: number;
  try {
    const stat = statSync(name);
    if (!stat.isFile()) throw new UsageError(`${name}: not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new CliError(`${name}: cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return { name, path: name, open: () => readFileChunks(name, FILE_CHUNK_BYTES), size };
}

/** The summary of an input: a file through summarizeMemFile, which can read it in place for the worker. */
function summarizeInput(input: Input, io: CliIo): Promise<ProfileSummary> {
  const options: SummarizeOptions = {
    hash: false,
    sizeHint: input.size ?? undefined,
    onProgress: createProgressReporter(input.name, input.size, io.stderr),
  };
  return input.path !== null ? summarizeMemFile(input.path, options) : summarizeMemStream(input.open(), options);
}

/** A failure that is the input's or the environment's: exit code 1, one line. */
class CliError extends Error {}

function write(stream: Writable, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/** The input's warnings on stderr, one line each; resolves to the exit code they make. */
async function reportWarnings(args: ParsedArgs, input: Input, summary: ProfileSummary, io: CliIo): Promise<number> {
  const warnings = summary.stats.warnings;
  if (warnings.length > 0) {
    await write(io.stderr, warnings.map((w) => `${args.programName}: ${input.name}: warning: ${w.message} (${w.code})\n`).join(''));
  }
  return warnings.length > 0 && args.strict ? EXIT.strictWarnings : EXIT.ok;
}

async function runStats(args: ParsedArgs, io: CliIo): Promise<number> {
  const input = openInput(requireOne(args, 'stats'), io);
  const summary = await summarizeInput(input, io);
  await write(io.stdout, JSON.stringify(summary.stats, null, 2) + '\n');
  return reportWarnings(args, input, summary, io);
}

/** `memplot series`: the series export of GET /profiles/:id/series.json (or .csv) for a file. */
async function runSeries(args: ParsedArgs, io: CliIo): Promise<number> {
  const input = openInput(requireOne(args, 'series'), io);
  const query = { axis: args.options.axis, buckets: args.buckets ?? undefined };
  const summary = await summarizeInput(input, io);
  const answer = summarySeriesAnswer(summary, query, MAX_SERIES_BUCKETS);
  await write(io.stdout, args.csv ? seriesCsv(answer.columns) : JSON.stringify(answer) + '\n');
  return reportWarnings(args, input, summary, io);
}

/** Standard input can be read once: a crashed program's file is kept in a temporary file for the second pass. */
async function spoolIfNeeded(input: Input): Promise<{ input: Input; cleanup: () => Promise<void> }> {
  if (input.size !== null) return { input, cleanup: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'memplot-'));
  const path = join(dir, 'stdin.mem');
  await pipeline(Readable.from(input.open()), createWriteStream(path));
  return {
    input: { name: input.name, path, open: () => createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }), size: statSync(path).size },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function runPrint(args: ParsedArgs, io: CliIo): Promise<void> {
  // memusagestat repairs a crashed program's zero header before printing it, which takes a pass
  // over the entries first: standard input is kept in a temporary file for that.
  const { input, cleanup } = await spoolIfNeeded(openInput(requireOne(args, 'print'), io));
  try {
    let header: MemHeader | null = null;
    const open = () => decodeInput(input.open());
    for await (const event of readMemFile(open())) {
      if (event.type === 'header') {
        header = event.header;
        break;
      }
    }
    const repaired = header && needsRepair(header.second) ? await repairHeader(open()) : undefined;
    let pending = '';
    for await (const text of printMemFile(open(), repaired)) {
      pending += text;
      if (pending.length >= 1 << 20) {
        // Each megabyte is flushed before the next is made: a closed pipe fails this write.
        await write(io.stdout, pending);
        pending = '';
      }
    }
    if (pending) await write(io.stdout, pending);
  } finally {
    await cleanup();
  }
}

/**
 * Where the chart goes, as memusagestat decides it: OUTFILE, else -o FILE, else DATAFILE.png
 * (standard output for standard input). Its format: --format, else the extension when memplot
 * knows it, else PNG (memusagestat writes PNG whatever the name).
 */
export function outputTarget(args: ParsedArgs): { outFile: string | null; format: OutputFormat } {
  const [dataFile, outArg] = args.positionals;
  const outFile = outArg ?? args.output ?? (dataFile === '-' ? null : `${dataFile}.png`);
  const extension = outFile ? extname(outFile).toLowerCase() : '';
  const byName = formatOfExtension(extension);
  const format = args.given.has('format') ? args.options.format : (byName ?? 'png');
  return { outFile, format };
}

async function runPlot(args: ParsedArgs, io: CliIo, hooks: CliHooks): Promise<number> {
  if (args.positionals.length < 1 || args.positionals.length > 2) {
    throw new UsageError(args.positionals.length === 0 ? 'missing DATAFILE' : `too many arguments: ${args.positionals.slice(2).join(' ')}`);
  }
  const { outFile, format } = outputTarget(args);
  const options = { ...args.options, format };
  if (!outFile && io.stdout.isTTY) throw new UsageError('reading standard input: give OUTFILE or -o FILE (or redirect standard output)');
  const input = openInput(args.positionals[0], io);
  if (hooks.render) {
    if (options.format !== 'svg') hooks.prepareRaster?.();
    return drawPlot(args, input, options, hooks.render, io, outFile);
  }
  // The renderer loads on its own thread while this one reads the input (its start-up, mostly
  // jsdom, costs about half a second); `memplot stats` never loads it.
  const renderer = new RenderWorker();
  try {
    return await drawPlot(args, input, options, (summary, o) => renderer.render(summary, o), io, outFile);
  } finally {
    await renderer.close();
  }
}

async function drawPlot(args: ParsedArgs, input: Input, options: PlotOptions, render: PlotRenderer, io: CliIo, outFile: string | null): Promise<number> {
  const summary = await summarizeInput(input, io);
  const { body } = await render(summary, options);
  if (!outFile) {
    await write(io.stdout, body);
    return reportWarnings(args, input, summary, io);
  }
  // Written beside the target and renamed: a failed run never leaves half an image.
  const temp = `${outFile}.${process.pid}.tmp`;
  try {
    await writeFile(temp, body);
    await rename(temp, outFile);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new CliError(`${outFile}: cannot write: ${(error as Error).message}`);
  }
  return reportWarnings(args, input, summary, io);
}

function requireOne(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) throw new UsageError(`${command} takes one DATAFILE, received ${args.positionals.length}`);
  return args.positionals[0];
}

/**
 * Runs the CLI; resolves to the exit code: 0 done (the input's warnings on stderr), 1 bad or
 * unreadable input or a failure, 2 usage, 3 warnings under --strict. A reader that closes the
 * pipe early (`memplot print FILE | head`) ends it quietly with 0.
 */
export async function runCli(argv: readonly string[], io: CliIo, hooks: CliHooks = {}): Promise<number> {
  let args: ParsedArgs | null = null;
  // A write to a closed pipe fails its callback (handled below); the stream also emits 'error',
  // possibly after this resolves, which must not become an uncaught exception.
  const ignorePipeErrors = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  };
  io.stdout.on('error', ignorePipeErrors);
  try {
    args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        await write(io.stdout, helpText(args.programName));
        return EXIT.ok;
      case 'usage':
        await write(io.stdout, usageText(args.programName));
        return EXIT.ok;
      case 'version':
        await write(io.stdout, `memplot ${PACKAGE_VERSION}\n`);
        return EXIT.ok;
      case 'stats':
        return await runStats(args, io);
      case 'print':
        await runPrint(args, io);
        return EXIT.ok;
      case 'series':
        return await runSeries(args, io);
      case 'plot':
        return await runPlot(args, io, hooks);
    }
  } catch (error) {
    const program = args?.programName ?? (error instanceof UsageError ? error.programName : undefined) ?? 'memplot';
    const name = args?.positionals[0] === '-' ? 'standard input' : args?.positionals[0];
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
    if (error instanceof UsageError || error instanceof PlotOptionError || error instanceof SeriesQueryError) {
      await write(io.stderr, `${program}: ${error.message}\nTry '${program} --help' or '${program} --usage' for more information.\n`);
      return EXIT.usage;
    }
    if (error instanceof MemFormatError || error instanceof InputTooLargeError) {
      await write(io.stderr, `${program}: ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (error instanceof CliError) {
      await write(io.stderr, `${program}: ${error.message}\n`);
      return EXIT.badInput;
    }
    await write(io.stderr, `${program}: ${name ?? ''}${name ? ': ' : ''}${(error as Error).message ?? String(error)}\n`);
    return EXIT.badInput;
  }
}
