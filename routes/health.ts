import type { FastifyPluginAsync } from 'fastify';
import { StoreUnavailableError, StoreWriteError } from '../src/cache/store.js';
import { errorResponses } from '../src/http/schemas.js';

/** GET /healthz: the process answers and the cache store works (Docker HEALTHCHECK, load balancers). */
const health: FastifyPluginAsync = async (fastify) => {
  fastify.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Health of the process and of the cache store',
        response: {
          200: {
            description: 'Healthy',
            type: 'object',
            properties: {
              status: { type: 'string' },
              store: { type: 'string' },
              uptimeSeconds: { type: 'number' },
              renders: { type: 'object', properties: { active: { type: 'integer' }, queued: { type: 'integer' } } },
              uploads: { type: 'object', properties: { active: { type: 'integer' } } },
            },
          },
          ...errorResponses(503),
        },
      },
    },
    async (request, reply) => {
      const { store, profiles } = fastify;
      try {
        await store.ping();
      } catch (error) {
        request.log.error({ err: error }, 'cache store health check failed');
        throw error instanceof StoreWriteError ? error : new StoreUnavailableError(store.kind, error);
      }
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok',
        store: store.kind,
        uptimeSeconds: Math.round(process.uptime()),
        renders: { active: profiles.renders.active, queued: profiles.renders.queued },
        uploads: { active: profiles.uploads.active },
      };
    },
  );
};

export default health;
