/**
 * A chart element as plain data: every chart module is a pure function from summary data to
 * these, and svg-document.ts turns the finished tree into SVG text through d3-node. Pictures that
 * are not charts (an error drawn as an image) use svgMarkup, which needs no DOM.
 */

export type SvgAttributeValue = string | number;

export interface SvgElement {
  tag: string;
  attrs: Readonly<Record<string, SvgAttributeValue>>;
  /** Text content (escaped when serialised). An element has text or children, not both. */
  text?: string;
  children?: readonly SvgElement[];
}

export function svgElement(
  tag: string,
  attrs: Readonly<Record<string, SvgAttributeValue>>,
  children: readonly SvgElement[] = [],
): SvgElement {
  return { tag, attrs, children };
}

export function svgText(attrs: Readonly<Record<string, SvgAttributeValue>>, text: string): SvgElement {
  return { tag: 'text', attrs, text };
}

export function svgGroup(attrs: Readonly<Record<string, SvgAttributeValue>>, children: readonly SvgElement[]): SvgElement {
  return { tag: 'g', attrs, children };
}

/** Rounds a coordinate to 0.1 px: enough for anti-aliasing, short in the SVG text. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab, newline and
 * carriage return, U+FFFE, U+FFFF and lone surrogates): user text carrying them would make the
 * SVG unreadable by librsvg, so they are dropped.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const escapeText = (text: string) => xmlSafeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: SvgAttributeValue) => escapeText(String(value)).replace(/"/g, '&quot;');

/**
 * SVG text of a root `svg` element, written directly as XML (no DOM, no d3): for the few
 * pictures made on the thread that answers requests, which must not load jsdom. Charts go
 * through svg-document.ts (D3).
 */
export function svgMarkup(root: SvgElement): string {
  if (root.tag !== 'svg') throw new Error(`svgMarkup: expected a root svg element, received ${root.tag}`);
  const write = (element: SvgElement): string => {
    const attrs = Object.entries(element.attrs).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    const inner = element.text !== undefined ? escapeText(element.text) : (element.children ?? []).map(write).join('');
    return `<${element.tag}${attrs}>${inner}</${element.tag}>`;
  };
  return write({ ...root, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...root.attrs } });
}
