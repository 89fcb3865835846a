/**
 * The shared store: summaries and renders in Redis, so that every replica pointed at the same
 * Redis serves the ids uploaded to any of them. Size is bounded by Redis itself
 * (`maxmemory` + `maxmemory-policy allkeys-lru`). Connection failures surface as
 * StoreUnavailableError (a 503), never as a hang: while disconnected, commands fail at once (no
 * offline queue, no retries), a command Redis does not answer fails after the command timeout
 * (1 s), and the client reconnects in the background (every second at most), so the service
 * recovers by itself when Redis comes back.
 */
import { Redis } from 'ioredis';
import { StoreUnavailableError, type CacheStore } from './store.js';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key (default `memplot:`): several services can share one Redis. */
  prefix?: string;
  /** Entries expire after this many seconds of not being written (default: never; rely on LRU). */
  ttlSeconds?: number;
  /** Connect and command timeouts (default 1000 ms each). */
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /**
   * When Redis cannot be reached at open: false (default) rejects with StoreUnavailableError;
   * true returns a store that answers StoreUnavailableError until the background reconnection succeeds.
   */
  startDegraded?: boolean;
}

export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly ttlSeconds: number | undefined;

  private constructor(
    client: Redis,
    options: RedisStoreOptions,
    /** Why the store started without a connection (startDegraded), or null. */
    readonly startError: StoreUnavailableError | null = null,
  ) {
    this.client = client;
    this.prefix = options.prefix ?? 'memplot:';
    this.ttlSeconds = options.ttlSeconds;
  }

  /**
   * Connects. When Redis cannot be reached: StoreUnavailableError, or with startDegraded a store
   * that fails every call until it reconnects (`startError` says why it started so).
   */
  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 1000,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      // Fail at once while disconnected instead of queueing (each queued call would wait out a reconnect).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect in the background for as long as it takes, at most a second apart.
      retryStrategy: (times) => Math.min(times * 200, 1000),
    });
    // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      const unavailable = new StoreUnavailableError('redis', error);
      if (!options.startDegraded) {
        client.disconnect();
        throw unavailable;
      }
      return new RedisStore(client, options, unavailable);
    }
    return new RedisStore(client, options);
  }

  /** Connected and answering commands now. */
  get ready(): boolean {
    return this.client.status === 'ready';
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

  /** TOUCH, not EXISTS: a check is a use (as in the filesystem store), so Redis's LRU keeps the summary of an id whose charts are served. */
  async has(key: string): Promise<boolean> {
    return (await this.call(() => this.client.touch(this.prefix + key))) === 1;
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
