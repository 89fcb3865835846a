import { open } from 'node:fs/promises';

/**
 * A file's bytes as chunks read into three reused buffers, one read ahead of the consumer:
 * no garbage per chunk, so a 1 GB pass keeps a flat footprint. A chunk is valid until the
 * consumer asks for the one after the next; consumers here copy or finish with a chunk before
 * asking for the next one (decodeInput copies what it hands to zlib).
 */
export async function* readFileChunks(path: string, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
  let next = 0;
  let pending = file.read(buffers[0], 0, chunkBytes, null);
  try {
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) return;
      next = (next + 1) % buffers.length;
      pending = file.read(buffers[next], 0, chunkBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await pending.catch(() => undefined);
    await file.close();
  }
}
