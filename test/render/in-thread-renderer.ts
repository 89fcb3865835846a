/**
 * A PlotRenderer for tests that draws on the calling thread (the app uses the render pool): the
 * summary's stored bytes parsed and drawn by renderPlot. It ignores the deadline's signal, as a
 * renderer that cannot be stopped would.
 */
import { deserializeSummary } from '../../src/aggregate/summary-codec.js';
import type { ProfileSummary } from '../../src/aggregate/summary.js';
import type { ComparePlotOptions, PlotOptions } from '../../src/options/plot-options.js';
import type { RenderedImage } from '../../src/render/plot-output.js';
import { renderOverlayPlot, renderPlot } from '../../src/render/render-plot.js';
import type { StoredSummary } from '../../src/render/render-pool.js';

export function renderInThread(summary: StoredSummary, options: PlotOptions): Promise<RenderedImage> {
  return renderPlot(deserializeSummary(summary.bytes), options);
}

/** An OverlayRenderer for tests that draws on the calling thread, as renderInThread. */
export function renderOverlayInThread(base: StoredSummary, head: StoredSummary, options: ComparePlotOptions): Promise<RenderedImage> {
  return renderOverlayPlot(memSummary(base), memSummary(head), options);
}

function memSummary(stored: StoredSummary): ProfileSummary {
  const summary = deserializeSummary(stored.bytes);
  if (summary.kind === 'malloc-tag') throw new Error(`${stored.id}: the chart of two runs takes .mem profiles`);
  return summary;
}
