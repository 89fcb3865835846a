/**
 * The shared store: summaries and renders in Redis, so that every replica pointed at the same
 * Redis serves the ids uploaded to any of them. Size is bounded by Redis itself
 * (`maxmemory` + `maxmemory-policy allkeys-lru`). Connection failures surface as
 * StoreUnavailableError (a 503), never as a hang: requests are not queued while disconnected
 * for longer than the connect timeout.
 */
import { Redis } from 'ioredis';
import { StoreUnavailableError, type CacheStore } from './store.js';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key (default `memplot:`): several services can share one Redis. */
  prefix?: string;
  /** Entries expire after this many seconds of not being written (default: never; rely on LRU). */
  ttlSeconds?: number;
  connectTimeoutMs?: number;
}

export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly ttlSeconds: number | undefined;

  private constructor(client: Redis, options: RedisStoreOptions) {
    this.client = client;
    this.prefix = options.prefix ?? 'memplot:';
    this.ttlSeconds = options.ttlSeconds;
  }

  /** Connects (failing with StoreUnavailableError when Redis cannot be reached). */
  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      maxRetriesPerRequest: 2,
      // Reconnect with a capped back-off; commands issued while down fail fast instead of queuing forever.
      retryStrategy: (times) => Math.min(times * 200, 2000),
      enableOfflineQueue: true,
    });
    // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw new StoreUnavailableError('redis', error);
    }
    return new RedisStore(client, options);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StoreUnavailableError('redis', error);
    }
  }

  get(key: string): Promise<Buffer | null> {
    return this.call(() => this.client.getBuffer(this.prefix + key));
  }

  async set(key: string, value: Buffer): Promise<void> {
    const ttl = this.ttlSeconds;
    await this.call(() => (ttl ? this.client.set(this.prefix + key, value, 'EX', ttl) : this.client.set(this.prefix + key, value)));
  }

  async has(key: string): Promise<boolean> {
    return (await this.call(() => this.client.exists(this.prefix + key))) === 1;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.call(() => this.client.del(this.prefix + key))) === 1;
  }

  async ping(): Promise<void> {
    await this.call(() => this.client.ping());
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
