/**
 * An error drawn as a picture, for clients that embed chart URLs in `<img>` (dashboards, READMEs):
 * a box with the status and error code, the message and the hint, wrapped to fit the asked size,
 * in a chart theme's colours. Text size follows the width so that a line holds about 30 characters
 * down to 400 px wide; whatever does not fit ends with an ellipsis. Cost is bounded by the size and
 * by MAX_TEXT_LENGTH, never by what the message says.
 */
import type { Theme } from '../options/plot-options.js';
import { roundCoordinate, svgElement, svgGroup, svgMarkup, svgText, type SvgElement } from './svg-node.js';
import { FONT_FAMILY, wrapText } from './text-metrics.js';
import { CHART_THEMES } from './themes.js';

/** Longest message or hint drawn: anything longer could not fit even at 4096 px. */
export const MAX_TEXT_LENGTH = 2000;
const MIN_FONT_SIZE = 8;
const MAX_FONT_SIZE = 18;
/** Average characters per line aimed at (DejaVu Sans averages about 0.55 em per character). */
const CHARACTERS_PER_LINE = 30;

export interface ErrorImage {
  width: number;
  height: number;
  theme: Theme;
  status: number;
  code: string;
  message: string;
  hint?: string;
}

/** The text lines of an error image and the font size they are set in (exported for tests). */
export function errorImageLayout(image: ErrorImage): { fontSize: number; lineHeight: number; padding: number; heading: string[]; message: string[]; hint: string[] } {
  const padding = Math.max(4, Math.min(32, Math.round(Math.min(image.width, image.height) * 0.04)));
  const innerWidth = image.width - 2 * padding;
  const innerHeight = image.height - 2 * padding;
  const fontSize = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, (innerWidth - 16) / (CHARACTERS_PER_LINE * 0.55), innerHeight / 6));
  const lineHeight = Math.round(fontSize * 1.3 * 10) / 10;
  const textWidth = innerWidth - fontSize * 1.5;
  const totalLines = Math.max(1, Math.floor((innerHeight - fontSize * 0.8) / lineHeight));
  const font = { size: fontSize };
  const heading = wrapText(`${image.status} ${image.code}`, { size: fontSize, bold: true }, textWidth, 1);
  const hintText = image.hint ? `hint: ${image.hint.slice(0, MAX_TEXT_LENGTH)}` : '';
  const available = totalLines - heading.length;
  // The message first; the hint keeps up to two lines when there are three or more to share.
  const hintReserved = hintText && available >= 3 ? wrapText(hintText, font, textWidth, 2).length : 0;
  const message = wrapText(image.message.slice(0, MAX_TEXT_LENGTH), font, textWidth, available - hintReserved);
  const hint = hintText ? wrapText(hintText, font, textWidth, available - message.length) : [];
  return { fontSize, lineHeight, padding, heading, message, hint };
}

/** SVG text of the error image, `width`×`height` CSS pixels. */
export function renderErrorImageSvg(image: ErrorImage): string {
  const theme = CHART_THEMES[image.theme];
  const { fontSize, lineHeight, padding, heading, message, hint } = errorImageLayout(image);
  const x = padding + fontSize * 0.75;
  let y = padding + fontSize * 0.4 + lineHeight / 2 + fontSize * 0.35;
  const lines: SvgElement[] = [];
  const place = (texts: readonly string[], attrs: Record<string, string | number>) => {
    for (const text of texts) {
      lines.push(svgText({ x: roundCoordinate(x), y: roundCoordinate(y), ...attrs }, text));
      y += lineHeight;
    }
  };
  place(heading, { fill: theme.warningText, 'font-weight': 'bold' });
  place(message, { fill: theme.text });
  place(hint, { fill: theme.mutedText });
  return svgMarkup(
    svgElement('svg', { width: image.width, height: image.height, viewBox: `0 0 ${image.width} ${image.height}`, 'font-family': FONT_FAMILY, 'font-size': roundCoordinate(fontSize) }, [
      { tag: 'title', attrs: {}, text: `${image.status} ${image.code}: ${image.message.slice(0, MAX_TEXT_LENGTH)}` },
      svgElement('rect', { width: image.width, height: image.height, fill: theme.background }),
      svgElement('rect', {
        x: padding + 0.5,
        y: padding + 0.5,
        width: image.width - 2 * padding - 1,
        height: image.height - 2 * padding - 1,
        rx: 4,
        fill: theme.warningBackground,
        stroke: theme.warningText,
        'stroke-width': 1,
      }),
      svgGroup({ class: 'error' }, lines),
    ]),
  );
}
