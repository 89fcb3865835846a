/**
 * A shields.io "flat" badge: a grey label on the left, a coloured message on the right, each box
 * as wide as its text measured with the chart's font metrics plus padding, so nothing overflows.
 */
import { FONT_FAMILY, textWidth, fitText } from './text-metrics.js';

export type BadgeColor = 'red' | 'green' | 'grey' | 'blue';

export interface BadgeContent {
  label: string;
  message: string;
  color: BadgeColor;
}

/** shields.io's colours for these names. */
export const BADGE_COLORS: Record<BadgeColor, string> = { red: '#e05d44', green: '#44cc11', grey: '#9f9f9f', blue: '#007ec6' };
const LABEL_COLOR = '#555';
export const BADGE_FONT = { size: 11 } as const;
export const BADGE_HEIGHT = 20;
/** Space on each side of a text inside its box. */
export const BADGE_PADDING = 6;
/** Longest text drawn in one box (longer is ellipsised): badges stay small whatever they are given. */
const MAX_TEXT_WIDTH = 240;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One box's text, fitted, and the box's width. */
function box(text: string): { text: string; width: number } {
  const fitted = fitText(text, BADGE_FONT, MAX_TEXT_WIDTH);
  return { text: fitted, width: Math.ceil(textWidth(fitted, BADGE_FONT)) + 2 * BADGE_PADDING };
}

export function renderBadgeSvg(content: BadgeContent): string {
  const label = box(content.label);
  const message = box(content.message);
  const width = label.width + message.width;
  const title = escapeXml(`${label.text}: ${message.text}`);
  const text = (value: string, center: number) =>
    `<text x="${center}" y="15" fill="#010101" fill-opacity=".3">${escapeXml(value)}</text><text x="${center}" y="14">${escapeXml(value)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${BADGE_HEIGHT}" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
    `<clipPath id="r"><rect width="${width}" height="${BADGE_HEIGHT}" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${label.width}" height="${BADGE_HEIGHT}" fill="${LABEL_COLOR}"/>` +
    `<rect x="${label.width}" width="${message.width}" height="${BADGE_HEIGHT}" fill="${BADGE_COLORS[content.color]}"/>` +
    `<rect width="${width}" height="${BADGE_HEIGHT}" fill="url(#s)"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="${FONT_FAMILY.replace(/"/g, '&quot;')}" font-size="${BADGE_FONT.size}">` +
    text(label.text, label.width / 2) +
    text(message.text, label.width + message.width / 2) +
    `</g></svg>`
  );
}
