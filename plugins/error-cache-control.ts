import fp from 'fastify-plugin';
import { errorCacheControl } from '../src/http/helpers.js';

/**
 * Every error response, whoever produced it (the error handler, a plugin, the 404 handler), says
 * how long it may be kept: never for a 5xx, a minute for a 4xx (src/http/helpers.ts).
 */
export default fp(
  async (fastify) => {
    fastify.addHook('onSend', async (_request, reply, payload) => {
      const cacheControl = errorCacheControl(reply.statusCode);
      if (cacheControl) reply.header('cache-control', cacheControl);
      return payload;
    });
  },
  { name: 'error-cache-control' },
);
