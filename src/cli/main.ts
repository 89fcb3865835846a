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
import { needsRepair, printMemFile, repairHeader } from '../format/print-records.js';
import { readMemFile } from '../format/read-mem-file.js';
import type { MemHeader } from '../format/mem-format.js';
import { OUTPUT_FORMAT_EXTENSIONS, OUTPUT_FORMATS, PlotOptionError, type PlotOptions } from '../options/plot-options.js';
import { RenderWorker } from '../render/render-worker-client.js';
import { UsageError, parseArgs, usage, type ParsedArgs } from './args.js';
import { createProgressReporter } from './progress.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream & AsyncIterable<Uint8Array>;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

const VERSION = '0.1.0';

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

async function runStats(args: ParsedArgs, io: CliIo): Promise<void> {
  const input = openInput(requireOne(args, 'stats'), io);
  const summary = await summarizeInput(input, io);
  await write(io.stdout, JSON.stringify(summary.stats, null, 2) + '\n');
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
        if (!io.stdout.write(pending)) await new Promise((resolve) => io.stdout.once('drain', resolve));
        pending = '';
      }
    }
    if (pending) await write(io.stdout, pending);
  } finally {
    await cleanup();
  }
}

async function runPlot(args: ParsedArgs, io: CliIo): Promise<void> {
  if (args.positionals.length < 1 || args.positionals.length > 2) {
    throw new UsageError(args.positionals.length === 0 ? 'missing DATAFILE' : `too many arguments: ${args.positionals.slice(2).join(' ')}`);
  }
  const [dataFile, outArg] = args.positionals;
  if (args.output && outArg) throw new UsageError(`two output files given: -o ${args.output} and ${outArg}`);
  const toStdout = !args.output && !outArg && dataFile === '-';
  const outFile = args.output ?? outArg ?? (dataFile === '-' ? null : `${dataFile}.png`);
  const options = { ...args.options };
  if (outFile && !args.given.has('format')) {
    const extension = extname(outFile).toLowerCase();
    const format = Object.hasOwn(OUTPUT_FORMAT_EXTENSIONS, extension) ? OUTPUT_FORMAT_EXTENSIONS[extension] : undefined;
    if (!format) {
      throw new UsageError(`${outFile}: unknown image extension "${extname(outFile)}": use ${Object.keys(OUTPUT_FORMAT_EXTENSIONS).join(', ')}, or give --format (${OUTPUT_FORMATS.join(', ')})`);
    }
    options.format = format;
  }
  if (toStdout && io.stdout.isTTY) throw new UsageError('reading standard input: give OUTFILE or -o FILE (or redirect standard output)');
  const input = openInput(dataFile, io);
  // The renderer loads on its own thread while this one reads the input (its start-up, mostly
  // jsdom, costs about half a second); `memplot stats` never loads it.
  const renderer = new RenderWorker();
  try {
    await drawPlot(input, options, renderer, io, outFile);
  } finally {
    await renderer.close();
  }
}

async function drawPlot(input: Input, options: PlotOptions, renderer: RenderWorker, io: CliIo, outFile: string | null): Promise<void> {
  const summary = await summarizeInput(input, io);
  const { body } = await renderer.render(summary, options);
  if (!outFile) {
    await write(io.stdout, body);
    return;
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
}

function requireOne(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) throw new UsageError(`${command} takes one DATAFILE, received ${args.positionals.length}`);
  return args.positionals[0];
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad input or failure, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs | null = null;
  try {
    args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        await write(io.stdout, usage());
        return 0;
      case 'version':
        await write(io.stdout, `memplot ${VERSION}\n`);
        return 0;
      case 'stats':
        await runStats(args, io);
        return 0;
      case 'print':
        await runPrint(args, io);
        return 0;
      case 'plot':
        await runPlot(args, io);
        return 0;
    }
  } catch (error) {
    const name = args?.positionals[0] === '-' ? 'standard input' : args?.positionals[0];
    if (error instanceof UsageError || error instanceof PlotOptionError) {
      await write(io.stderr, `memplot: ${error.message}\nTry 'memplot --help' for more information.\n`);
      return 2;
    }
    if (error instanceof MemFormatError || error instanceof InputTooLargeError) {
      await write(io.stderr, `memplot: ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CliError) {
      await write(io.stderr, `memplot: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    await write(io.stderr, `memplot: ${name ?? ''}${name ? ': ' : ''}${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
