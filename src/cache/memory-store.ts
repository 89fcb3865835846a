/**
 * A small in-process LRU of bytes, bounded in total size: the hot tier in front of the
 * filesystem or Redis store, so that a popular embedded image is answered from memory.
 */
import { Lru } from './lru.js';
import type { CacheStore } from './store.js';

export class MemoryStore implements CacheStore {
  readonly kind = 'memory';
  readonly maxBytes: number;
  /** Entries larger than this are not kept (they would push out many small hot ones). */
  readonly maxEntryBytes: number;
  private readonly entries: Lru<Buffer>;

  /** `evictFirst`: keys dropped before any other when the budget is reached (zoom index pieces). */
  constructor(options: { maxBytes: number; maxEntryBytes?: number; evictFirst?: (key: string) => boolean }) {
    this.maxBytes = options.maxBytes;
    this.maxEntryBytes = options.maxEntryBytes ?? Math.max(1, Math.floor(options.maxBytes / 8));
    this.entries = new Lru(options.maxBytes, (value) => value.length, options.evictFirst);
  }

  get size(): number {
    return this.entries.weight;
  }

  /** Synchronous lookup for the hot path. */
  peek(key: string): Buffer | null {
    return this.entries.get(key) ?? null;
  }

  put(key: string, value: Buffer): void {
    if (value.length > this.maxEntryBytes) this.entries.delete(key);
    else this.entries.set(key, value);
  }

  async get(key: string): Promise<Buffer | null> {
    return this.peek(key);
  }

  async set(key: string, value: Buffer): Promise<void> {
    this.put(key, value);
  }

  async has(key: string): Promise<boolean> {
    return this.entries.has(key);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * A memory tier in front of a store: reads fill the tier, writes go through to the store.
 * The back store has the last word on what exists (`has` asks it); `inFront` chooses the keys
 * worth a copy in memory (default all); whoever wires the back store deletes from the front the
 * keys it evicts (FileStore's onEvict), so that nothing evicted there lives on here.
 */
export class TieredStore implements CacheStore {
  readonly kind: string;
  constructor(
    readonly front: MemoryStore,
    readonly back: CacheStore,
    private readonly inFront: (key: string) => boolean = () => true,
  ) {
    this.kind = `memory+${back.kind}`;
  }

  async get(key: string): Promise<Buffer | null> {
    const hot = this.front.peek(key);
    if (hot) return hot;
    const value = await this.back.get(key);
    if (value && this.inFront(key)) this.front.put(key, value);
    return value;
  }

  async set(key: string, value: Buffer): Promise<void> {
    await this.back.set(key, value);
    if (this.inFront(key)) this.front.put(key, value);
  }

  has(key: string): Promise<boolean> {
    return this.back.has(key);
  }

  async delete(key: string): Promise<boolean> {
    const front = await this.front.delete(key);
    const back = await this.back.delete(key);
    return front || back;
  }

  ping(): Promise<void> {
    return this.back.ping();
  }

  async close(): Promise<void> {
    await this.front.close();
    await this.back.close();
  }
}
