/**
 * A watchdog for a transfer that must keep moving: it trips when fewer than `minBytes` arrived
 * in the last `windowMs` (a sliding window in five steps), e.g. a client sending 1 byte a second
 * to hold an upload slot. Time spent by the reader itself (paused) does not count against the
 * sender. Costs one timer tick per fifth of a window, whatever the data.
 */
const STEPS = 5;

export class MinimumRateWatch {
  /** Rejects with onTooSlow()'s error when the rate falls below the minimum; never resolves. */
  readonly tripped: Promise<never>;
  private readonly buckets = new Array<number>(STEPS).fill(0);
  private current = 0;
  /** Steps observed since the start (or the last resume): the window is full at STEPS. */
  private steps = 0;
  private paused = false;
  private readonly timer: NodeJS.Timeout;
  private trip!: (error: Error) => void;

  constructor(
    readonly minBytes: number,
    readonly windowMs: number,
    onTooSlow: () => Error,
  ) {
    this.tripped = new Promise<never>((_, reject) => {
      this.trip = reject;
    });
    this.tripped.catch(() => undefined); // observed by whoever races it; never an unhandled rejection
    this.timer = setInterval(() => {
      if (this.paused) return;
      this.steps++;
      if (this.steps >= STEPS && this.buckets.reduce((a, b) => a + b, 0) < this.minBytes) {
        this.stop();
        this.trip(onTooSlow());
        return;
      }
      this.current = (this.current + 1) % STEPS;
      this.buckets[this.current] = 0;
    }, Math.max(1, Math.floor(windowMs / STEPS)));
    this.timer.unref();
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
