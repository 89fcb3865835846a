import type { FastifyPluginAsync } from 'fastify';
import { PROMETHEUS_CONTENT_TYPE } from '../src/http/metrics.js';

/** GET /metrics: Prometheus text exposition. */
const metrics: FastifyPluginAsync = async (fastify) => {
  fastify.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics',
        description: 'Requests by route and status, render and upload durations, cache hits and misses, bytes ingested; process heap, event-loop lag and GC.',
        response: { 200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store').type(PROMETHEUS_CONTENT_TYPE);
      return fastify.metrics.registry.metrics();
    },
  );
};

export default metrics;
