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

/** The work did not finish in time (it goes on in the background and its slot stays taken until it ends). */
export class WorkTimeoutError extends Error {
  readonly code = 'TIMEOUT';
  readonly retryAfterSeconds: number;
  constructor(what: string, ms: number, retryAfterSeconds: number) {
    super(`${what} did not finish within ${ms} ms`);
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

  /** Runs task when a slot is free; throws BusyError at once when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new BusyError(this.what, this.retryAfterSeconds);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
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

/** Races work against a timer; the timer never keeps the process alive. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
