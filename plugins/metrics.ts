import fp from 'fastify-plugin';
import { createAppMetrics, type AppMetrics } from '../src/http/metrics.js';

export type { AppMetrics } from '../src/http/metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Prometheus metrics: requests by route and status, render and upload durations, cache hits and misses, bytes ingested, process metrics. */
export default fp(
  async (fastify) => {
    const metrics = createAppMetrics();
    fastify.decorate('metrics', metrics);

    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
      metrics.requestDuration.observe({ route }, reply.elapsedTime / 1000);
    });
  },
  { name: 'metrics' },
);
