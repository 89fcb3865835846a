/**
 * Identical concurrent work runs once: callers asking for a key already in flight share its
 * promise (hits and failures alike); the key is free again as soon as the work settles.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Number of keys being worked on. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Runs work for key unless it is already running; `shared` tells whether this caller joined. */
  run(key: string, work: () => Promise<T>): { promise: Promise<T>; shared: boolean } {
    const running = this.inFlight.get(key);
    if (running) return { promise: running, shared: true };
    const promise = (async () => {
      try {
        return await work();
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return { promise, shared: false };
  }
}
