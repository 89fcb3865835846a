import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, MetricsRegistry } from '../src/metrics.js';

export interface AppMetrics {
  registry: MetricsRegistry;
  requests: Counter;
  requestDuration: Histogram;
  renderDuration: Histogram;
  ingestDuration: Histogram;
  cacheLookups: Counter;
  ingestedBytes: Counter;
  uploads: Counter;
  corruptEntries: Counter;
  storeFailures: Counter;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Prometheus metrics: requests by route and status, render and upload durations, cache hits and misses, bytes ingested. */
export default fp(
  async (fastify) => {
    const registry = new MetricsRegistry();
    const metrics: AppMetrics = {
      registry,
      requests: registry.register(new Counter('memplot_http_requests_total', 'HTTP requests answered, by method, route and status.')),
      requestDuration: registry.register(
        new Histogram('memplot_http_request_duration_seconds', 'Time to answer HTTP requests, by route.', [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30]),
      ),
      renderDuration: registry.register(
        new Histogram('memplot_render_duration_seconds', 'Time to render a chart from a summary, by format.', [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5]),
      ),
      ingestDuration: registry.register(
        new Histogram('memplot_ingest_duration_seconds', 'Time to read and summarise an upload.', [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 120]),
      ),
      cacheLookups: registry.register(new Counter('memplot_cache_lookups_total', 'Cache lookups by kind (summary, render) and result (hit, miss).')),
      ingestedBytes: registry.register(new Counter('memplot_ingested_bytes_total', 'Uncompressed .mem bytes read from uploads.')),
      uploads: registry.register(new Counter('memplot_uploads_total', 'Uploads summarised, by result (created, known).')),
      corruptEntries: registry.register(new Counter('memplot_cache_corrupt_entries_total', 'Stored entries found corrupt (removed and rebuilt).')),
      storeFailures: registry.register(new Counter('memplot_cache_store_failures_total', 'Renders that could not be written to the store.')),
    };
    registry.register(new Gauge('memplot_process_resident_memory_bytes', 'Resident set size of the process.', () => process.memoryUsage.rss()));
    fastify.decorate('metrics', metrics);

    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
      metrics.requestDuration.observe(reply.elapsedTime / 1000, { route });
    });
  },
  { name: 'metrics' },
);
