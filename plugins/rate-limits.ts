import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RateLimited } from '../src/http/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a render that is not in the cache against the client's budget; throws 429 past it. */
    limitRenders(request: FastifyRequest): Promise<void>;
  }
}

const MINUTE_MS = 60_000;

/**
 * Per-client rate limits (@fastify/rate-limit, in this process's memory): uploads, counted as
 * they arrive (after the size and token checks, so per token when tokens are configured, else
 * per IP — behind a proxy set MEMPLOT_TRUST_PROXY), and renders that miss the cache, counted by
 * the route when it finds no cached image. A chart served from the cache is never limited.
 * Past the limit: 429 RATE_LIMITED with Retry-After (the connection of an upload is closed unread).
 */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    await fastify.register(rateLimit, { global: false });

    function limiter(kind: string, what: string, max: number): (request: FastifyRequest) => Promise<void> {
      if (max === 0) return async () => undefined;
      const check = fastify.createRateLimit({ max, timeWindow: MINUTE_MS, keyGenerator: (request) => `${kind}:${request.clientId ?? request.ip}` });
      return async (request) => {
        const limit = await check(request);
        if (limit.isAllowed || !limit.isExceeded) return;
        throw Object.assign(new RateLimited(max, what), { retryAfterSeconds: Math.max(1, limit.ttlInSeconds) });
      };
    }
    const limitUploads = limiter('upload', 'uploads', config.uploadRateLimit);
    fastify.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.upload) await limitUploads(request);
    });
    fastify.decorate('limitRenders', limiter('render', 'renders not in the cache', config.renderRateLimit));
  },
  // After auth: an upload is counted against its token.
  { name: 'rate-limits', dependencies: ['config', 'auth'] },
);
