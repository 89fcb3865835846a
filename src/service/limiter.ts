/**
 * Bounded concurrency with a bounded queue: at most `concurrency` tasks run, at most `maxQueue`
 * wait; past that the caller is told to come back later (a 503 with Retry-After over HTTP)
 * instead of piling up work the machine cannot do.
 */
export class BusyError extends Error {
  readonly code = 'BUSY';
  readonly retryAfterSeconds: number;
  constructor(what: string, retryAfterSeconds: number) {
    super(`too many ${what} in progress; retry in ${retryAfterSeconds} s`);
    this.name = 'BusyError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The work was stopped at its deadline (the message says where it was: waiting or running). */
export class WorkTimeoutError extends Error {
  readonly code = 'TIMEOUT';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = 'WorkTimeoutError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly what: string,
    readonly concurrency: number,
    readonly maxQueue: number,
    readonly retryAfterSeconds = 1,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`${what}: concurrency must be at least 1`);
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs task when a slot is free; throws BusyError at once when the queue is full. A task still
   * waiting when `signal` aborts leaves the queue and rejects with the signal's reason.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new BusyError(this.what, this.retryAfterSeconds);
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          this.waiting.splice(this.waiting.indexOf(wake), 1);
          reject(signal!.reason);
        };
        this.waiting.push(wake);
        signal?.addEventListener('abort', leave, { once: true });
      });
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Work that rejects with the signal's reason as soon as it aborts, even when the work itself does
 * not listen to the signal (it then goes on, unobserved).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
