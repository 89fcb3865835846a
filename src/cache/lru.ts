/**
 * A map with a budget, least recently used out first: each entry weighs `weigh(value)` (1 unless
 * told, so the budget counts entries), and a value heavier than the whole budget is not kept.
 * The one LRU of the code base: the memory store (bytes), the profile service's summaries (entries).
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  /** Entries dropped before any in `entries` (evictFirst), in the same order. */
  private readonly firstOut = new Map<string, V>();
  private total = 0;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (value: V) => number = () => 1,
    /** Keys dropped first when over budget, least recently used first (e.g. zoom index pieces before summaries). */
    private readonly evictFirst: (key: string) => boolean = () => false,
  ) {}

  private mapOf(key: string): Map<string, V> {
    return this.evictFirst(key) ? this.firstOut : this.entries;
  }

  /** The summed weight of the entries kept. */
  get weight(): number {
    return this.total;
  }

  /** The value, which becomes the most recently used; undefined when not kept. */
  get(key: string): V | undefined {
    const map = this.mapOf(key);
    const value = map.get(key);
    if (value === undefined) return undefined;
    map.delete(key);
    map.set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.mapOf(key).has(key);
  }

  /** Keeps the value as the most recently used, then drops the least recently used past the budget. */
  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    this.mapOf(key).set(key, value);
    this.total += weight;
    while (this.total > this.maxWeight) this.delete((this.firstOut.size > 0 ? this.firstOut : this.entries).keys().next().value as string);
  }

  delete(key: string): boolean {
    const map = this.mapOf(key);
    const old = map.get(key);
    if (old === undefined) return false;
    this.total -= this.weigh(old);
    map.delete(key);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.firstOut.clear();
    this.total = 0;
  }
}
