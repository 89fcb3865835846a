/**
 * memplot's Prometheus metrics on prom-client: one Registry per app (tests build many apps in a
 * process), memplot's own counters and histograms, and prom-client's default process metrics
 * (heap, event-loop lag, GC, file descriptors, …). Knows nothing of Fastify.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface AppMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  requestDuration: Histogram<'route'>;
  renderDuration: Histogram<'format'>;
  ingestDuration: Histogram;
  cacheLookups: Counter<'kind' | 'result'>;
  ingestedBytes: Counter;
  uploads: Counter<'result'>;
  corruptEntries: Counter;
  storeFailures: Counter;
}

/** A fresh registry with memplot's metrics and the default process metrics registered. */
export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const metrics: AppMetrics = {
    registry,
    requests: new Counter({
      name: 'memplot_http_requests_total',
      help: 'HTTP requests answered, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    requestDuration: new Histogram({
      name: 'memplot_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by route.',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    }),
    renderDuration: new Histogram({
      name: 'memplot_render_duration_seconds',
      help: 'Time to render a chart from a summary, by format.',
      labelNames: ['format'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    ingestDuration: new Histogram({
      name: 'memplot_ingest_duration_seconds',
      help: 'Time to read and summarise an upload.',
      buckets: [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'memplot_cache_lookups_total',
      help: 'Cache lookups by kind (summary, render) and result (hit, miss).',
      labelNames: ['kind', 'result'],
      registers,
    }),
    ingestedBytes: new Counter({ name: 'memplot_ingested_bytes_total', help: 'Uncompressed .mem bytes read from uploads.', registers }),
    uploads: new Counter({ name: 'memplot_uploads_total', help: 'Uploads summarised, by result (created, known).', labelNames: ['result'], registers }),
    corruptEntries: new Counter({ name: 'memplot_cache_corrupt_entries_total', help: 'Stored entries found corrupt (removed and rebuilt).', registers }),
    storeFailures: new Counter({ name: 'memplot_cache_store_failures_total', help: 'Renders that could not be written to the store.', registers }),
  };
  // Kept from the hand-written registry (dashboards use it); prom-client's process_resident_memory_bytes says the same.
  new Gauge({
    name: 'memplot_process_resident_memory_bytes',
    help: 'Resident set size of the process.',
    registers,
    collect() {
      this.set(process.memoryUsage.rss());
    },
  });
  collectDefaultMetrics({ register: registry });
  return metrics;
}

export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
