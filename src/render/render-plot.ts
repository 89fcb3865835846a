/**
 * A plot in the asked format from a profile summary: SVG text as is, or rasterised by sharp.
 */
import type { ProfileSummary } from '../aggregate/summary.js';
import type { OutputFormat, PlotOptions } from '../options/plot-options.js';
import { renderChartSvg } from '../chart/render-chart-svg.js';
import { prepareSvgDocument } from '../chart/svg-document.js';
import { rasterizeSvg } from '../raster/rasterize-svg.js';

/** Part of every rendered-image cache key: bump whenever the same summary and options would draw differently. */
export const RENDERER_VERSION = '4';

export const CONTENT_TYPES: Readonly<Record<OutputFormat, string>> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
};

/**
 * Does the renderer's one-time set-up (jsdom's document) ahead of the first plot, e.g. while the
 * input is still being read. Importing this module already loads d3, jsdom and sharp (~450 ms cold).
 */
export function prepareRenderer(): void {
  prepareSvgDocument();
}

export async function renderPlot(summary: ProfileSummary, options: PlotOptions): Promise<{ body: Buffer; contentType: string }> {
  const svg = renderChartSvg(summary, options);
  if (options.format === 'svg') return { body: Buffer.from(svg, 'utf8'), contentType: CONTENT_TYPES.svg };
  const body = await rasterizeSvg(svg, { format: options.format, scale: options.scale });
  return { body, contentType: CONTENT_TYPES[options.format] };
}
