import compress from '@fastify/compress';
import fp from 'fastify-plugin';
import { CodedBodyCache, COMPRESSIBLE_TYPES } from '../src/http/content-coding.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Compressed bodies of cached SVG charts (routes/profiles.ts compresses each once). */
    codedBodies: CodedBodyCache;
  }
}

/** Kept compressed SVG charts: a 1 MB SVG compresses to ~200 KB, so this holds dozens of hot charts. */
const CODED_BODY_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * br or gzip for text responses (JSON, HTML, SVG) per Accept-Encoding, with Vary: Accept-Encoding;
 * raster images are never compressed again. Requests are not decompressed here: uploads read
 * gzip themselves (plugins/uploads.ts).
 */
export default fp(
  async (fastify) => {
    fastify.decorate('codedBodies', new CodedBodyCache(CODED_BODY_CACHE_BYTES));
    await fastify.register(compress, {
      global: true,
      globalDecompression: false,
      encodings: ['br', 'gzip'],
      customTypes: COMPRESSIBLE_TYPES,
      threshold: 1024,
    });
  },
  { name: 'compression' },
);
