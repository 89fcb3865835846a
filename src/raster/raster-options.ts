/**
 * Checks for rasterSvg's options, before any pixel is made. Messages follow sharp's lib/ style:
 * "Expected <what> for <parameter> but received <value> of type <type>".
 */
import { HEIGHT_RANGE, OUTPUT_FORMATS, SCALE_RANGE, WIDTH_RANGE, type OutputFormat } from '../options/plot-options.js';
import { FORMATS } from '../render/formats.js';

/** Formats sharp writes here (those with an encoder); SVG is passed through by the caller and never rasterised. */
export type RasterFormat = Exclude<OutputFormat, 'svg'>;
export const RASTER_FORMATS = OUTPUT_FORMATS.filter((format): format is RasterFormat => FORMATS[format].encoder !== null);

export interface RasterOptions {
  format: OutputFormat;
  /** Device pixel ratio, 1 to 3: the SVG's CSS pixels × scale device pixels. */
  scale: number;
  /** Largest image sharp will make, in pixels (default MAX_RASTER_PIXELS); a larger one fails before any pixel is drawn. */
  maxPixels?: number;
  /** libvips stops the image after this many seconds (0, the default: no limit). The only way to stop native work in flight: terminating a worker thread does not. */
  timeoutSeconds?: number;
}

/** The largest image any valid options ask for: the largest width × height in CSS pixels at the largest scale. */
export const MAX_RASTER_PIXELS = WIDTH_RANGE.max * HEIGHT_RANGE.max * SCALE_RANGE.max ** 2;

export class RasterOptionError extends Error {
  readonly code = 'BAD_RASTER_OPTION';
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
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < SCALE_RANGE.min || scale > SCALE_RANGE.max) {
    throw new RasterOptionError('scale', `a number from ${SCALE_RANGE.min} to ${SCALE_RANGE.max}`, scale);
  }
  if (typeof maxPixels !== 'number' || !Number.isSafeInteger(maxPixels) || maxPixels < 1) {
    throw new RasterOptionError('maxPixels', 'a positive integer number of pixels', maxPixels);
  }
  if (typeof timeoutSeconds !== 'number' || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 0 || timeoutSeconds > 3600) {
    throw new RasterOptionError('timeoutSeconds', 'an integer number of seconds from 0 (no limit) to 3600', timeoutSeconds);
  }
  return { format, scale, maxPixels, timeoutSeconds };
}
