/**
 * A chart element as plain data: every chart module is a pure function from summary data to
 * these, and svg-document.ts turns the finished tree into SVG text through d3-node.
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
