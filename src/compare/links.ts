/**
 * Paths of the compare routes and the links of the Markdown summary, the same for the server
 * (its public URL) and the CLI (`memplot compare --url URL`).
 */
import type { CompareLinks } from './format-markdown.js';

export function comparePath(baseId: string, headId: string): string {
  return `/compare/${baseId}/${headId}`;
}

/** The overlay chart's path (GET /compare/:base/:head/plot.:format). */
export function overlayPath(baseId: string, headId: string, format = 'png'): string {
  return `${comparePath(baseId, headId)}/plot.${format}`;
}

/** Links of summary.md under `root` (the server's public URL; "" gives paths): both PNG charts and the overlay PNG. */
export function compareLinks(root: string, baseId: string, headId: string): CompareLinks {
  return {
    baseChart: `${root}/profiles/${baseId}/plot.png`,
    headChart: `${root}/profiles/${headId}/plot.png`,
    overlay: `${root}${overlayPath(baseId, headId, 'png')}`,
  };
}
