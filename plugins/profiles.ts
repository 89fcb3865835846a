import fp from 'fastify-plugin';
import type { AppOptions } from '../src/app.js';
import { ProfileService } from '../src/cache/profile-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    profiles: ProfileService;
  }
}

/** The profiles service (ingest, summaries, cached single-flight renders) wired to the store and metrics. */
export default fp(
  async (fastify, opts: AppOptions) => {
    const { config, metrics, store } = fastify;
    const service = new ProfileService(store, {
      maxUploadBytes: config.maxUploadBytes,
      renderConcurrency: config.renderConcurrency,
      renderQueue: config.renderQueue,
      uploadConcurrency: config.uploadConcurrency,
      renderTimeoutMs: config.renderTimeoutMs,
      render: opts.render,
      hooks: {
        cacheLookup: (kind, hit) => metrics.cacheLookups.inc({ kind, result: hit ? 'hit' : 'miss' }),
        rendered: (format, seconds) => metrics.renderDuration.observe({ format }, seconds),
        ingested: (bytes, seconds) => {
          metrics.ingestedBytes.inc(bytes);
          metrics.ingestDuration.observe(seconds);
        },
        corrupt: (key, reason) => {
          metrics.corruptEntries.inc();
          fastify.log.warn({ key, reason }, 'unusable stored summary removed');
        },
        storeFailed: (key, error) => {
          metrics.storeFailures.inc();
          fastify.log.error({ key, err: error }, 'could not store a render');
        },
      },
    });
    fastify.decorate('profiles', service);
  },
  { name: 'profiles', dependencies: ['config', 'metrics', 'store'] },
);
