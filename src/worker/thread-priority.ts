/**
 * Background threads (renders, the series half of an upload) give way to the thread that answers
 * requests: on Linux a thread's nice value is its own, so a worker can lower its own priority and
 * the kernel runs the event loop first whenever both want a core. Threads a worker starts (libvips'
 * helpers) inherit its value. Lowering one's own priority needs no privilege.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of background threads: under contention a thread at 0 gets about ten times their CPU share. */
export const BACKGROUND_NICE = 10;

/** Lowers the calling thread's priority; false where that cannot be done (not Linux, no /proc). */
export function lowerThisThreadPriority(nice = BACKGROUND_NICE): boolean {
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
