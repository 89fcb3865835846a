/**
 * A map with a budget, least recently used out first: each entry weighs `weigh(value)` (1 unless
 * told, so the budget counts entries), and a value heavier than the whole budget is not kept.
 * The one LRU of the code base: the memory store (bytes), the profile service's summaries (entries).
 */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(
    readonly maxWeight: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** The summed weight of the entries kept. */
  get weight(): number {
    return this.total;
  }

  /** The value, which becomes the most recently used; undefined when not kept. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keeps the value as the most recently used, then drops the least recently used past the budget. */
  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    this.entries.set(key, value);
    this.total += weight;
    while (this.total > this.maxWeight) this.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): boolean {
    const old = this.entries.get(key);
    if (old === undefined) return false;
    this.total -= this.weigh(old);
    this.entries.delete(key);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
