/**
 * What an input is, by its content: a memusage .mem file or JSON (a malloc-tag snapshot), plain
 * or gzip. The bytes come back decompressed, the peeked ones included, for the reader of that kind.
 */
import { decodeInput, type DecodeInputOptions } from './decode-input.js';
import { looksLikeJson } from './malloc-tag/read-snapshot.js';

export type InputKind = 'mem' | 'malloc-tag';

export interface SniffedInput {
  kind: InputKind;
  /** The uncompressed bytes from the first. */
  bytes: AsyncIterable<Uint8Array>;
  /** Stops reading the source (closing a file) when `bytes` will not be read to its end. */
  close(): Promise<void>;
}

/** Bytes looked at to decide: past a byte-order mark and some whitespace. */
const HEAD_BYTES = 64;

export async function sniffInput(source: AsyncIterable<Uint8Array>, options: DecodeInputOptions = {}): Promise<SniffedInput> {
  const decoded = decodeInput(source, options);
  const head: Uint8Array[] = [];
  let headBytes = 0;
  try {
    while (headBytes < HEAD_BYTES) {
      const next = await decoded.next();
      if (next.done) break;
      // A copy: the source may reuse its buffer once the next chunk is asked for.
      head.push(Buffer.from(next.value));
      headBytes += next.value.length;
    }
  } catch (error) {
    await decoded.return(undefined);
    throw error;
  }
  const kind: InputKind = looksLikeJson(Buffer.concat(head).subarray(0, HEAD_BYTES)) ? 'malloc-tag' : 'mem';
  const bytes = (async function* () {
    yield* head;
    yield* decoded;
  })();
  return { kind, bytes, close: async () => void (await decoded.return(undefined)) };
}
