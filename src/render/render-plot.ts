/**
 * A plot in the asked format from a profile summary (or the chart of two runs from both): SVG text
 * as is, or rasterised by sharp.
 */
import type { ProfileSummary, StoredProfile } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { renderChartSvg } from '../chart/render-chart-svg.js';
import { renderOverlaySvg, type OverlayOptions } from '../chart/overlay/render-overlay-svg.js';
import { renderMallocTagSvg } from '../chart/malloc-tag/render-malloc-tag-svg.js';
import { PlotOptionError, SNAPSHOT_CHART_KINDS, type PairedPlotOptions, type SnapshotPlotOptions } from '../options/plot-options.js';
import { optionsKindOf, type AnyPlotOptions } from '../options/profile-options.js';
import { prepareSvgDocument } from '../chart/svg-document.js';
import { rasterizeSvg } from '../raster/rasterize-svg.js';
import { FORMATS } from './formats.js';
import type { RenderedImage } from './plot-output.js';

/**
 * Does the renderer's one-time set-up (jsdom's document) ahead of the first plot, e.g. while the
 * input is still being read. Importing this module already loads d3, jsdom and sharp (the CLI's
 * start-up cost: BENCHMARKS.md, Start-up).
 */
export function prepareRenderer(): void {
  prepareSvgDocument();
}

/** Bounds of one render's rasterising: see RasterOptions. */
export interface RasterLimits {
  maxPixels?: number;
  timeoutSeconds?: number;
}

/**
 * The chart of a profile by its kind: malloc-tag snapshots and a .mem's paired snapshot are drawn
 * by renderMallocTagSvg with their options (parseProfilePlotOptions), a .mem by renderChartSvg.
 */
function chartSvg(summary: StoredProfile, options: AnyPlotOptions): string {
  const optionsKind = optionsKindOf(options);
  if (summary.kind === 'malloc-tag') {
    if (optionsKind !== 'snapshots') throw new PlotOptionError('kind', String((options as { kind?: unknown }).kind), `one of ${SNAPSHOT_CHART_KINDS.join(', ')} (malloc-tag snapshots)`);
    return renderMallocTagSvg({ kind: 'snapshots', snapshots: summary.snapshots }, options as SnapshotPlotOptions);
  }
  if (optionsKind === 'paired' && summary.mallocTag) {
    return renderMallocTagSvg({ kind: 'paired', summary, snapshot: summary.mallocTag }, options as PairedPlotOptions);
  }
  return renderChartSvg(summary, options);
}

/** `limits` bound the raster (sharp refuses a larger image before drawing it, and stops at the timeout); callers check their budget first. */
export async function renderPlot(summary: StoredProfile, options: PlotOptions, limits: RasterLimits = {}): Promise<RenderedImage> {
  return imageOf(chartSvg(summary, options), options, limits);
}

/** The chart of two runs (chart/overlay/) in the asked format, bounded as renderPlot's. */
export async function renderOverlayPlot(base: ProfileSummary, head: ProfileSummary, options: OverlayOptions, limits: RasterLimits = {}): Promise<RenderedImage> {
  return imageOf(renderOverlaySvg(base, head, options), options, limits);
}

async function imageOf(svg: string, options: Pick<PlotOptions, 'format' | 'scale'>, limits: RasterLimits): Promise<RenderedImage> {
  if (options.format === 'svg') return { body: Buffer.from(svg, 'utf8'), contentType: FORMATS.svg.contentType };
  const body = await rasterizeSvg(svg, { format: options.format, scale: options.scale, ...limits });
  return { body, contentType: FORMATS[options.format].contentType };
}
