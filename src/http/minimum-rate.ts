/**
 * A watchdog for a transfer that must keep moving: it trips when fewer than `minBytes` arrived
 * in the last `windowMs` (a sliding window in five steps), e.g. a client sending 1 byte a second
 * to hold an upload slot. Time spent by the reader itself (paused) does not count against the
 * sender. Costs one timer tick per fifth of a window, whatever the data.
 */
const STEPS = 5;

export class MinimumRateWatch {
  private readonly buckets = new Array<number>(STEPS).fill(0);
  private current = 0;
  /** Steps observed since the start (or the last resume): the window is full at STEPS. */
  private steps = 0;
  private paused = false;
  private readonly timer: NodeJS.Timeout;
  /** Set once the watch has tripped: every later read fails with it. */
  private failure: Error | null = null;
  /** Rejects the read being waited for, if any. */
  private onTrip: ((error: Error) => void) | null = null;

  constructor(
    readonly minBytes: number,
    readonly windowMs: number,
    onTooSlow: () => Error,
  ) {
    this.timer = setInterval(() => {
      if (this.paused) return;
      this.steps++;
      if (this.steps >= STEPS && this.buckets.reduce((a, b) => a + b, 0) < this.minBytes) {
        this.stop();
        this.failure = onTooSlow();
        this.onTrip?.(this.failure);
        return;
      }
      this.current = (this.current + 1) % STEPS;
      this.buckets[this.current] = 0;
    }, Math.max(1, Math.floor(windowMs / STEPS)));
    this.timer.unref();
  }

  /**
   * The read, or onTooSlow()'s error if the watch trips first. Each read gets a promise of its
   * own, dropped once it settles: racing every read against one long-lived promise instead
   * (Promise.race) would leave a reaction on it per read, each holding that read's chunk, and
   * keep a whole upload in memory until the end.
   */
  read<T>(next: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.onTrip = reject;
      next.then(
        (value) => {
          this.onTrip = null;
          resolve(value);
        },
        (error: unknown) => {
          this.onTrip = null;
          reject(error);
        },
      );
    });
  }

  /** Bytes arrived. */
  count(bytes: number): void {
    this.buckets[this.current] += bytes;
  }

  /** The reader is busy with what arrived: the sender is not measured meanwhile. */
  pause(): void {
    this.paused = true;
  }

  /** Measuring again, over a fresh window. */
  resume(): void {
    this.buckets.fill(0);
    this.steps = 0;
    this.paused = false;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
