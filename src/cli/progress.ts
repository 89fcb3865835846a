import type { Writable } from 'node:stream';

/** Inputs above this size show progress on a terminal. */
export const PROGRESS_MIN_BYTES = 100 * 1000 * 1000;

/**
 * A progress line on stderr, redrawn at most every 200 ms, for large inputs when stderr is a
 * terminal; nothing otherwise (scripts and pipes see clean output).
 */
export function createProgressReporter(
  name: string,
  size: number | null,
  stderr: Writable & { isTTY?: boolean },
  now: () => number = () => performance.now(),
): ((bytes: number) => void) | undefined {
  if (!stderr.isTTY || (size !== null && size < PROGRESS_MIN_BYTES)) return undefined;
  let last = now();
  return (bytes: number) => {
    if (size === null && bytes < PROGRESS_MIN_BYTES) return;
    const t = now();
    const done = size !== null && bytes >= size;
    if (!done && t - last < 200) return;
    last = t;
    const mb = (bytes / 1e6).toFixed(0);
    const text = size ? `${name}: ${mb} / ${(size / 1e6).toFixed(0)} MB (${Math.floor((100 * bytes) / size)} %)` : `${name}: ${mb} MB`;
    stderr.write(`\r\x1b[K${text}${done ? '\n' : ''}`);
  };
}
