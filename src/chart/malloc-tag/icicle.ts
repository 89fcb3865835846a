/**
 * The scope tree as an icicle (a D3 partition): one band per thread (or group of threads) under
 * one another, each band's root row named after its thread, children under their parent; a cell's
 * width is the measure (the same bytes per pixel in every band, so bands compare), its colour the
 * scope's own share (mtag-json2dot's red shade), its label name, figure and share where they fit,
 * its tooltip the whole path and exact figures. The work is bounded by the picture: rows deeper
 * than the height allows and cells under a pixel are folded into their parent, and at most
 * MAX_CELLS cells are drawn, whatever the size of the tree.
 */
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3';
import type { ScopeMeasure, Theme } from '../../options/plot-options.js';
import type { ThreadBand } from '../../aggregate/malloc-tag/thread-bands.js';
import { measureTitle, NEGATIVE_OWN_NOTE } from '../../aggregate/malloc-tag/scope-measure.js';
import { scopePath, scopeTable, type ScopeRow } from '../../aggregate/malloc-tag/scope-table.js';
import type { PlotArea } from '../layout.js';
import { roundCoordinate, svgElement, svgGroup, svgText, type SvgElement } from '../svg-node.js';
import { fitText, textWidth } from '../text-metrics.js';
import { cellStroke, shareColor, textOn } from './scope-colors.js';
import { formatExactScopeValue, formatScopeValue, formatShare } from './value-format.js';

/** Most cells one icicle draws (the SVG's size and the raster's work stay bounded). */
export const MAX_CELLS = 20_000;
/** Thinnest row drawn, and the gap between bands. */
const MIN_ROW_HEIGHT = 4;

export interface IcicleInput {
  bands: readonly ThreadBand[];
  measure: ScopeMeasure;
  hasFreed: boolean;
  theme: Theme;
  area: PlotArea;
  fontSize: number;
  /** Colour of labels drawn on the background. */
  mutedText: string;
}

export interface Icicle {
  element: SvgElement;
  /** What the picture leaves out, for the chart's notes. */
  messages: string[];
  /** The largest own share (0..1) the colours are scaled to: the deepest red. */
  deepestShare: number;
}

interface Cell {
  row: number;
  /** Width value of the cell alone: its own, plus everything folded into it. */
  value: number;
  children: Cell[];
}

/** Rows per band that fit in `height`, and the row height: as tall as a label needs when there is room, never under MIN_ROW_HEIGHT. */
function rowLayout(levels: readonly number[], height: number, gap: number, labelRow: number): { rowHeight: number; levels: number[]; bands: number } {
  // Bands that cannot have one row each are left out (from the end).
  const bands = Math.min(levels.length, Math.max(1, Math.floor((height + gap) / (MIN_ROW_HEIGHT + gap))));
  const room = height - gap * (bands - 1);
  let cap = levels.slice(0, bands).reduce((most, count) => Math.max(most, count), 1);
  const rowsWith = (limit: number) => levels.slice(0, bands).reduce((sum, count) => sum + Math.min(count, limit), 0);
  while (cap > 1 && rowsWith(cap) * MIN_ROW_HEIGHT > room) cap -= 1;
  const rows = rowsWith(cap);
  const rowHeight = Math.max(MIN_ROW_HEIGHT, Math.min(labelRow, Math.floor(room / Math.max(1, rows))));
  return { rowHeight, levels: levels.slice(0, bands).map((count) => Math.min(count, cap)), bands };
}

/** The band's cells: rows above `maxDepth` and at least `minValue` wide; what is left out is folded into its parent. */
function bandCells(rows: readonly ScopeRow[], widths: readonly number[], first: number, end: number, maxDepth: number, minValue: number): { root: Cell; count: number } {
  const cells = new Map<number, Cell>();
  const root: Cell = { row: first, value: widths[first], children: [] };
  cells.set(first, root);
  for (let i = first + 1; i < end; i += 1) {
    const row = rows[i];
    const parent = cells.get(row.parent);
    if (!parent || row.depth >= maxDepth || widths[i] < minValue || widths[i] <= 0) continue;
    const cell: Cell = { row: i, value: widths[i], children: [] };
    parent.children.push(cell);
    parent.value -= widths[i];
    cells.set(i, cell);
  }
  return { root, count: cells.size };
}

export function icicle(input: IcicleInput): Icicle {
  const { bands, measure, area, fontSize, theme } = input;
  const rows = scopeTable(bands, measure);
  const messages: string[] = [];
  // Widths: each scope's own figure, never below zero (a scope can free more than it allocated), summed up the tree.
  const widths = rows.map((row) => Math.max(0, row.own));
  for (let i = rows.length - 1; i >= 0; i -= 1) if (rows[i].parent >= 0) widths[rows[i].parent] += widths[i];
  if (rows.some((row) => row.own < 0)) messages.push(NEGATIVE_OWN_NOTE);
  const starts: number[] = [];
  rows.forEach((row, index) => {
    if (row.parent < 0) starts.push(index);
  });
  const ends = starts.map((start, index) => starts[index + 1] ?? rows.length);
  const depths = starts.map((start, index) => {
    let deepest = 0;
    for (let i = start; i < ends[index]; i += 1) deepest = Math.max(deepest, rows[i].depth);
    return deepest + 1;
  });
  const gap = Math.max(MIN_ROW_HEIGHT, Math.round(fontSize * 0.5));
  const labelFont = Math.max(8, Math.round(fontSize * 0.85));
  const layout = rowLayout(depths, area.height, gap, Math.round(labelFont * 2.4));
  if (layout.bands < bands.length) messages.push(`${bands.length - layout.bands} of ${bands.length} thread bands not drawn: no room (a taller image, threads=merge or aggregate= shows them)`);
  if (layout.levels.some((levels, index) => levels < depths[index])) messages.push('the deepest scopes are folded into their parents: no room for more rows');

  const largest = starts.slice(0, layout.bands).reduce((most, start) => Math.max(most, widths[start]), 0);
  const grand = starts.reduce((sum, start) => sum + widths[start], 0);
  if (!(largest > 0)) {
    messages.push(`nothing to draw: every scope has 0 ${measure === 'calls' ? 'calls' : 'bytes'}`);
    return { element: svgGroup({ class: 'icicle' }, []), messages, deepestShare: 0 };
  }
  const perPixel = largest / area.width;

  // Cells under a pixel are folded into their parent; when even that leaves too many, the threshold doubles.
  let minValue = perPixel;
  let trees: { root: Cell; count: number }[] = [];
  for (let pass = 0; pass < 40; pass += 1) {
    trees = starts.slice(0, layout.bands).map((start, index) => bandCells(rows, widths, start, ends[index], layout.levels[index], minValue));
    if (trees.reduce((sum, tree) => sum + tree.count, 0) <= MAX_CELLS) break;
    minValue *= 2;
  }
  const owns = rows.map((row) => Math.max(0, row.own));
  const drawnRows = trees.flatMap((tree) => {
    const list: number[] = [];
    const work = [tree.root];
    while (work.length > 0) {
      const cell = work.pop()!;
      list.push(cell.row);
      work.push(...cell.children);
    }
    return list;
  });
  const deepest = drawnRows.reduce((most, row) => Math.max(most, owns[row]), 0);
  const deepestShare = grand > 0 ? deepest / grand : 0;

  const stroke = cellStroke(theme);
  const groups: SvgElement[] = [];
  let top = area.top;
  trees.forEach((tree, bandIndex) => {
    const root = hierarchy<Cell>(tree.root, (cell) => cell.children).sum((cell) => Math.max(0, cell.value));
    const bandHeight = (root.height + 1) * layout.rowHeight;
    const laidOut = partition<Cell>().size([widths[starts[bandIndex]] / perPixel, bandHeight])(root);
    for (const node of laidOut.descendants()) groups.push(cellElement(node, { rows, widths, owns, grand, deepest, measure, hasFreed: input.hasFreed, theme, stroke, left: area.left, top, rowHeight: layout.rowHeight, labelFont, band: bands[bandIndex], right: area.left + area.width, mutedText: input.mutedText }));
    top += bandHeight + gap;
  });
  return { element: svgGroup({ class: 'icicle' }, groups), messages, deepestShare };
}

interface CellContext {
  rows: readonly ScopeRow[];
  widths: readonly number[];
  owns: readonly number[];
  grand: number;
  deepest: number;
  measure: ScopeMeasure;
  hasFreed: boolean;
  theme: Theme;
  stroke: string;
  left: number;
  top: number;
  rowHeight: number;
  labelFont: number;
  band: ThreadBand;
  /** Right edge of the area, and the colour of text on the background. */
  right: number;
  mutedText: string;
}

/** The first of name · figure · share, name · figure, name, or the name cut with an ellipsis, that fits `width`. */
export function cellLabel(name: string, figure: string, share: string, font: { size: number }, width: number): string {
  for (const candidate of [`${name} · ${figure} · ${share}`, `${name} · ${figure}`, name]) if (textWidth(candidate, font) <= width) return candidate;
  const cut = fitText(name, font, width);
  return Array.from(cut).length >= 4 ? cut : '';
}

function cellElement(node: HierarchyRectangularNode<Cell>, context: CellContext): SvgElement {
  const { rows, measure, rowHeight, labelFont } = context;
  const row = rows[node.data.row];
  const x = context.left + node.x0;
  const y = context.top + node.y0;
  const width = node.x1 - node.x0;
  const height = rowHeight - 1;
  const fill = shareColor(context.theme, context.deepest > 0 ? context.owns[node.data.row] / context.deepest : 0);
  const shown = measure === 'self' ? row.own : row.subtree;
  const figure = formatScopeValue(shown, measure);
  const share = formatShare(context.widths[node.data.row], context.grand);
  const path = row.parent < 0 ? context.band.label : `${context.band.label} › ${scopePath(rows, node.data.row).split(' › ').slice(1).join(' › ')}`;
  const freed = row.scope.totalFreed === null ? '' : `, freed ${formatExactScopeValue(row.scope.totalFreed, 'total')}`;
  const tooltip = [
    path,
    `${measureTitle(measure, context.hasFreed)}: ${formatExactScopeValue(shown, measure)} (${share} of all)`,
    `scope and below: allocated ${formatExactScopeValue(row.scope.totalAllocated, 'total')}${freed}`,
    `scope itself: allocated ${formatExactScopeValue(row.scope.selfAllocated, 'total')}${row.scope.selfFreed === null ? '' : `, freed ${formatExactScopeValue(row.scope.selfFreed, 'total')}`}; ${formatExactScopeValue(row.scope.calls.malloc + row.scope.calls.realloc + row.scope.calls.calloc, 'calls')}`,
  ].join('\n');
  const children: SvgElement[] = [
    { tag: 'title', attrs: {}, text: tooltip },
    svgElement('rect', { x: roundCoordinate(x), y: roundCoordinate(y), width: roundCoordinate(Math.max(0.5, width)), height, fill, stroke: context.stroke, 'stroke-width': width > 3 ? 1 : 0 }),
  ];
  const padding = 4;
  if (rowHeight >= labelFont + 4) {
    const name = row.parent < 0 ? context.band.label : row.scope.name;
    const baseline = roundCoordinate(y + height / 2 + labelFont * 0.35);
    const inside = cellLabel(name, figure, share, { size: labelFont }, width - 2 * padding);
    if (inside) children.push(svgText({ x: roundCoordinate(x + padding), y: baseline, fill: textOn(fill), 'font-size': labelFont }, inside));
    else if (row.parent < 0) {
      // A thread's root row is empty to its right (its scopes lie under it): a band too narrow for its name is named beside it.
      const outside = cellLabel(name, figure, share, { size: labelFont }, context.right - (x + width) - 2 * padding);
      if (outside) children.push(svgText({ x: roundCoordinate(x + width + padding), y: baseline, fill: context.mutedText, 'font-size': labelFont }, outside));
    }
  }
  return svgGroup({ class: 'scope' }, children);
}
