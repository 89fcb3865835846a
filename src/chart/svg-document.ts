/**
 * The only code that touches d3-node: builds a finished element tree with d3 selections on one
 * jsdom document (created once per process: jsdom costs milliseconds to start) and serialises it.
 */
import { D3Node, type D3Selection } from 'd3-node';
import { xmlSafeText, type SvgElement } from './svg-node.js';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

let sharedDocument: D3Node | null = null;

function documentBody(): D3Selection {
  sharedDocument ??= new D3Node();
  return sharedDocument.d3Element;
}

/**
 * Creates the shared jsdom document now (about 45 ms) rather than in the first render: a CLI can
 * call it while it is still reading its input. Later calls do nothing.
 */
export function prepareSvgDocument(): void {
  documentBody();
}

function appendElement(parent: D3Selection, element: SvgElement): void {
  const selection = parent.append(element.tag);
  for (const [name, value] of Object.entries(element.attrs)) selection.attr(name, value);
  if (element.text !== undefined) selection.text(xmlSafeText(element.text));
  for (const child of element.children ?? []) appendElement(selection, child);
}

/**
 * SVG text of a root `svg` element. jsdom serialises with HTML rules: text and attribute values
 * are escaped (`&`, `<`, `>` in text; `&`, `"` in attributes) but a no-break space comes out as
 * the HTML entity `&nbsp;`, which XML does not know, so it is written as a character reference.
 * User text must only ever go into text content, never into attributes: HTML rules leave `<`
 * unescaped in attribute values.
 */
export function serializeSvg(root: SvgElement): string {
  if (root.tag !== 'svg') throw new Error(`serializeSvg: expected a root svg element, received ${root.tag}`);
  const body = documentBody();
  const svg = body.append('svg').attr('xmlns', SVG_NAMESPACE);
  try {
    for (const [name, value] of Object.entries(root.attrs)) svg.attr(name, value);
    for (const child of root.children ?? []) appendElement(svg, child);
    const node = svg.node();
    if (!node) throw new Error('serializeSvg: d3 did not create the svg element');
    return node.outerHTML.replace(/&nbsp;/g, '&#160;');
  } finally {
    svg.remove();
  }
}
