import fp from 'fastify-plugin';
import type { AppOptions } from '../src/app.js';
import { FileStore } from '../src/cache/fs-store.js';
import { isRenderKey, isZoomPieceKey } from '../src/cache/keys.js';
import { MemoryStore, TieredStore } from '../src/cache/memory-store.js';
import { RedisStore } from '../src/cache/redis-store.js';
import type { CacheStore } from '../src/cache/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: CacheStore;
  }
}

/**
 * The cache store: Redis when MEMPLOT_REDIS_URL is set (shared by replicas), else the embedded
 * filesystem store; with a small in-memory tier in front for hot renders.
 */
export default fp(
  async (fastify, opts: AppOptions) => {
    const { config, metrics } = fastify;
    // Hot renders in memory; summaries always come from the store, so an id it evicted is gone everywhere.
    const front = config.memoryCacheBytes > 0 ? new MemoryStore({ maxBytes: config.memoryCacheBytes }) : null;
    let back: CacheStore;
    let owned = false;
    if (opts.store) {
      back = opts.store;
    } else if (config.redisUrl) {
      // Redis down at start: serve anyway (503 for what needs the store, /healthz 503) and reconnect in the background.
      const redis = await RedisStore.open({ url: config.redisUrl, startDegraded: true });
      if (redis.startError) fastify.log.error(`${redis.startError.message}; starting degraded: store calls answer 503 until Redis answers`);
      back = redis;
      owned = true;
    } else {
      back = await FileStore.open({
        dir: config.cacheDir,
        maxBytes: config.cacheMaxBytes,
        onCorrupt: (key, reason) => {
          metrics.corruptEntries.inc();
          fastify.log.warn({ key, reason }, 'corrupt cache entry removed');
        },
        onEvict: (key) => front?.delete(key),
        // The cache budget counts zoom index pieces and gives them up before summaries and renders.
        evictFirst: isZoomPieceKey,
      });
      owned = true;
    }
    const store = front ? new TieredStore(front, back, isRenderKey) : back;
    fastify.log.info({ store: store.kind, dir: back instanceof FileStore ? back.dir : undefined }, 'cache store ready');
    fastify.decorate('store', store);
    fastify.addHook('onClose', async () => {
      if (owned) await store.close();
    });
  },
  { name: 'store', dependencies: ['config', 'metrics'] },
);
