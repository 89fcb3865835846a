/**
 * The output formats, one row each: media type, the Content-Type memplot sends, file extensions
 * (the CLI's output names), vector or raster, and sharp's encoder settings for raster ones. Used by
 * the CLI, the rasteriser, the HTTP schemas and content negotiation. Which formats exist is the
 * options table's fact (OUTPUT_FORMATS); this table says what each one is. Loads nothing.
 */
import type { OutputFormat } from '../options/plot-options.js';

export interface FormatSpec {
  /** As named in Accept and in the OpenAPI document. */
  mediaType: string;
  /** The response's Content-Type. */
  contentType: string;
  /** File extensions with the dot, the canonical one first. */
  extensions: readonly string[];
  /** sharp's encoder options for raster formats; null for SVG, which is passed through, never rasterised. */
  encoder: Readonly<Record<string, string | number | boolean>> | null;
}

/* Encoder settings for line charts: flat colours and thin lines, encoded fast (PNG level 3 rather
 * than 6, AVIF effort 0 rather than 2: faster, slightly larger; see BENCHMARKS.md). */
export const FORMATS: Readonly<Record<OutputFormat, FormatSpec>> = {
  png: { mediaType: 'image/png', contentType: 'image/png', extensions: ['.png'], encoder: { compressionLevel: 3, adaptiveFiltering: false } },
  svg: { mediaType: 'image/svg+xml', contentType: 'image/svg+xml; charset=utf-8', extensions: ['.svg'], encoder: null },
  webp: { mediaType: 'image/webp', contentType: 'image/webp', extensions: ['.webp'], encoder: { quality: 90, effort: 2 } },
  avif: { mediaType: 'image/avif', contentType: 'image/avif', extensions: ['.avif'], encoder: { quality: 70, effort: 0, chromaSubsampling: '4:4:4' } },
  jpeg: { mediaType: 'image/jpeg', contentType: 'image/jpeg', extensions: ['.jpeg', '.jpg'], encoder: { quality: 90, chromaSubsampling: '4:4:4' } },
};

/** The format a file name's extension (lower case, with the dot) names, if any. */
export function formatOfExtension(extension: string): OutputFormat | undefined {
  return (Object.keys(FORMATS) as OutputFormat[]).find((format) => FORMATS[format].extensions.includes(extension));
}

/** The format a media type (lower case, without parameters) names, if any. */
export function formatOfMediaType(mediaType: string): OutputFormat | undefined {
  return (Object.keys(FORMATS) as OutputFormat[]).find((format) => FORMATS[format].mediaType === mediaType);
}
