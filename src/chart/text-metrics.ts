/**
 * Text widths without a canvas: advance widths of DejaVu Sans (the font the rasteriser finds
 * through fontconfig), read from DejaVuSans.ttf and DejaVuSans-Bold.ttf's hmtx tables, in
 * thousandths of an em for the printable ASCII characters U+0020 to U+007E.
 */

/** The font family every SVG we draw names: the font these metrics were read from first. */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";

const REGULAR_ASCII = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

const BOLD_ASCII = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
  712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Width assumed for characters outside ASCII (CJK and symbols are often a full em: err wide). */
const OTHER_CHARACTER = 1000;

export interface FontSpec {
  size: number;
  bold?: boolean;
}

export function textWidth(text: string, font: FontSpec): number {
  const table = font.bold ? BOLD_ASCII : REGULAR_ASCII;
  let thousandths = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    thousandths += code >= 32 && code < 127 ? table[code - 32] : OTHER_CHARACTER;
  }
  return (thousandths * font.size) / 1000;
}

/** The text, cut at a character boundary and ended with an ellipsis when wider than maxWidth. */
export function fitText(text: string, font: FontSpec, maxWidth: number): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const characters = Array.from(text);
  const ellipsis = '…';
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(characters.slice(0, middle).join('') + ellipsis, font) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : characters.slice(0, low).join('').trimEnd() + ellipsis;
}

/** Greedy word wrap into at most maxLines lines, the last one ellipsised if text remains. */
export function wrapText(text: string, font: FontSpec, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const candidate = current ? `${current} ${words[index]}` : words[index];
    if (textWidth(candidate, font) <= maxWidth || !current) {
      current = candidate;
      index += 1;
    } else {
      lines.push(current);
      current = '';
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  if (lines.length === 0) return [];
  const last = lines.length - 1;
  const rest = index < words.length ? ` ${words.slice(index).join(' ')}` : '';
  return lines.map((line, i) => fitText(i === last ? line + rest : line, font, maxWidth));
}
