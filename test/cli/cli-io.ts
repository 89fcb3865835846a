import { PassThrough, Readable } from 'node:stream';
import { runCli, type CliIo } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs the CLI in-process with captured output (stdin from `input` when given). */
export async function runCapture(argv: string[], input?: Uint8Array): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from(input ? [input] : []) as unknown as CliIo['stdin'];
  const code = await runCli(argv, { stdin, stdout, stderr });
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}
