/**
 * Worker thread half of a parallel summary: reads the same bytes as the main thread from a
 * shared ring (see SeriesWorkerClient), hashes them when asked, and builds the M4 series while
 * the main thread builds the stats.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { readMemFile } from '../format/read-mem-file.js';
import { SeriesAccumulator } from './series-accumulator.js';
import { RING_EMPTY, RING_END, type RingLayout } from './series-ring.js';
import { warmUpAccumulators } from './warm-up.js';
import { lowerThisThreadPriority } from '../worker/thread-priority.js';
import { ZoomIndexBuilder, type ZoomLayout } from './zoom-index.js';

const { control, data, slots, slotBytes, hash: wantHash, background, zoom } = workerData as RingLayout & {
  hash: boolean;
  background: boolean;
  zoom: { layout: ZoomLayout | null } | null;
};
if (background) lowerThisThreadPriority();
const hash = wantHash ? createHash('sha256') : null;

/** The ring's chunks in order; a slot is handed back when the next chunk is asked for. */
async function* chunks(): AsyncGenerator<Uint8Array> {
  for (let slot = 0; ; slot = (slot + 1) % slots) {
    Atomics.wait(control, slot * 2, RING_EMPTY);
    if (Atomics.load(control, slot * 2) === RING_END) return;
    const chunk = new Uint8Array(data, slot * slotBytes, Atomics.load(control, slot * 2 + 1));
    hash?.update(chunk);
    yield chunk;
    Atomics.store(control, slot * 2, RING_EMPTY);
    Atomics.notify(control, slot * 2);
  }
}

async function run(): Promise<void> {
  warmUpAccumulators();
  let series: SeriesAccumulator | null = null;
  let index: ZoomIndexBuilder | null = null;
  // Each piece of the zoom index is handed over (not copied) to the main thread, which stores it.
  const post = (name: string, bytes: Uint8Array) => parentPort!.postMessage({ piece: name, bytes }, [bytes.buffer as ArrayBuffer]);
  for await (const event of readMemFile(chunks())) {
    if (event.type === 'header') {
      series = new SeriesAccumulator(event.header);
      if (zoom) index = new ZoomIndexBuilder(event.header, post, zoom.layout ?? undefined);
    } else if (event.type === 'records') {
      series!.addBatch(event.batch);
      index?.addBatch(event.batch);
    }
  }
  const directory = index?.finish();
  parentPort!.postMessage({ m4: series!.finish(), id: hash ? hash.digest('hex') : null, ...(directory ? { zoom: directory } : {}) });
}

run().catch((error: Error & { code?: string; hint?: string }) =>
  parentPort!.postMessage({ error: { name: error.name, message: error.message, code: error.code, hint: error.hint } }),
);
