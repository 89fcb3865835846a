import fp from 'fastify-plugin';
import type { AppOptions } from '../src/app.js';
import { ProfileService } from '../src/service/profile-service.js';
import { RenderPool } from '../src/render/render-pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    profiles: ProfileService;
    /** The render worker threads (null when AppOptions.render replaces the renderer). */
    renderPool: RenderPool | null;
  }
}

/**
 * The profiles service (ingest, summaries, cached single-flight renders) wired to the store and
 * metrics, rendering on a pool of worker threads: renderWarmWorkers of them started now, the
 * others when renders need them (they exit again after renderIdleMs idle), all stopped when the
 * app closes.
 */
export default fp(
  async (fastify, opts: AppOptions) => {
    const { config, metrics, store } = fastify;
    const pool = opts.render
      ? null
      : new RenderPool({
          threads: config.renderConcurrency + 1, // + the express slot
          warmThreads: config.renderWarmWorkers,
          idleTimeoutMs: config.renderIdleMs,
          maxPixels: config.maxRenderPixels,
        });
    if (pool) fastify.addHook('onClose', () => pool.close());
    fastify.decorate('renderPool', pool);
    const service = new ProfileService(store, {
      maxUploadBytes: config.maxUploadBytes,
      maxSnapshotBytes: config.maxSnapshotBytes,
      renderConcurrency: config.renderConcurrency,
      renderQueue: config.renderQueue,
      uploadConcurrency: config.uploadConcurrency,
      renderTimeoutMs: config.renderTimeoutMs,
      zoom: config.zoom,
      render: opts.render ?? ((summary, options, signal, deadlineAt) => pool!.render(summary, options, signal, deadlineAt)),
      renderOverlay: opts.renderOverlay ?? (pool ? (base, head, options, signal, deadlineAt) => pool.renderOverlay(base, head, options, signal, deadlineAt) : undefined),
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
