/**
 * A plot in the asked format from a profile summary: SVG text as is, or rasterised by sharp.
 */
import type { StoredProfile } from '../aggregate/summary.js';
import type { PlotOptions } from '../options/plot-options.js';
import { renderChartSvg } from '../chart/render-chart-svg.js';
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

/** The chart of a profile by its kind. */
function chartSvg(summary: StoredProfile, options: PlotOptions): string {
  if (summary.kind === 'malloc-tag') throw new Error('malloc-tag charts are not wired yet (engineer mtagchart draws them)');
  return renderChartSvg(summary, options);
}

/** `limits` bound the raster (sharp refuses a larger image before drawing it, and stops at the timeout); callers check their budget first. */
export async function renderPlot(summary: StoredProfile, options: PlotOptions, limits: RasterLimits = {}): Promise<RenderedImage> {
  const svg = chartSvg(summary, options);
  if (options.format === 'svg') return { body: Buffer.from(svg, 'utf8'), contentType: FORMATS.svg.contentType };
  const body = await rasterizeSvg(svg, { format: options.format, scale: options.scale, ...limits });
  return { body, contentType: FORMATS[options.format].contentType };
}
