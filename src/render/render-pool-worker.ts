/**
 * One thread of the render pool (render-pool.ts): loads the renderer (jsdom, d3, sharp: about half
 * a second) when the pool starts, then draws one plot per task from a stored summary's bytes. The
 * image goes back transferred, not copied. A task may be stopped at any point by terminating the
 * thread: nothing here needs to clean up.
 */
import { move } from 'piscina';
import { deserializeSummary, SummaryCodecError } from '../aggregate/summary-codec.js';
import type { StoredProfile } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { limitSharpForRenderPool } from '../raster/rasterize-svg.js';
import { prepareRenderer, renderPlot } from './render-plot.js';
import { lowerThisThreadPriority } from '../worker/thread-priority.js';

/** A task that only waits for the worker to have loaded the renderer (RenderPool.ready). */
export interface WarmUpTask {
  warmUp: true;
}

export interface RenderTask {
  /** The profile's id, to reuse the summary parsed for the previous task of the same profile. */
  id: string;
  /** serializeSummary's bytes: ~5 times smaller than the parsed summary, and transferable. */
  summary: Uint8Array;
  options: PlotOptions;
  maxPixels: number;
  /** When the render is stopped (Date.now() time): the thread is terminated then, and sharp stops its native work within a second of it. */
  deadlineAt: number;
}

// Requests first: a render may take seconds of CPU, the event loop must not wait for it.
lowerThisThreadPriority();
limitSharpForRenderPool();
prepareRenderer();

// The last profile drawn: charts of one profile in several sizes or formats come together. Its
// bytes are compared too: pairing a snapshot with a .mem stores new bytes under the same id.
let last: { id: string; bytes: Uint8Array; summary: StoredProfile } | null = null;

/** Told instead of an image when the summary's bytes cannot be read (errors lose their class on the way back). */
export interface CorruptSummary {
  corrupt: string;
}

/** The image's bytes (its content type follows from options.format). */
export default async function renderTask(task: RenderTask | WarmUpTask): Promise<Uint8Array | CorruptSummary | null> {
  if ('warmUp' in task) return null;
  let summary: StoredProfile;
  try {
    summary = last?.id === task.id && Buffer.compare(last.bytes, task.summary) === 0 ? last.summary : deserializeSummary(task.summary);
  } catch (error) {
    if (error instanceof SummaryCodecError) return { corrupt: error.message };
    throw error;
  }
  last = { id: task.id, bytes: task.summary, summary };
  const timeoutSeconds = Math.min(3600, Math.max(1, Math.ceil((task.deadlineAt - Date.now()) / 1000)));
  const plot = await renderPlot(summary, task.options, { maxPixels: task.maxPixels, timeoutSeconds });
  // An image in a pooled slab (small SVG text) is copied out so that transferring it detaches nothing else.
  // Always a copy: sharp's buffers are external memory, which Node 22+ refuses to transfer
  // (DataCloneError), and a small one may sit in a pooled slab that transferring would detach.
  const body = new Uint8Array(plot.body);
  return move(body) as Uint8Array;
}
