import { Worker } from 'node:worker_threads';
import { MemFormatError, type MemFormatErrorCode } from '../format/errors.js';
import { startWorker } from '../worker/start-worker.js';
import type { M4Series } from './summary.js';
import type { ZoomDirectory, ZoomLayout } from './zoom-index.js';

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

/** 8 MiB in flight: enough for the worker never to wait on the reader; more slots were no faster and cost the server RSS per upload (BENCHMARKS.md). */
const SLOTS = 8;
const SLOT_BYTES = 1 << 20;

/**
 * Rings no worker uses any more, kept for the next summary: a server summarising upload after
 * upload would otherwise leave an 8 MiB SharedArrayBuffer per upload for the garbage collector,
 * which frees such external memory late (RSS grew by tens of MB per upload).
 */
const idleRings: RingLayout[] = [];
const IDLE_RINGS_KEPT = 2;

function takeRing(): RingLayout {
  const ring = idleRings.pop();
  if (ring) {
    ring.control.fill(RING_EMPTY);
    return ring;
  }
  return {
    control: new Int32Array(new SharedArrayBuffer(SLOTS * 2 * 4)),
    data: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
    slots: SLOTS,
    slotBytes: SLOT_BYTES,
  };
}

/** Returns a ring once its worker has stopped (it must never touch it again). */
function returnRing(ring: RingLayout, worker: Worker): void {
  void worker.terminate().then(() => {
    if (idleRings.length < IDLE_RINGS_KEPT) idleRings.push(ring);
  });
}

/**
 * Resolves once control[index] is RING_EMPTY, without blocking the thread. It waits on the very
 * value it found: loading the word again to wait on it could see it freed after the check, wait
 * for a change away from "empty", and sleep through the worker's only wake-up.
 */
export async function waitUntilEmpty(control: Int32Array, index: number): Promise<void> {
  for (let state = Atomics.load(control, index); state !== RING_EMPTY; state = Atomics.load(control, index)) {
    const wait = Atomics.waitAsync(control, index, state);
    if (wait.async) await wait.value;
  }
}

export interface SeriesResult {
  m4: { index: M4Series; time: M4Series };
  id: string | null;
  /** The zoom index's directory, when the worker built one. */
  zoom?: ZoomDirectory;
}

interface WorkerError {
  name: string;
  message: string;
  code?: string;
  hint?: string;
}

/** The worker's error as the main thread would have raised it (a MemFormatError keeps its code and hint). */
function rebuildError(error: WorkerError): Error {
  if (error.name === 'MemFormatError') return new MemFormatError(error.code as MemFormatErrorCode, error.message, error.hint);
  return Object.assign(new Error(error.message), { name: error.name });
}

export class SeriesWorkerClient {
  private readonly layout: RingLayout;
  private readonly worker: Worker;
  private readonly result: Promise<SeriesResult>;
  /** The slot being filled, how much of it is filled, and whether it was found free. */
  private slot = 0;
  private fill = 0;
  private slotReady = false;
  /** The next slot lendSlot hands out, and how many lent slots are not yet pushed back. */
  private lendCursor = 0;
  private lent = 0;

  /** The worker's failure, once it has failed: the reader stops at its next chunk. */
  private failure: Error | null = null;
  /** Set once the ring is handed back (finish or abort). */
  private released = false;

  /**
   * `zoom`: the worker builds the zoom index too and posts each piece, which goes to `put` (in
   * order, before the result).
   */
  constructor(options: { hash: boolean; background?: boolean; zoom?: { put: (name: string, bytes: Uint8Array) => void; layout?: ZoomLayout } }) {
    this.layout = takeRing();
    const zoom = options.zoom ? { layout: options.zoom.layout ?? null } : null;
    this.worker = startWorker(import.meta.url, 'series-worker', { ...this.layout, hash: options.hash, background: options.background === true, zoom });
    this.result = new Promise<SeriesResult>((resolve, reject) => {
      const fail = (error: Error) => {
        this.fail(error);
        reject(error);
      };
      const onMessage = (message: SeriesResult & { error?: WorkerError; piece?: string; bytes?: Uint8Array }) => {
        if (message.piece !== undefined) {
          options.zoom?.put(message.piece, message.bytes!);
          return;
        }
        this.worker.off('message', onMessage);
        if (message.error) fail(rebuildError(message.error));
        else resolve(message);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', fail);
      this.worker.once('exit', (code) => fail(new Error(`series worker exited with code ${code}`)));
    });
    // The main thread reports its own errors first; this one is awaited in finish().
    this.result.catch(() => {});
  }

  private waitFree(slot: number): Promise<void> {
    return waitUntilEmpty(this.layout.control, slot * 2);
  }

  /**
   * Records the worker's failure and frees every slot, so that a reader waiting for room wakes
   * up, sees the failure and stops instead of waiting for a worker that is gone.
   */
  private fail(error: Error): void {
    // After finish() or abort() the ring may already serve another summary: never touch it then.
    if (this.failure || this.released) return;
    this.failure = error;
    const { control, slots } = this.layout;
    for (let slot = 0; slot < slots; slot++) {
      Atomics.store(control, slot * 2, RING_EMPTY);
      Atomics.notify(control, slot * 2);
    }
  }

  /** Hands the slot being filled to the worker and moves to the next one. */
  private publish(state: number): void {
    const { control, slots } = this.layout;
    const slot = this.slot;
    Atomics.store(control, slot * 2 + 1, this.fill);
    Atomics.store(control, slot * 2, state);
    Atomics.notify(control, slot * 2);
    this.slot = (slot + 1) % slots;
    this.fill = 0;
    this.slotReady = false;
  }

  /**
   * A free slot's memory for the reader to fill directly (a file read into shared memory), so
   * that pushing it back hands it to the worker without a copy: 1 GB less memcpy per GB on the
   * main thread. Slots are lent in ring order, and each lent slot must be pushed back, as the
   * whole chunk read into it (or a prefix), in the same order, before any chunk from elsewhere.
   */
  readonly lendSlot = async (): Promise<Uint8Array> => {
    const { data, slots, slotBytes } = this.layout;
    const slot = this.lendCursor;
    if (this.lent === 0 && (slot !== this.slot || this.fill > 0)) throw new Error('lendSlot: chunks were already copied into the ring');
    if (this.lent >= slots - 1) throw new Error('lendSlot: every slot is lent');
    await this.waitFree(slot);
    if (this.failure) throw this.failure;
    this.lendCursor = (slot + 1) % slots;
    this.lent++;
    return new Uint8Array(data, slot * slotBytes, slotBytes);
  };

  /** Whether a chunk is the prefix of the slot lent first: then it is published in place. */
  private isLentSlot(chunk: Uint8Array): boolean {
    return this.lent > 0 && chunk.buffer === this.layout.data && chunk.byteOffset === this.slot * this.layout.slotBytes;
  }

  /**
   * Hands a chunk to the worker: a lent slot in place, anything else copied into the ring,
   * waiting for room when the worker is behind. Small chunks (an
   * upload arrives in pieces of 64 KiB or less) are gathered into whole slots: the worker then
   * sees 1 MiB chunks whose records start 8-byte aligned, instead of thousands of small ones
   * it would have to realign.
   */
  async push(chunk: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.isLentSlot(chunk)) {
      this.lent--;
      this.fill = chunk.length;
      this.publish(RING_FULL);
      return;
    }
    if (this.lent > 0) throw new Error('push: a chunk that is not the lent slot arrived while slots are lent');
    const { data, slotBytes } = this.layout;
    for (let offset = 0; offset < chunk.length; ) {
      if (this.failure) throw this.failure;
      if (!this.slotReady) {
        await this.waitFree(this.slot);
        if (this.failure) throw this.failure;
        this.slotReady = true;
      }
      const take = Math.min(chunk.length - offset, slotBytes - this.fill);
      new Uint8Array(data, this.slot * slotBytes + this.fill, take).set(chunk.subarray(offset, offset + take));
      this.fill += take;
      offset += take;
      if (this.fill === slotBytes) this.publish(RING_FULL);
    }
  }

  /** Ends the input and waits for the series (and id). */
  async finish(): Promise<SeriesResult> {
    if (this.failure) throw this.failure;
    if (this.fill > 0) this.publish(RING_FULL);
    await this.waitFree(this.slot);
    this.publish(RING_END);
    try {
      return await this.result;
    } finally {
      this.released = true;
      returnRing(this.layout, this.worker);
    }
  }

  /** Stops the worker (after an error on the main thread). */
  abort(): void {
    if (this.released) return;
    this.released = true;
    returnRing(this.layout, this.worker);
  }
}
