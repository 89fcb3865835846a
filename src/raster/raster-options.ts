/**
 * Checks for rasterSvg's options, before any pixel is made. Messages follow sharp's lib/ style:
 * "Expected <what> for <parameter> but received <value> of type <type>".
 */
import type { OutputFormat } from '../options/plot-options.js';

/** Formats sharp writes here; SVG is passed through by the caller and never rasterised. */
export const RASTER_FORMATS = ['png', 'webp', 'avif', 'jpeg'] as const;
export type RasterFormat = (typeof RASTER_FORMATS)[number];

export const MIN_SCALE = 1;
export const MAX_SCALE = 3;

export interface RasterOptions {
  format: OutputFormat;
  /** Device pixel ratio, 1 to 3: the SVG's CSS pixels × scale device pixels. */
  scale: number;
  /** Largest image sharp will make, in pixels (default MAX_RASTER_PIXELS); a larger one fails before any pixel is drawn. */
  maxPixels?: number;
  /** libvips stops the image after this many seconds (0, the default: no limit). The only way to stop native work in flight: terminating a worker thread does not. */
  timeoutSeconds?: number;
}

/** The largest image any valid options ask for: 4096 × 4096 CSS pixels at scale 3. */
export const MAX_RASTER_PIXELS = 4096 * 4096 * MAX_SCALE * MAX_SCALE;

export class RasterOptionError extends Error {
  readonly parameter: string;
  constructor(parameter: string, expected: string, received: unknown) {
    let text: string;
    try {
      text = typeof received === 'string' ? JSON.stringify(received.slice(0, 100)) : String(received).slice(0, 100);
    } catch {
      text = '(unprintable)';
    }
    super(`Expected ${expected} for ${parameter} but received ${text} of type ${typeof received}`);
    this.name = 'RasterOptionError';
    this.parameter = parameter;
  }
}

export function isRasterFormat(format: unknown): format is RasterFormat {
  return typeof format === 'string' && (RASTER_FORMATS as readonly string[]).includes(format);
}

/** The checked options; throws RasterOptionError naming the first bad parameter. */
export function checkRasterOptions(svg: unknown, options: unknown): { format: RasterFormat; scale: number; maxPixels: number; timeoutSeconds: number } {
  if (typeof svg !== 'string' || svg.length === 0) throw new RasterOptionError('svg', 'non-empty SVG text', svg);
  if (typeof options !== 'object' || options === null) throw new RasterOptionError('options', 'an object with format and scale', options);
  const { format, scale, maxPixels = MAX_RASTER_PIXELS, timeoutSeconds = 0 } = options as Record<string, unknown>;
  if (format === 'svg') throw new RasterOptionError('format', `one of ${RASTER_FORMATS.join(', ')} (SVG is passed through by the caller, not rasterised)`, format);
  if (!isRasterFormat(format)) throw new RasterOptionError('format', `one of ${RASTER_FORMATS.join(', ')}`, format);
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new RasterOptionError('scale', `a number from ${MIN_SCALE} to ${MAX_SCALE}`, scale);
  }
  if (typeof maxPixels !== 'number' || !Number.isSafeInteger(maxPixels) || maxPixels < 1) {
    throw new RasterOptionError('maxPixels', 'a positive integer number of pixels', maxPixels);
  }
  if (typeof timeoutSeconds !== 'number' || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 0 || timeoutSeconds > 3600) {
    throw new RasterOptionError('timeoutSeconds', 'an integer number of seconds from 0 (no limit) to 3600', timeoutSeconds);
  }
  return { format, scale, maxPixels, timeoutSeconds };
}
