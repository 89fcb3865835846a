/**
 * What a rendered plot is, without the renderer: its bytes and content type, and its size in pixels. Kept apart from render-plot.ts so that the HTTP process, which never
 * draws, does not load d3, jsdom and sharp to know them.
 */
import type { OutputFormat } from '../options/plot-options.js';


export interface RenderedImage {
  body: Buffer;
  contentType: string;
}

/** Device pixels of the image these options ask for: width × height × scale² (the SVG's CSS pixels for svg). */
export function requestedPixels(options: { width: number; height: number; scale: number; format: OutputFormat }): number {
  const scale = options.format === 'svg' ? 1 : options.scale;
  return Math.ceil(options.width * scale) * Math.ceil(options.height * scale);
}
