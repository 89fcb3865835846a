/**
 * SVG → PNG (default), WebP, AVIF or JPEG through sharp (librsvg draws the SVG; text is set in
 * fonts found through fontconfig). The only code that touches sharp.
 */
import sharp, { type Sharp } from 'sharp';
import { FORMATS } from '../render/formats.js';
import { checkRasterOptions, type RasterFormat, type RasterOptions } from './raster-options.js';

/** The format's encoder with its settings from the formats table. */
function encode(image: Sharp, format: RasterFormat): Sharp {
  return image.toFormat(format, FORMATS[format].encoder ?? {});
}

/**
 * Starts librsvg and fontconfig (reading the font configuration and caches: tens of
 * milliseconds on the first image of a process) on libuv's threads, so that a process about to
 * draw one image can do it while its own thread still builds the SVG. Errors are left to the
 * real image to report.
 */
export function warmUpRasterizer(): void {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text y="6" font-size="6">0</text></svg>';
  sharp(Buffer.from(svg, 'utf8')).png().toBuffer().catch(() => {});
}

/**
 * The image of an SVG at a device pixel ratio (`scale`): librsvg reads the SVG at 72 × scale
 * DPI, so a 800×600 SVG gives 800·scale × 600·scale pixels.
 */
export async function rasterizeSvg(svg: string, options: RasterOptions): Promise<Buffer> {
  const { format, scale, maxPixels, timeoutSeconds } = checkRasterOptions(svg, options);
  const image = sharp(Buffer.from(svg, 'utf8'), { density: 72 * scale, limitInputPixels: maxPixels }).timeout({ seconds: timeoutSeconds });
  return encode(image, format).toBuffer();
}

/**
 * sharp's settings for a process whose renders run on several worker threads at once: one libvips
 * thread per image (sharp.concurrency is process-wide; the pool's size is the parallelism) and no
 * operation cache (it would keep decoded images of past renders alive). Peak memory is then about
 * one image per render in flight.
 */
export function limitSharpForRenderPool(): void {
  sharp.cache(false);
  sharp.concurrency(1);
}
