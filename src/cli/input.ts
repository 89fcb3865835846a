/** Where the CLI's inputs come from (a path, re-readable, or standard input) and how its images are written. */
import { statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { FILE_CHUNK_BYTES } from '../aggregate/summarize.js';
import { readFileChunks } from '../format/read-file-chunks.js';
import { UsageError } from './args.js';

/** A failure that is the input's or the environment's: exit code 1, one line. */
export class CliError extends Error {}

/** Standard input, or what openInput needs of it. */
export interface StdinSource {
  stdin: AsyncIterable<Uint8Array>;
}

/** Where an input comes from: a path (re-readable) or standard input. */
export interface Input {
  name: string;
  /** The file's path; null for standard input. */
  path: string | null;
  open(): AsyncIterable<Uint8Array>;
  /** Size in bytes when known. */
  size: number | null;
}

export function openInput(name: string, io: StdinSource): Input {
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


/** An image written beside its target and renamed: a failed run never leaves half an image. */
export async function writeOutputFile(outFile: string, body: Uint8Array): Promise<void> {
  const temp = `${outFile}.${process.pid}.tmp`;
  try {
    await writeFile(temp, body);
    await rename(temp, outFile);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new CliError(`${outFile}: cannot write: ${(error as Error).message}`);
  }
}
