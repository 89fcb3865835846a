/**
 * Content negotiation from Accept and Accept-Encoding (RFC 9110 §12.5): one parser of weighted
 * lists, and every question the HTTP layer asks of Accept (which image format, whether the client
 * wants plain text, HTML or the JSON error body). No Fastify here.
 */
import { OUTPUT_FORMATS, type OutputFormat } from '../options/plot-options.js';
import { FORMATS, formatOfMediaType } from '../render/formats.js';

export interface WeightedItem {
  /** The item without its parameters, trimmed and in lower case (`image/png`, `gzip`). */
  value: string;
  /** Its q parameter (1 when absent, 0 when not a number). */
  q: number;
}

/** The items of a weighted header list such as Accept or Accept-Encoding, at most `maxItems` of them. */
export function parseWeightedList(header: string, maxItems?: number): WeightedItem[] {
  return header.split(',', maxItems).map((item) => {
    const [rawValue, ...params] = item.split(';');
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((part) => part.trim());
      if (name.toLowerCase() === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 0;
    }
    return { value: rawValue.trim().toLowerCase(), q };
  });
}

/** Whether Accept names any of these media ranges (whatever their q). */
export function acceptNames(accept: string | undefined, ...ranges: string[]): boolean {
  return accept !== undefined && parseWeightedList(accept).some((item) => ranges.includes(item.value));
}

/** Whether Accept names an image type (`image/png`, `image/*`): what an `<img>` sends. */
export function acceptsImage(accept: string | undefined): boolean {
  return accept !== undefined && parseWeightedList(accept).some((item) => item.value.startsWith('image/'));
}

/** A client that asks for plain text and not for JSON (a shell script with -H 'Accept: text/plain'). */
export function prefersText(accept: string | undefined): boolean {
  return acceptNames(accept, 'text/plain') && !acceptNames(accept, 'application/json', '*/*');
}

/** Browsers ask for text/html first; API clients and curl (*\/*) get JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  return acceptNames(accept, 'text/html') && !acceptNames(accept, 'application/json');
}

/** Among formats the client weighs equally, the cheapest good one first. */
const SERVER_PREFERENCE: readonly OutputFormat[] = ['png', 'svg', 'webp', 'jpeg', 'avif'];

/**
 * The output format from an Accept header (RFC 9110 §12.5.1): the highest q wins, ties go to the
 * server's preference; `*\/*`, `image/*` or no header mean PNG. Null when nothing we make is acceptable.
 */
export function formatFromAccept(accept: string | undefined): OutputFormat | null {
  if (accept === undefined || accept.trim() === '') return 'png';
  const weights = new Map<OutputFormat, number>();
  let wildcard = -1;
  for (const { value: type, q } of parseWeightedList(accept)) {
    if (type === '*/*' || type === 'image/*') wildcard = Math.max(wildcard, q);
    const format = formatOfMediaType(type);
    if (format) weights.set(format, Math.max(weights.get(format) ?? -1, q));
  }
  let best: OutputFormat | null = null;
  let bestQ = 0;
  for (const format of SERVER_PREFERENCE) {
    const q = weights.get(format) ?? wildcard;
    if (q > bestQ) {
      best = format;
      bestQ = q;
    }
  }
  return best;
}

/** The media types memplot makes, as text for a 406. */
export const ACCEPTABLE_TYPES = OUTPUT_FORMATS.map((format) => FORMATS[format].mediaType).join(', ');
