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
import type { OverlayOptions } from '../chart/overlay/render-overlay-svg.js';
import { limitSharpForRenderPool } from '../raster/rasterize-svg.js';
import { prepareRenderer, renderOverlayPlot, renderPlot, type RasterLimits } from './render-plot.js';
import type { RenderedImage } from './plot-output.js';
import { lowerThisThreadPriority } from '../worker/thread-priority.js';

/** The chart of two runs (chart/overlay/): both stored summaries travel, as a render task's one does. */
export interface OverlayRenderTask {
  overlay: { base: { id: string; summary: Uint8Array }; head: { id: string; summary: Uint8Array } };
  options: OverlayOptions;
  maxPixels: number;
  deadlineAt: number;
}

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

// The profiles drawn last: charts of one profile in several sizes or formats come together, and a
// chart of two runs needs both (two entries: the base and the head of a comparison). Their bytes
// are compared too: an id evicted and uploaded again may come back in another summary version.
let recent: { id: string; bytes: Uint8Array; summary: StoredProfile }[] = [];

/** Told instead of an image when the summary's bytes cannot be read (errors lose their class on the way back). */
export interface CorruptSummary {
  corrupt: string;
}

function summaryOf(id: string, bytes: Uint8Array): StoredProfile {
  const known = recent.find((entry) => entry.id === id && Buffer.compare(entry.bytes, bytes) === 0);
  const summary = known ? known.summary : deserializeSummary(bytes);
  recent = [{ id, bytes, summary }, ...recent.filter((entry) => entry.id !== id)].slice(0, 2);
  return summary;
}

/** The image's bytes (its content type follows from options.format). */
export default async function renderTask(task: RenderTask | OverlayRenderTask | WarmUpTask): Promise<Uint8Array | CorruptSummary | null> {
  if ('warmUp' in task) return null;
  let draw: (limits: RasterLimits) => Promise<RenderedImage>;
  try {
    if ('overlay' in task) {
      const base = summaryOf(task.overlay.base.id, task.overlay.base.summary);
      const head = summaryOf(task.overlay.head.id, task.overlay.head.summary);
      // The service compares .mem profiles only (a snapshot has no heap over time to overlay).
      if (base.kind === 'malloc-tag' || head.kind === 'malloc-tag') throw new Error('the chart of two runs takes .mem profiles only');
      draw = (limits) => renderOverlayPlot(base, head, task.options, limits);
    } else {
      const summary = summaryOf(task.id, task.summary);
      draw = (limits) => renderPlot(summary, task.options, limits);
    }
  } catch (error) {
    if (error instanceof SummaryCodecError) return { corrupt: error.message };
    throw error;
  }
  const timeoutSeconds = Math.min(3600, Math.max(1, Math.ceil((task.deadlineAt - Date.now()) / 1000)));
  const plot = await draw({ maxPixels: task.maxPixels, timeoutSeconds });
  // An image in a pooled slab (small SVG text) is copied out so that transferring it detaches nothing else.
  // Always a copy: sharp's buffers are external memory, which Node 22+ refuses to transfer
  // (DataCloneError), and a small one may sit in a pooled slab that transferring would detach.
  const body = new Uint8Array(plot.body);
  return move(body) as Uint8Array;
}
