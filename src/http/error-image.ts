/**
 * Errors of image URLs as images (what Kroki, QuickChart and shields.io do): a dashboard's `<img>`
 * shows "404 PROFILE_NOT_FOUND …" instead of a broken icon. Decides from the request whether an
 * image is wanted and in which format and size, and draws it (src/chart/ → src/raster/). No
 * Fastify here.
 */
import { Limiter } from '../service/limiter.js';
import { renderErrorImageSvg } from '../chart/error-image-svg.js';
import { acceptNames, acceptsImage, formatFromAccept } from './negotiation.js';
import { defaultPlotOptions, parseOptionValue, PLOT_OPTION_DEFINITIONS, type OutputFormat, type Theme } from '../options/plot-options.js';
import { FORMATS } from '../render/formats.js';

export interface ErrorImageSpec {
  format: OutputFormat;
  width: number;
  height: number;
  theme: Theme;
}

export interface ErrorImageRequest {
  accept: string | undefined;
  /** The format the URL names (`plot.:format`), if any. */
  pathFormat: unknown;
  /** Query parameters (plot options, among them maybe `format`, `width`, `height`, `theme`). */
  query: Record<string, unknown>;
}

/** Size of an error image when the asked size is missing or is itself the error. */
export const ERROR_IMAGE_DEFAULTS = { width: 800, height: 600 } as const;
/** Largest error image (1920×1080): a larger asked size is drawn smaller with the same aspect ratio. */
export const ERROR_IMAGE_MAX_PIXELS = 1920 * 1080;

const DEFINITIONS = new Map(PLOT_OPTION_DEFINITIONS.map((definition) => [definition.name, definition]));

/** The option's value when given and valid, else undefined (the error being answered may be about it). */
function validOption(query: Record<string, unknown>, name: string): unknown {
  const raw = query[name];
  if (raw === undefined) return undefined;
  try {
    return parseOptionValue(DEFINITIONS.get(name)!, Array.isArray(raw) ? raw[raw.length - 1] : raw);
  } catch {
    return undefined;
  }
}


/**
 * What image to answer an error with, or null for the JSON (or text) body: an image when the URL
 * names a format (the path or `format=`) or when Accept names an image type, unless Accept names
 * JSON or plain text. Format, width, height and theme are the request's when valid; otherwise
 * PNG (SVG stays SVG), 800×600 and the light theme.
 */
export function errorImageSpec(request: ErrorImageRequest): ErrorImageSpec | null {
  // A client that names JSON or plain text in Accept wants the error bodies (API clients, scripts).
  if (acceptNames(request.accept, 'application/json', 'text/plain')) return null;
  const named = request.pathFormat ?? request.query.format;
  if (named === undefined && !acceptsImage(request.accept)) return null;
  const format =
    named !== undefined
      ? ((validOption({ format: named }, 'format') as OutputFormat | undefined) ?? 'png')
      : (formatFromAccept(request.accept) ?? 'png');
  const width = validOption(request.query, 'width') as number | undefined;
  const height = validOption(request.query, 'height') as number | undefined;
  const sizeValid = (request.query.width === undefined || width !== undefined) && (request.query.height === undefined || height !== undefined);
  const defaults = defaultPlotOptions();
  const asked = {
    width: sizeValid ? (width ?? defaults.width) : ERROR_IMAGE_DEFAULTS.width,
    height: sizeValid ? (height ?? defaults.height) : ERROR_IMAGE_DEFAULTS.height,
  };
  // A few lines of text need no 16 megapixels: larger sizes keep their shape at ERROR_IMAGE_MAX_PIXELS
  // (an <img> with width and height attributes stretches it), so a bad URL costs little to answer.
  const shrink = Math.min(1, Math.sqrt(ERROR_IMAGE_MAX_PIXELS / (asked.width * asked.height)));
  return {
    format,
    width: Math.max(1, Math.floor(asked.width * shrink)),
    height: Math.max(1, Math.floor(asked.height * shrink)),
    theme: (validOption(request.query, 'theme') as Theme | undefined) ?? 'light',
  };
}

export interface DrawnError {
  status: number;
  code: string;
  message: string;
  hint?: string;
}

/**
 * Error images drawn at once, and waiting: past that, BusyError (the caller answers the error as
 * JSON instead). A flood of bad URLs costs at most this many rasterisations at a time.
 */
const errorImages = new Limiter('error images', 2, 16);

/** The error as an image: SVG text, or rasterised at scale 1 (the message matters, not its pixel density). */
export async function renderErrorImage(spec: ErrorImageSpec, error: DrawnError): Promise<{ body: Buffer; contentType: string }> {
  const svg = renderErrorImageSvg({ ...spec, ...error });
  if (spec.format === 'svg') return { body: Buffer.from(svg, 'utf8'), contentType: FORMATS.svg.contentType };
  const format = spec.format;
  // sharp is loaded on the first raster error image only: the thread answering requests draws no charts.
  const { rasterizeSvg } = await import('../raster/rasterize-svg.js');
  const body = await errorImages.run(() => rasterizeSvg(svg, { format, scale: 1 }));
  return { body, contentType: FORMATS[format].contentType };
}
