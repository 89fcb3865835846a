/**
 * Content codings of text responses (SVG charts, JSON, HTML): which one a client accepts, and
 * the compressed bodies of cached charts, kept so that a hot SVG is compressed once rather than
 * on every request. No Fastify here.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { MemoryStore } from '../cache/memory-store.js';
import { parseWeightedList } from './negotiation.js';

export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/** Media types worth compressing: text, JSON, XML and SVG; never PNG, WebP, AVIF or JPEG (already compressed). */
export const COMPRESSIBLE_TYPES = /^(?:text\/|application\/(?:[\w.+-]*\+)?json\b|image\/svg\+xml\b|application\/(?:[\w.+-]*\+)?xml\b)/i;

/** Brotli quality for bodies compressed once and kept (cached charts): 9 is ~5× smaller than raw SVG, still a few ms. */
const STORED_BROTLI_QUALITY = 9;

/**
 * The coding to use for an Accept-Encoding header (RFC 9110 §12.5.3): the acceptable one with the
 * highest q, br before gzip on ties; `*` stands for any not named; null for identity.
 */
export function negotiateContentCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const { value: name, q } of parseWeightedList(acceptEncoding, 32)) weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of CONTENT_CODINGS) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** ETag of one coding of a representation (RFC 9110 §8.8.3: each coding is its own representation). */
export function codedEtag(hash: string, coding: ContentCoding | null): string {
  return coding ? `"${hash}-${coding}"` : `"${hash}"`;
}

const compressors: Record<ContentCoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: STORED_BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/**
 * Compressed bodies by (content hash, coding), least recently used out past maxBytes. Compression
 * runs on libuv's pool (zlib's async API), never on the event loop.
 */
export class CodedBodyCache {
  private readonly store: MemoryStore;

  constructor(maxBytes: number) {
    this.store = new MemoryStore({ maxBytes, maxEntryBytes: Math.max(1, Math.floor(maxBytes / 4)) });
  }

  async encode(hash: string, body: Buffer, coding: ContentCoding): Promise<Buffer> {
    const key = `${hash}-${coding}`;
    const kept = this.store.peek(key);
    if (kept) return kept;
    const coded = await compressors[coding](body);
    this.store.put(key, coded);
    return coded;
  }
}
