/**
 * The box each `<text>` of a chart SVG covers, measured with the chart's own text metrics (DejaVu
 * Sans advance widths; 0.76 em above the baseline, 0.24 em below), with font size, weight and
 * anchor inherited from enclosing groups and the `translate(…) rotate(-90)` of vertical titles.
 */
import type { Box } from '../../src/chart/label-layout.js';
import { textWidth } from '../../src/chart/text-metrics.js';

export interface TextBox extends Box {
  text: string;
}

const ASCENT = 0.76;
const DESCENT = 0.24;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:-]+)="([^"]*)"/g)) out[match[1]] = match[2];
  return out;
}

function unescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

type Inherited = { size: number; anchor: string; bold: boolean };

export function svgTextBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const stack: Inherited[] = [{ size: 16, anchor: 'start', bold: false }];
  const tags = /<(\/?)([\w:-]+)([^>]*?)(\/?)>([^<]*)/g;
  for (const [, closing, tag, rawAttributes, selfClosing, content] of svg.matchAll(tags)) {
    if (closing) {
      if (tag !== 'text') stack.pop();
      continue;
    }
    const attrs = attributes(rawAttributes);
    const parent = stack[stack.length - 1];
    const here: Inherited = {
      size: attrs['font-size'] !== undefined ? Number(attrs['font-size']) : parent.size,
      anchor: attrs['text-anchor'] ?? parent.anchor,
      bold: attrs['font-weight'] !== undefined ? attrs['font-weight'] === 'bold' : parent.bold,
    };
    if (tag !== 'text') {
      if (!selfClosing) stack.push(here);
      continue;
    }
    const text = unescape(content);
    const width = textWidth(text, { size: here.size, bold: here.bold });
    const along = (origin: number) => (here.anchor === 'middle' ? origin - width / 2 : here.anchor === 'end' ? origin - width : origin);
    const rotated = attrs.transform ? /translate\(([-\d.]+),([-\d.]+)\) rotate\(-90\)/.exec(attrs.transform) : null;
    if (attrs.transform && !rotated) throw new Error(`svgTextBoxes: unexpected transform ${attrs.transform}`);
    if (rotated) {
      const [tx, ty] = [Number(rotated[1]), Number(rotated[2])];
      // rotate(-90): the run goes up from (tx, ty); the ascent points left.
      const start = along(0);
      boxes.push({ text, x0: tx - ASCENT * here.size, x1: tx + DESCENT * here.size, y0: ty - (start + width), y1: ty - start });
    } else {
      const x = Number(attrs.x ?? 0);
      const y = Number(attrs.y ?? 0);
      const x0 = along(x);
      boxes.push({ text, x0, x1: x0 + width, y0: y - ASCENT * here.size, y1: y + DESCENT * here.size });
    }
  }
  return boxes;
}

/** Every pair of text boxes that overlap (by more than rounding: 0.25 px). */
export function overlappingTexts(boxes: readonly TextBox[]): [TextBox, TextBox][] {
  const slack = 0.25;
  const pairs: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.text === '' || b.text === '') continue;
      if (a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1) pairs.push([a, b]);
    }
  }
  return pairs;
}
