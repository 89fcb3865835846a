import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { M4Series } from './summary.js';

/**
 * A ring of slots in shared memory through which the main thread hands the bytes it reads to
 * the series worker, so that reading + stats and M4 + hashing run on two cores at once.
 * Slot i's state is control[2i] (empty, full, end) and its length control[2i + 1].
 */
export interface RingLayout {
  control: Int32Array;
  data: SharedArrayBuffer;
  slots: number;
  slotBytes: number;
}

export const RING_EMPTY = 0;
export const RING_FULL = 1;
export const RING_END = 2;

const SLOTS = 32;
const SLOT_BYTES = 1 << 20;

/** Same extension as this module: .ts under a TypeScript loader (tests), .js once built. */
const EXTENSION = extname(fileURLToPath(import.meta.url));
const WORKER_URL = new URL(`./series-worker${EXTENSION}`, import.meta.url);

/**
 * Running from TypeScript sources (the tests, through tsx), the worker registers the same
 * loader itself first: Node 20 does not apply a parent's loader hooks to a worker's entry.
 */
function startWorker(workerData: unknown): Worker {
  if (EXTENSION !== '.ts') return new Worker(WORKER_URL, { workerData });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export interface SeriesResult {
  m4: { index: M4Series; time: M4Series };
  id: string | null;
}

export class SeriesWorkerClient {
  private readonly layout: RingLayout;
  private readonly worker: Worker;
  private readonly result: Promise<SeriesResult>;
  private slot = 0;

  constructor(options: { hash: boolean }) {
    this.layout = {
      control: new Int32Array(new SharedArrayBuffer(SLOTS * 2 * 4)),
      data: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
      slots: SLOTS,
      slotBytes: SLOT_BYTES,
    };
    this.worker = startWorker({ ...this.layout, hash: options.hash });
    this.result = new Promise<SeriesResult>((resolve, reject) => {
      this.worker.once('message', (message: SeriesResult & { error?: { name: string; message: string } }) => {
        if (message.error) reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
        else resolve(message);
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`series worker exited with code ${code}`)));
    });
    // The main thread reports its own errors first; this one is awaited in finish().
    this.result.catch(() => {});
  }

  private async nextSlot(): Promise<number> {
    const { control, slots } = this.layout;
    const slot = this.slot;
    this.slot = (slot + 1) % slots;
    // Wait on the very value that was found busy: loading it again could see the slot freed
    // after the check, wait for a change from "empty" and miss the worker's only wake-up.
    for (let state = Atomics.load(control, slot * 2); state !== RING_EMPTY; state = Atomics.load(control, slot * 2)) {
      const wait = Atomics.waitAsync(control, slot * 2, state);
      if (wait.async) await wait.value;
    }
    return slot;
  }

  /** Copies a chunk into the ring, waiting for room when the worker is behind. */
  async push(chunk: Uint8Array): Promise<void> {
    const { control, data, slotBytes } = this.layout;
    for (let offset = 0; offset < chunk.length; offset += slotBytes) {
      const piece = chunk.subarray(offset, Math.min(chunk.length, offset + slotBytes));
      const slot = await this.nextSlot();
      new Uint8Array(data, slot * slotBytes, piece.length).set(piece);
      Atomics.store(control, slot * 2 + 1, piece.length);
      Atomics.store(control, slot * 2, RING_FULL);
      Atomics.notify(control, slot * 2);
    }
  }

  /** Ends the input and waits for the series (and id). */
  async finish(): Promise<SeriesResult> {
    const slot = await this.nextSlot();
    Atomics.store(this.layout.control, slot * 2, RING_END);
    Atomics.notify(this.layout.control, slot * 2);
    try {
      return await this.result;
    } finally {
      void this.worker.terminate();
    }
  }

  /** Stops the worker (after an error on the main thread). */
  abort(): void {
    void this.worker.terminate();
  }
}
