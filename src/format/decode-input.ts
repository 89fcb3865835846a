import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputTooLargeError, MemFormatError } from './errors.js';

export interface DecodeInputOptions {
  /** Largest number of (decompressed) bytes accepted; more is an InputTooLargeError. */
  maxBytes?: number;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** Whether the first two bytes of an input are gzip's magic bytes (1f 8b). */
export function isGzipMagic(first: number | undefined, second: number | undefined): boolean {
  return first === GZIP_MAGIC_0 && second === GZIP_MAGIC_1;
}

async function* limitBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    yield chunk;
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** zlib works asynchronously and may still hold a chunk after the next is read: give it copies. */
async function* copies(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) yield Buffer.from(chunk);
}

async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const input = Readable.from(copies(source), { objectMode: false });
  const inflate = createGunzip({ chunkSize: 1 << 20 });
  input.on('error', (error) => inflate.destroy(error));
  input.pipe(inflate);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch (error) {
    if (isZlibError(error)) {
      throw new MemFormatError(
        'MEM_BAD_GZIP',
        `the input starts with the gzip magic bytes but does not decompress: ${(error as Error).message}`,
        'upload the .mem file itself, or a complete gzip of it',
      );
    }
    throw error;
  } finally {
    input.destroy();
    inflate.destroy();
  }
}

/**
 * The uncompressed bytes of an input: gzip is detected by its magic bytes (1f 8b), never by a
 * name, and decompressed on the fly. A memusage file never starts with 1f 8b: its first eight
 * bytes are zero. `maxBytes` bounds the decompressed size, so a gzip bomb ends early.
 */
export async function* decodeInput(
  source: AsyncIterable<Uint8Array>,
  options: DecodeInputOptions = {},
): AsyncGenerator<Uint8Array> {
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const rest = (async function* () {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  const magic: number[] = [];
  for (const chunk of head) for (let i = 0; i < chunk.length && magic.length < 2; i++) magic.push(chunk[i]);
  const gzipped = isGzipMagic(magic[0], magic[1]);
  try {
    yield* limitBytes(gzipped ? gunzip(rest) : rest, maxBytes);
  } finally {
    await iterator.return?.();
  }
}
