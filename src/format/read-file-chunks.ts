import { open } from 'node:fs/promises';
import { isGzipMagic } from './decode-input.js';

/** Where each read goes: memory the caller lends (a shared ring's slot), one call per read. */
export type ChunkBufferSource = () => Promise<Uint8Array>;

/**
 * A file's bytes as chunks, one read ahead of the consumer, read into three reused buffers or
 * into buffers from `nextBuffer`: no garbage per chunk, so a 1 GB pass keeps a flat footprint.
 * A chunk is valid until the consumer asks for the one after the next; consumers here copy or
 * finish with a chunk before asking for the next one (decodeInput copies what it hands to zlib).
 */
export async function* readFileChunks(path: string, chunkBytes = 1 << 20, nextBuffer?: ChunkBufferSource): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const own = nextBuffer ? [] : [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
  let next = 0;
  const read = async () => {
    const buffer = nextBuffer ? await nextBuffer() : own[(next = (next + 1) % own.length)]!;
    return file.read(buffer, 0, Math.min(chunkBytes, buffer.length), null);
  };
  let pending = read();
  try {
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) return;
      pending = read();
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await pending.catch(() => undefined);
    await file.close();
  }
}

/** Whether a file starts with the gzip magic bytes (see decodeInput). */
export async function startsWithGzipMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return bytesRead === 2 && isGzipMagic(head[0], head[1]);
  } finally {
    await file.close();
  }
}
