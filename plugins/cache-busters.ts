import fp from 'fastify-plugin';
import { CACHE_BUSTING_PARAMETERS } from '../src/http/helpers.js';

/**
 * `?v=2` and `?_=1712345678` on a GET are cache-busters: accepted and dropped before validation,
 * so they are neither a 400 nor part of any cache key.
 */
export default fp(
  async (fastify) => {
    fastify.addHook('preValidation', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const query = request.query as Record<string, unknown> | undefined;
      if (!query || typeof query !== 'object') return;
      for (const name of CACHE_BUSTING_PARAMETERS) delete query[name];
    });
  },
  { name: 'cache-busters' },
);
