/** A badge SVG read as XML by a strict parser (saxes: a malformed document throws), its boxes and texts. */
import { SaxesParser } from 'saxes';

export interface ParsedBadge {
  width: number;
  height: number;
  /** The rectangles inside the clipped group: label box, message box, gloss. */
  rects: { x: number; width: number; fill: string | undefined }[];
  texts: { x: number; text: string }[];
  title: string | undefined;
}

export function parseBadge(svg: string): ParsedBadge {
  const parser = new SaxesParser({ xmlns: true });
  const badge: ParsedBadge = { width: 0, height: 0, rects: [], texts: [], title: undefined };
  const open: string[] = [];
  let clipped = false;
  let current: { x: number; text: string } | null = null;
  let inTitle = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attr = (name: string) => (tag.attributes[name] as { value: string } | undefined)?.value;
    open.push(tag.name);
    if (tag.name === 'svg' && open.length === 1) {
      if (attr('xmlns') !== 'http://www.w3.org/2000/svg') throw new Error('the root is not in the SVG namespace');
      badge.width = Number(attr('width'));
      badge.height = Number(attr('height'));
    }
    if (tag.name === 'g' && attr('clip-path')) clipped = true;
    if (tag.name === 'rect' && clipped) badge.rects.push({ x: Number(attr('x') ?? 0), width: Number(attr('width')), fill: attr('fill') });
    if (tag.name === 'text') current = { x: Number(attr('x')), text: '' };
    if (tag.name === 'title') inTitle = true;
  });
  parser.on('text', (text) => {
    if (current) current.text += text;
    if (inTitle) badge.title = (badge.title ?? '') + text;
  });
  parser.on('closetag', (tag) => {
    open.pop();
    if (tag.name === 'g') clipped = false;
    if (tag.name === 'title') inTitle = false;
    if (tag.name === 'text' && current) {
      badge.texts.push(current);
      current = null;
    }
  });
  parser.write(svg).close();
  if (badge.width <= 0) throw new Error(`not an SVG badge: ${svg.slice(0, 80)}`);
  return badge;
}
